import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { openStore } from '../store/open-store.js'
import { writeIngestCorpus } from './ingest-corpus.js'
import { fillStore } from './serve-bench.js'
import { ENGINE_FLAGS } from '../context/engine-flags.js'

/**
 * `npm run bench:load`: `sitrep serve` under concurrent clients while `sitrep ingest` writes to the same SQLite
 * store. A store is filled with generated records, the server and an ingest of a text corpus start as their own
 * processes, and autocannon runs the clients over loopback, split evenly across the overview, propositions (the
 * claims view), events, search and article endpoints. Reports per endpoint p50/p95/p99, errors, non-2xx answers,
 * "database is locked" occurrences (answers and both processes' logs) and the server's RSS before and after.
 * Flags: --seconds N (30), --clients N (100), --articles N (store size, 3000), --check (exit 1 on any error,
 * non-2xx answer or lock; the CI variant).
 */
export interface LoadOptions {
  seconds: number
  clients: number
  articles: number
  /** The compiled CLI to start (default: the one beside this file in dist/). */
  cli?: string
  log?: (line: string) => void
}

export interface EndpointLoad {
  endpoint: string
  requests: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  errors: number
  timeouts: number
  non2xx: number
  status5xx: number
}

export interface LoadResult {
  endpoints: EndpointLoad[]
  lockedMessages: number
  rssBeforeMb: number
  rssAfterMb: number
  articlesBefore: number
  articlesAfter: number
  ingestRunning: boolean
}

const CLI = new URL('../cli/main.js', import.meta.url).pathname

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024
}

function articleCount(db: string): number {
  const store = new Database(db, { readonly: true })
  try {
    return (store.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n
  } finally {
    store.close()
  }
}

/** Request paths per endpoint, varied with ids taken from the store. */
function endpointPaths(db: string): [string, string[]][] {
  const store = new Database(db, { readonly: true })
  try {
    const ids = (sql: string) => (store.prepare(sql).all() as { id: string }[]).map((row) => encodeURIComponent(row.id))
    const articles = ids('SELECT id FROM articles ORDER BY doc_no LIMIT 200')
    const names = (store.prepare('SELECT name FROM entities ORDER BY id LIMIT 20').all() as { name: string }[]).map((r) => r.name)
    const words = ['convoy blast', 'checkpoint', 'tribal elders', 'border', ...names].map(encodeURIComponent)
    return [
      ['overview', ['/api/overview']],
      [
        'propositions (claims)',
        ['contested', 'corroborated', 'single-source'].map((s, i) => `/api/propositions?status=${s}&offset=${i * 25}&limit=25`),
      ],
      ['events', ['ASSAULT', 'COERCE', 'ACCUSE'].map((type, i) => `/api/events?type=${type}&since=202${1 + i}-01-01&limit=50`)],
      ['search', words.map((q) => `/api/search?q=${q}`)],
      ['article', articles.map((id) => `/api/articles/${id}`)],
    ]
  } finally {
    store.close()
  }
}

function startProcess(cli: string, args: string[], onLine: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, [...ENGINE_FLAGS, cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = ''
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n')
      rest = lines.pop()!
      for (const line of lines) onLine(line)
    })
  }
  return child
}

function waitFor(test: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll)
        resolve()
      } else if (Date.now() > deadline) {
        clearInterval(poll)
        reject(new Error(`timed out waiting for ${what}`))
      }
    }, 50)
  })
}

