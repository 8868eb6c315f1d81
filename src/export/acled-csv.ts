import { readFileSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import countries from 'i18n-iso-countries'
import { EVENT_TYPES, type EntityType, type EventType } from '../record/record.js'
import { exportEventPages, type ExportEvent, type ExportNode } from '../store/read/index.js'
import { ACLED_INTER, acledCodeOf, disorderTypeOf } from './acled-mapping.js'
import type { Exporter } from './format.js'

/** ACLED's column names, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const
export type AcledColumn = (typeof ACLED_COLUMNS)[number]
export type AcledRow = Record<AcledColumn, string | number>

/** One row per merged event that ACLED would code (see acled-mapping.ts), written a page at a time. */
export const acledCsvExporter: Exporter = {
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  async write(store, filter, sink, options) {
    let header = true
    for await (const page of exportEventPages(store, filter)) {
      const rows = page.flatMap((event) => acledRow(event) ?? [])
      if (rows.length === 0) continue
      await sink.write(stringify(rows, { header, columns: [...ACLED_COLUMNS], bom: header && Boolean(options.bom) }))
      header = false
    }
    if (header) await sink.write(stringify([], { header: true, columns: [...ACLED_COLUMNS], bom: Boolean(options.bom) }))
  },
}

const REGION_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(
    (
      JSON.parse(readFileSync(new URL('../../data/export/acled-regions.json', import.meta.url), 'utf8')) as {
        regions: Record<string, string[]>
      }
    ).regions,
  ).flatMap(([region, codes]) => codes.map((country) => [country, region] as const)),
)

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES)

export function acledRow(event: ExportEvent): AcledRow | null {
  if (!KNOWN_TYPES.has(event.type)) return null
  const code = acledCodeOf(
    event.type as EventType,
    event.modes,
    event.targets.map((target) => target.type),
  )
  if (!code) return null
  const place = event.place
  const country = place?.country ?? event.actors.find((actor) => actor.country)?.country ?? null
  const [actor1, ...assoc1] = event.actors
  const [actor2, ...assoc2] = event.targets
  const inter1 = actor1 ? interOf(actor1) : ''
  let actor2Name = actor2?.name ?? ''
  let inter2 = actor2 ? interOf(actor2) : ''
  if (!actor2 && code.eventType === 'Violence against civilians') {
    actor2Name = country ? `Civilians (${countryName(country)})` : 'Civilians'
    inter2 = 'Civilians'
  }
  const date = event.dateStart ?? event.reports[0]?.published?.slice(0, 10) ?? event.firstSeen.slice(0, 10)
  const fatalities = event.fatalities.low ?? event.fatalities.best ?? 0
  const outlets = [...new Set(event.reports.map((report) => report.outlet).filter((outlet): outlet is string => Boolean(outlet)))]
  return {
    event_id_cnty: `${country ? (countries.alpha2ToAlpha3(country) ?? country) : 'XXX'}${event.id.replace(/^evt:/, '')}`,
    event_date: date,
    year: date.slice(0, 4),
    time_precision: timePrecision(event),
    disorder_type: disorderTypeOf(code.eventType),
    event_type: code.eventType,
    sub_event_type: code.subEventType,
    actor1: actor1?.name ?? '',
    assoc_actor_1: assoc1.map((actor) => actor.name).join('; '),
    inter1,
    actor2: actor2Name,
    assoc_actor_2: assoc2.map((target) => target.name).join('; '),
    inter2,
    interaction: inter1 && inter2 ? `${inter1}-${inter2}` : inter1 || inter2 ? `${inter1 || inter2} only` : '',
    civilian_targeting: code.eventType === 'Violence against civilians' ? 'Civilian targeting' : '',
    iso: country ? (countries.alpha2ToNumeric(country) ?? '') : '',
    region: country ? (REGION_OF.get(country) ?? '') : '',
    country: country ? countryName(country) : '',
    admin1: place?.type === 'admin1' ? place.name : (place?.admin1 ?? ''),
    admin2: place?.type === 'admin2' ? place.name : '',
    admin3: '',
    location: place?.name ?? '',
    latitude: place?.lat ?? '',
    longitude: place?.lon ?? '',
    geo_precision: place ? geoPrecision(place) : '',
    source: outlets.join('; '),
    source_scale: '',
    notes: event.reports[0]?.evidence ?? '',
    fatalities,
    tags: tagsOf(event),
    timestamp: Math.floor(Date.parse(event.lastSeen.length === 10 ? `${event.lastSeen}T00:00:00Z` : event.lastSeen) / 1000),
  }
}

function interOf(node: ExportNode): string {
  return ACLED_INTER[node.type as EntityType] ?? ''
}

function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code
}

/** ACLED: 1 the day is known, 2 the week, 3 only the month (or less); an undated event takes its report's date at 3. */
function timePrecision(event: ExportEvent): number {
  if (!event.dateStart || !event.dateEnd) return 3
  const days = (Date.parse(event.dateEnd) - Date.parse(event.dateStart)) / 86_400_000
  return days <= 0 ? 1 : days <= 7 ? 2 : 3
}

/** ACLED: 1 a town or spot, 2 near it or a district, 3 a province, region or country. */
function geoPrecision(place: ExportNode): number {
  if (place.type === 'city' || place.type === 'locality' || place.type === 'feature') return 1
  if (place.type === 'admin2') return 2
  return 3
}

function tagsOf(event: ExportEvent): string {
  const tags = [
    `sitrep_id=${event.id}`,
    `plover=${event.type}${event.modes.length ? `/${event.modes.join(',')}` : ''}`,
    `sources=${event.sourceCount}`,
  ]
  if (event.fatalities.high !== null && event.fatalities.high !== event.fatalities.low)
    tags.push(`fatalities_high=${event.fatalities.high}`)
  if (!event.dateStart) tags.push('date=report date')
  return tags.join('; ')
}
