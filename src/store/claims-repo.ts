import type { Insertable, Kysely } from 'kysely'
import type { ClaimsTable, Database } from './schema.js'
import {
  partyIdOf,
  partyKeyOf,
  type PartyStance,
  type PropositionKey,
  type PropositionSummary,
  type PropositionTotals,
} from '../resolve/propositions.js'
import type { Stance } from '../record/record.js'
import { insertInChunks } from './insert-chunks.js'
import { bestGrade, gradingMatters, outletsByCredit, type GradingContext, type SourceGrade } from '../resolve/source-grading.js'

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

/** A proposition's parties per stance and its totals, aggregated in the database over the covering index. */
export async function aggregateProposition(
  db: Db,
  propositionId: string,
  grading: GradingContext,
): Promise<{ stances: PartyStance[]; totals: PropositionTotals; bestGrade: SourceGrade | null } | null> {
  const totals = await db
    .selectFrom('claims')
    .select((eb) => [
      eb.fn.count<number>('source_group').distinct().as('sources'),
      eb.fn.countAll<number>().as('claims'),
      eb.fn.min('seen').as('first_seen'),
      eb.fn.max('seen').as('last_seen'),
    ])
    .where('proposition_id', '=', propositionId)
    .executeTakeFirst()
  if (!totals || Number(totals.claims) === 0) return null
  // Publication dates only: an undated article's `seen` is its ingest day (claims_dated_seen makes these lookups).
  const dated = await db
    .selectFrom('claims')
    .select((eb) => [eb.fn.min('seen').as('first'), eb.fn.max('seen').as('last')])
    .where('proposition_id', '=', propositionId)
    .where('dated', '=', 1)
    .executeTakeFirst()
  const undated = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('proposition_id', '=', propositionId)
    .where('dated', '=', 0)
    .executeTakeFirstOrThrow()
  const parties = await db
    .selectFrom('claims')
    .select((eb) => ['stance', 'party_key', eb.fn.count<number>('source_group').distinct().as('sources')])
    .where('proposition_id', '=', propositionId)
    .groupBy(['stance', 'party_key'])
    .orderBy('stance')
    .orderBy('party_key')
    .execute()
  const speakers = await db
    .selectFrom('claims')
    .select(['stance', 'party_key', 'speaker'])
    .distinct()
    .where('proposition_id', '=', propositionId)
    .where('speaker', 'is not', null)
    // A speaker is listed beside the body they speak for; a speaker without a body is the party itself.
    .whereRef('speaker', '<>', 'party_key')
    .orderBy('stance')
    .orderBy('party_key')
    .orderBy('speaker')
    .limit(LIST_LIMIT)
    .execute()
  const outlets = await db
    .selectFrom('claims')
    .select(['stance', 'party_key', 'outlet'])
    .distinct()
    .where('proposition_id', '=', propositionId)
    .where('outlet', 'is not', null)
    .orderBy('stance')
    .orderBy('party_key')
    .orderBy('outlet')
    .limit(LIST_LIMIT)
    .execute()
  const credited = gradingMatters(grading) ? await creditedSources(db, propositionId, grading) : null
  const graded = [...grading.grades.keys()]
  const gradedOutlets =
    graded.length === 0
      ? []
      : await db
          .selectFrom('claims')
          .select('outlet')
          .distinct()
          .where('proposition_id', '=', propositionId)
          .where('outlet', 'in', graded)
          .execute()
  const listFor = <T extends { stance: string; party_key: string }>(
    rows: T[],
    stance: string,
    partyKey: string,
    pick: (row: T) => string | null,
  ): string[] =>
    rows
      .filter((row) => row.stance === stance && row.party_key === partyKey)
      .flatMap((row) => pick(row) ?? [])
      .sort()
  return {
    totals: {
      sourceCount: Number(totals.sources),
      claimCount: Number(totals.claims),
      firstSeen: String(totals.first_seen),
      lastSeen: String(totals.last_seen),
      firstDated: dated?.first == null ? null : String(dated.first),
      lastDated: dated?.last == null ? null : String(dated.last),
      undatedClaims: Number(undated.n),
    },
    bestGrade: bestGrade(gradedOutlets.map((row) => grading.grades.get(row.outlet!) ?? null)),
    stances: parties.map((row) => ({
      ...(credited && row.stance === 'asserts' ? { creditedSources: credited.get(row.party_key) ?? 0 } : {}),
      stance: row.stance as Stance,
      party: {
        id: partyIdOf(row.party_key),
        speakers: listFor(speakers, row.stance, row.party_key, (r) => r.speaker),
        outlets: listFor(outlets, row.stance, row.party_key, (r) => r.outlet),
        sources: Number(row.sources),
      },
    })),
  }
}

/** Per asserting party, its independent sources from outlets that count under the rule (over the covering index). */
async function creditedSources(db: Db, propositionId: string, grading: GradingContext): Promise<Map<string, number>> {
  const { counting, excluded } = outletsByCredit(grading)
  if (grading.rule.ungraded === 'exclude' && counting.length === 0) return new Map()
  const rows = await db
    .selectFrom('claims')
    .select((eb) => ['party_key', eb.fn.count<number>('source_group').distinct().as('sources')])
    .where('proposition_id', '=', propositionId)
    .where('stance', '=', 'asserts')
    // Called only when grading matters: some outlet is excluded, or ungraded ones are.
    .where((eb) =>
      grading.rule.ungraded === 'exclude'
        ? eb('outlet', 'in', counting)
        : eb.or([eb('outlet', 'is', null), eb('outlet', 'not in', excluded)]),
    )
    .groupBy('party_key')
    .execute()
  return new Map(rows.map((row) => [row.party_key, Number(row.sources)]))
}

/** Speakers and outlets listed per proposition: enough to read, bounded for propositions with thousands of claims. */
const LIST_LIMIT = 200

/** After a group's canonical article went away, its copies' claims belong to the new group. */
export async function regroupClaims(db: Db, articleIds: string[], sourceGroup: string): Promise<void> {
  if (articleIds.length === 0) return
  await db.updateTable('claims').set({ source_group: sourceGroup }).where('article_id', 'in', articleIds).execute()
  await db
    .updateTable('claims')
    .set({ party_key: partyKeyOf(null, null, sourceGroup) })
    .where('article_id', 'in', articleIds)
    .where('claimant', 'is', null)
    .where('speaker', 'is', null)
    .execute()
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
    first_dated: summary.firstDated,
    last_dated: summary.lastDated,
    undated_claims: summary.undatedClaims,
    status: summary.status,
    best_grade: summary.bestGrade,
  }
  await db
    .insertInto('propositions')
    .values({ id: key.id, subject: key.subject, relation: key.relation, object: key.object, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute()
}

export async function propositionStatusOf(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('propositions').select('status').where('id', '=', id).executeTakeFirst()
  return row?.status ?? null
}

export async function recordStatusChange(db: Db, id: string, previous: string | null, status: string, changedAt: string): Promise<void> {
  await db
    .insertInto('proposition_changes')
    .values({ proposition_id: id, status, previous_status: previous, changed_at: changedAt })
    .execute()
}

export async function deleteProposition(db: Db, id: string): Promise<void> {
  await db.deleteFrom('propositions').where('id', '=', id).execute()
}

export async function propositionKeyOf(db: Db, id: string): Promise<{ subject: string; relation: string; object: string | null } | null> {
  const row = await db
    .selectFrom('claims')
    .select(['subject', 'relation', 'object'])
    .where('proposition_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}
