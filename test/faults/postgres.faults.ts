/**
 * Fault trials on a PostgreSQL store with the job queue (`npm run test:faults`): `sitrep ingest --enqueue`, then
 * `sitrep worker` processes killed with kill -9 mid-job, and the PostgreSQL server stopped and started again
 * under a running worker. After each, a fresh worker finishes the queue and the store holds exactly what an
 * uninterrupted run stores; every job is completed once, none failed or lost.
 * SITREP_FAULT_KILLS sets the number of kill points (default 6).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom, variedArticle } from '../../src/bench/corpus.js'
import { writeIngestCorpus } from '../../src/bench/ingest-corpus.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { type PostgresServer, postgresSkipReason, startPostgres } from '../support/postgres.js'

const KILLS = Number(process.env['SITREP_FAULT_KILLS'] ?? 6)
const ARTICLES = 240
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-pg-faults-'))
const corpus = path.join(root, 'corpus')
// A killed worker's jobs go back to the queue once they expire; short here so the trials take seconds, not 15 minutes,
// but longer than a batch takes on a loaded machine: a job that expires while its worker is still on it is taken twice.
const env = { ...process.env, SITREP_QUEUE_EXPIRE_SECONDS: '30', SITREP_QUEUE_MAINTENANCE_SECONDS: '2' }

interface Run {
  child: ChildProcess
  stderr: () => string
  exited: Promise<number | null>
}

function start(args: string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  return { child, stderr: () => stderr, exited }
}

const worker = (db: string, idleSeconds = 3) =>
  start(['worker', '--db', db, '--jobs', '2', '--batch-size', '8', '--exit-when-idle', String(idleSeconds)])

async function finish(run: Run, timeoutMs = 300_000): Promise<{ code: number | null; stderr: string }> {
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs)
  const code = await run.exited
  clearTimeout(timer)
  return { code, stderr: run.stderr() }
}

async function enqueue(db: string): Promise<void> {
  const run = await finish(start(['ingest', corpus, '--db', db, '--enqueue', '--no-progress']))
  expect(run.code, run.stderr).toBe(0)
  expect(run.stderr).toContain(`enqueued ${ARTICLES} articles`)
}

async function until(run: Run, pattern: RegExp, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(run.stderr())) {
    if (Date.now() > deadline || run.child.exitCode !== null) return pattern.test(run.stderr())
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

async function query<T>(db: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

async function counts(db: string): Promise<Record<string, number>> {
  const tables = ['articles', 'events', 'claims', 'propositions', 'entities', 'places']
  const [row] = await query<Record<string, string>>(db, `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`)
  return Object.fromEntries(tables.map((t) => [t, Number(row![t])]))
}

/** Jobs of the analysis queue by state, live and archived; and how many distinct jobs there are. */
async function jobStates(db: string): Promise<{ states: Record<string, number>; jobs: number }> {
  const rows = await query<{ state: string; n: string; ids: string }>(
    db,
    `SELECT state, COUNT(*) AS n FROM (SELECT id, state FROM pgboss.job WHERE name = 'sitrep-analyze'
       UNION ALL SELECT id, state FROM pgboss.archive WHERE name = 'sitrep-analyze') AS all_jobs GROUP BY state`,
  )
  const [distinct] = await query<{ n: string }>(
    db,
    `SELECT COUNT(DISTINCT id) AS n FROM (SELECT id FROM pgboss.job WHERE name = 'sitrep-analyze'
       UNION ALL SELECT id FROM pgboss.archive WHERE name = 'sitrep-analyze') AS all_jobs`,
  )
  return { states: Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])), jobs: Number(distinct!.n) }
}

/** Every enqueued job completed exactly once: one row per job, all completed. */
async function expectEveryJobDoneOnce(db: string): Promise<void> {
  expect(await jobStates(db)).toEqual({ states: { completed: ARTICLES }, jobs: ARTICLES })
}

let server: PostgresServer
let reference: Record<string, number>

