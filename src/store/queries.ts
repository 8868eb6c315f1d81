import { sql, type Selectable } from 'kysely'
import type { Store } from './open-store.js'
import type { EventsTable, PropositionsTable } from './schema.js'
import type { Party, PropositionStatus } from '../resolve/propositions.js'
import { entityKey } from '../text/normalize.js'
import { isSourceGrade, type SourceGrade } from '../resolve/source-grading.js'
import { gradesOf } from './grades-repo.js'
import { geoPrecisionOf, timePrecisionOf, type PrecisionCode } from './precision.js'

/** The read side: what the CLI prints and what a REST API can return as is. */

export interface NamedRef {
  id: string
  name: string
  kind: 'entity' | 'place' | 'unknown'
}

export interface PartyView {
  /** null: the reporting articles' own voice. */
  party: NamedRef | null
  speakers: NamedRef[]
  outlets: string[]
  sources: number
}

export interface ClaimEvidenceView {
  articleId: string
  title: string | null
  url: string | null
  published: string | null
  stance: string
  cue: string
  claimant: string | null
  speaker: string | null
  text: string
  outlet: string | null
  /** The analyst's grade of the outlet, with its note; null when ungraded. */
  sourceGrade: { grade: SourceGrade; note: string | null } | null
}

export interface PropositionView {
  id: string
  subject: NamedRef
  relation: string
  object: NamedRef | null
  status: PropositionStatus
  sourceCount: number
  claimCount: number
  /** Publication dates of the first and last statement; null when none was dated (never an ingest day). */
  firstSeen: string | null
  lastSeen: string | null
  /** Statements from articles without a publication date. */
  undatedClaims: number
  asserters: PartyView[]
  deniers: PartyView[]
  noResponse: PartyView[]
  /** Where the object is a place with coordinates: for presences on a map. */
  objectPoint: { lat: number; lon: number } | null
  /** The best Admiralty grade among its outlets (the analyst's source grades); null when none is graded. */
  bestGrade: SourceGrade | null
  evidence?: ClaimEvidenceView[]
}

export interface PlaceRef extends NamedRef {
  lat: number | null
  lon: number | null
  /** The gazetteer kind (city, admin1, country…), the country code and province name. */
  placeKind: string | null
  country: string | null
  admin1: string | null
}

export interface EventView {
  id: string
  type: string
  place: PlaceRef | null
  dateStart: string | null
  dateEnd: string | null
  modes: string[]
  actors: NamedRef[]
  targets: NamedRef[]
  fatalities: { low: number | null; best: number | null; high: number | null }
  sourceCount: number
  reportCount: number
  /** ACLED-style: 1 exact place, 2 district or province, 3 country or wider; null without a place. */
  geoPrecision: PrecisionCode | null
  /** ACLED-style: 1 the day, 2 within a week, 3 within a month or wider; null when undated. */
  timePrecision: PrecisionCode | null
  sources?: EventSourceView[]
}

export interface EventSourceView {
  articleId: string
  title: string | null
  url: string | null
  published: string | null
  fatalities: { low: number | null; best: number | null; high: number | null }
  text: string
}

export interface StoreStats {
  articles: number
  nearDuplicates: number
  entities: number
  entityMerges: number
  places: number
  events: number
  eventReports: number
  claims: number
  propositions: number
}

export async function storeStats(store: Store): Promise<StoreStats> {
  const count = async (table: keyof import('./schema.js').Database, where?: 'duplicate_of'): Promise<number> => {
    let query = store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'))
    if (where) query = query.where(sql.ref(where), 'is not', null) as typeof query
    const row = await query.executeTakeFirstOrThrow()
    return Number(row.n)
  }
  return {
    articles: await count('articles'),
    nearDuplicates: await count('articles', 'duplicate_of'),
    entities: await count('entities'),
    entityMerges: await count('entity_merges'),
    places: await count('places'),
    events: await count('events'),
    eventReports: await count('event_sources'),
    claims: await count('claims'),
    propositions: await count('propositions'),
  }
}

