import type { Insertable, Kysely } from 'kysely'
import type { ClaimsTable, Database } from './schema.js'
import type { ClaimEvidence, PropositionKey, PropositionSummary } from '../resolve/propositions.js'
import type { Stance } from '../pipeline/record.js'
import { insertInChunks } from './insert-chunks.js'

type Db = Kysely<Database>

export async function insertClaims(db: Db, claims: Insertable<ClaimsTable>[]): Promise<void> {
  await insertInChunks(db, 'claims', claims)
}

/** Deletes an article's claims and returns the propositions they supported. */
export async function deleteClaimsOf(db: Db, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('claims').select('proposition_id').where('article_id', '=', articleId).execute()
  await db.deleteFrom('claims').where('article_id', '=', articleId).execute()
  return [...new Set(rows.map((row) => row.proposition_id))]
}

export async function propositionIdsOfArticles(db: Db, articleIds: string[]): Promise<string[]> {
  if (articleIds.length === 0) return []
  const rows = await db.selectFrom('claims').select('proposition_id').where('article_id', 'in', articleIds).distinct().execute()
  return rows.map((row) => row.proposition_id)
}

export async function claimEvidence(db: Db, propositionId: string): Promise<ClaimEvidence[]> {
  const rows = await db
    .selectFrom('claims')
    .innerJoin('articles', 'articles.id', 'claims.article_id')
    .select([
      'claims.claimant',
      'claims.speaker',
      'claims.stance',
      'claims.article_id',
      'articles.duplicate_of',
      'articles.source',
      'articles.published',
      'articles.ingested_at',
    ])
    .where('claims.proposition_id', '=', propositionId)
    .orderBy('articles.doc_no')
    .orderBy('claims.ordinal')
    .execute()
  return rows.map((row) => ({
    claimant: row.claimant,
    speaker: row.speaker,
    stance: row.stance as Stance,
    articleId: row.article_id,
    sourceGroup: row.duplicate_of ?? row.article_id,
    outlet: row.source,
    seen: row.published ?? row.ingested_at.slice(0, 10),
  }))
}

export async function savePropositionSummary(db: Db, key: PropositionKey, summary: PropositionSummary): Promise<void> {
  const values = {
    asserters: JSON.stringify(summary.asserters),
    deniers: JSON.stringify(summary.deniers),
    no_response: JSON.stringify(summary.noResponse),
    source_count: summary.sourceCount,
    claim_count: summary.claimCount,
    first_seen: summary.firstSeen,
    last_seen: summary.lastSeen,
    status: summary.status,
  }
  await db
    .insertInto('propositions')
    .values({ id: key.id, subject: key.subject, relation: key.relation, object: key.object, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute()
}

export async function deleteProposition(db: Db, id: string): Promise<void> {
  await db.deleteFrom('propositions').where('id', '=', id).execute()
}

export async function propositionKeyOf(db: Db, id: string): Promise<{ subject: string; relation: string; object: string | null } | null> {
  const row = await db.selectFrom('claims').select(['subject', 'relation', 'object']).where('proposition_id', '=', id).executeTakeFirst()
  return row ?? null
}
