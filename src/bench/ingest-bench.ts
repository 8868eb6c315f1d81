import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore, type Store } from '../store/open-store.js'
import { listEvents, listPropositions, searchArticles, storeStats } from '../store/queries.js'
import { writeIngestCorpus } from './ingest-corpus.js'
import { postgresSkipReason, startPostgres } from './postgres-server.js'

/**
 * The store's benchmark (`npm run bench`, after the analysis one): ingest of a generated corpus into
 * SQLite on 1 and 2 jobs with peak RSS at two corpus sizes, database size, query latency on the full
 * store, and PostgreSQL fed by two `sitrep worker` processes. Flags:
 *   --articles N      full corpus size (default 100000)
 *   --small N         the smaller size, also used for the 1-job and PostgreSQL runs (default 10000)
 *   --pg-articles N   articles for the PostgreSQL run (default: --small)
 *   --skip-pg         no PostgreSQL run
 *   --keep DIR        build the corpus and stores in DIR and keep them
 */
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url))

interface Flags {
  articles: number
  small: number
  pgArticles: number
  skipPg: boolean
  keep: string | null
  queryRuns: number
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
  return { articles, small, pgArticles: count('--pg-articles', small), skipPg: args.includes('--skip-pg'), keep: value('--keep') ?? null, queryRuns: count('--query-runs', 30) }
}

interface RunResult {
  seconds: number
  peakRssMb: number
  stderr: string
  code: number | null
}

/** Runs a child process, sampling its peak resident set (VmHWM covers worker threads: one process). */
export function runMeasured(args: string[]): Promise<RunResult> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let peakKb = 0
  const sample = (): void => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peakKb = Math.max(peakKb, kb)
    } catch {
      // The process has exited between samples.
    }
  }
  const timer = setInterval(sample, 100)
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearInterval(timer)
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: peakKb / 1024, stderr, code })
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
    ['claims --contested', () => listPropositions(store, { contested: true, limit: 50 })],
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
    console.log(`  ${name.padEnd(24)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`)
  }
}

async function postgresWithWorkers(inputs: string[], articles: number): Promise<void> {
  if (postgresSkipReason) {
    console.log(`  skipped: ${postgresSkipReason}`)
    return
  }
  const server = await startPostgres()
  try {
    const db = await server.createDatabase()
    const enqueue = await runMeasured([CLI, 'ingest', ...inputs, '--db', db, '--enqueue'])
    if (enqueue.code !== 0) throw new Error(`enqueue failed:\n${enqueue.stderr.slice(-2000)}`)
    console.log(`  enqueue                ${(articles / enqueue.seconds).toFixed(0).padStart(7)} articles/s  ${enqueue.seconds.toFixed(1).padStart(7)} s`)
    const idleSeconds = 2
    const workers = await Promise.all(
      [0, 1].map(() => runMeasured([CLI, 'worker', '--db', db, '--jobs', '1', '--exit-when-idle', String(idleSeconds)])),
    )
    for (const worker of workers) if (worker.code !== 0) throw new Error(`worker failed:\n${worker.stderr.slice(-2000)}`)
    const seconds = Math.max(...workers.map((worker) => worker.seconds)) - idleSeconds
    const store = await openStore(db)
    const stats = await storeStats(store)
    console.log(
      `  2 workers × 1 job      ${(articles / seconds).toFixed(1).padStart(7)} articles/s  ${seconds.toFixed(1).padStart(7)} s  ` +
        `peak RSS ${workers.map((w) => w.peakRssMb.toFixed(0)).join(' + ')} MB  (${stats.articles} stored, ${stats.events} events, ${stats.propositions} propositions)`,
    )
    console.log('  query latency on PostgreSQL')
    await queryLatency(store, 10)
    await store.close()
  } finally {
    server.stop()
  }
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const flags = parseFlags(args)
  const dir = flags.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-ingest-bench-'))
  try {
    const perFile = 1000
    const corpusStarted = performance.now()
    const corpus = writeIngestCorpus(path.join(dir, 'corpus'), flags.articles, perFile)
    console.log(`\ningest (generated corpus: ${flags.articles} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB, 20% near-duplicates, in ${((performance.now() - corpusStarted) / 1000).toFixed(1)} s)`)
    const smallInputs = corpus.files.slice(0, Math.ceil(flags.small / perFile))
    const smallCount = Math.min(flags.small, smallInputs.length * perFile)
    await ingestSqlite(`SQLite ${smallCount}, 1 job`, smallInputs, path.join(dir, 'small-1.db'), 1, smallCount)
    await ingestSqlite(`SQLite ${smallCount}, 2 jobs`, smallInputs, path.join(dir, 'small-2.db'), 2, smallCount)
    const full = path.join(dir, flags.articles > smallCount ? 'full-2.db' : 'small-2.db')
    if (flags.articles > smallCount) await ingestSqlite(`SQLite ${flags.articles}, 2 jobs`, corpus.files, full, 2, flags.articles)
    console.log(`  query latency on the ${flags.articles}-article SQLite store (${flags.queryRuns} runs each)`)
    const store = await openStore(full)
    await queryLatency(store, flags.queryRuns)
    await store.close()
    if (!flags.skipPg) {
      const pgInputs = corpus.files.slice(0, Math.ceil(flags.pgArticles / perFile))
      const pgCount = Math.min(flags.articles, pgInputs.length * perFile)
      console.log(`\nPostgreSQL (${pgCount} articles enqueued, 2 sitrep worker processes)`)
      await postgresWithWorkers(pgInputs, pgCount)
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