/** Entity and place ids a user's name stands for: exact id, exact normalized name, else names containing it. */
export async function idsForName(store: Store, name: string): Promise<string[]> {
  const key = entityKey(name)
  const exact = await store.db
    .selectFrom('entity_names')
    .select('entity_id as id')
    .where('name_key', '=', key)
    .union(store.db.selectFrom('places').select('id').where('name_key', '=', key))
    .union(store.db.selectFrom('entities').select('id').where('id', '=', name))
    .union(store.db.selectFrom('places').select('id').where('id', '=', name))
    .execute()
  if (exact.length > 0 || key === '') return exact.map((row) => row.id)
  const pattern = `%${key}%`
  const partial = await store.db
    .selectFrom('entity_names')
    .select('entity_id as id')
    .where('name_key', 'like', pattern)
    .union(store.db.selectFrom('places').select('id').where('name_key', 'like', pattern))
    .limit(50)
    .execute()
  return partial.map((row) => row.id)
}

/** A name with what the views need beside it: the entity type or place kind, and a place's coordinates. */
export interface NameInfo extends NamedRef {
  type: string | null
  lat: number | null
  lon: number | null
  country?: string | null
  admin1?: string | null
}

/** Names (and coordinates of places) for entity and place ids, in chunks the databases accept. */
export async function namesOf(store: Store, ids: Iterable<string>): Promise<Map<string, NameInfo>> {
  const wanted = [...new Set(ids)]
  const names = new Map<string, NameInfo>()
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500)
    const entities = await store.db.selectFrom('entities').select(['id', 'name', 'type']).where('id', 'in', chunk).execute()
    for (const row of entities) names.set(row.id, { id: row.id, name: row.name, kind: 'entity', type: row.type, lat: null, lon: null })
    const places = await store.db
      .selectFrom('places')
      .select(['id', 'name', 'kind', 'lat', 'lon', 'country', 'admin1'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of places) {
      if (!names.has(row.id))
        names.set(row.id, {
          id: row.id,
          name: row.name,
          kind: 'place',
          type: row.kind,
          lat: numberOrNull(row.lat),
          lon: numberOrNull(row.lon),
          country: row.country,
          admin1: row.admin1,
        })
    }
  }
  return names
}

export function refOf(names: Map<string, NamedRef>, id: string): NamedRef {
  const info = names.get(id)
  return info ? { id, name: info.name, kind: info.kind } : { id, name: id, kind: 'unknown' }
}

export function placeRefOf(names: Map<string, NameInfo>, id: string): PlaceRef {
  const info = names.get(id)
  return info
    ? {
        id,
        name: info.name,
        kind: info.kind,
        lat: info.lat,
        lon: info.lon,
        placeKind: info.kind === 'place' ? info.type : null,
        country: info.country ?? null,
        admin1: info.admin1 ?? null,
      }
    : { id, name: id, kind: 'unknown', lat: null, lon: null, placeKind: null, country: null, admin1: null }
}

/** PostgreSQL returns bigint and numeric columns as strings. */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}

export interface PropositionFilter {
  contested?: boolean
  status?: PropositionStatus
  /** An entity or place name (or id); matches subject or object. */
  about?: string
  /** Ids the `about` name also stands for (an analyst's knowledge folder knows names the store does not). */
  aboutIds?: string[]
  relation?: string
  limit?: number
  offset?: number
  withEvidence?: boolean
}

