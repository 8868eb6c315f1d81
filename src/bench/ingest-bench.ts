import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore, type Store } from '../store/open-store.js'
import { listEvents, listPropositions, searchArticles, storeStats } from '../store/read/index.js'
import { writeIngestCorpus } from './ingest-corpus.js'
import { postgresSkipReason, startPostgres } from './postgres-server.js'
import { ENGINE_FLAGS } from '../context/engine-flags.js'

/**
 * The store's benchmark (`npm run bench`, after the analysis one): ingest of a generated corpus into
 * SQLite on 1 and 2 jobs with peak RSS at two corpus sizes, database size, query latency on the full
 * store, and PostgreSQL fed by two `sitrep worker` processes. Flags:
 *   --articles N      full corpus size (default 100000)
 *   --small N         the smaller size, also used for the 1-job and PostgreSQL runs (default 10000)
 *   --pg-articles N   articles for the PostgreSQL run (default: --small)
 *   --skip-pg         no PostgreSQL run
 *   --workers 1,2,4   worker counts for the PostgreSQL scaling run (each a `sitrep worker --jobs 1` process)
 *   --skip-1job       no 1-job SQLite run
 *   --keep DIR        build the corpus and stores in DIR and keep them
 *   --next-after DB   only this: the corpus's first 1,000 articles into an empty store against the 1,000 that follow
 *                     DB's N articles into a copy of DB (N from the store; DB itself is not written), each with
 *                     `sitrep ingest --jobs 2` and store-only (`--records`, analysed once beforehand), with CPU time
 *                     and peak RSS
 */
/** The CLI measured: this build's, or another's given by $SITREP_BENCH_CLI (a before/after comparison). */
const CLI = process.env['SITREP_BENCH_CLI'] || fileURLToPath(new URL('../cli/main.js', import.meta.url))

interface Flags {
  articles: number
  small: number
  pgArticles: number
  skipPg: boolean
  skip1Job: boolean
  workers: number[]
  keep: string | null
  queryRuns: number
  nextAfter: string | null
}

function parseFlags(args: string[]): Flags {
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name)
    return at >= 0 ? args[at + 1] : undefined
  }
  const count = (name: string, fallback: number): number => {
    const raw = value(name)
    const n = raw === undefined ? fallback : Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} expects a positive whole number, got ${raw}`)
    return n
  }
  const articles = count('--articles', 100_000)
  const small = Math.min(articles, count('--small', 10_000))
  const workers = (value('--workers') ?? '1,2,4').split(',').map(Number)
  if (workers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--workers expects counts like 1,2,4, got ${value('--workers')}`)
  return {
    articles,
    small,
    pgArticles: count('--pg-articles', small),
    skipPg: args.includes('--skip-pg'),
    skip1Job: args.includes('--skip-1job'),
    workers,
    keep: value('--keep') ?? null,
    queryRuns: count('--query-runs', 30),
    nextAfter: value('--next-after') ?? null,
  }
}

interface RunResult {
  seconds: number
  /** User + system CPU of the process and its threads, from the last sample before it exited. */
  cpuSeconds: number
  peakRssMb: number
  stderr: string
  code: number | null
}

/** Runs a child process, sampling its peak resident set (VmHWM covers worker threads: one process). */
export function runMeasured(args: string[]): Promise<RunResult> {
  const started = performance.now()
  const child = spawn(process.execPath, [...ENGINE_FLAGS, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let peakKb = 0
  let cpuTicks = 0
  const sample = (): void => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peakKb = Math.max(peakKb, kb)
      // utime and stime: fields 14 and 15, counted after the command name's closing parenthesis
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      cpuTicks = Number(fields[11]) + Number(fields[12])
    } catch {
      // The process has exited between samples.
    }
  }
  const timer = setInterval(sample, 50)
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearInterval(timer)
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: cpuTicks / 100, peakRssMb: peakKb / 1024, stderr, code })
    })
  })
}

function fileSizeMb(file: string): number {
  let bytes = 0
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) bytes += fs.statSync(file + suffix).size
  return bytes / 2 ** 20
}

