import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/queue/ingest-run.js'
import type { Store } from '../../src/store/open-store.js'
import { listPropositions, storeStats } from '../../src/store/read/index.js'
import { dialects, freshStore } from '../support/dialects.js'
import { writeRecordCorpus } from '../support/record-corpus.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-ingest-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
const corpus = writeRecordCorpus(path.join(root, 'corpus'), 300, 100)

function badInputs(): string {
  const folder = path.join(root, 'bad')
  fs.mkdirSync(folder, { recursive: true })
  fs.writeFileSync(path.join(folder, 'empty.json'), '')
  fs.writeFileSync(path.join(folder, 'broken.jsonl'), '{"schema": "sitrep.analysis/1", \n')
  fs.writeFileSync(path.join(folder, 'other.json'), JSON.stringify({ schema: 'something/2', document: {} }))
  return folder
}

for (const dialect of dialects) {
  describe(`ingest of analysis records on ${dialect}`, () => {
    let store: Store | null = null
    afterEach(async () => {
      await store?.close()
      store = null
    })

    it('stores a corpus in batches, links copies, and a second run is a no-op', async () => {
      store = await freshStore(dialect)
      const first = await ingestPaths(store, [corpus], { jobs: 0, records: true, batchSize: 40 })
      expect(first).toMatchObject({ done: 300, added: 300, failed: 0 })
      const stats = await storeStats(store)
      expect(stats).toMatchObject({ articles: 300, nearDuplicates: 60, claims: 300, eventReports: 300 })
      expect(stats.events).toBeLessThan(300)
      expect((await listPropositions(store, { status: 'contested' })).items).not.toHaveLength(0)
      const again = await ingestPaths(store, [corpus], { jobs: 0, records: true })
      expect(again).toMatchObject({ done: 300, added: 0, unchanged: 300 })
      expect(await storeStats(store)).toEqual(stats)
    })

    it('reports bad inputs by name, stores the good ones and keeps what was stored', async () => {
      store = await freshStore(dialect)
      await ingestPaths(store, [corpus], { jobs: 0, records: true })
      const failures: string[] = []
      const summary = await ingestPaths(store, [badInputs(), path.join(root, 'missing.jsonl'), corpus], {
        jobs: 0,
        records: true,
        onFailure: (failure) => failures.push(failure.error),
      })
      expect(summary.failed).toBe(4)
      expect(failures.join('\n')).toMatch(/empty\.json: is empty/)
      expect(failures.join('\n')).toMatch(/broken\.jsonl: not valid JSON/)
      expect(failures.join('\n')).toMatch(/other\.json: is not a sitrep\.analysis\/1 record/)
      expect(failures.join('\n')).toMatch(/missing\.jsonl: no such file/)
      expect((await storeStats(store)).articles).toBe(300)
    })
  })
}