export async function listPropositions(store: Store, filter: PropositionFilter = {}): Promise<PropositionView[]> {
  let query = store.db.selectFrom('propositions').selectAll()
  const status = filter.contested ? 'contested' : filter.status
  if (status) query = query.where('status', '=', status)
  if (filter.relation) query = query.where('relation', '=', filter.relation)
  if (filter.about !== undefined) {
    const ids = [...new Set([...(await idsForName(store, filter.about)), ...(filter.aboutIds ?? [])])]
    if (ids.length === 0) return []
    query = query.where((eb) => eb.or([eb('subject', 'in', ids), eb('object', 'in', ids)]))
  }
  const rows = await query
    .orderBy('source_count', 'desc')
    .orderBy('last_seen', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0)
    .execute()
  const views = await propositionViews(store, rows)
  if (filter.withEvidence) for (const view of views) view.evidence = await propositionEvidence(store, view.id)
  return views
}

type PropositionRow = Selectable<PropositionsTable>

/** Proposition rows as views: parties with their names, speakers and outlets; a placed object's point. */
export async function propositionViews(store: Store, rows: PropositionRow[]): Promise<PropositionView[]> {
  const parsed = rows.map((row) => ({
    row,
    asserters: JSON.parse(row.asserters) as Party[],
    deniers: JSON.parse(row.deniers) as Party[],
    noResponse: JSON.parse(row.no_response) as Party[],
  }))
  const ids = parsed.flatMap(({ row, asserters, deniers, noResponse }) => [
    row.subject,
    ...(row.object ? [row.object] : []),
    ...[...asserters, ...deniers, ...noResponse].flatMap((party) => [...(party.id ? [party.id] : []), ...party.speakers]),
  ])
  const names = await namesOf(store, ids)
  const partyView = (party: Party): PartyView => ({
    party: party.id ? refOf(names, party.id) : null,
    speakers: party.speakers.map((id) => refOf(names, id)),
    outlets: party.outlets,
    sources: party.sources,
  })
  const partyViews = (parties: Party[]): PartyView[] => groupAnonymous(parties.map(partyView))
  return parsed.map(({ row, asserters, deniers, noResponse }) => {
    const object = row.object ? names.get(row.object) : undefined
    return {
      id: row.id,
      subject: refOf(names, row.subject),
      relation: row.relation,
      object: row.object ? refOf(names, row.object) : null,
      objectPoint: object?.kind === 'place' && object.lat !== null && object.lon !== null ? { lat: object.lat, lon: object.lon } : null,
      status: row.status as PropositionStatus,
      bestGrade: isSourceGrade(row.best_grade) ? row.best_grade : null,
      sourceCount: Number(row.source_count),
      claimCount: Number(row.claim_count),
      firstSeen: row.first_dated,
      lastSeen: row.last_dated,
      undatedClaims: Number(row.undated_claims),
      asserters: partyViews(asserters),
      deniers: partyViews(deniers),
      noResponse: partyViews(noResponse),
    }
  })
}

/**
 * The articles' own voice is one party per independent source (so it counts like any other source), but a
 * reader sees one "reports (no named source)" row with the number of sources, placed where its weight puts it.
 */
export function groupAnonymous(parties: PartyView[]): PartyView[] {
  const anonymous = parties.filter((party) => party.party === null)
  if (anonymous.length < 2) return parties
  const merged: PartyView = {
    party: null,
    speakers: [],
    outlets: [...new Set(anonymous.flatMap((party) => party.outlets))].sort(),
    sources: anonymous.reduce((sum, party) => sum + party.sources, 0),
  }
  return [...parties.filter((party) => party.party !== null), merged].sort((a, b) => b.sources - a.sources)
}

export async function propositionEvidence(store: Store, propositionId: string): Promise<ClaimEvidenceView[]> {
  const rows = await store.db
    .selectFrom('claims')
    .innerJoin('articles', 'articles.id', 'claims.article_id')
    .select([
      'claims.article_id',
      'articles.title',
      'articles.url',
      'articles.published',
      'claims.stance',
      'claims.cue',
      'claims.claimant',
      'claims.speaker',
      'claims.evidence_text',
      'claims.outlet',
    ])
    .where('claims.proposition_id', '=', propositionId)
    .orderBy('articles.published')
    .orderBy('articles.doc_no')
    .execute()
  const grades = await gradesOf(
    store.db,
    rows.map((row) => row.outlet),
  )
  return rows.map((row) => ({
    outlet: row.outlet,
    sourceGrade: (row.outlet !== null && grades.get(row.outlet)) || null,
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    published: row.published,
    stance: row.stance,
    cue: row.cue,
    claimant: row.claimant,
    speaker: row.speaker,
    text: row.evidence_text,
  }))
}

