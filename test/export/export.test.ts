import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse as parseCsv } from 'csv-parse/sync'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import Graph from 'graphology'
import { parse as parseGraphml } from 'graphology-graphml'
import { openStore, type Store } from '../../src/store/open-store.js'
import { ACLED_COLUMNS } from '../../src/export/acled-csv.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { exportText, fillStore, FIXTURE_NAMES, seedFiles } from './export-fixtures.js'

/** PLOVER's sixteen event types, as its codebook lists them (kept here apart from src/ on purpose). */
const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
]

const HARBORS = 'actor:x-river-council|harbors|actor:x-hill-front'

type StixObject = Record<string, unknown> & { type: string; id: string; created?: string; modified?: string }
interface Bundle {
  type: string
  id: string
  objects: StixObject[]
}

const schema = JSON.parse(fs.readFileSync(new URL('../data/stix-2.1/stix-2.1.schema.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
ajv.addSchema(schema)
const SCHEMA_ID = schema['$id'] as string
const KNOWN_DEFS = new Set(['identity', 'threat-actor', 'location', 'report', 'note', 'relationship', 'extension-definition'])

function validatorFor(type: string) {
  const def = KNOWN_DEFS.has(type) ? type : 'new-sdo'
  return ajv.getSchema(`${SCHEMA_ID}#/$defs/${def}`)!
}

/** Every *_ref and *_refs value anywhere in an object (extensions' keys too). */
function refsIn(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => refsIn(item, key))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, inner]) => [
      ...(name.startsWith('extension-definition--') ? [name] : []),
      ...refsIn(inner, name),
    ])
  }
  return typeof value === 'string' && /_refs?$/.test(key) ? [value] : []
}

/** The STIX checks a JSON schema cannot make: id prefix = type, modified >= created, every reference resolves. */
function stixProblems(bundle: Bundle): string[] {
  const problems: string[] = []
  const ids = new Set(bundle.objects.map((object) => object.id))
  if (ids.size !== bundle.objects.length) problems.push('duplicate ids')
  for (const object of bundle.objects) {
    const validate = validatorFor(object.type)
    if (!validate(object)) problems.push(`${object.id}: ${ajv.errorsText(validate.errors)}`)
    if (!object.id.startsWith(`${object.type}--`)) problems.push(`${object.id}: id prefix is not its type ${object.type}`)
    if (object.created && object.modified && object.modified < object.created) problems.push(`${object.id}: modified before created`)
    for (const ref of refsIn(object)) if (!ids.has(ref)) problems.push(`${object.id}: unresolved reference ${ref}`)
  }
  return problems
}

function byType(bundle: Bundle, type: string): StixObject[] {
  return bundle.objects.filter((object) => object.type === type)
}

