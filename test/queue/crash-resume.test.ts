import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store/open-store.js'
import { storeStats } from '../../src/store/read/index.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { writeRecordCorpus } from '../support/record-corpus.js'
import { writeIngestCorpus } from '../../src/bench/ingest-corpus.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-crash-'))

/**
 * Two corpora: analysis records (fast, so the kill lands in the middle of many batches) and raw
 * articles analysed by the real pipeline on one thread (results arrive in input order, so an
 * uninterrupted run is a deterministic reference).
 */
const corpora = [
  { name: 'analysis records', articles: 3000, folder: path.join(root, 'records'), args: ['--records'], expectedStored: 3000 },
  { name: 'raw articles', articles: 1200, folder: path.join(root, 'articles'), args: ['--jobs', '1'], expectedStored: null },
]

beforeAll(() => {
  buildCli()
  writeRecordCorpus(corpora[0]!.folder, corpora[0]!.articles, 250)
  writeIngestCorpus(corpora[1]!.folder, corpora[1]!.articles, 200)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

type Corpus = (typeof corpora)[number]

function ingestArgs(corpus: Corpus, db: string): string[] {
  return [CLI, 'ingest', corpus.folder, ...corpus.args, '--db', db, '--batch-size', '50', '--no-progress']
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
    const propositions = await store.db
      .selectFrom('propositions')
      .select(['id', 'status', 'source_count', 'claim_count', 'asserters', 'deniers'])
      .orderBy('id')
      .execute()
    const events = await store.db
      .selectFrom('events')
      .select(['id', 'source_count', 'report_count', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'date_start', 'date_end'])
      .orderBy('id')
      .execute()
    const duplicates = await store.db
      .selectFrom('articles')
      .select(['id', 'duplicate_of'])
      .where('duplicate_of', 'is not', null)
      .orderBy('id')
      .execute()
    return { stats: await storeStats(store), propositions, events, duplicates }
  } finally {
    await store.close()
  }
}

/** Runs ingest and kills it with SIGKILL once some batches, but not all, are committed. */
async function ingestAndKill(corpus: Corpus, db: string): Promise<number> {
  const child = spawn(process.execPath, ingestArgs(corpus, db), { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 30))
      if (child.exitCode !== null) throw new Error('ingest finished before it could be killed; use a larger corpus')
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
  for (const corpus of corpora) {
    describe(`crash-resume on ${dialect}, ${corpus.name}`, () => {
      it('a run killed with -9 and re-run ends with the same store as an uninterrupted run', { timeout: 300_000 }, async () => {
        const reference = await freshStoreUrl(dialect)
        const run = spawnSync(process.execPath, ingestArgs(corpus, reference), { encoding: 'utf8' })
        expect(run.status, run.stderr).toBe(0)

        const crashed = await freshStoreUrl(dialect)
        const partial = await ingestAndKill(corpus, crashed)
        expect(partial).toBeGreaterThan(0)
        const expected = await snapshot(reference)
        expect(partial).toBeLessThan(expected.stats.articles)

        const resumed = spawnSync(process.execPath, ingestArgs(corpus, crashed), { encoding: 'utf8' })
        expect(resumed.status, resumed.stderr).toBe(0)
        expect(resumed.stderr).toMatch(new RegExp(`${expected.stats.articles - partial} added`))

        const actual = await snapshot(crashed)
        expect(actual.stats).toEqual(expected.stats)
        if (corpus.expectedStored !== null) expect(actual.stats.articles).toBe(corpus.expectedStored)
        expect(actual.propositions).toEqual(expected.propositions)
        expect(actual.events).toEqual(expected.events)
        expect(actual.duplicates).toEqual(expected.duplicates)
      })
    })
  }
}
