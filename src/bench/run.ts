import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { benchAnalyze, benchLinearity, machineDescription } from './analyze-bench.js'
import { generatedArticles } from './bench-size.js'
import { benchStages, benchStartup } from './stage-bench.js'

/**
 * `npm run bench`: throughput of the analysis pipeline on one core (flags --analyze-mb N, default 50, and
 * --recognize-mb N, default 10), then the store's ingest benchmark (ingest-bench.ts), every export format's
 * time and peak RSS (export-bench.ts) and the API's latency (serve-bench.ts). --analyze-only stops after the
 * first; --skip-export and --skip-serve leave out the last two; --stores-only runs only those two.
 * SITREP_BENCH_ARTICLES=N sizes the store both generate (one store, built once: e.g. 100000 for the 100k
 * figures, `SITREP_BENCH_ARTICLES=100000 npm run bench -- --stores-only --keep DIR` to keep it for a rerun).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const flag = (name: string, fallback: number) => {
    const at = args.indexOf(name)
    return at >= 0 ? Number(args[at + 1]) : fallback
  }
  const analyzeMb = flag('--analyze-mb', 50)
  const recognizeMb = flag('--recognize-mb', 10)
  console.log(
    `sitrep bench — ${machineDescription()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  if (args.includes('--stores-only')) return benchStores(args)
  const startup = benchStartup()
  console.log(
    `\nstart-up: \`sitrep analyze\` on one small article, fresh process   median ${startup.medianMs.toFixed(0)} ms, best ${startup.bestMs.toFixed(0)} ms${startup.cpuMedianMs === null ? '' : `, CPU time median ${startup.cpuMedianMs.toFixed(0)} ms`}`,
  )
  const stages = benchStages()
  console.log(
    `per-stage ms per article: ${Object.entries(stages)
      .map(([stage, ms]) => `${stage} ${ms.toFixed(2)}`)
      .join(', ')}`,
  )
  console.log(`\nrecognition only (clean, nlp, entities, places, dates; one core, ≥ ${recognizeMb} MB)`)
  const baseline = benchAnalyze(recognizeMb, () => {}, false)
  console.log(
    `  throughput      ${baseline.articlesPerSecond.toFixed(0)} articles/s, ${baseline.megabytesPerSecond.toFixed(2)} MB/s over ${baseline.articles} articles`,
  )
  console.log(`\nanalyze (one core, synthetic corpus from examples/demo, ≥ ${analyzeMb} MB)`)
  const result = benchAnalyze(analyzeMb, (line) => console.log(line))
  console.log(`  articles        ${result.articles}`)
  console.log(`  corpus          ${result.megabytes.toFixed(1)} MB`)
  console.log(
    `  time            ${result.seconds.toFixed(1)} s (+ ${result.loadSeconds.toFixed(2)} s loading knowledge base and gazetteer)`,
  )
  console.log(
    `  throughput      ${result.articlesPerSecond.toFixed(0)} articles/s, ${result.megabytesPerSecond.toFixed(2)} MB/s (${(result.articlesPerSecond * 60).toFixed(0)} articles/min)`,
  )
  console.log(`  peak RSS        ${result.peakRssMb.toFixed(0)} MB`)
  console.log(`  extracted       ${result.events} events, ${result.claims} claims`)
  console.log(
    `  with extraction ${((100 * result.articlesPerSecond) / baseline.articlesPerSecond).toFixed(0)}% of recognition-only throughput`,
  )
  console.log(`\nlinearity (one article made of N typical ~4 KB articles; CPU ms, best of 3; cost per article against 1×)`)
  const linearity = benchLinearity()
  for (const point of linearity) {
    console.log(
      `  ${String(point.factor).padStart(3)}×  ${point.kilobytes.toFixed(0).padStart(5)} KB  ${point.milliseconds.toFixed(0).padStart(6)} ms  ${point.costRatio.toFixed(2)}× per article`,
    )
  }
  // the budget is an upper one: a long article may cost less per typical article (fixed costs shared), never more
  const longest = linearity.at(-1)!
  console.log(
    `  the ${longest.factor}× article costs ${(longest.costRatio * longest.factor).toFixed(1)}× the 1× article: ` +
      `${longest.costRatio <= 1.2 ? 'within' : 'OVER'} the budget of ${longest.factor}× + 20%`,
  )
  if (!args.includes('--analyze-only')) {
    const ingest = await import('./ingest-bench.js')
    await ingest.main(args)
  }
  if (!args.includes('--analyze-only')) await benchStores(args)
}

/** The export and serve benches, over one generated store when they are of one size and nothing else is kept. */
async function benchStores(args: string[]): Promise<void> {
  const exporting = !args.includes('--skip-export')
  const serving = !args.includes('--skip-serve')
  const shareable =
    exporting &&
    serving &&
    !args.includes('--keep') &&
    !args.includes('--export-db') &&
    !args.includes('--serve-db') &&
    generatedArticles(args, '--export-articles', 10_000) === generatedArticles(args, '--serve-articles', 100_000)
  const shared = shareable ? fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-bench-store-')) : null
  const storeArgs = shared ? [...args, '--keep', shared] : args
  try {
    if (exporting) await (await import('./export-bench.js')).main(storeArgs)
    if (serving) await (await import('./serve-bench.js')).main(storeArgs)
  } finally {
    if (shared) fs.rmSync(shared, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
