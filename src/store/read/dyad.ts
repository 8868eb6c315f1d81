import type { Store } from '../open-store.js'
import { idsForName, namesOf, type NamedRef } from './names.js'
import { eventViews } from './events.js'
import { statementParts } from './article-extraction.js'
import type { DyadEvent, DyadEvidence, DyadMonth, DyadStatement, DyadView } from '../../contract/index.js'
export type { DyadEvent, DyadEvidence, DyadMonth, DyadStatement, DyadView }

/**
 * Two parties face to face: every event one of them is an actor of and the other a target of, in both
 * directions, and every statement one side made (as claimant or speaker) about the other, with its evidence.
 */

export type DyadDirection = 'ab' | 'ba'

/** The entity a name or id stands for, the best covered one when several match. */
export async function resolveActor(store: Store, name: string): Promise<NamedRef | null> {
  const ids = await idsForName(store, name)
  if (ids.length === 0) return null
  // an entity's own id names it whatever else the name matches: no need to count every match's mentions
  if (ids.includes(name)) {
    const own = await store.db.selectFrom('entities').select(['id', 'name']).where('id', '=', name).executeTakeFirst()
    if (own) return { id: own.id, name: own.name, kind: 'entity' }
  }
  const rows = await store.db
    .selectFrom('entities')
    .leftJoin('entity_mentions', 'entity_mentions.entity_id', 'entities.id')
    .select((eb) => ['entities.id', 'entities.name', eb.fn.count('entity_mentions.article_id').as('mentions')])
    .where('entities.id', 'in', ids)
    .groupBy(['entities.id', 'entities.name'])
    .execute()
  const exact = rows.find((row) => row.id === name)
  const best = exact ?? rows.sort((x, y) => Number(y.mentions) - Number(x.mentions) || (x.id < y.id ? -1 : 1))[0]
  return best ? { id: best.id, name: best.name, kind: 'entity' } : null
}

