import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import type { ClaimRelation } from '../../record/record.js'
import { propositionKey, summarizeProposition } from '../../resolve/propositions.js'
import type { GradingContext } from '../../resolve/source-grading.js'
import {
  aggregateProposition,
  deleteProposition,
  propositionKeyOf,
  propositionStatusOf,
  recordStatusChange,
  savePropositionSummary,
} from '../claims-repo.js'

/**
 * Recomputes a proposition from all its claims, under the analyst's grades and corroboration rule (the rules:
 * resolve/propositions.ts, resolve/source-grading.ts); drops it when no claim is left. A new status is recorded
 * with the time of the change.
 */
export async function refreshProposition(db: Kysely<Database>, id: string, grading: GradingContext, changedAt: string): Promise<void> {
  const key = await propositionKeyOf(db, id)
  const aggregate = key && (await aggregateProposition(db, id, grading))
  if (!key || !aggregate) {
    await deleteProposition(db, id)
    return
  }
  const summary = summarizeProposition(aggregate.stances, aggregate.totals, aggregate.bestGrade)
  const previous = await propositionStatusOf(db, id)
  await savePropositionSummary(db, propositionKey(key.subject, key.relation as ClaimRelation, key.object), summary)
  if (previous !== summary.status) await recordStatusChange(db, id, previous, summary.status, changedAt)
}
