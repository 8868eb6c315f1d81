#!/usr/bin/env -S node --no-regexp-tier-up
import { loadAnalyzeBundle } from './analyze-bundle.js'

// `sitrep analyze` runs from its prebuilt bundle while that is fresh (analyze-bundle.ts); everything else, and
// analyze without a fresh bundle, from the modules.
const bundle = process.argv[2] === 'analyze' ? loadAnalyzeBundle() : { skipped: 'not analyze' }
if (process.env.SITREP_TRACE_BUNDLE === '1') process.stderr.write(`sitrep: analyze bundle ${'used' in bundle ? 'used' : bundle.skipped}\n`)
if ('used' in bundle) {
  await bundle.used.runAnalyze(process.argv)
  bundle.used.saveCodeCache()
} else {
  const { runCli } = await import('./run-cli.js')
  await runCli(process.argv)
}
