import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/open-store.js'
import { writeBatch, type AnalyzedArticle } from '../../src/store/write-batch.js'
import { listPropositions, propositionStatements } from '../../src/store/read/index.js'
import { dialects, freshStore } from '../support/dialects.js'
import { analyzed, claim, entity, filler } from '../support/records.js'

const pakistan = entity('actor:pakistan', 'Pakistan', 'state')
const taliban = entity('actor:taliban', 'Taliban government', 'government')
const ttp = entity('actor:ttp', 'Tehrik-i-Taliban Pakistan', 'armed_group', ['TTP'])
const harborsTtp = { subject: 'actor:taliban', relation: 'harbors' as const, object: 'actor:ttp' }

/** Five articles about one proposition, three of them published the same day and one undated. */
function articles(): AnalyzedArticle[] {
  const published = ['2025-02-01', '2025-02-01', '2025-02-01', '2025-01-20', null]
  return published.map((day, i) =>
    analyzed({
      text: filler(`order-${i}`, 80),
      url: `https://outlet-${i}.example/story`,
      source: `Outlet ${i}`,
      published: day,
      entities: [pakistan, taliban, ttp],
      claims: [
        claim({ ...harborsTtp, claimant: 'actor:pakistan', evidence: { start: 0, end: 10 } }),
        claim({ ...harborsTtp, claimant: 'actor:taliban', stance: 'denies', cue: 'denied', evidence: { start: 20, end: 30 } }),
      ],
    }),
  )
}

for (const dialect of dialects) {
  describe(`the evidence of a proposition on ${dialect}`, () => {
    const stores: Store[] = []
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close()
    })

    it('is in the same order whatever order the articles were stored in (parallel analysis finishes in any order)', async () => {
      const orders = [
        [0, 1, 2, 3, 4],
        [4, 2, 0, 3, 1],
        [1, 3, 4, 2, 0],
      ]
      const answers: unknown[] = []
      for (const order of orders) {
        const store = await freshStore(dialect)
        stores.push(store)
        const all = articles()
        for (const i of order) await writeBatch(store, [all[i]!])
        const [proposition] = (await listPropositions(store, { about: 'TTP', withEvidence: true })).items
        const statements = await propositionStatements(store, proposition!.id)
        expect(statements).toHaveLength(10)
        answers.push({ evidence: proposition!.evidence, statements })
      }
      expect(answers[1]).toEqual(answers[0])
      expect(answers[2]).toEqual(answers[0])
      const { statements } = answers[0] as { statements: { published: string | null; articleId: string; stance: string }[] }
      // undated statements come first on SQLite and last on PostgreSQL (how each sorts NULL)
      const dated = statements.filter((s) => s.published !== null)
      expect(dated.map((s) => s.published)).toEqual(['2025-01-20', '2025-01-20', ...Array(6).fill('2025-02-01')])
      const sameDay = statements.filter((s) => s.published === '2025-02-01').map((s) => s.articleId)
      expect(sameDay).toEqual([...sameDay].sort())
      // within one article, the statements keep the article's order
      expect(dated.slice(0, 2).map((s) => s.stance)).toEqual(['asserts', 'denies'])
    })
  })
}
