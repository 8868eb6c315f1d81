import type { Store } from '../open-store.js'
import { numberOrNull, type Page, type Paging } from './names.js'
import type { PlaceView, TimelineBucket } from '../../contract/index.js'
export type { PlaceView, TimelineBucket }

/** Where and when events happen: places with their event counts, and events per day for the timeline. */

/** Places that have events, with how many and their summed best fatality figures. */
export async function placesWithEvents(store: Store, filter: PlaceFilter): Promise<Page<PlaceView>> {
  // Group by the place id alone, then join the few rows asked for: grouping by every place column costs far more.
  let events = store.db.selectFrom('events').where('place_id', 'is not', null)
  if (filter.type) events = events.where('type', '=', filter.type.toUpperCase())
  if (filter.since) events = events.where((eb) => eb(eb.fn.coalesce('date_end', 'date_start'), '>=', filter.since!))
  if (filter.until) events = events.where('date_start', '<=', filter.until)
  const grouped = events
    .select((eb) => ['place_id', eb.fn.countAll().as('events'), eb.fn.sum('fatalities_best').as('fatalities')])
    .groupBy('place_id')
  const total = await store.db
    .selectFrom(grouped.as('g'))
    .innerJoin('places', 'places.id', 'g.place_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await store.db
    .selectFrom(grouped.as('g'))
    .innerJoin('places', 'places.id', 'g.place_id')
    .select([
      'places.id',
      'places.name',
      'places.kind',
      'places.country',
      'places.admin1',
      'places.lat',
      'places.lon',
      'g.events',
      'g.fatalities',
    ])
    .orderBy('g.events', 'desc')
    .orderBy('places.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: 'place' as const,
      placeKind: row.kind,
      country: row.country,
      admin1: row.admin1,
      lat: numberOrNull(row.lat),
      lon: numberOrNull(row.lon),
      events: Number(row.events),
      fatalities: Number(row.fatalities ?? 0),
    })),
    total: Number(total.n),
    limit: filter.limit,
    offset: filter.offset,
  }
}

/** The filter of places and the timeline: event type and dates, as for events. */
export interface PlaceFilter extends Paging {
  type?: string
  since?: string
  until?: string
}

/** Events per start day and type; the client groups days into weeks or months. */
export async function eventTimeline(store: Store, filter: Omit<PlaceFilter, keyof Paging>): Promise<TimelineBucket[]> {
  let query = store.db.selectFrom('events').where('date_start', 'is not', null)
  if (filter.type) query = query.where('type', '=', filter.type.toUpperCase())
  if (filter.since) query = query.where('date_start', '>=', filter.since)
  if (filter.until) query = query.where('date_start', '<=', filter.until)
  const rows = await query
    .select((eb) => ['date_start', 'type', eb.fn.countAll().as('events'), eb.fn.sum('fatalities_best').as('fatalities')])
    .groupBy(['date_start', 'type'])
    .orderBy('date_start')
    .orderBy('type')
    .execute()
  return rows.map((row) => ({ date: row.date_start!, type: row.type, events: Number(row.events), fatalities: Number(row.fatalities ?? 0) }))
}
