import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely'
import type { Store } from '../open-store.js'
import type { Database } from '../schema.js'
import type { Party, PropositionStatus } from '../../resolve/propositions.js'
import { idsForName, numberOrNull } from './names.js'

/**
 * The streaming read side for exports: pages of events, propositions and articles in key order
 * (keyset paging, so memory stays flat whatever the store holds), each page with the names of what
 * it refers to. The export formats (src/export/) read the store only through these functions.
 */

export interface ExportFilter {
  /** YYYY-MM-DD: events ending, propositions last seen, articles published on or after it. */
  since?: string
  /** YYYY-MM-DD: events starting, propositions first seen, articles published on or before it. */
  until?: string
  /** An entity or place name (or id): events it takes part in or happens at, propositions about it, articles naming it. */
  about?: string
  /** Propositions of this status only (events have no status and are not narrowed by it). */
  status?: PropositionStatus
}

/** A filter whose `about` name is resolved to ids once: null means no about filter, [] matches nothing. */
export interface ResolvedFilter {
  since?: string
  until?: string
  aboutIds: string[] | null
  status?: PropositionStatus
}

export async function resolveExportFilter(store: Store, filter: ExportFilter): Promise<ResolvedFilter> {
  const about = filter.about?.trim()
  return {
    ...(filter.since ? { since: filter.since } : {}),
    ...(filter.until ? { until: filter.until } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    aboutIds: about ? await idsForName(store, about) : null,
  }
}

export function matchesNothing(filter: ResolvedFilter): boolean {
  return filter.aboutIds !== null && filter.aboutIds.length === 0
}

/** An entity or a place with every column an export writes. */
export interface ExportNode {
  id: string
  kind: 'entity' | 'place'
  name: string
  /** The entity type or the place kind. */
  type: string
  country: string | null
  aliases: string[]
  admin1: string | null
  lat: number | null
  lon: number | null
}

/** Entities and places by id, in chunks the databases accept; ids that are neither are missing from the map. */
export async function exportNodes(store: Store, ids: Iterable<string>): Promise<Map<string, ExportNode>> {
  const wanted = [...new Set(ids)]
  const nodes = new Map<string, ExportNode>()
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500)
    const entities = await store.db
      .selectFrom('entities')
      .select(['id', 'name', 'type', 'country', 'aliases'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of entities) {
      nodes.set(row.id, {
        id: row.id,
        kind: 'entity',
        name: row.name,
        type: row.type,
        country: row.country,
        aliases: JSON.parse(row.aliases) as string[],
        admin1: null,
        lat: null,
        lon: null,
      })
    }
    const places = await store.db
      .selectFrom('places')
      .select(['id', 'name', 'kind', 'country', 'admin1', 'lat', 'lon'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of places) {
      if (nodes.has(row.id)) continue
      nodes.set(row.id, {
        id: row.id,
        kind: 'place',
        name: row.name,
        type: row.kind,
        country: row.country,
        aliases: [],
        admin1: row.admin1,
        lat: numberOrNull(row.lat),
        lon: numberOrNull(row.lon),
      })
    }
  }
  return nodes
}

/** The first and last ingest times of the store (ISO timestamps), or null when it is empty. */
export async function storeTimeSpan(store: Store): Promise<{ first: string; last: string } | null> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => [eb.fn.min('ingested_at').as('first'), eb.fn.max('ingested_at').as('last')])
    .executeTakeFirst()
  return row?.first && row.last ? { first: String(row.first), last: String(row.last) } : null
}

// ---------------------------------------------------------------- events

export interface ExportEventReport {
  articleId: string
  title: string | null
  url: string | null
  outlet: string | null
  published: string | null
  mode: string | null
  dateText: string | null
  reportedBy: string | null
  fatalities: { low: number | null; best: number | null; high: number | null }
  evidence: string
}

export interface ExportEvent {
  id: string
  type: string
  modes: string[]
  dateStart: string | null
  dateEnd: string | null
  place: ExportNode | null
  actors: ExportNode[]
  targets: ExportNode[]
  fatalities: { low: number | null; best: number | null; high: number | null }
  sourceCount: number
  reportCount: number
  firstSeen: string
  lastSeen: string
  reports: ExportEventReport[]
}

function eventCondition(eb: ExpressionBuilder<Database, 'events'>, filter: ResolvedFilter) {
  const conditions = []
  if (filter.since) conditions.push(eb(eb.fn.coalesce('events.date_end', 'events.date_start'), '>=', filter.since))
  if (filter.until) conditions.push(eb('events.date_start', '<=', filter.until))
  if (filter.aboutIds) {
    const ids = filter.aboutIds
    conditions.push(
      eb.or([
        eb('events.place_id', 'in', ids),
        ...ids.flatMap((id) => [
          eb('events.actors', 'like', `%${JSON.stringify(id)}%`),
          eb('events.targets', 'like', `%${JSON.stringify(id)}%`),
        ]),
      ]),
    )
  }
  return eb.and(conditions)
}

