import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { openStore, type Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { buildServer } from '../../src/serve/server.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { analyzed, claim, entity, event, filler } from '../support/records.js'
import type { PlaceRecord } from '../../src/record/record.js'

/** The API the analyst views read: dyads, "what's new since", precision, honest dates, network filters. */

const north = entity('actor:x-northland', 'Northland', 'state')
const south = entity('actor:x-southland', 'Southland', 'state')
const rebels = entity('actor:x-river-front', 'River Front', 'armed_group')
const province: PlaceRecord = {
  id: 'sitrep:x-hill-province',
  name: 'Hill Province',
  kind: 'admin1',
  country: 'PK',
  admin1: null,
  lat: 29,
  lon: 66,
  mentions: [],
}
const town: PlaceRecord = {
  id: 'sitrep:x-ford-town',
  name: 'Ford Town',
  kind: 'city',
  country: 'PK',
  admin1: 'Hill Province',
  lat: 29.5,
  lon: 66.5,
  mentions: [],
}
const country: PlaceRecord = {
  id: 'country:XX',
  name: 'Somecountry',
  kind: 'country',
  country: 'XX',
  admin1: null,
  lat: 20,
  lon: 60,
  mentions: [],
}

const first = [
  analyzed({
    text: `Northland blamed Southland for arming the River Front. ${filler('dyad-one')}`,
    source: 'Morning Wire',
    published: '2025-05-02',
    entities: [north, south, rebels],
    places: [town, province],
    events: [
      event({
        type: 'ACCUSE',
        actors: [north.id],
        targets: [south.id],
        date: { start: '2025-05-02', end: '2025-05-02', text: null },
        evidence: { start: 0, end: 50 },
      }),
      event({
        type: 'ASSAULT',
        actors: [rebels.id],
        place: province.id,
        date: { start: '2025-05-01', end: '2025-05-01', text: null },
        fatalities: { low: 3, best: 3, high: 3 },
      }),
      event({ type: 'ASSAULT', actors: [rebels.id], place: town.id, date: { start: '2025-04-01', end: '2025-04-30', text: 'in April' } }),
    ],
    claims: [
      claim({
        subject: south.id,
        relation: 'supports',
        object: rebels.id,
        claimant: north.id,
        cue: 'blamed',
        evidence: { start: 0, end: 50 },
      }),
    ],
  }),
  analyzed({
    text: `Southland rejected the charge and said Northland shelled its villages. ${filler('dyad-two')}`,
    source: 'Evening Post',
    published: '2025-06-10',
    entities: [north, south, rebels],
    places: [country],
    events: [
      event({ type: 'REJECT', actors: [south.id], targets: [north.id], date: { start: '2025-06-10', end: '2025-06-10', text: null } }),
      event({
        type: 'ACCUSE',
        actors: [south.id],
        targets: [north.id],
        place: country.id,
        date: { start: '2025-06-10', end: '2025-06-10', text: null },
      }),
    ],
    claims: [
      claim({ subject: south.id, relation: 'supports', object: rebels.id, claimant: south.id, stance: 'denies', cue: 'rejected' }),
      claim({ subject: north.id, relation: 'attacks', object: south.id, claimant: south.id, cue: 'highlighted' }),
    ],
  }),
]
/** No publication date: its statements must never be dated by the day they were stored. */
const undated = analyzed({
  text: `Reports say the River Front holds the ford. ${filler('dyad-undated')}`,
  entities: [rebels],
  places: [town],
  events: [event({ type: 'MOBILIZE', actors: [rebels.id], place: town.id })],
  claims: [claim({ subject: rebels.id, relation: 'present_in', object: town.id, cue: '' })],
})
const laterArticles = [
  undated,
  analyzed({
    text: `Aid groups also said the River Front receives Southland weapons. ${filler('dyad-three')}`,
    source: 'Relief Daily',
    published: '2025-06-20',
    entities: [south, rebels],
    claims: [claim({ subject: south.id, relation: 'supports', object: rebels.id })],
  }),
  analyzed({
    text: `The River Front said Northland shelled Southland again. ${filler('dyad-five')}`,
    source: 'Relief Daily',
    published: '2025-06-22',
    entities: [north, south, rebels],
    claims: [claim({ subject: north.id, relation: 'attacks', object: south.id, claimant: rebels.id })],
  }),
  analyzed({
    text: `A second outlet repeated that the River Front receives Southland weapons. ${filler('dyad-four')}`,
    source: 'Relief Weekly',
    published: '2025-06-21',
    entities: [south, rebels],
    claims: [claim({ subject: south.id, relation: 'supports', object: rebels.id })],
  }),
]

const FIRST_INGEST = '2026-01-01T10:00:00.000Z'
const LATER_INGEST = '2026-01-05T10:00:00.000Z'

for (const dialect of dialects) {
  describe(`analyst API on ${dialect}`, () => {
    let store: Store
    let app: FastifyInstance
    let base = ''
    const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${base}/api/${path}`)
      return { status: response.status, body: (await response.json()) as T }
    }

    beforeAll(async () => {
      store = await openStore(await freshStoreUrl(dialect))
      await writeBatch(store, first, FIRST_INGEST)
      await writeBatch(store, laterArticles, LATER_INGEST)
      app = await buildServer({ store, token: 'analyst-token-0000', readOnly: true })
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    }, 120_000)

    afterAll(async () => {
      await app?.close()
      await store?.close()
    })

    it('the dyad has both directions, the statements each side made about the other and the monthly balance', async () => {
      const { status, body } = await get<any>(`dyad?a=${encodeURIComponent('Northland')}&b=${encodeURIComponent(south.id)}`)
      expect(status).toBe(200)
      expect(body.a.id).toBe(north.id)
      expect(body.events.filter((e: any) => e.direction === 'ab').map((e: any) => e.type)).toEqual(['ACCUSE'])
      expect(
        body.events
          .filter((e: any) => e.direction === 'ba')
          .map((e: any) => e.type)
          .sort(),
      ).toEqual(['ACCUSE', 'REJECT'])
      expect(body.events.every((e: any) => e.evidence?.articleId)).toBe(true)
      const ab = body.statements.filter((s: any) => s.direction === 'ab')
      const ba = body.statements.filter((s: any) => s.direction === 'ba')
      expect(ab.map((s: any) => `${s.stance} ${s.relation}`)).toEqual(['asserts supports'])
      expect(ba.map((s: any) => `${s.stance} ${s.relation}`).sort()).toEqual(['asserts attacks', 'denies supports'])
      // Southland's denial answers what Northland claimed, so it is on Southland's side too
      expect(ba.find((s: any) => s.stance === 'denies').propositionId).toBe(ab[0].propositionId)
      // "highlighted" is no verb of saying: the analyst is told to doubt it
      expect(ba.find((s: any) => s.relation === 'attacks').weakCue).toMatch(/describes or implies/)
      expect(ab[0].weakCue).toBeNull()
      expect(body.months).toEqual([
        { month: '2025-05', direction: 'ab', accuse: 1, reject: 0, events: 1 },
        { month: '2025-06', direction: 'ba', accuse: 1, reject: 1, events: 2 },
      ])
    })

    it('a dyad with a small limit keeps the first events and statements of the full one', async () => {
      const pair = `a=${encodeURIComponent(north.id)}&b=${encodeURIComponent(south.id)}`
      const full = (await get<any>(`dyad?${pair}`)).body
      const capped = (await get<any>(`dyad?${pair}&limit=1`)).body
      const key = (s: any) => `${s.direction} ${s.evidence.articleId} ${s.evidence.start} ${s.propositionId} ${s.stance}`
      expect(capped.events.length).toBeLessThanOrEqual(2)
      expect(capped.events.length).toBeGreaterThan(0)
      expect(full.events.map((e: any) => e.id)).toEqual(expect.arrayContaining(capped.events.map((e: any) => e.id)))
      expect(capped.statements.length).toBeGreaterThan(0)
      expect(capped.statements.length).toBeLessThan(full.statements.length)
      expect(full.statements.map(key)).toEqual(expect.arrayContaining(capped.statements.map(key)))
    })

    it('a dyad with an unknown or identical party is a clear error', async () => {
      const unknown = await get<any>('dyad?a=Northland&b=Nowhereland')
      expect(unknown.status).toBe(404)
      expect(unknown.body.message).toMatch(/Nowhereland/)
      const same = await get<any>(`dyad?a=Northland&b=${encodeURIComponent(north.id)}`)
      expect(same.status).toBe(400)
      expect((await get<any>('dyad?a=Northland')).status).toBe(400)
    })

    it('events carry ACLED-style geo and time precision and their place kind', async () => {
      const { body } = await get<any>('events?limit=50')
      const byPlace = (id: string) => body.items.find((e: any) => e.place?.id === id && e.type !== 'MOBILIZE')
      expect(byPlace(province.id)).toMatchObject({ geoPrecision: 2, timePrecision: 1, place: { placeKind: 'admin1', country: 'PK' } })
      expect(byPlace(town.id)).toMatchObject({ geoPrecision: 1, timePrecision: 3 })
      expect(byPlace(country.id)).toMatchObject({ geoPrecision: 3 })
      const mobilize = body.items.find((e: any) => e.type === 'MOBILIZE')
      expect(mobilize).toMatchObject({ dateStart: null, timePrecision: null })
      // undated events come last, never first
      expect(body.items[body.items.length - 1].dateStart).toBeNull()
    })

    it('statements of an undated article are undated and stay out of date ranges', async () => {
      const { body } = await get<any>(`propositions?actor=${encodeURIComponent(rebels.id)}&relation=present_in`)
      expect(body.items).toHaveLength(1)
      expect(body.items[0]).toMatchObject({ firstSeen: null, lastSeen: null, undatedClaims: 1 })
      const ranged = await get<any>(`propositions?actor=${encodeURIComponent(rebels.id)}&relation=present_in&since=2000-01-01`)
      expect(ranged.body.total).toBe(0)
      const timeline = await get<any>('timeline')
      expect(timeline.body.undatedEvents).toBe(1)
      expect(timeline.body.buckets.every((b: any) => b.date.startsWith('2025-'))).toBe(true)
    })

    it('reports without a named source are one party row with their count', async () => {
      const { body } = await get<any>(`propositions/${encodeURIComponent(`${south.id}|supports|${rebels.id}`)}`)
      const anonymous = body.asserters.filter((p: any) => p.party === null)
      expect(anonymous).toHaveLength(1)
      expect(anonymous[0].sources).toBe(2)
      expect(anonymous[0].outlets).toEqual(['Relief Daily', 'Relief Weekly'])
    })

    it("what's new since a moment: new propositions, status changes and new events, also about one actor", async () => {
      const { body } = await get<any>('changes?since=2026-01-03')
      expect(body.newPropositions.items.map((p: any) => p.id)).toEqual([`${rebels.id}|present_in|${town.id}`])
      expect(body.statusChanges.items.map((c: any) => [c.proposition.id, c.from, c.to, c.changedAt])).toEqual([
        [`${north.id}|attacks|${south.id}`, 'single-source', 'corroborated', LATER_INGEST],
      ])
      expect(body.newEvents.items.map((e: any) => e.type)).toEqual(['MOBILIZE'])
      const everything = await get<any>('changes?since=2025-12-31')
      expect(everything.body.newPropositions.total).toBe(3)
      expect(everything.body.newEvents.total).toBe(6)
      const aboutNorth = await get<any>(`changes?since=2025-12-31&actor=${encodeURIComponent(north.id)}`)
      expect(aboutNorth.body.newPropositions.items.map((p: any) => p.id)).toEqual([`${north.id}|attacks|${south.id}`])
      expect((await get<any>('changes?since=yesterday')).status).toBe(400)
    })

    it('network edges filter by status and date, and the ego network keeps one actor and its neighbours', async () => {
      const all = await get<any>('network')
      expect(all.body.edges.length).toBeGreaterThan(2)
      const contested = await get<any>('network?status=contested')
      expect(contested.body.edges.length).toBeGreaterThan(0)
      expect(contested.body.edges.every((e: any) => e.status === 'contested')).toBe(true)
      const june = await get<any>('network?since=2025-06-01&until=2025-06-30')
      expect(june.body.edges.every((e: any) => e.lastSeen >= '2025-06-01' && e.firstSeen <= '2025-06-30')).toBe(true)
      expect(june.body.edges.some((e: any) => e.relation === 'accuses' && e.source === south.id)).toBe(true)
      expect(june.body.edges.some((e: any) => e.relation === 'accuses' && e.source === north.id)).toBe(false)
      const ego = await get<any>(`network?actor=${encodeURIComponent(north.id)}`)
      expect(ego.body.edges.every((e: any) => e.source === north.id || e.target === north.id)).toBe(true)
      // the ego network finds the actor's accusations through its typed event_parties rows: all of them
      const accusationsOfNorth = (edges: any[]) =>
        edges
          .filter((e) => e.relation === 'accuses' && (e.source === north.id || e.target === north.id))
          .map((e) => `${e.id} ${e.weight}`)
          .sort()
      expect(accusationsOfNorth(ego.body.edges).length).toBeGreaterThan(0)
      expect(accusationsOfNorth(ego.body.edges)).toEqual(accusationsOfNorth(all.body.edges))
      expect((await get<any>('network?since=2025-07-01&until=2025-06-01')).status).toBe(400)
    })

    it('the OpenAPI document describes the new endpoints and fields', async () => {
      const { body } = await get<any>('openapi.json')
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/dyad', '/api/changes']))
      expect(body.components.schemas.Event.properties).toHaveProperty('geoPrecision')
      expect(body.components.schemas.Proposition.properties).toHaveProperty('undatedClaims')
      expect(body.paths['/api/network'].get.parameters.map((p: any) => p.name)).toEqual(
        expect.arrayContaining(['status', 'since', 'until']),
      )
    })
  })
}
