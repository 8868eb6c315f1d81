import type { Store } from '../store/open-store.js'
import {
  eventViews,
  idsForName,
  namesOf,
  numberOrNull,
  propositionViews,
  refOf,
  type EventView,
  type NamedRef,
  type PlaceRef,
  type PropositionView,
} from '../store/queries.js'
import type { PropositionStatus } from '../resolve/propositions.js'
import type { SourceGrade } from '../resolve/source-grading.js'
import { gradesOf } from '../store/grades-repo.js'
import { entityKey } from '../text/normalize.js'
import { articleExtraction, type ArticleExtraction } from '../store/article-extraction.js'

/** Read queries the web UI needs beyond src/store/queries.ts: totals for paging, filters by date and area, map, network, reader. */

export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}

export interface Paging {
  limit: number
  offset: number
}

export type { PlaceRef } from '../store/queries.js'
export type ServedProposition = PropositionView
/** An event as the API serves it: its reports come with /api/events/:id, not with every list item. */
export type ServedEvent = Omit<EventView, 'sources'>

/**
 * The persons among some entity ids: only a person speaks for a claimant, and looking claims up by
 * speaker means a scan (the claims table has no speaker index), so organisations skip it.
 */
async function personIds(store: Store, ids: string[]): Promise<string[]> {
  const rows = await store.db.selectFrom('entities').select('id').where('id', 'in', ids).where('type', '=', 'person').execute()
  return rows.map((row) => row.id)
}

/**
 * Propositions voiced by these speakers. The claims table has no speaker index, but a speaker is
 * named in the article, so the articles mentioning them (indexed) narrow the claims to read.
 */
function claimsSpokenBy(store: Store, speakers: string[]) {
  return store.db
    .selectFrom('claims')
    .select('proposition_id as id')
    .where('article_id', 'in', store.db.selectFrom('entity_mentions').select('article_id').where('entity_id', 'in', speakers))
    .where('speaker', 'in', speakers)
}

/** Ids a filter value names; null when the value is absent, [] when it names nothing. */
async function filterIds(store: Store, value: string | undefined): Promise<string[] | null> {
  if (value === undefined || value.trim() === '') return null
  return idsForName(store, value.trim())
}

export interface PropositionQuery extends Paging {
  status?: PropositionStatus
  relation?: string
  /** Entity name or id: subject, object, claimant or speaker. */
  actor?: string
  /** Place name or id: the object. */
  place?: string
  since?: string
  until?: string
  /** Exact entity or place ids, as subject or object: what is said about them (a profile). */
  about?: string[]
}

export async function queryPropositions(store: Store, filter: PropositionQuery): Promise<Page<ServedProposition>> {
  const actorIds = await filterIds(store, filter.actor)
  const placeIds = await filterIds(store, filter.place)
  if (actorIds?.length === 0 || placeIds?.length === 0 || filter.about?.length === 0)
    return { items: [], total: 0, limit: filter.limit, offset: filter.offset }
  let query = store.db.selectFrom('propositions')
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.relation) query = query.where('relation', '=', filter.relation)
  // Publication dates only: a proposition no dated article supports is outside any date range.
  if (filter.since) query = query.where('last_dated', '>=', filter.since)
  if (filter.until) query = query.where('first_dated', '<=', filter.until)
  if (filter.about) query = query.where((eb) => eb.or([eb('subject', 'in', filter.about!), eb('object', 'in', filter.about!)]))
  if (placeIds) query = query.where('object', 'in', placeIds)
  if (actorIds) {
    // One indexed branch per role, so no branch forces a scan of the others.
    const speakers = await personIds(store, actorIds)
    let involving = store.db
      .selectFrom('propositions')
      .select('id')
      .where('subject', 'in', actorIds)
      .union(store.db.selectFrom('propositions').select('id').where('object', 'in', actorIds))
      .union(store.db.selectFrom('claims').select('proposition_id as id').where('claimant', 'in', actorIds))
    if (speakers.length > 0) involving = involving.union(claimsSpokenBy(store, speakers))
    query = query.where('id', 'in', involving)
  }
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('source_count', 'desc')
    .orderBy('last_seen', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { items: await propositionViews(store, rows), total: Number(total.n), limit: filter.limit, offset: filter.offset }
}