/** Every event the filter selects, in id order, a page at a time, with its reports and the names it refers to. */
export async function* exportEventPages(store: Store, filter: ResolvedFilter, pageSize = 500): AsyncGenerator<ExportEvent[]> {
  if (matchesNothing(filter)) return
  let after: string | null = null
  for (;;) {
    let query = store.db
      .selectFrom('events')
      .selectAll()
      .where((eb) => eventCondition(eb, filter))
    if (after !== null) query = query.where('id', '>', after)
    const rows = await query.orderBy('id').limit(pageSize).execute()
    if (rows.length === 0) return
    after = rows[rows.length - 1]!.id
    const parsed = rows.map((row) => ({ row, actors: JSON.parse(row.actors) as string[], targets: JSON.parse(row.targets) as string[] }))
    const nodes = await exportNodes(
      store,
      parsed.flatMap(({ row, actors, targets }) => [...actors, ...targets, ...(row.place_id ? [row.place_id] : [])]),
    )
    const reports = await eventReportsOf(
      store,
      rows.map((row) => row.id),
    )
    yield parsed.map(({ row, actors, targets }) => ({
      id: row.id,
      type: row.type,
      modes: JSON.parse(row.modes) as string[],
      dateStart: row.date_start,
      dateEnd: row.date_end,
      place: row.place_id ? (nodes.get(row.place_id) ?? null) : null,
      actors: actors.flatMap((id) => nodes.get(id) ?? []),
      targets: targets.flatMap((id) => nodes.get(id) ?? []),
      fatalities: {
        low: numberOrNull(row.fatalities_low),
        best: numberOrNull(row.fatalities_best),
        high: numberOrNull(row.fatalities_high),
      },
      sourceCount: Number(row.source_count),
      reportCount: Number(row.report_count),
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      reports: reports.get(row.id) ?? [],
    }))
    if (rows.length < pageSize) return
  }
}

async function eventReportsOf(store: Store, eventIds: string[]): Promise<Map<string, ExportEventReport[]>> {
  const rows = await store.db
    .selectFrom('event_sources')
    .innerJoin('articles', 'articles.id', 'event_sources.article_id')
    .select([
      'event_sources.event_id',
      'event_sources.article_id',
      'articles.title',
      'articles.url',
      'articles.source',
      'articles.published',
      'event_sources.mode',
      'event_sources.date_text',
      'event_sources.reported_by',
      'event_sources.fatalities_low',
      'event_sources.fatalities_best',
      'event_sources.fatalities_high',
      'event_sources.evidence_text',
    ])
    .where('event_sources.event_id', 'in', eventIds)
    .orderBy('event_sources.event_id')
    .orderBy('articles.doc_no')
    .orderBy('event_sources.ordinal')
    .execute()
  const byEvent = new Map<string, ExportEventReport[]>()
  for (const row of rows) {
    const list = byEvent.get(row.event_id) ?? []
    list.push({
      articleId: row.article_id,
      title: row.title,
      url: row.url,
      outlet: row.source,
      published: row.published,
      mode: row.mode,
      dateText: row.date_text,
      reportedBy: row.reported_by,
      fatalities: {
        low: numberOrNull(row.fatalities_low),
        best: numberOrNull(row.fatalities_best),
        high: numberOrNull(row.fatalities_high),
      },
      evidence: row.evidence_text,
    })
    byEvent.set(row.event_id, list)
  }
  return byEvent
}

// ---------------------------------------------------------------- propositions

export interface ExportParty {
  /** null: the reporting articles' own voice. */
  party: ExportNode | null
  speakers: ExportNode[]
  outlets: string[]
  sources: number
}

export interface ExportStatement {
  articleId: string
  ordinal: number
  title: string | null
  url: string | null
  outlet: string | null
  published: string | null
  stance: string
  cue: string
  claimant: ExportNode | null
  speaker: ExportNode | null
  evidence: string
}

export interface ExportProposition {
  id: string
  subject: ExportNode | null
  subjectId: string
  relation: string
  object: ExportNode | null
  objectId: string | null
  status: PropositionStatus
  sourceCount: number
  claimCount: number
  firstSeen: string
  lastSeen: string
  asserters: ExportParty[]
  deniers: ExportParty[]
  noResponse: ExportParty[]
  /** Present when asked for: every attributed statement behind the proposition. */
  statements?: ExportStatement[]
}

