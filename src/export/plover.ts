import { exportEventPages, type ExportEvent, type ExportNode } from '../store/read/index.js'
import type { EntityType } from '../record/record.js'
import type { Exporter } from './format.js'

/**
 * PLOVER event records, one JSON object per line: the PLOVER event type and mode, a context list,
 * actors and recipients with their names, the location, the date and the source sentence.
 * An event merged from several reports is one line; every report is in `sources`.
 */
export const ploverExporter: Exporter = {
  mediaType: 'application/x-ndjson; charset=utf-8',
  extension: 'jsonl',
  async write(store, filter, sink) {
    for await (const page of exportEventPages(store, filter)) {
      await sink.write(page.map((event) => `${JSON.stringify(ploverRecord(event))}\n`).join(''))
    }
  },
}

export interface PloverActor {
  name: string
  id: string
  type: string
  country: string | null
}

export interface PloverRecord {
  id: string
  date: string | null
  date_end: string | null
  event_type: string
  mode: string | null
  context: string[]
  actors: PloverActor[]
  recipients: PloverActor[]
  location: {
    name: string
    id: string
    kind: string
    country: string | null
    admin1: string | null
    lat: number | null
    lon: number | null
  } | null
  event_text: string | null
  fatalities: { low: number | null; best: number | null; high: number | null }
  sources: { article: string; url: string | null; outlet: string | null; published: string | null; text: string }[]
}

export function ploverRecord(event: ExportEvent): PloverRecord {
  const first = event.reports[0]
  return {
    id: event.id,
    date: event.dateStart,
    date_end: event.dateEnd,
    event_type: event.type,
    mode: event.modes[0] ?? first?.mode ?? null,
    context: contextOf(event),
    actors: event.actors.map(ploverActor),
    recipients: event.targets.map(ploverActor),
    location: event.place
      ? {
          name: event.place.name,
          id: event.place.id,
          kind: event.place.type,
          country: event.place.country,
          admin1: event.place.admin1,
          lat: event.place.lat,
          lon: event.place.lon,
        }
      : null,
    event_text: first?.evidence ?? null,
    fatalities: event.fatalities,
    sources: event.reports.map((report) => ({
      article: report.articleId,
      url: report.url,
      outlet: report.outlet,
      published: report.published,
      text: report.evidence,
    })),
  }
}

function ploverActor(node: ExportNode): PloverActor {
  return { name: node.name, id: node.id, type: node.type, country: node.country }
}

/** PLOVER's context from who takes part: armed parties make it military, states and their bodies political. */
const CONTEXT_OF_TYPE: Partial<Record<EntityType, string>> = {
  armed_group: 'military',
  security_force: 'military',
  state: 'political',
  government: 'political',
  political_party: 'political',
  international_org: 'political',
}

function contextOf(event: ExportEvent): string[] {
  const contexts = new Set<string>()
  for (const node of [...event.actors, ...event.targets]) {
    const context = CONTEXT_OF_TYPE[node.type as EntityType]
    if (context) contexts.add(context)
  }
  if (event.type === 'PROTEST') contexts.add('protest')
  return [...contexts].sort()
}