async function ingestSqlite(label: string, inputs: string[], db: string, jobs: number, articles: number): Promise<void> {
  const run = await runMeasured([CLI, 'ingest', ...inputs, '--db', db, '--jobs', String(jobs), '--no-progress'])
  if (run.code !== 0) throw new Error(`ingest ${label} failed:\n${run.stderr.slice(-2000)}`)
  const store = await openStore(db)
  const stats = await storeStats(store)
  await store.close()
  console.log(
    `  ${label.padEnd(22)} ${(articles / run.seconds).toFixed(1).padStart(7)} articles/s  ${run.seconds.toFixed(1).padStart(7)} s  ` +
      `peak RSS ${run.peakRssMb.toFixed(0).padStart(5)} MB  db ${fileSizeMb(db).toFixed(1)} MB  ` +
      `(${stats.articles} stored, ${stats.nearDuplicates} near-duplicates, ${stats.events} events, ${stats.propositions} propositions)`,
  )
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function queryLatency(store: Store, runs: number): Promise<void> {
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['claims', () => listPropositions(store, { limit: 50 })],
    ['claims --contested', () => listPropositions(store, { status: 'contested', limit: 50 })],
    ['claims --about TTP', () => listPropositions(store, { about: 'TTP', limit: 50 })],
    ['events', () => listEvents(store, { limit: 50 })],
    ['events --type --place', () => listEvents(store, { type: 'ASSAULT', place: 'Quetta', limit: 50 })],
    ['events --since', () => listEvents(store, { since: '2025-06-01', limit: 50 })],
    ['search checkpost', () => searchArticles(store, 'checkpost', 20)],
    ['search "suicide bomber"', () => searchArticles(store, '"suicide bomber" Quetta', 20)],
  ]
  for (const [name, query] of queries) {
    await query()
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      await query()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    console.log(
      `  ${name.padEnd(24)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
    )
  }
}

/**
 * Worker scaling: for each count, a fresh database, the corpus enqueued, that many `sitrep worker --jobs 1`
 * processes draining it. The time is the slowest worker's, less the idle wait before it exits.
 */
async function postgresWithWorkers(inputs: string[], articles: number, counts: number[]): Promise<void> {
  if (postgresSkipReason) {
    console.log(`  skipped: ${postgresSkipReason}`)
    return
  }
  const server = await startPostgres()
  try {
    let oneWorkerRate: number | null = null
    let lastDb = ''
    for (const count of counts) {
      const db = await server.createDatabase()
      lastDb = db
      const enqueue = await runMeasured([CLI, 'ingest', ...inputs, '--db', db, '--enqueue'])
      if (enqueue.code !== 0) throw new Error(`enqueue failed:\n${enqueue.stderr.slice(-2000)}`)
      const idleSeconds = 2
      const workers = await Promise.all(
        Array.from({ length: count }, () =>
          runMeasured([CLI, 'worker', '--db', db, '--jobs', '1', '--exit-when-idle', String(idleSeconds)]),
        ),
      )
      for (const worker of workers) if (worker.code !== 0) throw new Error(`worker failed:\n${worker.stderr.slice(-2000)}`)
      const seconds = Math.max(...workers.map((worker) => worker.seconds)) - idleSeconds
      const store = await openStore(db)
      const stats = await storeStats(store)
      await store.close()
      const rate = articles / seconds
      if (count === 1) oneWorkerRate = rate
      console.log(
        `  ${`${count} worker${count > 1 ? 's' : ''} × 1 job`.padEnd(22)} ${rate.toFixed(1).padStart(7)} articles/s  ${seconds.toFixed(1).padStart(7)} s  ` +
          `${oneWorkerRate ? `${(rate / oneWorkerRate).toFixed(2)}× one worker  ` : ''}peak RSS ${workers.map((w) => w.peakRssMb.toFixed(0)).join(' + ')} MB  ` +
          `(enqueue ${enqueue.seconds.toFixed(1)} s; ${stats.articles} stored, ${stats.events} events, ${stats.propositions} propositions)`,
      )
    }
    console.log('  query latency on PostgreSQL')
    const store = await openStore(lastDb)
    await queryLatency(store, 10)
    await store.close()
  } finally {
    server.stop()
  }
}

/**
 * The ingest curve: the corpus files (1,000 articles each) ingested one after another into one store on 2 jobs,
 * so the cost of each thousand is seen as the store grows. Each point includes a process start.
 */
async function ingestCurve(files: string[], db: string, perFile: number): Promise<void> {
  const marks = new Set([1, 10, 100, 1000].filter((n) => n <= files.length).concat(files.length))
  let first: number | null = null
  let peak = 0
  const started = performance.now()
  for (const [i, file] of files.entries()) {
    const run = await runMeasured([CLI, 'ingest', file, '--db', db, '--jobs', '2', '--no-progress'])
    if (run.code !== 0) throw new Error(`ingest of ${file} failed:\n${run.stderr.slice(-2000)}`)
    peak = Math.max(peak, run.peakRssMb)
    const rate = perFile / run.seconds
    first ??= rate
    if (marks.has(i + 1)) {
      console.log(
        `  thousand no. ${String(i + 1).padEnd(8)} ${rate.toFixed(1).padStart(7)} articles/s  ${run.seconds.toFixed(1).padStart(6)} s  ` +
          `${(rate / first).toFixed(2)}× the first  peak RSS ${run.peakRssMb.toFixed(0).padStart(5)} MB  db ${fileSizeMb(db).toFixed(0)} MB`,
      )
    }
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `  all ${files.length * perFile} in ${seconds.toFixed(0)} s (${((files.length * perFile) / seconds).toFixed(1)} articles/s), peak RSS ${peak.toFixed(0)} MB`,
  )
}

/**
 * Whether the write path stays flat: the first 1,000 articles into an empty store against the 1,000 after a big
 * store's N (the corpus's thousand no. N/1000 + 1, so near-duplicates point back into the store as in a long run).
 * Store-only runs ingest analysis records made beforehand, so they time the writes alone.
 */
async function nextAfter(big: string, dir: string): Promise<void> {
  const source = await openStore(big)
  const { articles: stored } = await storeStats(source)
  await source.close()
  const perFile = 1000
  const after = Math.ceil(stored / perFile) * perFile
  const corpus = writeIngestCorpus(path.join(dir, 'corpus'), after + perFile, perFile)
  const first = corpus.files[0]!
  const next = corpus.files[corpus.files.length - 1]!
  console.log(`\ningest, the first ${perFile} articles into an empty store against the ${perFile} after ${stored} (${big})`)
  const records = async (file: string): Promise<string> => {
    const out = `${file}.records.jsonl`
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...ENGINE_FLAGS, CLI, 'analyze', file, '--jsonl'], {
        stdio: ['ignore', fs.openSync(out, 'w'), 'inherit'],
      })
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`analyze ${file} failed (${code})`))))
    })
    return out
  }
  const inputs = { first: { file: first, records: await records(first) }, next: { file: next, records: await records(next) } }
  for (const mode of ['store only (--records)', '--jobs 2'] as const) {
    for (const which of ['first', 'next'] as const) {
      const db = path.join(dir, `${which}.db`)
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true })
      if (which === 'next') fs.copyFileSync(big, db)
      const args =
        mode === '--jobs 2'
          ? [CLI, 'ingest', inputs[which].file, '--db', db, '--jobs', '2', '--no-progress']
          : [CLI, 'ingest', inputs[which].records, '--db', db, '--records', '--no-progress']
      const run = await runMeasured(args)
      if (run.code !== 0) throw new Error(`ingest ${which} failed:\n${run.stderr.slice(-2000)}`)
      const label = `${mode}, ${which === 'first' ? 'first 1,000' : `1,000 after ${stored}`}`
      console.log(
        `  ${label.padEnd(42)} ${(perFile / run.seconds).toFixed(1).padStart(7)} articles/s  ${run.seconds.toFixed(1).padStart(6)} s  ` +
          `CPU ${run.cpuSeconds.toFixed(1).padStart(5)} s (${((run.cpuSeconds * 1000) / perFile).toFixed(1)} ms an article)  ` +
          `peak RSS ${run.peakRssMb.toFixed(0).padStart(5)} MB  load ${os.loadavg()[0]!.toFixed(1)}`,
      )
      fs.rmSync(db, { force: true })
    }
  }
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const flags = parseFlags(args)
  const dir = flags.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-ingest-bench-'))
  if (flags.nextAfter) {
    try {
      await nextAfter(flags.nextAfter, dir)
    } finally {
      if (!flags.keep) fs.rmSync(dir, { recursive: true, force: true })
    }
    return
  }
  try {
    const perFile = 1000
    const corpusStarted = performance.now()
    const corpus = writeIngestCorpus(path.join(dir, 'corpus'), flags.articles, perFile)
    console.log(
      `\ningest (generated corpus: ${flags.articles} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB, 20% near-duplicates, in ${((performance.now() - corpusStarted) / 1000).toFixed(1)} s)`,
    )
    const smallInputs = corpus.files.slice(0, Math.ceil(flags.small / perFile))
    const smallCount = Math.min(flags.small, smallInputs.length * perFile)
    if (!flags.skip1Job) await ingestSqlite(`SQLite ${smallCount}, 1 job`, smallInputs, path.join(dir, 'small-1.db'), 1, smallCount)
    await ingestSqlite(`SQLite ${smallCount}, 2 jobs`, smallInputs, path.join(dir, 'small-2.db'), 2, smallCount)
    const full = path.join(dir, flags.articles > smallCount ? 'full-2.db' : 'small-2.db')
    if (flags.articles > smallCount) {
      console.log(`  ingest curve into one SQLite store, 2 jobs, ${perFile} articles a run`)
      await ingestCurve(corpus.files, full, perFile)
    }
    console.log(`  query latency on the ${flags.articles}-article SQLite store (${flags.queryRuns} runs each)`)
    const store = await openStore(full)
    await queryLatency(store, flags.queryRuns)
    await store.close()
    if (!flags.skipPg) {
      const pgInputs = corpus.files.slice(0, Math.ceil(flags.pgArticles / perFile))
      const pgCount = Math.min(flags.articles, pgInputs.length * perFile)
      console.log(`\nPostgreSQL worker scaling (${pgCount} articles enqueued; ${os.cpus().length} cores)`)
      await postgresWithWorkers(pgInputs, pgCount, flags.workers)
    }
  } finally {
    if (!flags.keep) fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
