import type { Selectable } from 'kysely'
import type { Store } from '../open-store.js'
import type { EventsTable } from '../schema.js'
import { geoPrecisionOf, timePrecisionOf } from '../precision.js'
import { emptyPage, filterIds, namesOf, numberOrNull, placeRefOf, refOf, type Page } from './names.js'
import type { EventReportView, EventSourceView, EventView, Fatalities, ServedEvent } from '../../contract/index.js'
export type { EventReportView, EventSourceView, EventView, Fatalities, ServedEvent }

/** Events (PLOVER) and the reports behind them. */

/** The one filter of events, for the CLI (`events`), the API (`/api/events`) and profiles. */
export interface EventFilter {
  /** A PLOVER type, any case. */
  type?: string
  /** A place name or id. */
  place?: string
  /** An entity name or id among actors or targets. */
  actor?: string
  /** YYYY-MM-DD: events ending (or, without an end, starting) on or after it. */
  since?: string
  /** YYYY-MM-DD: events starting on or before it. */
  until?: string
  /** [west, south, east, north] in degrees: only events whose place lies inside. */
  bbox?: [number, number, number, number]
  /** Default 50. */
  limit?: number
  offset?: number
  /** Each event with its reports (the CLI's --sources). */
  withSources?: boolean
}

/** Events the filter selects, latest first, with how many it selects in all. */
export async function listEvents(store: Store, filter: EventFilter = {}): Promise<Page<EventView>> {
  const paging = { limit: filter.limit ?? 50, offset: filter.offset ?? 0 }
  const placeIds = await filterIds(store, filter.place)
  const actorIds = await filterIds(store, filter.actor)
  if (placeIds?.length === 0 || actorIds?.length === 0) return emptyPage(paging)
  let query = store.db.selectFrom('events')
  if (filter.type) query = query.where('events.type', '=', filter.type.toUpperCase())
  if (filter.since) query = query.where((eb) => eb(eb.fn.coalesce('events.date_end', 'events.date_start'), '>=', filter.since!))
  if (filter.until) query = query.where('events.date_start', '<=', filter.until)
  if (placeIds) query = query.where('events.place_id', 'in', placeIds)
  if (actorIds) {
    query = query.where((eb) =>
      eb.or(
        actorIds.flatMap((id) => [
          eb('events.actors', 'like', `%${JSON.stringify(id)}%`),
          eb('events.targets', 'like', `%${JSON.stringify(id)}%`),
        ]),
      ),
    )
  }
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox
    query = query.where('events.place_id', 'in', (eb) =>
      eb
        .selectFrom('places')
        .select('places.id')
        .where('places.lon', '>=', west)
        .where('places.lon', '<=', east)
        .where('places.lat', '>=', south)
        .where('places.lat', '<=', north),
    )
  }
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const rows = await query
    .selectAll('events')
    .orderBy('events.date_start', (order) => order.desc().nullsLast())
    .orderBy('events.source_count', 'desc')
    .orderBy('events.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  const items: EventView[] = await eventViews(store, rows)
  if (filter.withSources) for (const view of items) view.sources = await eventSources(store, view.id)
  return { items, total: Number(total.n), ...paging }
}

export async function getEvent(store: Store, id: string): Promise<ServedEvent | null> {
  const row = await store.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? ((await eventViews(store, [row]))[0] ?? null) : null
}

/** The columns of an event row the views read (queries select all of them). */
export type EventRow = Omit<Selectable<EventsTable>, 'first_seen' | 'last_seen' | 'created_at'>

/** Event rows with the names of their parties and place, for the CLI and the API alike. */
export async function eventViews(store: Store, rows: EventRow[]): Promise<ServedEvent[]> {
  const parsed = rows.map((row) => ({ row, actors: JSON.parse(row.actors) as string[], targets: JSON.parse(row.targets) as string[] }))
  const names = await namesOf(
    store,
    parsed.flatMap(({ row, actors, targets }) => [...actors, ...targets, ...(row.place_id ? [row.place_id] : [])]),
  )
  return parsed.map(({ row, actors, targets }) => ({
    id: row.id,
    type: row.type,
    place: row.place_id ? placeRefOf(names, row.place_id) : null,
    dateStart: row.date_start,
    dateEnd: row.date_end,
    modes: JSON.parse(row.modes) as string[],
    actors: actors.map((id) => refOf(names, id)),
    targets: targets.map((id) => refOf(names, id)),
    fatalities: { low: numberOrNull(row.fatalities_low), best: numberOrNull(row.fatalities_best), high: numberOrNull(row.fatalities_high) },
    sourceCount: Number(row.source_count),
    reportCount: Number(row.report_count),
    geoPrecision: row.place_id ? geoPrecisionOf(names.get(row.place_id)?.type) : null,
    timePrecision: timePrecisionOf(row.date_start, row.date_end),
  }))
}

/** The reports behind an event with their articles, in the order the articles were stored. */
function reportRowsOf(store: Store, eventId: string) {
  return store.db
    .selectFrom('event_sources')
    .innerJoin('articles', 'articles.id', 'event_sources.article_id')
    .select([
      'event_sources.article_id',
      'articles.title',
      'articles.url',
      'articles.source',
      'articles.published',
      'event_sources.mode',
      'event_sources.date_text',
      'event_sources.fatalities_low',
      'event_sources.fatalities_best',
      'event_sources.fatalities_high',
      'event_sources.reported_by',
      'event_sources.evidence_start',
      'event_sources.evidence_end',
      'event_sources.evidence_text',
    ])
    .where('event_sources.event_id', '=', eventId)
    .orderBy('articles.doc_no')
    .execute()
}

/** The reports behind an event as the CLI prints them. */
export async function eventSources(store: Store, eventId: string): Promise<EventSourceView[]> {
  const rows = await reportRowsOf(store, eventId)
  return rows.map((row) => ({
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    published: row.published,
    fatalities: { low: row.fatalities_low, best: row.fatalities_best, high: row.fatalities_high },
    text: row.evidence_text,
  }))
}

/** The reports behind an event as the API serves them: who reported it, the date words, where the evidence sits. */
export async function eventReports(store: Store, eventId: string): Promise<EventReportView[]> {
  const rows = await reportRowsOf(store, eventId)
  const names = await namesOf(
    store,
    rows.flatMap((row) => (row.reported_by ? [row.reported_by] : [])),
  )
  return rows.map((row) => ({
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    source: row.source,
    published: row.published,
    mode: row.mode,
    dateText: row.date_text,
    fatalities: { low: numberOrNull(row.fatalities_low), best: numberOrNull(row.fatalities_best), high: numberOrNull(row.fatalities_high) },
    reportedBy: row.reported_by ? refOf(names, row.reported_by) : null,
    evidence: { start: Number(row.evidence_start), end: Number(row.evidence_end), text: row.evidence_text },
  }))
}

/** Events no source dates: kept off timelines and out of date ranges, but counted. */
export async function undatedEventCount(store: Store, type?: string): Promise<number> {
  let query = store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('date_start', 'is', null)
  if (type) query = query.where('type', '=', type.toUpperCase())
  return Number((await query.executeTakeFirstOrThrow()).n)
}
