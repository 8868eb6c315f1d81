import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURATED_FILE, GEONAMES_FILE, GazetteerError, loadGazetteer } from '../../src/gazetteer/gazetteer.js'

const COLUMNS = ['id', 'name', 'kind', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'featureCode', 'altNames']
const GOOD_ROWS = [
  ['country:PK', 'Pakistan', 'country', 'PK', null, null, 29.9, 69.2, 0, 'PCLI', 'Islamic Republic of Pakistan'],
  ['geonames:PK.02', 'Balochistan', 'admin1', 'PK', null, null, 28.7, 66.8, 0, 'ADM1', ''],
  ['geonames:1170706', 'Mastung', 'city', 'PK', 'Balochistan', 'Mastung District', 29.7997, 66.8455, 29082, 'PPLA2', ''],
]
const GOOD_CURATED = [
  {
    id: 'sitrep:pk-balochistan',
    name: 'Balochistan',
    kind: 'admin1',
    country: 'PK',
    admin1: null,
    lat: 28.49,
    lon: 65.1,
    altNames: ['Baluchistan'],
  },
]

function dataDir(geonames: unknown, curated: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'))
  writeFileSync(join(dir, GEONAMES_FILE), typeof geonames === 'string' ? geonames : JSON.stringify(geonames))
  writeFileSync(join(dir, CURATED_FILE), typeof curated === 'string' ? curated : JSON.stringify(curated))
  return dir
}

describe('loadGazetteer on small data of its own', () => {
  it('merges a curated province with the GeoNames division it corresponds to', () => {
    const g = loadGazetteer(dataDir({ meta: { columns: COLUMNS }, rows: GOOD_ROWS }, { records: GOOD_CURATED }))
    expect(g.size).toBe(3)
    expect(g.candidates('Baluchistan').map((e) => e.id)).toEqual(['sitrep:pk-balochistan'])
    expect(g.candidates('Balochistan').map((e) => e.id)).toEqual(['sitrep:pk-balochistan'])
    expect(g.admin1Of(g.candidates('Mastung')[0]!)?.id).toBe('sitrep:pk-balochistan')
    expect(g.country('PK')?.name).toBe('Pakistan')
  })
})

describe('bad data files', () => {
  const geonames = { meta: { columns: COLUMNS }, rows: GOOD_ROWS }
  const cases: Array<[what: string, geonames: unknown, curated: unknown, file: string, message: RegExp]> = [
    ['geonames file is not JSON', '{"rows": [', { records: [] }, GEONAMES_FILE, /not valid JSON/],
    ['geonames file is binary', '\u0000\u0001\u0002PNG', { records: [] }, GEONAMES_FILE, /not valid JSON/],
    ['geonames columns differ', { meta: { columns: ['id'] }, rows: [] }, { records: [] }, GEONAMES_FILE, /expected/],
    ['geonames row is short', { meta: { columns: COLUMNS }, rows: [['x', 'y']] }, { records: [] }, GEONAMES_FILE, /row 0 is malformed/],
    ['curated file has no records', geonames, { places: [] }, CURATED_FILE, /expected \{records/],
    [
      'curated id without prefix',
      geonames,
      { records: [{ ...GOOD_CURATED[0], id: 'balochistan' }] },
      CURATED_FILE,
      /field "id": must look like sitrep:some-slug/,
    ],
    ['curated kind unknown', geonames, { records: [{ ...GOOD_CURATED[0], kind: 'state' }] }, CURATED_FILE, /field "kind": must be one of/],
    ['curated point half missing', geonames, { records: [{ ...GOOD_CURATED[0], lon: null }] }, CURATED_FILE, /both/],
    ['curated city without point', geonames, { records: [{ ...GOOD_CURATED[0], lat: null, lon: null }] }, CURATED_FILE, /only a region/],
    ['curated duplicate id', geonames, { records: [GOOD_CURATED[0], GOOD_CURATED[0]] }, CURATED_FILE, /duplicate id/],
  ]
  it.each(cases)('%s → an error naming the file', (_what, geonamesData, curatedData, file, message) => {
    const dir = dataDir(geonamesData, curatedData)
    let error: unknown
    try {
      loadGazetteer(dir)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(GazetteerError)
    expect((error as GazetteerError).file).toBe(join(dir, file))
    expect((error as Error).message).toMatch(message)
  })

  it('a missing directory names the file and how to rebuild it', () => {
    expect(() => loadGazetteer('/nonexistent/gazetteer')).toThrow(/geonames-derived\.json: cannot read .*build-gazetteer/)
  })
})
