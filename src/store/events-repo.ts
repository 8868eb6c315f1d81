import type { Insertable, Kysely } from 'kysely'
import type { Database, EventSourcesTable } from './schema.js'
import { insertRows } from './insert-chunks.js'
import { eventCandidateWindow, type DateSpan, type EventCandidate } from '../resolve/event-matching.js'

type Db = Kysely<Database>

export interface StoredEventCandidate extends EventCandidate {
  actors: string[]
  targets: string[]
  sourceCount: number
}

/** Merged events of this type at this place within the candidate window of the span (resolve/event-matching.ts). */
export async function findEventCandidates(db: Db, type: string, placeId: string, span: DateSpan): Promise<StoredEventCandidate[]> {
  const window = eventCandidateWindow(span)
  const rows = await db
    .selectFrom('events')
    .select(['id', 'actors', 'targets', 'source_count', 'date_start', 'date_end'])
    .where('type', '=', type)
    .where('place_id', '=', placeId)
    .where('date_start', '<=', window.startNotAfter)
    .where('date_start', '>=', window.startNotBefore)
    .where('date_end', '>=', window.endNotBefore)
    .orderBy('source_count', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    span: { start: row.date_start ?? span.start, end: row.date_end ?? span.end },
    actors: JSON.parse(row.actors) as string[],
    targets: JSON.parse(row.targets) as string[],
    sourceCount: Number(row.source_count),
  }))
}

/** The columns a merged event's summary fills (apply/events.ts derives them from its reports). */
export type EventSummaryColumns = Omit<Insertable<Database['events']>, 'id' | 'type' | 'place_id' | 'created_at'>

/** A new merged event, written whole: its summary is known when its first report is stored. */
export async function createEvent(
  db: Db,
  event: { id: string; type: string; placeId: string | null; createdAt: string },
  summary: EventSummaryColumns,
): Promise<void> {
  await insertRows(db, 'events', [{ id: event.id, type: event.type, place_id: event.placeId, ...summary, created_at: event.createdAt }])
}

export async function insertEventSource(db: Db, report: Insertable<EventSourcesTable>): Promise<void> {
  await insertRows(db, 'event_sources', [report])
}

/** Deletes an article's event reports and returns the events they belonged to. */
export async function deleteEventSourcesOf(db: Db, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('event_sources').select('event_id').where('article_id', '=', articleId).execute()
  await db.deleteFrom('event_sources').where('article_id', '=', articleId).execute()
  return [...new Set(rows.map((row) => row.event_id))]
}

export async function eventIdsOfArticles(db: Db, articleIds: string[]): Promise<string[]> {
  if (articleIds.length === 0) return []
  const rows = await db.selectFrom('event_sources').select('event_id').where('article_id', 'in', articleIds).distinct().execute()
  return rows.map((row) => row.event_id)
}

export interface EventReportRow {
  actors: string
  targets: string
  mode: string | null
  date_start: string | null
  date_end: string | null
  fatalities_low: number | null
  fatalities_best: number | null
  fatalities_high: number | null
  article_id: string
  duplicate_of: string | null
  published: string | null
  ingested_at: string
}

export async function eventReports(db: Db, eventId: string): Promise<EventReportRow[]> {
  return db
    .selectFrom('event_sources')
    .innerJoin('articles', 'articles.id', 'event_sources.article_id')
    .select([
      'event_sources.actors',
      'event_sources.targets',
      'event_sources.mode',
      'event_sources.date_start',
      'event_sources.date_end',
      'event_sources.fatalities_low',
      'event_sources.fatalities_best',
      'event_sources.fatalities_high',
      'event_sources.article_id',
      'articles.duplicate_of',
      'articles.published',
      'articles.ingested_at',
    ])
    .where('event_sources.event_id', '=', eventId)
    .orderBy('articles.doc_no')
    .orderBy('event_sources.ordinal')
    .execute()
}

export async function deleteEvent(db: Db, id: string): Promise<void> {
  await db.deleteFrom('event_parties').where('event_id', '=', id).execute()
  await db.deleteFrom('events').where('id', '=', id).execute()
}

/** An event's actors and targets as rows (the lookup table for events between parties). */
export async function saveEventParties(db: Db, id: string, actors: string[], targets: string[]): Promise<void> {
  await db.deleteFrom('event_parties').where('event_id', '=', id).execute()
  const { type } = await db.selectFrom('events').select('type').where('id', '=', id).executeTakeFirstOrThrow()
  await insertEventParties(db, id, type, actors, targets)
}

/** The party rows of an event that has none yet. */
export async function insertEventParties(db: Db, id: string, type: string, actors: string[], targets: string[]): Promise<void> {
  const rows = [
    ...[...new Set(actors)].map((entity_id) => ({ entity_id, event_id: id, role: 'actor' as const, type })),
    ...[...new Set(targets)].map((entity_id) => ({ entity_id, event_id: id, role: 'target' as const, type })),
  ]
  await insertRows(db, 'event_parties', rows)
}

export async function updateEvent(db: Db, id: string, summary: EventSummaryColumns): Promise<void> {
  await db.updateTable('events').set(summary).where('id', '=', id).execute()
}

export async function eventExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
