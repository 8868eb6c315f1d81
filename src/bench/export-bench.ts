import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXPORT_FORMATS } from '../export/index.js'
import { openStore } from '../store/open-store.js'
import { storeStats } from '../store/read/index.js'
import { generatedArticles, generatedStoreFile } from './bench-size.js'
import { runMeasured } from './ingest-bench.js'
import { fillStore } from './serve-bench.js'

/**
 * Export time and peak RSS (`npm run bench`, or on its own): `sitrep export --format F --out FILE` for
 * every format, each in its own process over the same store, sampled for its peak resident set.
 * Flags:
 *   --export-db URL        measure this existing store (e.g. the ingest bench's)
 *   --export-articles N    else generate a store of N articles (default SITREP_BENCH_ARTICLES, else 10000;
 *                          as the serve bench does)
 *   --keep DIR             keep (and reuse) the generated store in DIR (the serve bench reuses it at the same size)
 */
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url))

export interface ExportRun {
  format: string
  seconds: number
  peakRssMb: number
  outputMb: number
}

export async function benchExports(db: string, log: (line: string) => void = console.log): Promise<ExportRun[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-export-bench-'))
  const runs: ExportRun[] = []
  try {
    for (const format of EXPORT_FORMATS) {
      const out = path.join(dir, `export.${format}`)
      const run = await runMeasured([CLI, 'export', '--format', format, '--db', db, '--out', out])
      if (run.code !== 0) throw new Error(`export --format ${format} failed:\n${run.stderr.slice(-2000)}`)
      const result = { format, seconds: run.seconds, peakRssMb: run.peakRssMb, outputMb: fs.statSync(out).size / 1e6 }
      fs.rmSync(out)
      runs.push(result)
      log(
        `  export ${format.padEnd(10)} ${result.seconds.toFixed(1).padStart(7)} s  peak RSS ${result.peakRssMb.toFixed(0).padStart(5)} MB  output ${result.outputMb.toFixed(1)} MB`,
      )
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return runs
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name)
    return at >= 0 ? args[at + 1] : undefined
  }
  let db = value('--export-db')
  const keep = value('--keep')
  const dir = db ? null : (keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-export-store-')))
  try {
    if (!db) {
      const articles = generatedArticles(args, '--export-articles', 10_000)
      fs.mkdirSync(dir!, { recursive: true })
      db = generatedStoreFile(dir!, articles)
      const started = performance.now()
      const store = await openStore(db)
      await fillStore(store, articles, () => undefined)
      await store.close()
      console.log(
        `\nexport (${articles} generated articles in SQLite, built in ${((performance.now() - started) / 1000).toFixed(0)} s; each format in its own process)`,
      )
    } else {
      console.log(`\nexport (${db}; each format in its own process)`)
    }
    const store = await openStore(db)
    const stats = await storeStats(store)
    await store.close()
    console.log(
      `  store           ${stats.articles} articles, ${stats.events} events, ${stats.propositions} propositions, ${stats.claims} statements`,
    )
    await benchExports(db)
  } finally {
    if (dir && !keep) fs.rmSync(dir, { recursive: true, force: true })
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
