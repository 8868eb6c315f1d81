import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { ENGINE_FLAGS } from '../context/engine-flags.js'
import { BUNDLE_FILE, type BundleManifest, codeCacheFile, MANIFEST_FILE } from './analyze-bundle.js'

/**
 * Builds dist/cli/analyze.bundle.cjs from the compiled modules (analyze-entry.js and all it imports, chrono and
 * wink included; the JSON model files, and the packages loaded only for HTML, Markdown, feeds and YAML, stay
 * outside and are read as before), its manifest (the size and modification time of every input), and warms
 * its V8 code cache with one analysis of a demo article. `npm run build` runs it last; ~1 s.
 */
export async function buildAnalyzeBundle(cliDir: string): Promise<{ inputs: number; bytes: number }> {
  const root = join(cliDir, '..', '..')
  const bundleFile = join(cliDir, BUNDLE_FILE)
  const manifestFile = join(cliDir, MANIFEST_FILE)
  rmSync(manifestFile, { force: true })
  for (const name of readdirSync(cliDir)) if (name.startsWith(`${BUNDLE_FILE}.`)) rmSync(join(cliDir, name), { force: true })
  const result = await build({
    entryPoints: [join(cliDir, 'analyze-entry.js')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    logLevel: 'error',
    // The modules find data/, dist/snapshot/ and packages from their own URL; the bundle lies as deep in dist/.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [jsonOutside(cliDir), chronoInside(root)],
  })
  const inputs: BundleManifest['inputs'] = {}
  for (const input of [...Object.keys(result.metafile.inputs), relative(process.cwd(), bundleFile)]) {
    const path = relative(root, join(process.cwd(), input.replace(/^[^:]*:/, '')))
    const stat = statSync(join(root, path))
    inputs[path.split(sep).join('/')] = [stat.size, stat.mtimeMs]
  }
  const manifest: BundleManifest = { version: 1, inputs }
  writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`)
  warmCodeCache(root, bundleFile)
  return { inputs: Object.keys(inputs).length, bytes: statSync(bundleFile).size }
}

/** JSON files (wink's models) are required at run time: Node's JSON.parse reads them faster than a JS literal. */
function jsonOutside(cliDir: string): Plugin {
  return {
    name: 'json-outside',
    setup(builder) {
      builder.onResolve({ filter: /\.json$/ }, (args) => {
        const path = createRequire(join(args.resolveDir, 'importer.js')).resolve(args.path)
        return { path: `./${relative(cliDir, path).split(sep).join('/')}`, external: true }
      })
    },
  }
}

/**
 * The modules load chrono with `createRequire(import.meta.url)`, which a bundler does not follow; here it reads
 * them as plain `require`s of the same CommonJS files, so chrono is bundled too. The build fails if the expected
 * code is not there (recognize/dates.ts and date-cues.ts changed): a silent miss would load chrono twice.
 */
function chronoInside(root: string): Plugin {
  const chrono = createRequire(join(root, 'package.json')).resolve('chrono-node/en')
  const constants = JSON.stringify(join(dirname(chrono), 'constants.js'))
  const rewrites: Record<string, [RegExp, string]> = {
    'dates.js': [/createRequire\(import\.meta\.url\)\('chrono-node\/en'\)/, "require('chrono-node/en')"],
    'date-cues.js': [
      /const require = createRequire\(import\.meta\.url\);\s*const constants = require\(join\(dirname\(require\.resolve\('chrono-node\/en'\)\), 'constants\.js'\)\);/,
      `const constants = require(${constants});`,
    ],
  }
  return {
    name: 'chrono-inside',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]recognize[\\/]date(s|-cues)\.js$/ }, (args) => {
        const [pattern, replacement] = rewrites[args.path.slice(args.path.lastIndexOf(sep) + 1)]!
        const source = readFileSync(args.path, 'utf8')
        if (!pattern.test(source)) throw new Error(`${args.path}: chrono is no longer loaded as build-bundle.ts expects`)
        return { contents: source.replace(pattern, replacement), loader: 'js' }
      })
    },
  }
}

/** One analysis with the CLI's own flags, so the code cache holds what a first article compiles. */
function warmCodeCache(root: string, bundleFile: string): void {
  const run = spawnSync(
    process.execPath,
    [...ENGINE_FLAGS, join(root, 'dist', 'cli', 'main.js'), 'analyze', join(root, 'examples', 'demo', '01-bannu-checkpost.txt')],
    { encoding: 'utf8', env: { ...process.env, SITREP_TRACE_BUNDLE: '1', SITREP_NO_BUNDLE: '' } },
  )
  if (run.status !== 0 || !run.stderr.includes('analyze bundle used')) {
    throw new Error(`the analyze bundle did not run: ${run.stderr.trim()}`)
  }
  if (!existsSync(codeCacheFile(bundleFile, ENGINE_FLAGS))) throw new Error('the analyze bundle wrote no code cache')
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const started = performance.now()
  const cliDir = dirname(fileURLToPath(import.meta.url))
  const { inputs, bytes } = await buildAnalyzeBundle(cliDir)
  console.log(
    `analyze bundle: ${join(cliDir, BUNDLE_FILE)}, ${inputs} inputs, ${(bytes / 1e6).toFixed(2)} MB (${Math.round(performance.now() - started)} ms)`,
  )
}