function loadOne(base: string, endpoint: string, paths: string[], connections: number, seconds: number, onLocked: () => void) {
  return new Promise<EndpointLoad>((resolve, reject) => {
    const times: number[] = []
    let next = 0
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
            onResponse: (status, body) => {
              if (status >= 400 && /database is locked/i.test(body)) onLocked()
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        times.sort((a, b) => a - b)
        resolve({
          endpoint,
          requests: times.length,
          p50Ms: percentile(times, 50),
          p95Ms: percentile(times, 95),
          p99Ms: percentile(times, 99),
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          status5xx: result['5xx'],
        })
      },
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

export async function loadServe(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => undefined)
  const cli = options.cli ?? CLI
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-serve-load-'))
  const db = path.join(dir, 'store.db')
  const children: ChildProcess[] = []
  try {
    const store = await openStore(db)
    await fillStore(store, options.articles, log)
    await store.close()
    // enough text to keep one analysis thread writing for the whole run
    const corpus = path.join(dir, 'corpus')
    writeIngestCorpus(corpus, Math.max(400, options.seconds * 40), 200)
    let locked = 0
    const watch = (line: string): void => {
      if (/database is locked/i.test(line)) locked++
    }

    let url: string | null = null
    const server = startProcess(cli, ['serve', '--db', db, '--port', '0'], (line) => {
      watch(line)
      url ??= /sitrep serve: (http:\/\/\S+?)\/? /.exec(line)?.[1] ?? null
    })
    children.push(server)
    await waitFor(() => url !== null || server.exitCode !== null, 'sitrep serve to start')
    if (!url) throw new Error('sitrep serve exited before listening')
    const paths = endpointPaths(db)
    // warm up: every path once, so the figures are not the first cold query
    for (const [, list] of paths) for (const p of list) await (await fetch(`${url}${p}`)).arrayBuffer()
    const rssBeforeMb = rssMb(server.pid!)
    const articlesBefore = articleCount(db)

    let ingestStored = false
    const ingest = startProcess(cli, ['ingest', corpus, '--db', db, '--jobs', '1', '--batch-size', '10', '--no-progress'], (line) => {
      watch(line)
      if (/stored|articles in/.test(line)) ingestStored = true
    })
    children.push(ingest)
    // the ingest's threads load their knowledge first; the clients start once it writes
    await waitFor(() => articleCount(db) > articlesBefore || ingestStored || ingest.exitCode !== null, 'the ingest to write', 180_000)
    log(`  ingest writing (${articleCount(db) - articlesBefore} articles so far); ${options.clients} clients for ${options.seconds} s`)

    const perEndpoint = Math.max(1, Math.floor(options.clients / paths.length))
    const endpoints = await Promise.all(
      paths.map(([name, list]) => loadOne(url!, name, list, perEndpoint, options.seconds, () => locked++)),
    )
    const result: LoadResult = {
      endpoints,
      lockedMessages: locked,
      rssBeforeMb,
      rssAfterMb: rssMb(server.pid!),
      articlesBefore,
      articlesAfter: articleCount(db),
      ingestRunning: ingest.exitCode === null,
    }
    if (ingest.exitCode !== null && ingest.exitCode !== 0) throw new Error(`the concurrent ingest failed (exit ${ingest.exitCode})`)
    return result
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Problems --check fails on. */
export function loadProblems(result: LoadResult): string[] {
  const problems: string[] = []
  for (const e of result.endpoints) {
    if (e.requests === 0) problems.push(`${e.endpoint}: no request answered`)
    if (e.errors > 0) problems.push(`${e.endpoint}: ${e.errors} errors (${e.timeouts} timeouts)`)
    if (e.non2xx > 0) problems.push(`${e.endpoint}: ${e.non2xx} non-2xx answers (${e.status5xx} 5xx)`)
  }
  if (result.lockedMessages > 0) problems.push(`"database is locked" ${result.lockedMessages} times`)
  if (result.articlesAfter <= result.articlesBefore) problems.push('the ingest stored nothing while the clients ran')
  return problems
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const value = (name: string, fallback: number): number => {
    const at = args.indexOf(name)
    return at >= 0 ? Number(args[at + 1]) : fallback
  }
  const options = { seconds: value('--seconds', 30), clients: value('--clients', 100), articles: value('--articles', 3000) }
  console.log(
    `serve under load: ${options.clients} clients for ${options.seconds} s over loopback, ${options.articles} articles in SQLite, ` +
      `\`sitrep ingest\` writing to the same store (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`,
  )
  const result = await loadServe({ ...options, log: (line) => console.log(line) })
  for (const e of result.endpoints) {
    console.log(
      `  ${e.endpoint.padEnd(22)} ${String(e.requests).padStart(6)} req   p50 ${e.p50Ms.toFixed(0).padStart(5)} ms   p95 ${e.p95Ms
        .toFixed(0)
        .padStart(5)} ms   p99 ${e.p99Ms.toFixed(0).padStart(5)} ms   errors ${e.errors}   non-2xx ${e.non2xx} (5xx ${e.status5xx})`,
    )
  }
  console.log(`  "database is locked": ${result.lockedMessages}`)
  console.log(`  server RSS ${result.rssBeforeMb.toFixed(0)} MB before, ${result.rssAfterMb.toFixed(0)} MB after`)
  console.log(`  load average at the end ${os.loadavg()[0]!.toFixed(1)}`)
  console.log(
    `  ingest stored ${result.articlesAfter - result.articlesBefore} articles during the run${result.ingestRunning ? ' (still running at the end)' : ''}`,
  )
  const problems = loadProblems(result)
  if (args.includes('--check') && problems.length > 0) {
    console.error(`serve load check failed: ${problems.join('; ')}`)
    process.exitCode = 1
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
