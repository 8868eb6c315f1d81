import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { storeStats } from '../../src/store/read/index.js'
import { writeIngestCorpus } from '../../src/bench/ingest-corpus.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { freshStoreUrl } from '../support/dialects.js'
import { postgresSkipReason } from '../support/postgres.js'

const ARTICLES = 120
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-workers-'))
const corpus = path.join(root, 'corpus')

beforeAll(() => {
  buildCli()
  writeIngestCorpus(corpus, ARTICLES, 50)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function runWorker(db: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'worker', '--db', db, '--jobs', '1', '--batch-size', '8', '--exit-when-idle', '3'])
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })))
}

describe.skipIf(postgresSkipReason !== null)('scale-out with pg-boss on PostgreSQL', () => {
  it('two workers drain the queue filled by ingest --enqueue into the same store as a local ingest', { timeout: 300_000 }, async () => {
    const db = await freshStoreUrl('postgres')
    const enqueue = spawnSync(process.execPath, [CLI, 'ingest', corpus, '--db', db, '--enqueue'], { encoding: 'utf8' })
    expect(enqueue.status, enqueue.stderr).toBe(0)
    expect(enqueue.stderr).toContain(`enqueued ${ARTICLES} articles`)
    const store = await openStore(db)
    expect((await storeStats(store)).articles).toBe(0)
    await store.close()

    const workers = await Promise.all([runWorker(db), runWorker(db)])
    for (const worker of workers) {
      expect(worker.code, worker.stderr).toBe(0)
      expect(worker.stderr).toMatch(/stopped after storing [1-9]\d* articles/)
    }

    const local = await freshStoreUrl('sqlite')
    const direct = spawnSync(process.execPath, [CLI, 'ingest', corpus, '--db', local, '--jobs', '1', '--no-progress'], { encoding: 'utf8' })
    expect(direct.status, direct.stderr).toBe(0)

    // Workers store in whatever order they finish, so only what does not depend on order is compared exactly.
    const [distributed, reference] = await Promise.all(
      [db, local].map(async (url) => {
        const opened = await openStore(url)
        try {
          return await storeStats(opened)
        } finally {
          await opened.close()
        }
      }),
    )
    expect(distributed.articles).toBe(reference.articles)
    expect(distributed.nearDuplicates).toBe(reference.nearDuplicates)
    expect(distributed.claims).toBe(reference.claims)
    expect(distributed.propositions).toBe(reference.propositions)
    expect(distributed.eventReports).toBe(reference.eventReports)
    expect(distributed.entities).toBe(reference.entities)
  })
})