function propositionCondition(eb: ExpressionBuilder<Database, 'propositions'>, filter: ResolvedFilter) {
  const conditions = []
  if (filter.status) conditions.push(eb('propositions.status', '=', filter.status))
  if (filter.since) conditions.push(eb('propositions.last_seen', '>=', filter.since))
  if (filter.until) conditions.push(eb('propositions.first_seen', '<=', filter.until))
  if (filter.aboutIds)
    conditions.push(eb.or([eb('propositions.subject', 'in', filter.aboutIds), eb('propositions.object', 'in', filter.aboutIds)]))
  return eb.and(conditions)
}

export interface PropositionPageOptions {
  /** Only these relations. */
  relations?: readonly string[]
  /** Only propositions whose object is an entity (the actor network). */
  entityObjects?: boolean
  withStatements?: boolean
  pageSize?: number
}

/** Every proposition the filter selects, in id order, a page at a time, with names (and statements when asked). */
export async function* exportPropositionPages(
  store: Store,
  filter: ResolvedFilter,
  options: PropositionPageOptions = {},
): AsyncGenerator<ExportProposition[]> {
  if (matchesNothing(filter) || options.relations?.length === 0) return
  const pageSize = options.pageSize ?? 500
  let after: string | null = null
  for (;;) {
    let query = store.db
      .selectFrom('propositions')
      .selectAll()
      .where((eb) => propositionCondition(eb, filter))
    if (options.relations) query = query.where('relation', 'in', [...options.relations])
    if (options.entityObjects) query = query.where('object', 'in', (eb) => eb.selectFrom('entities').select('entities.id'))
    if (after !== null) query = query.where('id', '>', after)
    const rows = await query.orderBy('id').limit(pageSize).execute()
    if (rows.length === 0) return
    after = rows[rows.length - 1]!.id
    const parsed = rows.map((row) => ({
      row,
      asserters: JSON.parse(row.asserters) as Party[],
      deniers: JSON.parse(row.deniers) as Party[],
      noResponse: JSON.parse(row.no_response) as Party[],
    }))
    const statementRows = options.withStatements
      ? await statementRowsOf(
          store,
          rows.map((row) => row.id),
        )
      : []
    const nodes = await exportNodes(store, [
      ...parsed.flatMap(({ row, asserters, deniers, noResponse }) => [
        row.subject,
        ...(row.object ? [row.object] : []),
        ...[...asserters, ...deniers, ...noResponse].flatMap((party) => [...(party.id ? [party.id] : []), ...party.speakers]),
      ]),
      ...statementRows.flatMap((row) => [row.claimant, row.speaker].filter((id): id is string => id !== null)),
    ])
    const partyOf = (party: Party): ExportParty => ({
      party: party.id ? (nodes.get(party.id) ?? null) : null,
      speakers: party.speakers.flatMap((id) => nodes.get(id) ?? []),
      outlets: party.outlets,
      sources: party.sources,
    })
    const statements = new Map<string, ExportStatement[]>()
    for (const row of statementRows) {
      const list = statements.get(row.proposition_id) ?? []
      list.push({
        articleId: row.article_id,
        ordinal: Number(row.ordinal),
        title: row.title,
        url: row.url,
        outlet: row.source,
        published: row.published,
        stance: row.stance,
        cue: row.cue,
        claimant: row.claimant ? (nodes.get(row.claimant) ?? null) : null,
        speaker: row.speaker ? (nodes.get(row.speaker) ?? null) : null,
        evidence: row.evidence_text,
      })
      statements.set(row.proposition_id, list)
    }
    yield parsed.map(({ row, asserters, deniers, noResponse }) => ({
      id: row.id,
      subjectId: row.subject,
      subject: nodes.get(row.subject) ?? null,
      relation: row.relation,
      objectId: row.object,
      object: row.object ? (nodes.get(row.object) ?? null) : null,
      status: row.status as PropositionStatus,
      sourceCount: Number(row.source_count),
      claimCount: Number(row.claim_count),
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      asserters: asserters.map(partyOf),
      deniers: deniers.map(partyOf),
      noResponse: noResponse.map(partyOf),
      ...(options.withStatements ? { statements: statements.get(row.id) ?? [] } : {}),
    }))
    if (rows.length < pageSize) return
  }
}