export interface EventFilter {
  type?: string
  /** A place name or id. */
  place?: string
  /** YYYY-MM-DD: events ending on or after it. */
  since?: string
  /** An entity name or id among actors or targets. */
  involving?: string
  limit?: number
  offset?: number
  withSources?: boolean
}

export async function listEvents(store: Store, filter: EventFilter = {}): Promise<EventView[]> {
  let query = store.db.selectFrom('events').selectAll()
  if (filter.type) query = query.where('type', '=', filter.type.toUpperCase())
  if (filter.since) query = query.where('date_end', '>=', filter.since)
  if (filter.place !== undefined) {
    const ids = await idsForName(store, filter.place)
    if (ids.length === 0) return []
    query = query.where('place_id', 'in', ids)
  }
  if (filter.involving !== undefined) {
    const ids = await idsForName(store, filter.involving)
    if (ids.length === 0) return []
    query = query.where((eb) =>
      eb.or(ids.flatMap((id) => [eb('actors', 'like', `%${JSON.stringify(id)}%`), eb('targets', 'like', `%${JSON.stringify(id)}%`)])),
    )
  }
  const rows = await query
    .orderBy('date_start', (order) => order.desc().nullsLast())
    .orderBy('source_count', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0)
    .execute()
  const views = await eventViews(store, rows)
  if (filter.withSources) for (const view of views) view.sources = await eventSources(store, view.id)
  return views
}

/** The columns of an event row the views read (queries select all of them). */
export type EventRow = Omit<Selectable<EventsTable>, 'first_seen' | 'last_seen' | 'created_at'>

/** Event rows with the names of their parties and place, for the CLI and the API alike. */
export async function eventViews(store: Store, rows: EventRow[]): Promise<EventView[]> {
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

export async function eventSources(store: Store, eventId: string): Promise<EventSourceView[]> {
  const rows = await store.db
    .selectFrom('event_sources')
    .innerJoin('articles', 'articles.id', 'event_sources.article_id')
    .select([
      'event_sources.article_id',
      'articles.title',
      'articles.url',
      'articles.published',
      'event_sources.fatalities_low',
      'event_sources.fatalities_best',
      'event_sources.fatalities_high',
      'event_sources.evidence_text',
    ])
    .where('event_sources.event_id', '=', eventId)
    .orderBy('articles.doc_no')
    .execute()
  return rows.map((row) => ({
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    published: row.published,
    fatalities: { low: row.fatalities_low, best: row.fatalities_best, high: row.fatalities_high },
    text: row.evidence_text,
  }))
}

export interface EntityView extends EntityProfile {
  propositions: PropositionView[]
  events: EventView[]
}

/** An entity as stored: names, type, how often it is mentioned, and what merged into it. */
export interface EntityProfile {
  id: string
  name: string
  type: string
  country: string | null
  aliases: string[]
  known: boolean
  articleCount: number
  mentionCount: number
  mergedFrom: { id: string; name: string; reason: string }[]
}

export async function entityProfile(store: Store, id: string): Promise<EntityProfile | null> {
  const entity = await store.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst()
  if (!entity) return null
  const counts = await store.db
    .selectFrom('entity_mentions')
    .select((eb) => [eb.fn.countAll().as('mentions'), eb.fn.count('article_id').distinct().as('articles')])
    .where('entity_id', '=', id)
    .executeTakeFirstOrThrow()
  const merges = await store.db
    .selectFrom('entity_merges')
    .select(['source_id', 'source_name', 'reason'])
    .where('target_id', '=', id)
    .orderBy('source_id')
    .execute()
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    country: entity.country,
    aliases: JSON.parse(entity.aliases) as string[],
    known: Number(entity.known) === 1,
    articleCount: Number(counts.articles),
    mentionCount: Number(counts.mentions),
    mergedFrom: merges.map((merge) => ({ id: merge.source_id, name: merge.source_name, reason: merge.reason })),
  }
}

