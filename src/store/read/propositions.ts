import type { Selectable } from 'kysely'
import type { Store } from '../open-store.js'
import type { PropositionsTable } from '../schema.js'
import type { Party, PropositionStatus } from '../../resolve/propositions.js'
import { isSourceGrade } from '../../resolve/source-grading.js'
import { gradesOf } from './sources.js'
import { emptyPage, filterIds, namesOf, personIds, refOf, type Page } from './names.js'
import type { ClaimEvidenceView, PartyView, PropositionView, StatementView } from '../../contract/index.js'
export type { ClaimEvidenceView, PartyView, PropositionView, StatementView }

/** Propositions (who is said to do what to whom) and the statements behind them. */

/** The one filter of propositions, for the CLI (`claims`), the API (`/api/propositions`) and profiles. */
export interface PropositionFilter {
  status?: PropositionStatus
  relation?: string
  /** Entity name or id: subject, object, claimant or speaker. */
  actor?: string
  /** Place name or id: the object. */
  place?: string
  /** Entity or place name or id: subject or object (what is said about it). */
  about?: string
  /** Ids `about` also stands for; without `about`, exactly these ids as subject or object. */
  aboutIds?: string[]
  /** YYYY-MM-DD: last stated (publication dates) on or after; a proposition no dated article supports is outside. */
  since?: string
  /** YYYY-MM-DD: first stated on or before. */
  until?: string
  /** Default 50. */
  limit?: number
  offset?: number
  /** Each proposition with its claims' evidence (the CLI's --evidence). */
  withEvidence?: boolean
}

/** Propositions the filter selects, most sourced first, with how many it selects in all. */
export async function listPropositions(store: Store, filter: PropositionFilter = {}): Promise<Page<PropositionView>> {
  const paging = { limit: filter.limit ?? 50, offset: filter.offset ?? 0 }
  const actorIds = await filterIds(store, filter.actor)
  const placeIds = await filterIds(store, filter.place)
  const aboutIds = await filterIds(store, filter.about, filter.aboutIds)
  if (actorIds?.length === 0 || placeIds?.length === 0 || aboutIds?.length === 0) return emptyPage(paging)
  let query = store.db.selectFrom('propositions')
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.relation) query = query.where('relation', '=', filter.relation)
  if (filter.since) query = query.where('last_dated', '>=', filter.since)
  if (filter.until) query = query.where('first_dated', '<=', filter.until)
  if (aboutIds) query = query.where((eb) => eb.or([eb('subject', 'in', aboutIds), eb('object', 'in', aboutIds)]))
  if (placeIds) query = query.where('object', 'in', placeIds)
  if (actorIds) query = query.where('id', 'in', await involving(store, actorIds))
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('source_count', 'desc')
    .orderBy('last_seen', 'desc')
    .orderBy('id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  const items = await propositionViews(store, rows)
  if (filter.withEvidence) for (const view of items) view.evidence = await propositionEvidence(store, view.id)
  return { items, total: Number(total.n), ...paging }
}

/** Propositions these actors take part in: one indexed branch per role, so no branch forces a scan of the others. */
async function involving(store: Store, actorIds: string[]) {
  const speakers = await personIds(store, actorIds)
  const roles = store.db
    .selectFrom('propositions')
    .select('id')
    .where('subject', 'in', actorIds)
    .union(store.db.selectFrom('propositions').select('id').where('object', 'in', actorIds))
    .union(store.db.selectFrom('claims').select('proposition_id as id').where('claimant', 'in', actorIds))
  return speakers.length > 0 ? roles.union(claimsSpokenBy(store, speakers)) : roles
}

/**
 * Propositions voiced by these speakers. The claims table has no speaker index, but a speaker is
 * named in the article, so the articles mentioning them (indexed) narrow the claims to read.
 */
export function claimsSpokenBy(store: Store, speakers: string[]) {
  return store.db
    .selectFrom('claims')
    .select('proposition_id as id')
    .where('article_id', 'in', store.db.selectFrom('entity_mentions').select('article_id').where('entity_id', 'in', speakers))
    .where('speaker', 'in', speakers)
}

export async function getProposition(store: Store, id: string): Promise<PropositionView | null> {
  const row = await store.db.selectFrom('propositions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? ((await propositionViews(store, [row]))[0] ?? null) : null
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

/**
 * The claims behind a proposition with their articles, in one order on every dialect and every run: by publication
 * date, then article id (a hash of its text; not doc_no, which follows the order parallel analysis finished in).
 */
function claimRowsOf(store: Store, propositionId: string) {
  return store.db
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
      'claims.outlet',
    ])
    .where('claims.proposition_id', '=', propositionId)
    .orderBy('articles.published')
    .orderBy('articles.id')
    .orderBy('claims.ordinal')
    .execute()
}

/** The claims behind a proposition as the CLI prints them: claimant and speaker ids, the claim's outlet. */
export async function propositionEvidence(store: Store, propositionId: string): Promise<ClaimEvidenceView[]> {
  const rows = await claimRowsOf(store, propositionId)
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

/** Every attributed statement behind a proposition, with its evidence sentence and where it sits in the article. */
export async function propositionStatements(store: Store, propositionId: string): Promise<StatementView[]> {
  const rows = await claimRowsOf(store, propositionId)
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

/** Propositions an entity takes part in as a member or partner, and those it (or its speakers) voiced. */
export async function entityAffiliations(
  store: Store,
  entityId: string,
  limit: number,
): Promise<{ affiliations: PropositionView[]; claimsBy: PropositionView[] }> {
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

/** Subject and object of some propositions, by id: what a report needs to point at a proposition's relationship. */
export async function propositionEnds(store: Store, ids: string[]): Promise<Map<string, { subject: string; object: string | null }>> {
  const ends = new Map<string, { subject: string; object: string | null }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db
      .selectFrom('propositions')
      .select(['id', 'subject', 'object'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const row of rows) ends.set(row.id, { subject: row.subject, object: row.object })
  }
  return ends
}