function statementRowsOf(store: Store, propositionIds: string[]) {
  return store.db
    .selectFrom('claims')
    .innerJoin('articles', 'articles.id', 'claims.article_id')
    .select([
      'claims.proposition_id',
      'claims.article_id',
      'claims.ordinal',
      'articles.title',
      'articles.url',
      'articles.source',
      'articles.published',
      'claims.stance',
      'claims.cue',
      'claims.claimant',
      'claims.speaker',
      'claims.evidence_text',
    ])
    .where('claims.proposition_id', 'in', propositionIds)
    .orderBy('claims.proposition_id')
    .orderBy('articles.doc_no')
    .orderBy('claims.ordinal')
    .execute()
}

// ---------------------------------------------------------------- articles

export interface ExportArticle {
  id: string
  title: string | null
  url: string | null
  outlet: string | null
  author: string | null
  published: string | null
  ingestedAt: string
  /** What the article yields, narrowed to what the filter exports. */
  entityIds: string[]
  placeIds: string[]
  propositionIds: string[]
  eventIds: string[]
}

/** The day after a YYYY-MM-DD date, so `until` also takes timestamps on that day. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

function articleCondition(eb: ExpressionBuilder<Database, 'articles'>, filter: ResolvedFilter) {
  const conditions = []
  const when = eb.fn.coalesce('articles.published', 'articles.ingested_at')
  if (filter.since) conditions.push(eb(when, '>=', filter.since))
  if (filter.until) conditions.push(eb(when, '<', dayAfter(filter.until)))
  if (filter.aboutIds) {
    const ids = filter.aboutIds
    conditions.push(
      eb.or([
        eb(
          'articles.id',
          'in',
          eb.selectFrom('entity_mentions').select('entity_mentions.article_id').where('entity_mentions.entity_id', 'in', ids),
        ),
        eb(
          'articles.id',
          'in',
          eb.selectFrom('place_mentions').select('place_mentions.article_id').where('place_mentions.place_id', 'in', ids),
        ),
      ]),
    )
  }
  return eb.and(conditions)
}

/** Every article the filter selects, in ingest order, a page at a time, with the ids of what it yields. */
export async function* exportArticlePages(store: Store, filter: ResolvedFilter, pageSize = 200): AsyncGenerator<ExportArticle[]> {
  if (matchesNothing(filter)) return
  let after: number | null = null
  for (;;) {
    let query = store.db
      .selectFrom('articles')
      .select(['doc_no', 'id', 'title', 'url', 'source', 'author', 'published', 'ingested_at'])
      .where((eb) => articleCondition(eb, filter))
    if (after !== null) query = query.where('doc_no', '>', after)
    const rows = await query.orderBy('doc_no').limit(pageSize).execute()
    if (rows.length === 0) return
    after = Number(rows[rows.length - 1]!.doc_no)
    const ids = rows.map((row) => row.id)
    const entities = await pairs(
      store.db.selectFrom('entity_mentions').select(['article_id', 'entity_id as ref']).where('article_id', 'in', ids).distinct(),
    )
    const places = await pairs(
      store.db.selectFrom('place_mentions').select(['article_id', 'place_id as ref']).where('article_id', 'in', ids).distinct(),
    )
    const propositions = await pairs(
      store.db
        .selectFrom('claims')
        .innerJoin('propositions', 'propositions.id', 'claims.proposition_id')
        .select(['claims.article_id', 'claims.proposition_id as ref'])
        .where('claims.article_id', 'in', ids)
        .where((eb) => propositionCondition(eb as unknown as ExpressionBuilder<Database, 'propositions'>, filter))
        .distinct(),
    )
    const events = await pairs(
      store.db
        .selectFrom('event_sources')
        .innerJoin('events', 'events.id', 'event_sources.event_id')
        .select(['event_sources.article_id', 'event_sources.event_id as ref'])
        .where('event_sources.article_id', 'in', ids)
        .where((eb) => eventCondition(eb as unknown as ExpressionBuilder<Database, 'events'>, filter))
        .distinct(),
    )
    yield rows.map((row) => ({
      id: row.id,
      title: row.title,
      url: row.url,
      outlet: row.source,
      author: row.author,
      published: row.published,
      ingestedAt: row.ingested_at,
      entityIds: entities.get(row.id) ?? [],
      placeIds: places.get(row.id) ?? [],
      propositionIds: propositions.get(row.id) ?? [],
      eventIds: events.get(row.id) ?? [],
    }))
    if (rows.length < pageSize) return
  }
}

async function pairs<TB extends keyof Database>(
  query: SelectQueryBuilder<Database, TB, { article_id: string; ref: string }>,
): Promise<Map<string, string[]>> {
  const byArticle = new Map<string, string[]>()
  for (const row of await query.execute()) {
    const list = byArticle.get(row.article_id) ?? []
    list.push(row.ref)
    byArticle.set(row.article_id, list)
  }
  for (const list of byArticle.values()) list.sort()
  return byArticle
}