describe('the STIX 2.1 test schema', () => {
  it('rejects what STIX 2.1 forbids, so a passing export means something', () => {
    const base = { spec_version: '2.1', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z' }
    const id = (type: string) => `${type}--6ba7b810-9dad-51d1-80b4-00c04fd430c8`
    const valid = (object: StixObject) => validatorFor(object.type)(object) as boolean
    expect(valid({ ...base, type: 'location', id: id('location'), latitude: 30, longitude: 67 })).toBe(true)
    expect(valid({ ...base, type: 'location', id: id('location'), name: 'no position' })).toBe(false)
    expect(valid({ ...base, type: 'location', id: id('location'), latitude: 30 })).toBe(false)
    expect(valid({ ...base, type: 'identity', id: id('identity'), name: 'x', created: '2025-01-01 00:00:00' })).toBe(false)
    expect(valid({ ...base, type: 'identity', id: id('identity'), name: 'x', XSitrep: 1 })).toBe(false)
    expect(valid({ ...base, type: 'report', id: id('report'), name: 'r', published: base.created, object_refs: [] })).toBe(false)
    expect(
      valid({
        ...base,
        type: 'relationship',
        id: id('relationship'),
        relationship_type: 'related-to',
        source_ref: 'not-an-id',
        target_ref: id('identity'),
      }),
    ).toBe(false)
    expect(valid({ ...base, type: 'x-sitrep-event', id: id('x-sitrep-event') })).toBe(false)
    expect(
      stixProblems({
        type: 'bundle',
        id: id('bundle'),
        objects: [{ ...base, type: 'note', id: id('note'), content: 'c', object_refs: [id('identity')] }],
      }),
    ).toEqual([`${id('note')}: unresolved reference ${id('identity')}`])
  })
})

for (const dialect of dialects) {
  describe(`exports on ${dialect}`, () => {
    let store: Store

    beforeAll(async () => {
      store = await openStore(await freshStoreUrl(dialect))
      // The real-article part runs once, on SQLite: PostgreSQL re-reads the hand-made store.
      await fillStore(store, dialect === 'sqlite')
    }, 120_000)
    afterAll(async () => store?.close())

    it('STIX: every object passes the STIX 2.1 schema and every reference resolves inside the bundle', async () => {
      const bundle = JSON.parse(await exportText(store, 'stix')) as Bundle
      expect(ajv.validate(`${SCHEMA_ID}#/$defs/bundle`, bundle), ajv.errorsText()).toBe(true)
      expect(stixProblems(bundle)).toEqual([])
      if (dialect === 'sqlite' && seedFiles().length > 0) expect(byType(bundle, 'report').length).toBeGreaterThan(3)

      const named = (type: string, name: string) => byType(bundle, type).find((object) => object['name'] === name)
      expect(named('threat-actor', FIXTURE_NAMES.group)).toMatchObject({ aliases: ['HF'], x_sitrep_entity_type: 'armed_group' })
      expect(named('identity', FIXTURE_NAMES.state)).toMatchObject({ identity_class: 'organization', sectors: ['government-national'] })
      expect(named('identity', FIXTURE_NAMES.police)).toMatchObject({ sectors: ['defense'] })
      expect(named('location', FIXTURE_NAMES.town)).toMatchObject({
        latitude: 30.2,
        longitude: 67,
        country: 'PK',
        administrative_area: 'Balochistan',
      })
      // A place without coordinates or country cannot be a STIX location: left out, and nothing points at it.
      expect(byType(bundle, 'location').some((object) => object['name'] === 'Nameless Ridge')).toBe(false)

      const report = named('report', 'Blast hits police patrol')!
      expect(report['published']).toBe('2025-05-04T00:00:00.000Z')
      expect(report['external_references']).toEqual([
        { source_name: 'Daily Ledger', url: 'https://news.example.org/blast-patrol', external_id: expect.any(String) },
      ])
      const refTypes = new Set((report['object_refs'] as string[]).map((ref) => ref.split('--')[0]))
      expect([...refTypes].sort()).toEqual(['identity', 'location', 'relationship', 'threat-actor', 'x-sitrep-event'])

      const harbors = byType(bundle, 'relationship').find((object) => object['x_sitrep_id'] === HARBORS)!
      expect(harbors).toMatchObject({
        relationship_type: 'related-to',
        x_sitrep_status: 'contested',
        x_sitrep_asserters: [FIXTURE_NAMES.state],
        x_sitrep_deniers: [FIXTURE_NAMES.council],
        x_sitrep_independent_sources: 2,
      })
      const presence = byType(bundle, 'relationship').find(
        (object) =>
          object['x_sitrep_relation'] === 'present_in' && object['x_sitrep_id'] === 'actor:x-hill-front|present_in|geonames:9000002',
      )
      expect(presence?.['relationship_type']).toBe('located-at')
      const attack = byType(bundle, 'relationship').find(
        (object) => object['x_sitrep_id'] === 'actor:x-hill-front|attacks|actor:x-valley-police',
      )
      expect(attack).toMatchObject({
        relationship_type: 'targets',
        source_ref: named('threat-actor', FIXTURE_NAMES.group)!.id,
        target_ref: named('identity', FIXTURE_NAMES.police)!.id,
      })
      const notes = byType(bundle, 'note').filter((note) => (note['object_refs'] as string[]).includes(harbors.id))
      expect(notes.map((note) => note['x_sitrep_stance']).sort()).toEqual(['asserts', 'denies'])
      expect(notes.find((note) => note['x_sitrep_stance'] === 'denies')?.['content']).toBe(
        'The River Council rejected the charge through its spokeswoman Ana Speaker.',
      )

      const blast = byType(bundle, 'x-sitrep-event').find((object) => object['name'] === 'ASSAULT (explosion) in Fort Town on 2025-05-03')!
      expect(blast).toMatchObject({ event_type: 'ASSAULT', fatalities: { low: 3, best: 4, high: 5 } })
      expect(blast['actor_refs']).toEqual([named('threat-actor', FIXTURE_NAMES.group)!.id])
    })

    it('STIX: the same store gives the same ids, and filters narrow the bundle without breaking a reference', async () => {
      const first = JSON.parse(await exportText(store, 'stix')) as Bundle
      const second = JSON.parse(await exportText(store, 'stix')) as Bundle
      expect(second.objects.map((object) => object.id)).toEqual(first.objects.map((object) => object.id))
      for (const filter of [
        { status: 'contested' as const },
        { about: FIXTURE_NAMES.town },
        { since: '2025-06-01' },
        { until: '2025-05-05' },
      ]) {
        const narrowed = JSON.parse(await exportText(store, 'stix', filter)) as Bundle
        expect(stixProblems(narrowed), JSON.stringify(filter)).toEqual([])
        expect(narrowed.objects.length, JSON.stringify(filter)).toBeLessThan(first.objects.length)
      }
      const contested = JSON.parse(await exportText(store, 'stix', { status: 'contested' })) as Bundle
      expect(new Set(byType(contested, 'relationship').map((object) => object['x_sitrep_status']))).toEqual(new Set(['contested']))
      expect(byType(contested, 'relationship').map((object) => object['x_sitrep_id'])).toContain(HARBORS)
      const nothing = JSON.parse(await exportText(store, 'stix', { about: 'no such actor anywhere' })) as Bundle
      expect(nothing.objects.map((object) => object.type).sort()).toEqual(['extension-definition', 'identity'])
    })

    it('ACLED CSV: a CSV parser reads ACLED columns, one row per codable event, conservative fatalities', async () => {
      const text = await exportText(store, 'acled-csv', {}, { bom: true })
      expect(text.charCodeAt(0)).toBe(0xfeff)
      const rows = parseCsv(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]
      const header = parseCsv(text, { bom: true, to_line: 1 }) as string[][]
      expect(header[0]).toEqual([...ACLED_COLUMNS])
      const blast = rows.find((row) => row['location'] === FIXTURE_NAMES.town)!
      expect(blast).toMatchObject({
        event_date: '2025-05-03',
        year: '2025',
        time_precision: '1',
        disorder_type: 'Political violence',
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Remote explosive/landmine/IED',
        actor1: FIXTURE_NAMES.group,
        inter1: 'Rebel group',
        actor2: FIXTURE_NAMES.police,
        inter2: 'State forces',
        interaction: 'Rebel group-State forces',
        iso: '586',
        country: 'Pakistan',
        region: 'South Asia',
        admin1: 'Balochistan',
        latitude: '30.2',
        geo_precision: '1',
        source: 'Daily Ledger',
        fatalities: '3',
        notes: 'A roadside bomb hit a Valley Police patrol in Fort Town.',
      })
      expect(blast['event_id_cnty']).toMatch(/^PAK[0-9a-f]+$/)
      const shooting = rows.find((row) => row['location'] === 'Hill District')!
      expect(shooting).toMatchObject({
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        civilian_targeting: 'Civilian targeting',
        actor2: 'Civilians (Afghanistan)',
        time_precision: '2',
        admin2: 'Hill District',
        geo_precision: '2',
        fatalities: '2',
      })
      // An accusation is no ACLED event.
      expect(rows.some((row) => row['tags']?.includes('plover=ACCUSE'))).toBe(false)
      expect(rows.every((row) => Object.keys(row).length === ACLED_COLUMNS.length)).toBe(true)
    })

    it("PLOVER JSON Lines: every line one event of PLOVER's 16 types with named actors and its source sentence", async () => {
      const lines = (await exportText(store, 'plover')).trimEnd().split('\n')
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(records.length).toBeGreaterThanOrEqual(3)
      for (const record of records) {
        expect(PLOVER_TYPES).toContain(record['event_type'])
        expect(Array.isArray(record['actors']) && Array.isArray(record['recipients']) && Array.isArray(record['context'])).toBe(true)
        for (const party of [...(record['actors'] as { name: unknown }[]), ...(record['recipients'] as { name: unknown }[])])
          expect(typeof party.name).toBe('string')
        expect(typeof record['event_text']).toBe('string')
      }
      const blast = records.find(
        (record) => record['mode'] === 'explosion' && (record['location'] as { name?: string } | null)?.name === FIXTURE_NAMES.town,
      )!
      expect(blast).toMatchObject({
        event_type: 'ASSAULT',
        date: '2025-05-03',
        context: ['military'],
        actors: [{ name: FIXTURE_NAMES.group }],
        recipients: [{ name: FIXTURE_NAMES.police }],
        event_text: 'A roadside bomb hit a Valley Police patrol in Fort Town.',
      })
    })

    it('GeoJSON: a GeoJSON validator accepts both layers; presences carry status and asserters', async () => {
      const both = checkGeoJson(await exportText(store, 'geojson')) as {
        features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[]
      }
      const layers = new Set(both.features.map((feature) => feature.properties['layer']))
      expect([...layers].sort()).toEqual(['events', 'presences'])
      const presences = checkGeoJson(await exportText(store, 'geojson', {}, { layer: 'presences' })) as typeof both
      const camp = presences.features.find((feature) => feature.properties['place'] === 'Hill District')!
      expect(camp.geometry.coordinates).toEqual([69.9, 33.3])
      expect(camp.properties).toMatchObject({ actor: FIXTURE_NAMES.group, status: 'single-source', asserters: 'the reporting outlet' })
      const events = checkGeoJson(await exportText(store, 'geojson', { about: FIXTURE_NAMES.group }, { layer: 'events' })) as typeof both
      expect(events.features.map((feature) => feature.properties['place'])).toEqual([FIXTURE_NAMES.town])
      expect(events.features[0]!.properties).toMatchObject({ event_type: 'ASSAULT', fatalities_best: 4, actors: FIXTURE_NAMES.group })
      // An empty selection is still a valid collection.
      expect((checkGeoJson(await exportText(store, 'geojson', { about: 'no such actor anywhere' })) as typeof both).features).toEqual([])
    })

    it('GraphML: graphology re-reads the actor network with types, countries, weights and the contested flag', async () => {
      const graph = parseGraphml(Graph, await exportText(store, 'graphml'))
      expect(graph.order).toBeGreaterThanOrEqual(2)
      const council = graph.findNode((_node, attributes) => attributes['label'] === FIXTURE_NAMES.council)!
      const group = graph.findNode((_node, attributes) => attributes['label'] === FIXTURE_NAMES.group)!
      expect(graph.getNodeAttributes(council)).toMatchObject({ type: 'government' })
      const edge = graph.findEdge(council, group, (_edge, attributes) => attributes['relation'] === 'harbors')!
      expect(graph.getEdgeAttributes(edge)).toMatchObject({
        relation: 'harbors',
        weight: 2,
        contested: true,
        status: 'contested',
        first_seen: expect.any(String),
        last_seen: expect.any(String),
      })
      // Presences point at places: not actor-network edges.
      graph.forEachEdge((_edge, attributes) => expect(attributes['relation']).not.toBe('present_in'))
      const contestedOnly = parseGraphml(Graph, await exportText(store, 'graphml', { status: 'contested' }))
      expect(contestedOnly.hasEdge(HARBORS)).toBe(true)
      contestedOnly.forEachEdge((_edge, attributes) => expect(attributes['contested']).toBe(true))
      expect(contestedOnly.size).toBeLessThan(graph.size)
    })
  })
}
