import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store/open-store.js'
import { storeStats } from '../../src/store/queries.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { writeRecordCorpus } from '../support/record-corpus.js'

const ARTICLES = 3000
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-crash-'))
const corpus = path.join(root, 'corpus')

beforeAll(() => {
  buildCli()
  writeRecordCorpus(corpus, ARTICLES, 250)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function ingestArgs(db: string): string[] {
  return [CLI, 'ingest', corpus, '--records', '--db', db, '--batch-size', '50', '--no-progress']
}

async function storedCount(db: string): Promise<number> {
  const store = await openStore(db)
  try {
    return (await storeStats(store)).articles
  } finally {
    await store.close()
  }
}

/** Everything a reader sees: counts plus every aggregate's identity and figures. */
async function snapshot(db: string) {
  const store: Store = await openStore(db)
  try {
    const propositions = await store.db.selectFrom('propositions').select(['id', 'status', 'source_count', 'claim_count', 'asserters', 'deniers']).orderBy('id').execute()
    const events = await store.db.selectFrom('events').select(['id', 'source_count', 'report_count', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'date_start', 'date_end']).orderBy('id').execute()
    const duplicates = await store.db.selectFrom('articles').select(['id', 'duplicate_of']).where('duplicate_of', 'is not', null).orderBy('id').execute()
    return { stats: await storeStats(store), propositions, events, duplicates }
  } finally {
    await store.close()
  }
}

/** Runs ingest and kills it with SIGKILL once some batches, but not all, are committed. */
async function ingestAndKill(db: string): Promise<number> {
  const child = spawn(process.execPath, ingestArgs(db), { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 30))
      if (child.exitCode !== null) throw new Error('ingest finished before it could be killed; raise ARTICLES')
      const count = await storedCount(db).catch(() => 0)
      if (count >= 300) break
    }
    child.kill('SIGKILL')
    await exited
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  return storedCount(db)
}

for (const dialect of dialects) {
  describe(`crash-resume on ${dialect}`, () => {
    it('a run killed with -9 and re-run ends with the same store as an uninterrupted run', { timeout: 300_000 }, async () => {
      const reference = await freshStoreUrl(dialect)
      const run = spawnSync(process.execPath, ingestArgs(reference), { encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)

      const crashed = await freshStoreUrl(dialect)
      const partial = await ingestAndKill(crashed)
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(ARTICLES)
      expect(partial % 50).toBe(0)

      const resumed = spawnSync(process.execPath, ingestArgs(crashed), { encoding: 'utf8' })
      expect(resumed.status, resumed.stderr).toBe(0)
      expect(resumed.stderr).toMatch(new RegExp(`${ARTICLES - partial} added`))

      const [expected, actual] = [await snapshot(reference), await snapshot(crashed)]
      expect(actual.stats).toEqual(expected.stats)
      expect(actual.stats.articles).toBe(ARTICLES)
      expect(actual.propositions).toEqual(expected.propositions)
      expect(actual.events).toEqual(expected.events)
      expect(actual.duplicates).toEqual(expected.duplicates)
    })
  })
}
