import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { refreshEvent } from '../../src/store/apply/events.js'
import { getEntity, listEvents, listPropositions, searchArticles, storeStats } from '../../src/store/read/index.js'
import { dialects, freshStore } from '../support/dialects.js'
import { analyzed, claim, entity, event, filler, place } from '../support/records.js'

const pakistan = entity('actor:pakistan', 'Pakistan', 'state')
const taliban = entity('actor:taliban', 'Taliban government', 'government', ['Islamic Emirate'])
const ttp = entity('actor:ttp', 'Tehrik-i-Taliban Pakistan', 'armed_group', ['TTP'])
const bla = entity('actor:bla', 'Baloch Liberation Army', 'armed_group', ['BLA'])
const iskp = entity('actor:iskp', 'ISKP', 'armed_group')
const unitedStates = entity('actor:usa', 'United States', 'state')
const quetta = place('geonames:1', 'Quetta')
const peshawar = place('geonames:2', 'Peshawar')

const harborsTtp = { subject: 'actor:taliban', relation: 'harbors' as const, object: 'actor:ttp' }

/** Two wordings of one story: a few words changed, as syndicated copies are. */
function syndicated(seed: string): [string, string] {
  const base = filler(seed, 120)
  return [base, `${base.replace(/^(\S+ \S+ \S+)/, '$1 reportedly')} Agencies contributed.`]
}

