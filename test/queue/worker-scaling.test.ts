import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { listPropositions, storeStats } from '../../src/store/read/index.js'
import { writeIngestCorpus } from '../../src/bench/ingest-corpus.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { freshStoreUrl } from '../support/dialects.js'
import { postgresSkipReason } from '../support/postgres.js'

const ARTICLES = 150
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-worker-scaling-'))
const corpus = path.join(root, 'corpus')

beforeAll(() => {
  buildCli()
  writeIngestCorpus(corpus, ARTICLES, 40)
}, 400_000)
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function runWorker(db: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'worker', '--db', db, '--jobs', '1', '--batch-size', '6', '--exit-when-idle', '3'])
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })))
}

interface Outcome {
  stats: Awaited<ReturnType<typeof storeStats>>
  /** pg-boss jobs by state, and how many were retried. */
  jobs: Record<string, number>
  retried: number
  stored: number[]
  propositions: string[]
}

/** Fills a fresh PostgreSQL store's queue, drains it with `workers` processes and reads what they left. */
async function drainWith(workers: number): Promise<Outcome> {
  const db = await freshStoreUrl('postgres')
  const enqueue = spawnSync(process.execPath, [CLI, 'ingest', corpus, '--db', db, '--enqueue'], { encoding: 'utf8' })
  expect(enqueue.status, enqueue.stderr).toBe(0)
  const runs = await Promise.all(Array.from({ length: workers }, () => runWorker(db)))
  for (const run of runs) expect(run.code, run.stderr).toBe(0)
  const stored = runs.map((run) => Number(/stopped after storing (\d+) articles/.exec(run.stderr)?.[1] ?? -1))
  const client = new pg.Client({ connectionString: db })
  await client.connect()
  const states = await client.query<{ state: string; n: string; retried: string }>(
    `SELECT state, count(*) AS n, sum(CASE WHEN retry_count > 0 THEN 1 ELSE 0 END) AS retried FROM pgboss.job WHERE name = 'sitrep-analyze' GROUP BY state`,
  )
  await client.end()
  const store = await openStore(db)
  try {
    const stats = await storeStats(store)
    const propositions = (await listPropositions(store, { limit: 10_000 })).items.map((p) => `${p.id} ${p.claimCount}`).sort()
    return {
      stats,
      jobs: Object.fromEntries(states.rows.map((row) => [row.state, Number(row.n)])),
      retried: states.rows.reduce((n, row) => n + Number(row.retried), 0),
      stored,
      propositions,
    }
  } finally {
    await store.close()
  }
}

describe.skipIf(postgresSkipReason !== null)('worker scaling on PostgreSQL', () => {
  it('two workers store exactly what one worker stores: no job lost, none done twice', { timeout: 400_000 }, async () => {
    const one = await drainWith(1)
    const two = await drainWith(2)

    expect(one.jobs).toEqual({ completed: ARTICLES })
    expect(two.jobs).toEqual({ completed: ARTICLES })
    expect(two.retried).toBe(0)
    // Every job stored once, by one of the two, and both took part.
    expect(two.stored.reduce((a, b) => a + b, 0)).toBe(ARTICLES)
    expect(Math.min(...two.stored)).toBeGreaterThan(0)

    expect(two.stats.articles).toBe(one.stats.articles)
    expect(two.stats.claims).toBe(one.stats.claims)
    expect(two.stats.eventReports).toBe(one.stats.eventReports)
    expect(two.stats.propositions).toBe(one.stats.propositions)
    expect(two.stats.entities).toBe(one.stats.entities)
    expect(two.stats.places).toBe(one.stats.places)
    expect(two.stats.nearDuplicates).toBe(one.stats.nearDuplicates)
    expect(one.stats.claims).toBeGreaterThan(0)
    // The deferred summaries are all refreshed: each proposition counts every claim made about it.
    expect(two.propositions).toEqual(one.propositions)
  })
})
