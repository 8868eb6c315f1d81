import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeBatch } from '../../src/store/write-batch.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { openStore } from '../../src/store/open-store.js'
import { analyzed, claim, entity, event, filler, place } from '../support/records.js'

const pakistan = entity('actor:pakistan', 'Pakistan', 'state')
const taliban = entity('actor:taliban', 'Taliban government', 'government', ['Islamic Emirate'])
const ttp = entity('actor:ttp', 'Tehrik-i-Taliban Pakistan', 'armed_group', ['TTP'])
const spokesman = entity('actor:x-zabihullah-mujahid', 'Zabihullah Mujahid', 'person')
const bannu = place('geonames:1177654', 'Bannu')

const articles = [
  analyzed({
    text: `${filler('one')} cross-border sanctuary`,
    title: 'Islamabad accuses Kabul',
    source: 'Dawn',
    published: '2025-03-02',
    entities: [pakistan, taliban, ttp],
    places: [bannu],
    events: [
      event({
        type: 'ASSAULT',
        place: bannu.id,
        actors: ['actor:ttp'],
        date: { start: '2025-03-01', end: '2025-03-01', text: null },
        fatalities: { low: 4, best: 4, high: 4 },
      }),
    ],
    claims: [claim({ subject: 'actor:taliban', relation: 'harbors', object: 'actor:ttp', claimant: 'actor:pakistan', cue: 'accused' })],
  }),
  analyzed({
    text: `${filler('two')} rejected the allegation`,
    title: 'Kabul rejects',
    source: 'Tolo',
    published: '2025-03-03',
    entities: [taliban, ttp, spokesman],
    places: [bannu],
    events: [
      event({
        type: 'ASSAULT',
        place: bannu.id,
        actors: ['actor:ttp'],
        date: { start: '2025-03-01', end: '2025-03-02', text: null },
        fatalities: { low: 5, best: 6, high: 6 },
      }),
    ],
    claims: [
      claim({
        subject: 'actor:taliban',
        relation: 'harbors',
        object: 'actor:ttp',
        claimant: 'actor:taliban',
        speaker: 'actor:x-zabihullah-mujahid',
        stance: 'denies',
        cue: 'rejected',
      }),
    ],
  }),
]

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
}

beforeAll(() => buildCli())

for (const dialect of dialects) {
  describe(`read commands on ${dialect}`, () => {
    let db = ''
    beforeAll(async () => {
      db = await freshStoreUrl(dialect)
      const store = await openStore(db)
      await writeBatch(store, articles)
      await store.close()
    })

    it('claims: a table and JSON, filtered', () => {
      const table = sitrep('claims', '--db', db, '--contested')
      expect(table.status, table.stderr).toBe(0)
      expect(table.stdout).toMatch(
        /contested\s+2\s+Taliban government harbors Tehrik-i-Taliban Pakistan\s+Pakistan\s+Taliban government via Zabihullah Mujahid/,
      )
      const json = JSON.parse(sitrep('claims', '--db', db, '--about', 'TTP', '--json').stdout)
      expect(json).toHaveLength(1)
      expect(json[0]).toMatchObject({ status: 'contested', sourceCount: 2, firstSeen: '2025-03-02', lastSeen: '2025-03-03' })
      expect(json[0].evidence.map((e: { stance: string }) => e.stance)).toEqual(['asserts', 'denies'])
      expect(sitrep('claims', '--db', db, '--about', 'Mars').stdout).toContain('no propositions match')
    })

    it('events: merged, with low/best/high', () => {
      const table = sitrep('events', '--db', db, '--type', 'ASSAULT', '--place', 'Bannu', '--since', '2025-02-01')
      expect(table.status, table.stderr).toBe(0)
      expect(table.stdout).toMatch(/2025-03-01…2025-03-02\s+ASSAULT\s+Bannu\s+Tehrik-i-Taliban Pakistan\s+-\s+4\/5\/6\s+2/)
      const json = JSON.parse(sitrep('events', '--db', db, '--json').stdout)
      expect(json[0].sources).toHaveLength(2)
      expect(sitrep('events', '--db', db, '--since', 'yesterday').status).not.toBe(0)
    })

    it('entity: by alias, with propositions and events', () => {
      const text = sitrep('entity', 'Islamic Emirate', '--db', db)
      expect(text.status, text.stderr).toBe(0)
      expect(text.stdout).toContain('Taliban government (actor:taliban)')
      expect(text.stdout).toContain('contested')
      const json = JSON.parse(sitrep('entity', 'TTP', '--db', db, '--json').stdout)
      expect(json).toMatchObject({ id: 'actor:ttp', articleCount: 2 })
      expect(json.events).toHaveLength(1)
      const missing = sitrep('entity', 'Nobody', '--db', db)
      expect(missing.status).toBe(1)
      expect(missing.stderr).toContain('no actor named "Nobody"')
    })

    it('search: ranked hits with a snippet', () => {
      const table = sitrep('search', 'sanctuary', '--db', db)
      expect(table.status, table.stderr).toBe(0)
      expect(table.stdout).toContain('Islamabad accuses Kabul')
      expect(table.stdout).toContain('[sanctuary]')
      expect(JSON.parse(sitrep('search', 'rejected', 'allegation', '--db', db, '--json').stdout)).toHaveLength(1)
    })
  })
}