for (const dialect of dialects) {
  describe(`store on ${dialect}`, () => {
    let store: Store | null = null
    afterEach(async () => {
      await store?.close()
      store = null
    })
    const open = async () => (store = await freshStore(dialect))

    it('re-ingesting the same articles is a no-op', async () => {
      const s = await open()
      const batch = [
        analyzed({
          text: filler('a'),
          url: 'https://x/a',
          entities: [pakistan, taliban],
          claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })],
        }),
        analyzed({
          text: filler('b'),
          entities: [ttp],
          places: [quetta],
          events: [event({ type: 'ASSAULT', place: 'geonames:1', date: { start: '2025-03-01', end: '2025-03-01', text: null } })],
        }),
      ]
      expect(await writeBatch(s, batch)).toEqual(['added', 'added'])
      const before = await storeStats(s)
      expect(await writeBatch(s, batch)).toEqual(['unchanged', 'unchanged'])
      expect(await storeStats(s)).toEqual(before)
      expect(before).toMatchObject({ articles: 2, claims: 1, propositions: 1, events: 1, eventReports: 1 })
    })

    it('a new version of the same URL replaces the old one and what it said', async () => {
      const s = await open()
      await writeBatch(s, [
        analyzed({
          text: filler('v1'),
          url: 'https://x/story',
          entities: [pakistan, taliban, ttp],
          claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })],
        }),
      ])
      const outcome = await writeBatch(s, [
        analyzed({
          text: filler('v2'),
          url: 'https://x/story',
          entities: [bla, pakistan],
          claims: [claim({ subject: 'actor:bla', relation: 'attacks', object: 'actor:pakistan', claimant: 'actor:bla' })],
        }),
      ])
      expect(outcome).toEqual(['replaced'])
      const orphans = await s.db
        .selectFrom('article_bands')
        .select('article_id')
        .where('article_id', 'not in', s.db.selectFrom('articles').select('id'))
        .execute()
      expect(orphans).toEqual([])
      const stats = await storeStats(s)
      expect(stats).toMatchObject({ articles: 1, claims: 1, propositions: 1 })
      const [only] = (await listPropositions(s)).items
      expect(only!.relation).toBe('attacks')
    })

    it('links near-duplicates and keeps unrelated articles apart', async () => {
      const s = await open()
      const [original, copy] = syndicated('wire')
      await writeBatch(s, [
        analyzed({ text: original, source: 'Wire' }),
        analyzed({ text: copy, source: 'Mirror' }),
        analyzed({ text: filler('other', 120) }),
      ])
      const rows = await s.db.selectFrom('articles').select(['id', 'duplicate_of', 'source']).orderBy('doc_no').execute()
      expect(rows[0]!.duplicate_of).toBeNull()
      expect(rows[1]!.duplicate_of).toBe(rows[0]!.id)
      expect(rows[2]!.duplicate_of).toBeNull()
    })

    it('replacing a canonical article promotes its oldest copy and regroups what the copies said', async () => {
      const s = await open()
      const [original, copy] = syndicated('promote')
      const voiceClaim = { entities: [taliban, ttp], claims: [claim({ ...harborsTtp })] }
      await writeBatch(s, [
        analyzed({ text: original, url: 'https://x/p', ...voiceClaim }),
        analyzed({ text: copy, url: 'https://y/p', ...voiceClaim }),
        analyzed({ text: `${copy} A third copy.`, url: 'https://z/p', ...voiceClaim }),
      ])
      expect((await listPropositions(s)).items[0]).toMatchObject({ status: 'single-source', sourceCount: 1 })
      await writeBatch(s, [analyzed({ text: filler('rewritten', 120), url: 'https://x/p', ...voiceClaim })])
      const rows = await s.db.selectFrom('articles').select(['url', 'duplicate_of', 'id']).orderBy('doc_no').execute()
      const [copyRow, thirdRow] = [rows.find((r) => r.url === 'https://y/p')!, rows.find((r) => r.url === 'https://z/p')!]
      expect(copyRow.duplicate_of).toBeNull()
      expect(thirdRow.duplicate_of).toBe(copyRow.id)
      // The rewritten story is a second independent voice; the two copies still speak once.
      expect((await listPropositions(s)).items[0]).toMatchObject({ status: 'corroborated', sourceCount: 2, claimCount: 3 })
    })

    describe('propositions', () => {
      const cases: Array<{
        name: string
        articles: Parameters<typeof analyzed>[0][]
        status: string
        sources: number
        asserters: number
        deniers: number
      }> = [
        {
          name: 'one asserter and one denier → contested',
          articles: [
            {
              text: filler('c1'),
              entities: [pakistan, taliban, ttp],
              claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan', cue: 'accused' })],
            },
            {
              text: filler('c2'),
              entities: [taliban, ttp],
              claims: [claim({ ...harborsTtp, claimant: 'actor:taliban', stance: 'denies', cue: 'rejected' })],
            },
          ],
          status: 'contested',
          sources: 2,
          asserters: 1,
          deniers: 1,
        },
        {
          name: 'two claimants in two articles → corroborated',
          articles: [
            { text: filler('r1'), entities: [pakistan, taliban, ttp], claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })] },
            { text: filler('r2'), entities: [unitedStates, taliban, ttp], claims: [claim({ ...harborsTtp, claimant: 'actor:usa' })] },
          ],
          status: 'corroborated',
          sources: 2,
          asserters: 2,
          deniers: 0,
        },
        {
          name: 'the same claimant in two syndicated copies → single-source, one source',
          articles: syndicated('syn').map((text) => ({
            text,
            entities: [pakistan, taliban, ttp],
            claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })],
          })),
          status: 'single-source',
          sources: 1,
          asserters: 1,
          deniers: 0,
        },
        {
          name: 'the same claimant in two independent articles → single-source, two sources',
          articles: [
            { text: filler('i1'), entities: [pakistan, taliban, ttp], claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })] },
            { text: filler('i2'), entities: [pakistan, taliban, ttp], claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })] },
          ],
          status: 'single-source',
          sources: 2,
          asserters: 1,
          deniers: 0,
        },
        {
          name: "the articles' own voice in two syndicated copies counts once",
          articles: syndicated('voice').map((text, i) => ({
            text,
            source: `Outlet ${i}`,
            entities: [taliban, ttp],
            claims: [claim({ ...harborsTtp })],
          })),
          status: 'single-source',
          sources: 1,
          asserters: 1,
          deniers: 0,
        },
        {
          name: 'two independent outlets in their own voice → corroborated',
          articles: [
            { text: filler('o1'), source: 'Dawn', entities: [taliban, ttp], claims: [claim({ ...harborsTtp })] },
            { text: filler('o2'), source: 'Reuters', entities: [taliban, ttp], claims: [claim({ ...harborsTtp })] },
          ],
          status: 'corroborated',
          sources: 2,
          // two parties for the status, shown as one "reports (no named source)" row with 2 sources
          asserters: 1,
          deniers: 0,
        },
        {
          name: 'a claimant speaking through its spokesperson and directly is one party',
          articles: [
            {
              text: filler('sp1'),
              entities: [pakistan, taliban, ttp, entity('actor:x-spokesman', 'Mumtaz Zahra Baloch', 'person')],
              claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan', speaker: 'actor:x-spokesman' })],
            },
            { text: filler('sp2'), entities: [pakistan, taliban, ttp], claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })] },
          ],
          status: 'single-source',
          sources: 2,
          asserters: 1,
          deniers: 0,
        },
      ]
      for (const testCase of cases) {
        it(testCase.name, async () => {
          const s = await open()
          await writeBatch(s, testCase.articles.slice(0, 1).map(analyzed))
          await writeBatch(s, testCase.articles.slice(1).map(analyzed))
          const propositions = (await listPropositions(s)).items
          expect(propositions).toHaveLength(1)
          const [proposition] = propositions
          expect(proposition).toMatchObject({ status: testCase.status, sourceCount: testCase.sources })
          expect(proposition!.asserters).toHaveLength(testCase.asserters)
          expect(proposition!.deniers).toHaveLength(testCase.deniers)
        })
      }

      it('records who has not responded, names parties, and finds propositions by name', async () => {
        const s = await open()
        await writeBatch(s, [
          analyzed({
            text: filler('nr'),
            published: '2025-02-01',
            entities: [pakistan, taliban, ttp],
            claims: [
              claim({ ...harborsTtp, claimant: 'actor:pakistan' }),
              claim({ ...harborsTtp, claimant: 'actor:taliban', stance: 'no_response', cue: 'did not respond' }),
            ],
          }),
          analyzed({
            text: filler('nr2'),
            published: '2025-03-05',
            entities: [bla, iskp],
            claims: [claim({ subject: 'actor:iskp', relation: 'threatens', object: 'actor:bla', claimant: 'actor:iskp' })],
          }),
        ])
        const [proposition] = (await listPropositions(s, { about: 'TTP', withEvidence: true })).items
        expect(proposition!.subject.name).toBe('Taliban government')
        expect(proposition!.object!.name).toBe('Tehrik-i-Taliban Pakistan')
        expect(proposition!.asserters[0]!.party!.name).toBe('Pakistan')
        expect(proposition!.noResponse[0]!.party!.id).toBe('actor:taliban')
        expect(proposition!.status).toBe('single-source')
        expect(proposition!.firstSeen).toBe('2025-02-01')
        expect(proposition!.evidence).toHaveLength(2)
        expect((await listPropositions(s, { about: 'Islamic Emirate' })).items).toHaveLength(1)
        expect((await listPropositions(s, { about: 'nobody at all' })).items).toHaveLength(0)
        expect((await listPropositions(s, { status: 'contested' })).items).toHaveLength(0)
      })

      it('a symmetric relation stated either way round is one proposition', async () => {
        const s = await open()
        await writeBatch(s, [
          analyzed({
            text: filler('s1'),
            entities: [ttp, bla, pakistan],
            claims: [claim({ subject: 'actor:ttp', relation: 'cooperates_with', object: 'actor:bla', claimant: 'actor:pakistan' })],
          }),
          analyzed({
            text: filler('s2'),
            entities: [ttp, bla, unitedStates],
            claims: [claim({ subject: 'actor:bla', relation: 'cooperates_with', object: 'actor:ttp', claimant: 'actor:usa' })],
          }),
        ])
        const propositions = (await listPropositions(s)).items
        expect(propositions).toHaveLength(1)
        expect(propositions[0]!.status).toBe('corroborated')
      })

      it('a denial in a replaced version no longer contests', async () => {
        const s = await open()
        await writeBatch(s, [
          analyzed({
            text: filler('d1'),
            entities: [pakistan, taliban, ttp],
            claims: [claim({ ...harborsTtp, claimant: 'actor:pakistan' })],
          }),
          analyzed({
            text: filler('d2'),
            url: 'https://x/d',
            entities: [taliban, ttp],
            claims: [claim({ ...harborsTtp, claimant: 'actor:taliban', stance: 'denies' })],
          }),
        ])
        expect((await listPropositions(s)).items[0]!.status).toBe('contested')
        await writeBatch(s, [analyzed({ text: filler('d3'), url: 'https://x/d', entities: [taliban] })])
        expect((await listPropositions(s)).items[0]!.status).toBe('single-source')
      })
    })

    describe('events', () => {
      const attack = (fields: Partial<Parameters<typeof event>[0]> = {}) =>
        event({
          type: 'ASSAULT',
          place: 'geonames:1',
          actors: ['actor:bla'],
          date: { start: '2025-03-11', end: '2025-03-11', text: null },
          ...fields,
        })

      it('merges reports of one incident and summarizes fatalities per source', async () => {
        const s = await open()
        await writeBatch(s, [
          analyzed({
            text: filler('e1'),
            published: '2025-03-11',
            entities: [bla],
            places: [quetta],
            events: [attack({ fatalities: { low: 20, best: 20, high: 20 } })],
          }),
          analyzed({
            text: filler('e2'),
            published: '2025-03-12',
            entities: [bla, pakistan],
            places: [quetta],
            events: [
              attack({
                targets: ['actor:pakistan'],
                date: { start: '2025-03-12', end: '2025-03-12', text: null },
                fatalities: { low: 26, best: 30, high: 30 },
              }),
            ],
          }),
          analyzed({
            text: filler('e3'),
            published: '2025-03-12',
            places: [quetta],
            events: [attack({ actors: [], fatalities: { low: null, best: 25, high: null } })],
          }),
        ])
        const events = (await listEvents(s, { withSources: true })).items
        expect(events).toHaveLength(1)
        expect(events[0]).toMatchObject({
          sourceCount: 3,
          reportCount: 3,
          fatalities: { low: 20, best: 25, high: 30 },
          dateStart: '2025-03-11',
          dateEnd: '2025-03-12',
        })
        expect(events[0]!.actors.map((a) => a.id)).toEqual(['actor:bla'])
        expect(events[0]!.sources).toHaveLength(3)
      })

      const apart: Array<[string, Parameters<typeof event>[0]]> = [
        [
          'another place',
          { type: 'ASSAULT', place: 'geonames:2', actors: ['actor:bla'], date: { start: '2025-03-11', end: '2025-03-11', text: null } },
        ],
        [
          'another week',
          { type: 'ASSAULT', place: 'geonames:1', actors: ['actor:bla'], date: { start: '2025-03-20', end: '2025-03-20', text: null } },
        ],
        [
          'another type',
          { type: 'COERCE', place: 'geonames:1', actors: ['actor:bla'], date: { start: '2025-03-11', end: '2025-03-11', text: null } },
        ],
        [
          'other actors',
          { type: 'ASSAULT', place: 'geonames:1', actors: ['actor:iskp'], date: { start: '2025-03-11', end: '2025-03-11', text: null } },
        ],
        ['no place', { type: 'ASSAULT', place: null, actors: ['actor:bla'], date: { start: '2025-03-11', end: '2025-03-11', text: null } }],
      ]
      for (const [name, other] of apart) {
        it(`keeps apart reports with ${name}`, async () => {
          const s = await open()
          await writeBatch(s, [
            analyzed({ text: filler('k1'), entities: [bla], places: [quetta], events: [attack()] }),
            analyzed({ text: filler('k2'), entities: [bla, iskp], places: [quetta, peshawar], events: [event(other)] }),
          ])
          expect((await listEvents(s)).items).toHaveLength(2)
        })
      }

      it('does not chain daily reports at one place into one long event', async () => {
        const s = await open()
        const daily = [10, 11, 12, 13, 14, 15, 16].map((day) =>
          analyzed({
            text: filler(`day ${day}`),
            places: [quetta],
            events: [attack({ actors: [], date: { start: `2025-03-${day}`, end: `2025-03-${day}`, text: null } })],
          }),
        )
        await writeBatch(s, daily)
        const events = (await listEvents(s)).items
        expect(events.length).toBeGreaterThan(1)
        for (const merged of events) expect(Date.parse(merged.dateEnd!) - Date.parse(merged.dateStart!)).toBeLessThanOrEqual(3 * 86_400_000)
      })

      it('lists dated events newest first and undated ones last', async () => {
        const s = await open()
        await writeBatch(s, [
          analyzed({ text: filler('n1'), events: [event({ type: 'PROTEST' })] }),
          analyzed({ text: filler('n2'), entities: [bla], places: [quetta], events: [attack()] }),
          analyzed({
            text: filler('n3'),
            entities: [bla],
            places: [quetta],
            events: [attack({ date: { start: '2025-05-01', end: '2025-05-01', text: null } })],
          }),
        ])
        expect((await listEvents(s)).items.map((e) => e.dateStart)).toEqual(['2025-05-01', '2025-03-11', null])
      })

      it('counts syndicated copies of a report as one source, and filters by type, place and date', async () => {
        const s = await open()
        const [a, b] = syndicated('evt')
        await writeBatch(s, [
          analyzed({ text: a, entities: [bla], places: [quetta], events: [attack({ fatalities: { low: 10, best: 10, high: 10 } })] }),
          analyzed({ text: b, entities: [bla], places: [quetta], events: [attack({ fatalities: { low: 12, best: 12, high: 12 } })] }),
        ])
        const [merged] = (await listEvents(s)).items
        expect(merged).toMatchObject({ sourceCount: 1, reportCount: 2, fatalities: { low: 10, best: 10, high: 10 } })
        expect((await listEvents(s, { type: 'assault', place: 'Quetta', since: '2025-03-01' })).items).toHaveLength(1)
        expect((await listEvents(s, { place: 'Peshawar' })).items).toHaveLength(0)
        expect((await listEvents(s, { since: '2025-04-01' })).items).toHaveLength(0)
      })
      it('writes a new event whole: the same row and parties a refresh from its stored reports makes', async () => {
        const s = await open()
        const [base, variant] = syndicated('whole')
        await writeBatch(s, [
          analyzed({
            text: filler('w1'),
            published: '2025-03-11',
            entities: [bla, pakistan],
            places: [quetta],
            events: [
              attack({ mode: 'bombing', targets: ['actor:pakistan', 'actor:pakistan'], fatalities: { low: 3, best: 4, high: 5 } }),
              attack({ type: 'COERCE', actors: ['actor:bla', 'actor:bla'], date: { start: null, end: null, text: null } }),
            ],
          }),
          analyzed({ text: filler('w2'), entities: [iskp], events: [event({ type: 'PROTEST', actors: ['actor:iskp'] })] }),
          analyzed({
            text: base,
            entities: [bla],
            places: [peshawar],
            events: [attack({ place: 'geonames:2', date: { start: '2025-02-01', end: '2025-02-03', text: null } })],
          }),
          analyzed({
            text: variant,
            entities: [bla],
            places: [peshawar],
            events: [attack({ place: 'geonames:2', date: { start: '2025-02-02', end: '2025-02-02', text: null } })],
          }),
        ])
        const snapshot = async () => ({
          events: await s.db.selectFrom('events').selectAll().orderBy('id').execute(),
          parties: await s.db.selectFrom('event_parties').selectAll().orderBy('event_id').orderBy('role').orderBy('entity_id').execute(),
        })
        const written = await snapshot()
        expect(written.events).toHaveLength(4)
        expect(written.events.some((row) => Number(row.report_count) === 2)).toBe(true)
        for (const { id } of written.events) await refreshEvent(s.db, id)
        expect(await snapshot()).toEqual(written)
      })
    })

    describe('entities', () => {
      it('merges unknown names of the same type across articles and records the decision', async () => {
        const s = await open()
        await writeBatch(s, [
          analyzed({ text: filler('u1'), entities: [entity('actor:x-jamaat-ul-ahrar', 'Jamaat-ul-Ahrar', 'armed_group')] }),
          analyzed({ text: filler('u2'), entities: [entity('actor:x-jamaat-ul-ahrar-2', 'Jamaat ul Ahrar', 'armed_group')] }),
          analyzed({ text: filler('u3'), entities: [entity('actor:x-jamaat-ul-ahrar-3', 'Jamaat ul Ahrar', 'person')] }),
          analyzed({ text: filler('u4'), entities: [entity('actor:x-the-tehrik', 'TTP', 'armed_group')] }),
          analyzed({ text: filler('u5'), entities: [ttp] }),
          analyzed({ text: filler('u6'), entities: [entity('actor:x-ttp-again', 'tehrik-i-taliban pakistan', 'armed_group')] }),
        ])
        const merges = await s.db.selectFrom('entity_merges').select(['source_id', 'target_id']).orderBy('source_id').execute()
        expect(merges).toEqual([
          { source_id: 'actor:x-jamaat-ul-ahrar-2', target_id: 'actor:x-jamaat-ul-ahrar' },
          { source_id: 'actor:x-ttp-again', target_id: 'actor:ttp' },
        ])
        const view = await getEntity(s, 'Jamaat ul Ahrar')
        expect(view).toMatchObject({ id: 'actor:x-jamaat-ul-ahrar', articleCount: 2, known: false })
        expect(view!.mergedFrom).toHaveLength(1)
        expect(await getEntity(s, 'no such group')).toBeNull()
      })
    })

    it('searches article text', async () => {
      const s = await open()
      await writeBatch(s, [
        analyzed({ text: `${filler('s1')} Mastung district attack`, title: 'Blast in Mastung' }),
        analyzed({ text: `${filler('s2')} talks in Doha`, title: 'Talks' }),
      ])
      const hits = await searchArticles(s, 'mastung')
      expect(hits.map((hit) => hit.title)).toEqual(['Blast in Mastung'])
      expect(hits[0]!.snippet).toContain('[')
      expect(await searchArticles(s, '"in Doha"')).toHaveLength(1)
      expect(await searchArticles(s, 'Mast*')).toHaveLength(1)
      expect(await searchArticles(s, 'mastung doha')).toHaveLength(0)
      expect(await searchArticles(s, '" ( - OR')).toHaveLength(0)
    })
  })
}