export async function getProposition(store: Store, id: string): Promise<ServedProposition | null> {
  const row = await store.db.selectFrom('propositions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await propositionViews(store, [row]))[0]! : null
}

export interface StatementView {
  articleId: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  stance: string
  cue: string
  claimant: NamedRef | null
  speaker: NamedRef | null
  evidence: { start: number; end: number; text: string }
  /** The analyst's grade of the outlet (`source`), with its note; null when ungraded. */
  sourceGrade: { grade: SourceGrade; note: string | null } | null
}

/** Every attributed statement behind a proposition, with its evidence sentence and where it sits in the article. */
export async function propositionStatements(store: Store, propositionId: string): Promise<StatementView[]> {
  const rows = await store.db
    .selectFrom('claims')
    .innerJoin('articles', 'articles.id', 'claims.article_id')
    .select([
      'claims.article_id',
      'articles.title',
      'articles.url',
      'articles.source',
      'articles.published',
      'claims.stance',
      'claims.cue',
      'claims.claimant',
      'claims.speaker',
      'claims.evidence_start',
      'claims.evidence_end',
      'claims.evidence_text',
    ])
    .where('claims.proposition_id', '=', propositionId)
    .orderBy('articles.published')
    .orderBy('articles.doc_no')
    .orderBy('claims.ordinal')
    .execute()
  const names = await namesOf(
    store,
    rows.flatMap((row) => [row.claimant, row.speaker].filter((id): id is string => id !== null)),
  )
  const grades = await gradesOf(
    store.db,
    rows.map((row) => row.source),
  )
  return rows.map((row) => ({
    sourceGrade: (row.source !== null && grades.get(row.source)) || null,
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    source: row.source,
    published: row.published,
    stance: row.stance,
    cue: row.cue,
    claimant: row.claimant ? refOf(names, row.claimant) : null,
    speaker: row.speaker ? refOf(names, row.speaker) : null,
    evidence: { start: Number(row.evidence_start), end: Number(row.evidence_end), text: row.evidence_text },
  }))
}

export interface EventQuery extends Paging {
  type?: string
  place?: string
  actor?: string
  since?: string
  until?: string
  /** [west, south, east, north] in degrees: only events whose place lies inside. */
  bbox?: [number, number, number, number]
}

export async function queryEvents(store: Store, filter: EventQuery): Promise<Page<ServedEvent>> {
  const placeIds = await filterIds(store, filter.place)
  const actorIds = await filterIds(store, filter.actor)
  if (placeIds?.length === 0 || actorIds?.length === 0) return { items: [], total: 0, limit: filter.limit, offset: filter.offset }
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
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { items: await eventViews(store, rows), total: Number(total.n), limit: filter.limit, offset: filter.offset }
}

export async function getEvent(store: Store, id: string): Promise<ServedEvent | null> {
  const row = await store.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await eventViews(store, [row]))[0]! : null
}

export interface EventReportView {
  articleId: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  mode: string | null
  dateText: string | null
  fatalities: { low: number | null; best: number | null; high: number | null }
  reportedBy: NamedRef | null
  evidence: { start: number; end: number; text: string }
}

