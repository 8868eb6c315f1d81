import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * Frozen. Indexes in the order the network and the dyad read, so their cost stays flat as the store grows
 * (measured on a 100k-article store, see the bench):
 * - propositions_rank, events_rank: the network's edges by weight (source_count desc, id) are read in index
 *   order and the reading stops at the limit, instead of sorting every proposition or ACCUSE event;
 * - propositions_subject/object also ranked: one actor's edges (the ego network) likewise;
 * - claims_claimant also covers subject, object and proposition: a dyad's statements by one side about the
 *   other are found in the index instead of reading every statement that side made.
 * Each widened index keeps its name and its leading column, so every lookup that used it still can.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('propositions_rank').on('propositions').columns(['source_count desc', 'id']).execute()
  await db.schema.createIndex('events_rank').on('events').columns(['type', 'source_count desc', 'id']).execute()
  for (const side of ['subject', 'object']) {
    await db.schema.dropIndex(`propositions_${side}`).execute()
    await db.schema.createIndex(`propositions_${side}`).on('propositions').columns([side, 'source_count desc', 'id']).execute()
  }
  await db.schema.dropIndex('claims_claimant').execute()
  await db.schema.createIndex('claims_claimant').on('claims').columns(['claimant', 'subject', 'object', 'proposition_id']).execute()
}
