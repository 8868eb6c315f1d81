import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { AnalysisRecord, Span } from '../record/record.js'
import type { Store } from './open-store.js'
import {
  deleteArticleRow,
  deleteMentionsOf,
  findArticleOrUrl,
  findNearDuplicate,
  insertArticle,
  promoteOldestCopy,
  storedArticleContext,
} from './articles-repo.js'
import { insertEntityMentions, insertPlaceMentions } from './entities-repo.js'
import { insertClaims, deleteClaimsOf, propositionIdsOfArticles, regroupClaims } from './claims-repo.js'
import { deleteEventSourcesOf, eventIdsOfArticles, insertEventSource } from './events-repo.js'
import { partyKeyOf, propositionKey } from '../resolve/propositions.js'
import { bandKeys, decodeSignature, isSignificant } from '../resolve/minhash.js'
import { resolveEntities, storePlaces } from './apply/entities.js'
import { refreshEvent, storeEventReport } from './apply/events.js'
import { refreshProposition } from './apply/propositions.js'
import { markPropositionsDirty, refreshDirtyPropositions } from './apply/dirty-propositions.js'
import { StoredIds, storedIdsOf } from './stored-ids.js'
import { loadGradingContext } from './grades-repo.js'
import { lockWrites } from './write-lock.js'

/** One analysed article ready to store: the record plus its MinHash signature (computed off the main thread). */
export interface AnalyzedArticle {
  record: AnalysisRecord
  /** Base64 MinHash signature of record.document.text (resolve/minhash.ts). */
  signature: string
  /** The input it came from, for messages. */
  inputName?: string
}

export type WriteOutcome = 'added' | 'unchanged' | 'replaced'

export interface WriteOptions {
  /**
   * Only mark the propositions the batch touched; their summaries are recomputed by refreshDirtyPropositions
   * (ingest does it every few seconds and at the end, workers between batches and when idle).
   */
  deferPropositions?: boolean
  ingestedAt?: string
}

/**
 * Stores a batch of analysed articles in one transaction: either all of them land, with the merged events brought
 * up to date and the propositions they touched refreshed (or marked for a refresh), or none does.
 *
 * On PostgreSQL, writers run concurrently. What they share is made to commute: rows keyed by content hashes and
 * written with upserts, propositions only marked. Event merging reads and rewrites merged events, so a batch takes
 * transaction locks on the (type, place) keys of its reports, in sorted order: only batches reporting events of
 * the same type at the same place wait for each other.
 */
export async function writeBatch(store: Store, articles: AnalyzedArticle[], options: WriteOptions | string = {}): Promise<WriteOutcome[]> {
  const { deferPropositions = false, ingestedAt = new Date().toISOString() } =
    typeof options === 'string' ? { ingestedAt: options } : options
  // On PostgreSQL a summary is never recomputed inside the writing transaction: it could miss the claims of a
  // concurrent batch. It is marked, and refreshed after the commit unless the caller defers it.
  const defer = deferPropositions || store.dialect === 'postgres'
  const stored = storedIdsOf(store)
  const outcomes = await store.db
    .transaction()
    .execute(async (trx) => {
      if (store.dialect === 'postgres') {
        for (const key of eventLockKeys(articles)) await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx)
      }
      const touched = new Touched()
      const outcomes: WriteOutcome[] = []
      for (const article of articles) outcomes.push(await writeArticle(trx, article, ingestedAt, touched, stored))
      if (defer) await markPropositionsDirty(trx, touched.propositions)
      else {
        const grading = await loadGradingContext(trx)
        for (const id of touched.propositions) await refreshProposition(trx, id, grading, ingestedAt)
      }
      for (const id of touched.events) await refreshEvent(trx, id)
      return outcomes
    })
    .catch((error: unknown) => {
      stored.rollback()
      throw diskFullExplained(store, error)
    })
  stored.commit()
  if (store.dialect === 'postgres' && !deferPropositions) await refreshDirtyPropositions(store, Infinity, ingestedAt)
  return outcomes
}

/** A full disk names the store and says that the batch was undone while what was stored before stays. */
function diskFullExplained(store: Store, error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code
  if (code !== 'SQLITE_FULL' && code !== '53100') return error
  return new Error(
    `cannot write to store ${store.location}: the disk is full (${(error as Error).message}); ` +
      'this batch was rolled back, the articles stored before it are intact',
    { cause: error },
  )
}