/** One entity by name or id (the best-covered one when the name is ambiguous), with what is said about it. */
export async function getEntity(store: Store, name: string, limit = 20, knownIds: string[] = []): Promise<EntityView | null> {
  const ids = [...new Set([...(await idsForName(store, name)), ...knownIds])]
  if (ids.length === 0) return null
  const mentionCounts = await store.db
    .selectFrom('entities')
    .leftJoin('entity_mentions', 'entity_mentions.entity_id', 'entities.id')
    .select((eb) => [
      'entities.id',
      eb.fn.count('entity_mentions.article_id').as('mentions'),
      eb.fn.count('entity_mentions.article_id').distinct().as('articles'),
    ])
    .where('entities.id', 'in', ids)
    .groupBy('entities.id')
    .execute()
  if (mentionCounts.length === 0) return null
  const best = mentionCounts.sort((a, b) => Number(b.articles) - Number(a.articles) || (a.id < b.id ? -1 : 1))[0]!
  const profile = (await entityProfile(store, best.id))!
  return {
    ...profile,
    propositions: await listPropositions(store, { about: profile.id, limit }),
    events: await listEvents(store, { involving: profile.id, limit }),
  }
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

export interface SearchHit {
  id: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  duplicateOf: string | null
  snippet: string
}

/** Full-text search: words are ANDed, "quoted phrases" kept, trailing * a prefix. */
export async function searchArticles(store: Store, query: string, limit = 20): Promise<SearchHit[]> {
  const terms = searchTerms(query)
  if (terms.length === 0) return []
  if (store.dialect === 'sqlite') {
    const match = terms.map((term) => (term.prefix ? `"${term.text}"*` : `"${term.text}"`)).join(' ')
    const result = await sql<RawHit>`
      SELECT a.id, a.title, a.url, a.source, a.published, a.duplicate_of,
             snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
      FROM articles_fts JOIN articles a ON a.doc_no = articles_fts.rowid
      WHERE articles_fts MATCH ${match}
      ORDER BY bm25(articles_fts, 5.0, 1.0), a.doc_no
      LIMIT ${limit}`.execute(store.db)
    return result.rows.map(hitOf)
  }
  const tsquery = terms.map((term) => postgresTerm(term)).join(' & ')
  const result = await sql<RawHit>`
    SELECT a.id, a.title, a.url, a.source, a.published, a.duplicate_of,
           ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=14, MinWords=6') AS snippet
    FROM articles a, to_tsquery('english', ${tsquery}) q
    WHERE a.search @@ q
    ORDER BY ts_rank(a.search, q) DESC, a.doc_no
    LIMIT ${limit}`.execute(store.db)
  return result.rows.map(hitOf)
}

interface RawHit {
  id: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  duplicate_of: string | null
  snippet: string
}

function hitOf(row: RawHit): SearchHit {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    source: row.source,
    published: row.published,
    duplicateOf: row.duplicate_of,
    snippet: row.snippet,
  }
}

interface SearchTerm {
  text: string
  prefix: boolean
}

export function searchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  for (const match of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const raw = match[1] ?? match[2] ?? ''
    const prefix = match[2] !== undefined && raw.endsWith('*')
    const text = entityKey(raw)
    if (text !== '') terms.push({ text, prefix })
  }
  return terms
}

function postgresTerm(term: SearchTerm): string {
  const words = term.text.split(' ').map((word) => `'${word}'`)
  const phrase = words.join(' <-> ')
  return term.prefix ? `${phrase}:*` : words.length > 1 ? `(${phrase})` : phrase
}
