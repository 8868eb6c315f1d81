import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openStore, redactPassword } from '../../src/store/open-store.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'

for (const dialect of dialects) {
  describe(`openStore on ${dialect}`, () => {
    it('applies every migration once, in order, and reopening changes nothing', async () => {
      const url = await freshStoreUrl(dialect)
      const first = await openStore(url)
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(first.db)
      expect(applied.rows.map((row) => row.name)).toEqual([
        '0001-initial',
        '0002-claims-covering-index',
        '0003-source-grades',
        '0004-dated-claims-status-history',
        '0005-dirty-propositions',
        '0006-ranked-read-indexes',
        '0007-typed-event-parties',
      ])
      await first.close()
      const again = await openStore(url)
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(again.db)).rows[0]!.n).toEqual(
        dialect === 'sqlite' ? 7 : '7',
      )
      await again.close()
    })
  })
}

describe('redactPassword', () => {
  it.each([
    ['postgres://sitrep:secret@db.example:5432/kb', 'postgres://sitrep:***@db.example:5432/kb'],
    ['postgres://postgres@127.0.0.1:5432/kb', 'postgres://postgres@127.0.0.1:5432/kb'],
  ])('%s → %s', (url, shown) => {
    expect(redactPassword(url)).toBe(shown)
  })
})