/** The merge keys of a batch's event reports, sorted so that concurrent batches take their locks in one order. */
function eventLockKeys(articles: AnalyzedArticle[]): string[] {
  const keys = new Set<string>()
  for (const { record } of articles)
    for (const event of record.events) if (event.place) keys.add(`sitrep-event|${event.type}|${event.place}`)
  return [...keys].sort()
}

/**
 * Replaces what stored articles yielded (mentions, claims, event reports) with a new analysis of the same
 * text, in one transaction, and refreshes the propositions and events either side touched. The article
 * rows, their near-duplicate groups and everything the analyst set (source grades) stay. Returns how
 * many articles were rewritten (an article removed meanwhile is skipped).
 */
export async function rewriteBatch(store: Store, articles: AnalyzedArticle[]): Promise<number> {
  const stored = new StoredIds()
  return store.db.transaction().execute(async (trx) => {
    await lockWrites(trx, store)
    const touched = new Touched()
    let rewritten = 0
    for (const article of articles) {
      const { document } = article.record
      const row = await storedArticleContext(trx, document.id)
      if (!row) continue
      touched.addPropositions(await deleteClaimsOf(trx, document.id))
      touched.addEvents(await deleteEventSourcesOf(trx, document.id))
      await deleteMentionsOf(trx, document.id)
      await writeContents(trx, article.record, touched, stored, {
        sourceGroup: row.duplicate_of ?? document.id,
        seen: row.published ?? row.ingested_at.slice(0, 10),
        dated: row.published !== null,
        ingestedAt: row.ingested_at,
        rewriting: true,
      })
      rewritten++
    }
    const grading = await loadGradingContext(trx)
    const changedAt = new Date().toISOString()
    for (const id of touched.propositions) await refreshProposition(trx, id, grading, changedAt)
    for (const id of touched.events) await refreshEvent(trx, id)
    return rewritten
  })
}

class Touched {
  readonly propositions = new Set<string>()
  readonly events = new Set<string>()
  addPropositions(ids: string[]): void {
    for (const id of ids) this.propositions.add(id)
  }
  addEvents(ids: string[]): void {
    for (const id of ids) this.events.add(id)
  }
}

async function writeArticle(
  db: Kysely<Database>,
  article: AnalyzedArticle,
  ingestedAt: string,
  touched: Touched,
  stored: StoredIds,
): Promise<WriteOutcome> {
  const { document } = article.record
  const { exists, sameUrl: previous } = await findArticleOrUrl(db, document.id, document.url)
  if (exists) return 'unchanged'
  for (const id of previous) await removeArticle(db, id, touched)

  const signature = decodeSignature(article.signature)
  const bands = isSignificant(document.text) ? bandKeys(signature) : []
  const duplicate = await findNearDuplicate(db, signature, bands)
  await insertArticle(
    db,
    {
      id: document.id,
      url: document.url,
      title: document.title,
      source: document.source,
      author: document.author,
      published: document.published,
      input_name: article.inputName ?? null,
      ingested_at: ingestedAt,
      text: document.text,
      removed: JSON.stringify(document.removed),
      signature: article.signature,
      duplicate_of: duplicate?.canonical ?? null,
      similarity: duplicate?.similarity ?? null,
    },
    bands,
  )
  await writeContents(db, article.record, touched, stored, {
    sourceGroup: duplicate?.canonical ?? document.id,
    seen: document.published ?? ingestedAt.slice(0, 10),
    dated: document.published !== null,
    ingestedAt,
  })
  return previous.length > 0 ? 'replaced' : 'added'
}

/** Removes an article and everything it contributed; the aggregates it touched are refreshed at batch end. */
async function removeArticle(db: Kysely<Database>, id: string, touched: Touched): Promise<void> {
  touched.addPropositions(await deleteClaimsOf(db, id))
  touched.addEvents(await deleteEventSourcesOf(db, id))
  await deleteArticleRow(db, id)
  const regrouped = await promoteOldestCopy(db, id)
  if (regrouped.length > 0) await regroupClaims(db, regrouped, regrouped[0]!)
  touched.addPropositions(await propositionIdsOfArticles(db, regrouped))
  touched.addEvents(await eventIdsOfArticles(db, regrouped))
}