export async function dyadView(store: Store, a: NamedRef, b: NamedRef, limit = 500): Promise<DyadView> {
  const [ab, ba] = await Promise.all([eventsBetween(store, a.id, b.id, limit), eventsBetween(store, b.id, a.id, limit)])
  const direction = new Map<string, DyadDirection>([...ab.map((id) => [id, 'ab'] as const), ...ba.map((id) => [id, 'ba'] as const)])
  const rows =
    direction.size === 0
      ? []
      : await store.db
          .selectFrom('events')
          .selectAll()
          .where('id', 'in', [...direction.keys()])
          .execute()
  const views = await eventViews(store, rows)
  const evidence = await firstReports(store, [...direction.keys()])
  const events: DyadEvent[] = views
    .map((view) => ({ ...view, direction: direction.get(view.id)!, evidence: evidence.get(view.id) ?? null }))
    .sort((x, y) => (x.dateStart ?? '9999').localeCompare(y.dateStart ?? '9999') || x.id.localeCompare(y.id))
  const aboutBRows = await readStatements(store, a.id, b.id, limit, [])
  const aboutB = await dyadStatements(store, aboutBRows, 'ab')
  const aboutA = await dyadStatements(store, await readStatements(store, b.id, a.id, limit, propositionsOf(aboutB)), 'ba')
  // and A's answers to what B claimed
  const answersOfA = await dyadStatements(store, await answers(store, a.id, b.id, limit, propositionsOf(aboutA), aboutBRows), 'ab')
  const seen = new Set<string>()
  const statements = [...aboutB, ...answersOfA, ...aboutA]
    .filter((s) => {
      const key = `${s.direction}|${s.evidence.articleId}|${s.evidence.start}|${s.propositionId}|${s.stance}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort(
      (x, y) =>
        (x.evidence.published ?? '9999').localeCompare(y.evidence.published ?? '9999') ||
        x.evidence.articleId.localeCompare(y.evidence.articleId),
    )
  return {
    a,
    b,
    events,
    statements,
    months: monthlyBalance(events),
    undatedEvents: events.filter((event) => !event.dateStart).length,
    undatedStatements: statements.filter((statement) => !statement.evidence.published).length,
  }
}

/**
 * Ids of events with `actor` among the actors and `target` among the targets, first ids first: the two parties'
 * rows of event_parties intersected, each read in its primary key's order (SQLite merges the two ranges; a join
 * would probe the other party once for each of the busier party's events).
 */
async function eventsBetween(store: Store, actor: string, target: string, limit: number): Promise<string[]> {
  const partyEvents = (entityId: string, role: 'actor' | 'target') =>
    store.db.selectFrom('event_parties').select('event_id').where('entity_id', '=', entityId).where('role', '=', role)
  const rows = await partyEvents(actor, 'actor').intersect(partyEvents(target, 'target')).orderBy('event_id').limit(limit).execute()
  return rows.map((row) => row.event_id)
}

async function firstReports(store: Store, eventIds: string[]): Promise<Map<string, DyadEvidence>> {
  const found = new Map<string, DyadEvidence>()
  for (let i = 0; i < eventIds.length; i += 500) {
    const rows = await store.db
      .selectFrom('event_sources')
      .innerJoin('articles', 'articles.id', 'event_sources.article_id')
      .select([
        'event_sources.event_id',
        'event_sources.article_id',
        'articles.title',
        'articles.source',
        'articles.published',
        'event_sources.evidence_start',
        'event_sources.evidence_end',
        'event_sources.evidence_text',
      ])
      .where('event_sources.event_id', 'in', eventIds.slice(i, i + 500))
      .orderBy('articles.doc_no')
      .execute()
    for (const row of rows) {
      if (found.has(row.event_id)) continue
      found.set(row.event_id, {
        articleId: row.article_id,
        title: row.title,
        source: row.source,
        published: row.published,
        start: Number(row.evidence_start),
        end: Number(row.evidence_end),
        text: row.evidence_text,
      })
    }
  }
  return found
}

const propositionsOf = (statements: DyadStatement[]): string[] => [...new Set(statements.map((s) => s.propositionId))]

/** A side's statements as read: those it made as the claimant, and those a person voiced for no named claimant. */
interface SpokenRows {
  asClaimant: StatementRow[]
  asSpeaker: StatementRow[]
}
type StatementRow = Awaited<ReturnType<typeof readStatements>>['asClaimant'][number]

/**
 * What `speaker` (as the claimant, or voicing it as the speaker) said about `about` (as subject or object) or on
 * the propositions the other side put forward (`answering`); with `answersOnly`, only the latter that are not
 * about `about` (what answers() adds to statements already read).
 */
async function readStatements(store: Store, speaker: string, about: string, limit: number, answering: string[], answersOnly = false) {
  const answered = answering.slice(0, 500)
  const select = () =>
    store.db
      .selectFrom('claims')
      .innerJoin('articles', 'articles.id', 'claims.article_id')
      .select([
        'claims.article_id',
        'claims.ordinal',
        'claims.proposition_id',
        'claims.stance',
        'claims.cue',
        'claims.claimant',
        'claims.speaker',
        'claims.subject',
        'claims.relation',
        'claims.object',
        'claims.evidence_start',
        'claims.evidence_end',
        'claims.evidence_text',
        'articles.title',
        'articles.source',
        'articles.published',
        'articles.doc_no',
      ])
      .where((eb) =>
        answersOnly
          ? eb.and([
              eb('claims.proposition_id', 'in', answered),
              eb('claims.subject', '<>', about),
              eb.or([eb('claims.object', 'is', null), eb('claims.object', '<>', about)]),
            ])
          : eb.or([
              eb('claims.subject', '=', about),
              eb('claims.object', '=', about),
              ...(answered.length > 0 ? [eb('claims.proposition_id', 'in', answered)] : []),
            ]),
      )
      .orderBy('articles.doc_no')
      // the statement order within an article, which no longer falls out of the claimant index (migration 0006)
      .orderBy('claims.ordinal')
      .limit(limit)
  const asClaimant = await select().where('claims.claimant', '=', speaker).execute()
  // Only a person speaks for a claimant; a speaker is named in the article, so the articles mentioning them (indexed) narrow the claims to read.
  const person = await store.db
    .selectFrom('entities')
    .select('id')
    .where('id', '=', speaker)
    .where('type', '=', 'person')
    .executeTakeFirst()
  const asSpeaker = !person
    ? []
    : await select()
        .where('claims.article_id', 'in', store.db.selectFrom('entity_mentions').select('article_id').where('entity_id', '=', speaker))
        .where('claims.speaker', '=', speaker)
        .where('claims.claimant', 'is', null)
        .execute()
  return { asClaimant, asSpeaker }
}

/**
 * What reading `speaker`'s statements about `about` again, now with `answering` among the wanted propositions,
 * would add to `read`: the first `limit` of both in statement order, less those already read. Only the
 * statements on `answering` that are not about `about` are read for it.
 */
async function answers(
  store: Store,
  speaker: string,
  about: string,
  limit: number,
  answering: string[],
  read: SpokenRows,
): Promise<SpokenRows> {
  if (answering.length === 0) return { asClaimant: [], asSpeaker: [] }
  const more = await readStatements(store, speaker, about, limit, answering, true)
  const inOrder = (x: StatementRow, y: StatementRow) => Number(x.doc_no) - Number(y.doc_no) || Number(x.ordinal) - Number(y.ordinal)
  const added = (earlier: StatementRow[], extra: StatementRow[]) => {
    const kept = new Set([...earlier, ...extra].sort(inOrder).slice(0, limit))
    return extra.filter((row) => kept.has(row))
  }
  return { asClaimant: added(read.asClaimant, more.asClaimant), asSpeaker: added(read.asSpeaker, more.asSpeaker) }
}

async function dyadStatements(store: Store, rows: SpokenRows, direction: DyadDirection): Promise<DyadStatement[]> {
  const all = [...rows.asClaimant, ...rows.asSpeaker]
  const names = await namesOf(
    store,
    all.flatMap((row) => [row.claimant, row.speaker, row.subject, row.object].filter((id): id is string => id !== null)),
  )
  return all.map((row) => ({
    direction,
    ...statementParts(row, names),
    evidence: {
      articleId: row.article_id,
      title: row.title,
      source: row.source,
      published: row.published,
      start: Number(row.evidence_start),
      end: Number(row.evidence_end),
      text: row.evidence_text,
    },
  }))
}

/** ACCUSE and REJECT events per month and direction (dated events only). */
export function monthlyBalance(events: DyadEvent[]): DyadMonth[] {
  const months = new Map<string, DyadMonth>()
  for (const event of events) {
    if (!event.dateStart) continue
    const month = event.dateStart.slice(0, 7)
    const key = `${month}|${event.direction}`
    const entry = months.get(key) ?? { month, direction: event.direction, accuse: 0, reject: 0, events: 0 }
    entry.events++
    if (event.type === 'ACCUSE') entry.accuse++
    if (event.type === 'REJECT') entry.reject++
    months.set(key, entry)
  }
  return [...months.values()].sort((x, y) => x.month.localeCompare(y.month) || x.direction.localeCompare(y.direction))
}