describe.skipIf(postgresSkipReason !== null)('PostgreSQL store and job queue under faults', () => {
  beforeAll(async () => {
    buildCli()
    writeIngestCorpus(corpus, ARTICLES, 60)
    server = await startPostgres()
    const db = await server.createDatabase()
    await enqueue(db)
    const run = await finish(worker(db))
    expect(run.code, run.stderr).toBe(0)
    reference = await counts(db)
    expect(reference['articles']).toBeGreaterThan(ARTICLES / 2)
    await expectEveryJobDoneOnce(db)
  }, 600_000)
  afterAll(() => {
    server?.stop()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it(`sitrep worker killed with kill -9 at ${KILLS} points mid-run: a fresh worker reaches the uninterrupted counts`, async () => {
    const db = await server.createDatabase()
    await enqueue(db)
    const random = seededRandom(KILLS + 14)
    let midJob = 0
    for (let trial = 0; trial < KILLS; trial++) {
      const run = worker(db, 600)
      expect(await until(run, /waiting for jobs/), run.stderr()).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 300 + random() * 3000))
      // Mid-job: the worker has taken jobs it has not finished (the queue shows them active).
      const { states } = await jobStates(db)
      if ((states['active'] ?? 0) > 0) midJob++
      run.child.kill('SIGKILL')
      expect(await run.exited).toBeNull()
    }
    const before = await jobStates(db)
    const rerun = await finish(worker(db))
    expect(rerun.code, rerun.stderr).toBe(0)
    expect(rerun.stderr).not.toMatch(/analysis failed/)
    expect(await counts(db)).toEqual(reference)
    await expectEveryJobDoneOnce(db)
    expect(midJob).toBeGreaterThan(0)
    console.log(
      `PostgreSQL worker kill -9 trials survived: ${KILLS}/${KILLS} (${midJob} with jobs active at the kill; ` +
        `queue before the fresh worker ${JSON.stringify(before.states)}); final ${JSON.stringify(await counts(db))}`,
    )
  }, 900_000)

  it('the PostgreSQL server stopped and started during a worker run: no job lost or done twice, same counts', async () => {
    const db = await server.createDatabase()
    await enqueue(db)
    const run = worker(db, 5)
    expect(await until(run, /stored \d+ \(/), run.stderr()).toBe(true)
    server.stopServer()
    await new Promise((resolve) => setTimeout(resolve, 3000))
    server.startServer()
    const first = await finish(run)
    let outcome = `worker exited ${first.code} after the restart`
    if (first.code !== 0) {
      // Exiting is allowed, but with a clear error that says the database went away.
      expect(first.stderr).toMatch(/lost its connection to PostgreSQL .*start `sitrep worker` again/)
      expect(first.stderr).not.toMatch(/^\s+at /m)
    }
    const { states } = await jobStates(db)
    if ((states['completed'] ?? 0) < ARTICLES) {
      const rerun = await finish(worker(db))
      expect(rerun.code, rerun.stderr).toBe(0)
      outcome += `; queue was ${JSON.stringify(states)}, a re-run finished it`
    }
    expect(await counts(db)).toEqual(reference)
    await expectEveryJobDoneOnce(db)
    console.log(`PostgreSQL restart trial: ${outcome}; final ${JSON.stringify(await counts(db))}`)
    const errors = first.stderr
      .split('\n')
      .filter((line) => /lost its connection|error|ECONN/i.test(line))
      .slice(0, 3)
    if (errors.length) console.log(`  worker said: ${errors.join(' | ')}`)
  }, 900_000)

  it('sitrep worker --deadline: an article over the per-article deadline fails with the reason, the others are stored', async () => {
    const db = await server.createDatabase()
    const inputs = path.join(root, 'deadline')
    fs.mkdirSync(inputs)
    // about 4 MB of varied prose: most of a minute of analysis, far over a 5-second deadline
    fs.writeFileSync(path.join(inputs, 'b-long.txt'), variedArticle(1024).content)
    fs.writeFileSync(path.join(inputs, 'a-quick.txt'), 'Police in Zhob said gunmen wounded two guards at a bank on Sunday.\n')
    fs.writeFileSync(path.join(inputs, 'c-quick.txt'), 'Levies in Kalat said a patrol came under fire on Wednesday; nobody was hurt.\n')
    const queued = await finish(start(['ingest', inputs, '--db', db, '--enqueue', '--no-progress']))
    expect(queued.code, queued.stderr).toBe(0)
    const started = Date.now()
    const run = await finish(start(['worker', '--db', db, '--jobs', '2', '--deadline', '5', '--exit-when-idle', '2']))
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/b-long\.txt: analysis failed: stopped after the per-article deadline of 5\.0 s/)
    expect((await counts(db))['articles']).toBe(2)
    const { states } = await jobStates(db)
    expect(states).toEqual({ completed: 3 })
    console.log(
      `worker --deadline 5: the long article failed with the reason, 2 stored, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    )
  }, 300_000)
})