interface ArticleContext {
  /** The article's near-duplicate group: its canonical article's id. */
  sourceGroup: string
  /** Published date, else ingest date. */
  seen: string
  /** The article was stored before (reanalysis): a new event id must not clash with one its old reports made. */
  rewriting?: boolean
  /** Whether `seen` is a publication date. */
  dated: boolean
  ingestedAt: string
}

async function writeContents(
  db: Kysely<Database>,
  record: AnalysisRecord,
  touched: Touched,
  stored: StoredIds,
  context: ArticleContext,
): Promise<void> {
  const identity = await resolveEntities(db, record.entities, record.document.id, stored)
  const idOf = (id: string): string => identity.get(id) ?? id
  await writeMentions(db, record, idOf, stored)
  await writeClaims(db, record, idOf, touched, context)
  await writeEventReports(db, record, idOf, context)
}

type IdOf = (id: string) => string

async function writeMentions(db: Kysely<Database>, record: AnalysisRecord, idOf: IdOf, stored: StoredIds): Promise<void> {
  const articleId = record.document.id
  await insertEntityMentions(
    db,
    articleId,
    record.entities.map((entity) => ({ entityId: idOf(entity.id), spans: entity.mentions })),
  )
  await storePlaces(db, record.places, stored)
  await insertPlaceMentions(
    db,
    articleId,
    record.places.map((place) => ({ placeId: place.id, spans: place.mentions })),
  )
}

async function writeClaims(
  db: Kysely<Database>,
  record: AnalysisRecord,
  idOf: IdOf,
  touched: Touched,
  context: ArticleContext,
): Promise<void> {
  const claims = record.claims.map((claim, ordinal) => {
    const key = propositionKey(idOf(claim.subject), claim.relation, claim.object === null ? null : idOf(claim.object))
    touched.propositions.add(key.id)
    const claimant = claim.claimant === null ? null : idOf(claim.claimant)
    const speaker = claim.speaker === null ? null : idOf(claim.speaker)
    return {
      article_id: record.document.id,
      ordinal,
      proposition_id: key.id,
      claimant,
      speaker,
      cue: claim.cue,
      stance: claim.stance,
      subject: idOf(claim.subject),
      relation: claim.relation,
      object: claim.object === null ? null : idOf(claim.object),
      evidence_start: claim.evidence.start,
      evidence_end: claim.evidence.end,
      evidence_text: excerpt(record.document.text, claim.evidence),
      party_key: partyKeyOf(claimant, speaker, context.sourceGroup),
      source_group: context.sourceGroup,
      seen: context.seen,
      dated: context.dated ? 1 : 0,
      outlet: record.document.source,
    }
  })
  await insertClaims(db, claims)
}

async function writeEventReports(db: Kysely<Database>, record: AnalysisRecord, idOf: IdOf, context: ArticleContext): Promise<void> {
  const articleId = record.document.id
  for (const [ordinal, event] of record.events.entries()) {
    const mapped = {
      ...event,
      actors: event.actors.map(idOf),
      targets: event.targets.map(idOf),
      reported_by: event.reported_by && idOf(event.reported_by),
    }
    const origin = {
      articleId,
      ordinal,
      published: record.document.published,
      rewriting: context.rewriting ?? false,
      createdAt: context.ingestedAt,
      ingestedAt: context.ingestedAt,
      sourceGroup: context.sourceGroup,
    }
    await storeEventReport(db, mapped, origin, (eventId) =>
      insertEventSource(db, {
        article_id: articleId,
        ordinal,
        event_id: eventId,
        mode: mapped.mode,
        actors: JSON.stringify(mapped.actors),
        targets: JSON.stringify(mapped.targets),
        date_start: mapped.date.start,
        date_end: mapped.date.end,
        date_text: mapped.date.text,
        fatalities_low: mapped.fatalities?.low ?? null,
        fatalities_best: mapped.fatalities?.best ?? null,
        fatalities_high: mapped.fatalities?.high ?? null,
        reported_by: mapped.reported_by,
        evidence_start: mapped.evidence.start,
        evidence_end: mapped.evidence.end,
        evidence_text: excerpt(record.document.text, mapped.evidence),
      }),
    )
  }
}

const EXCERPT_LIMIT = 600

function excerpt(text: string, span: Span): string {
  const start = Math.max(0, Math.min(span.start, text.length))
  const end = Math.max(start, Math.min(span.end, text.length, start + EXCERPT_LIMIT))
  return text.slice(start, end)
}