export async function eventReports(store: Store, eventId: string): Promise<EventReportView[]> {
  const rows = await store.db
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

export interface PlaceView extends PlaceRef {
  placeKind: string
  country: string | null
  admin1: string | null
  events: number
  fatalities: number
}

/** Places that have events, with how many and their summed best fatality figures. */
export async function placesWithEvents(
  store: Store,
  filter: Paging & { since?: string; until?: string; type?: string },
): Promise<Page<PlaceView>> {
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

export interface TimelineBucket {
  date: string
  type: string
  events: number
  fatalities: number
}

/** Events per start day and type; the client groups days into weeks or months. */
export async function eventTimeline(store: Store, filter: { type?: string; since?: string; until?: string }): Promise<TimelineBucket[]> {
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

export interface ActorActivity extends NamedRef {
  type: string | null
  articles: number
}

/** Entities named in the most articles. */
export async function mostActiveActors(store: Store, limit: number): Promise<ActorActivity[]> {
  const rows = await store.db
    .selectFrom('entity_mentions')
    .select((eb) => ['entity_id', eb.fn.count('article_id').distinct().as('articles')])
    .groupBy('entity_id')
    .orderBy('articles', 'desc')
    .orderBy('entity_id')
    .limit(limit)
    .execute()
  const names = await namesOf(
    store,
    rows.map((row) => row.entity_id),
  )
  return rows.map((row) => ({
    ...refOf(names, row.entity_id),
    type: names.get(row.entity_id)?.type ?? null,
    articles: Number(row.articles),
  }))
}

export { actorNetwork, NETWORK_RELATIONS, type NetworkEdge, type NetworkNode } from '../store/network-queries.js'

export { entityProfile, type EntityProfile } from '../store/queries.js'

export interface EntityProfileExtras {
  /** member_of and cooperates_with propositions the entity takes part in. */
  affiliations: ServedProposition[]
  /** Propositions the entity (or its speakers) asserted, denied or did not answer. */
  claimsBy: ServedProposition[]
}

export async function entityExtras(store: Store, entityId: string, limit: number): Promise<EntityProfileExtras> {
  const affiliations = await store.db
    .selectFrom('propositions')
    .selectAll()
    .where('relation', 'in', ['member_of', 'cooperates_with'])
    .where((eb) => eb.or([eb('subject', '=', entityId), eb('object', '=', entityId)]))
    .orderBy('source_count', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  const isPerson = (await personIds(store, [entityId])).length > 0
  const claimed = await store.db
    .selectFrom('propositions')
    .selectAll()
    .where(
      'id',
      'in',
      isPerson
        ? claimsSpokenBy(store, [entityId])
        : store.db.selectFrom('claims').select('proposition_id as id').where('claimant', '=', entityId),
    )
    .orderBy('source_count', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  return { affiliations: await propositionViews(store, affiliations), claimsBy: await propositionViews(store, claimed) }
}

export interface HighlightSpan {
  start: number
  end: number
  kind: 'entity' | 'place' | 'event' | 'claim' | 'date'
  /** The entity, place, event or proposition id the span links to (a date links to its event). */
  ref: string
  label: string
}

export interface ArticleView {
  id: string
  title: string | null
  url: string | null
  source: string | null
  author: string | null
  published: string | null
  inputName: string | null
  ingestedAt: string
  duplicateOf: string | null
  text: string
  removed: { text: string; reason: string }[]
  spans: HighlightSpan[]
  /** The side panel's lists: events with their toll, claims with stance and cue strength, actors, places. */
  extraction: ArticleExtraction
}

/** The store keeps an event's date words but not where they are: found again inside the event's evidence. */
function dateSpan(
  text: string,
  event: {
    event_id: string
    evidence_start: number
    evidence_end: number
    date_text: string | null
    date_start: string | null
    date_end: string | null
  },
): HighlightSpan[] {
  if (!event.date_text) return []
  const from = Number(event.evidence_start)
  const at = text.slice(from, Number(event.evidence_end)).indexOf(event.date_text)
  if (at < 0) return []
  const resolved = event.date_start
    ? event.date_end && event.date_end !== event.date_start
      ? `${event.date_start} – ${event.date_end}`
      : event.date_start
    : 'unresolved'
  return [
    {
      start: from + at,
      end: from + at + event.date_text.length,
      kind: 'date',
      ref: event.event_id,
      label: `${event.date_text} (${resolved})`,
    },
  ]
}

export async function getArticle(store: Store, id: string): Promise<ArticleView | null> {
  const article = await store.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!article) return null
  const [entities, places, events, claims] = await Promise.all([
    store.db.selectFrom('entity_mentions').select(['entity_id', 'start', 'end']).where('article_id', '=', id).execute(),
    store.db.selectFrom('place_mentions').select(['place_id', 'start', 'end']).where('article_id', '=', id).execute(),
    store.db
      .selectFrom('event_sources')
      .innerJoin('events', 'events.id', 'event_sources.event_id')
      .select([
        'event_sources.event_id',
        'events.type',
        'event_sources.evidence_start',
        'event_sources.evidence_end',
        'event_sources.date_text',
        'event_sources.date_start',
        'event_sources.date_end',
      ])
      .where('event_sources.article_id', '=', id)
      .execute(),
    store.db
      .selectFrom('claims')
      .select(['proposition_id', 'relation', 'stance', 'evidence_start', 'evidence_end'])
      .where('article_id', '=', id)
      .execute(),
  ])
  const names = await namesOf(store, [...entities.map((m) => m.entity_id), ...places.map((m) => m.place_id)])
  const spans: HighlightSpan[] = [
    ...entities.map((m) => ({
      start: Number(m.start),
      end: Number(m.end),
      kind: 'entity' as const,
      ref: m.entity_id,
      label: refOf(names, m.entity_id).name,
    })),
    ...places.map((m) => ({
      start: Number(m.start),
      end: Number(m.end),
      kind: 'place' as const,
      ref: m.place_id,
      label: refOf(names, m.place_id).name,
    })),
    ...events.map((e) => ({
      start: Number(e.evidence_start),
      end: Number(e.evidence_end),
      kind: 'event' as const,
      ref: e.event_id,
      label: e.type,
    })),
    ...claims.map((c) => ({
      start: Number(c.evidence_start),
      end: Number(c.evidence_end),
      kind: 'claim' as const,
      ref: c.proposition_id,
      label: `${c.stance} ${c.relation}`,
    })),
    ...events.flatMap((e) => dateSpan(article.text, e)),
  ]
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    author: article.author,
    published: article.published,
    inputName: article.input_name,
    ingestedAt: article.ingested_at,
    duplicateOf: article.duplicate_of,
    text: article.text,
    removed: JSON.parse(article.removed) as { text: string; reason: string }[],
    spans,
    extraction: await articleExtraction(store, article.id),
  }
}

export interface NameHit extends NamedRef {
  type: string | null
}

/** Actors and places whose names contain the query, known names first. */
export async function searchNames(store: Store, query: string, limit: number): Promise<{ actors: NameHit[]; places: NameHit[] }> {
  const key = entityKey(query)
  if (key === '') return { actors: [], places: [] }
  const pattern = `%${key}%`
  const actorRows = await store.db
    .selectFrom('entity_names')
    .innerJoin('entities', 'entities.id', 'entity_names.entity_id')
    .select(['entities.id', 'entities.name', 'entities.type', 'entities.known'])
    .where('entity_names.name_key', 'like', pattern)
    .distinct()
    .orderBy('entities.known', 'desc')
    .orderBy('entities.name')
    .limit(limit)
    .execute()
  const placeRows = await store.db
    .selectFrom('places')
    .select(['id', 'name', 'kind'])
    .where('name_key', 'like', pattern)
    .orderBy('name')
    .limit(limit)
    .execute()
  return {
    actors: actorRows.map((row) => ({ id: row.id, name: row.name, kind: 'entity' as const, type: row.type })),
    places: placeRows.map((row) => ({ id: row.id, name: row.name, kind: 'place' as const, type: row.kind })),
  }
}
