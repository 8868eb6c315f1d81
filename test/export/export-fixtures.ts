import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { ingestPaths } from '../../src/queue/ingest-run.js'
import { writeExport, type ExportFilter, type ExportFormat, type ExportOptions } from '../../src/export/index.js'
import { analyzed, claim, entity, event, filler, place } from '../support/records.js'
import type { PlaceRecord } from '../../src/record/record.js'

/** Hand-written records (in our own words) whose exports the tests know exactly. */
const islamabad = entity('actor:x-islamabad-state', 'Northland', 'state')
const council = entity('actor:x-river-council', 'River Council', 'government', ['the Council'])
const front = entity('actor:x-hill-front', 'Hill Front', 'armed_group', ['HF'])
const police = entity('actor:x-valley-police', 'Valley Police', 'security_force')
const speaker = entity('actor:x-ana-speaker', 'Ana Speaker', 'person')
const fortTown: PlaceRecord = { ...place('geonames:9000001', 'Fort Town'), country: 'PK', admin1: 'Balochistan', lat: 30.2, lon: 67.0 }
const hillDistrict: PlaceRecord = {
  ...place('geonames:9000002', 'Hill District'),
  kind: 'admin2',
  country: 'AF',
  admin1: 'Khost',
  lat: 33.3,
  lon: 69.9,
}
const nowhere: PlaceRecord = { ...place('place:x-nameless-ridge', 'Nameless Ridge'), kind: 'locality', country: null, lat: null, lon: null }

export const FIXTURE_NAMES = {
  state: 'Northland',
  council: 'River Council',
  group: 'Hill Front',
  police: 'Valley Police',
  town: 'Fort Town',
}

export const fixtureArticles = [
  analyzed({
    text: `Northland blamed the River Council for giving the Hill Front a safe haven. A roadside bomb hit a Valley Police patrol in Fort Town. ${filler('export-one')}`,
    title: 'Blast hits police patrol',
    source: 'Daily Ledger',
    url: 'https://news.example.org/blast-patrol',
    published: '2025-05-04',
    entities: [islamabad, council, front, police],
    places: [fortTown],
    events: [
      event({
        type: 'ASSAULT',
        mode: 'explosion',
        place: fortTown.id,
        actors: [front.id],
        targets: [police.id],
        date: { start: '2025-05-03', end: '2025-05-03', text: 'Saturday' },
        fatalities: { low: 3, best: 4, high: 5 },
        evidence: { start: 75, end: 131 },
      }),
      event({
        type: 'ACCUSE',
        actors: [islamabad.id],
        targets: [council.id],
        date: { start: '2025-05-04', end: '2025-05-04', text: null },
        evidence: { start: 0, end: 74 },
      }),
    ],
    claims: [
      claim({
        subject: council.id,
        relation: 'harbors',
        object: front.id,
        claimant: islamabad.id,
        cue: 'blamed',
        evidence: { start: 0, end: 74 },
      }),
      claim({ subject: front.id, relation: 'attacks', object: police.id, cue: 'hit', evidence: { start: 75, end: 131 } }),
    ],
  }),
  analyzed({
    text: `The River Council rejected the charge through its spokeswoman Ana Speaker. ${filler('export-two')}`,
    title: 'Council rejects the charge',
    source: 'Valley Times',
    url: 'https://valley.example.net/rejects',
    published: '2025-05-06',
    entities: [council, front, speaker],
    places: [],
    claims: [
      claim({
        subject: council.id,
        relation: 'harbors',
        object: front.id,
        claimant: council.id,
        speaker: speaker.id,
        stance: 'denies',
        cue: 'rejected',
        evidence: { start: 0, end: 74 },
      }),
    ],
  }),
  analyzed({
    text: `Hill Front fighters keep camps in Hill District and near Nameless Ridge, residents said; gunmen shot two traders. ${filler('export-three')}`,
    title: 'Camps in the hills',
    source: 'Daily Ledger',
    url: 'https://news.example.org/camps',
    published: '2025-06-10',
    entities: [front],
    places: [hillDistrict, nowhere],
    events: [
      event({
        type: 'ASSAULT',
        mode: 'firearms',
        place: hillDistrict.id,
        date: { start: '2025-06-01', end: '2025-06-07', text: 'last week' },
        fatalities: { low: 2, best: 2, high: 2 },
        evidence: { start: 89, end: 114 },
      }),
    ],
    claims: [
      claim({ subject: front.id, relation: 'present_in', object: hillDistrict.id, cue: 'said', evidence: { start: 0, end: 88 } }),
      claim({ subject: front.id, relation: 'present_in', object: nowhere.id, cue: 'said', evidence: { start: 0, end: 88 } }),
    ],
  }),
]

export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))

/** A few real articles from ../shared/seeds (when present), analyzed and stored by the real ingest. */
export function seedFiles(count = 3): string[] {
  if (!fs.existsSync(SEEDS_DIR)) return []
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .slice(0, count)
    .map((name) => path.join(SEEDS_DIR, name))
}

export async function fillStore(store: Store, withSeeds: boolean): Promise<void> {
  await writeBatch(store, fixtureArticles)
  const seeds = withSeeds ? seedFiles() : []
  if (seeds.length > 0) await ingestPaths(store, seeds, { jobs: 0, run: { referenceDate: '2025-07-01' } })
}

export async function exportText(
  store: Store,
  format: ExportFormat,
  filter: ExportFilter = {},
  options: ExportOptions = {},
): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeExport(store, format, filter, out, options)
  out.end()
  return Buffer.concat(chunks).toString('utf8')
}
