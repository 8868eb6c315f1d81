import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * Frozen. event_parties carries its event's type (a type never changes once an event is made), indexed after
 * the party: one actor's ACCUSE events (the ego network's accusation edges) are read from the index alone
 * instead of every event the actor takes part in (about 20,000 for the busiest actor of a 100k-article store).
 * propositions_subject/object also cover what the network's edges show and filter on (relation, status, dates,
 * the other party): an ego network's edges are read from the index alone, not from each proposition's row.
 * proposition_changes' indexes also cover the previous status ("what's new": whether a proposition is new since a
 * moment, and how many status changes there were, are answered from the index alone).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('event_parties').addColumn('type', 'text').execute()
  await sql`UPDATE event_parties SET type = (SELECT events.type FROM events WHERE events.id = event_parties.event_id)`.execute(db)
  await db.schema.createIndex('event_parties_type').on('event_parties').columns(['entity_id', 'type', 'event_id']).execute()
  const edgeColumns = ['relation', 'status', 'first_dated', 'last_dated']
  for (const [side, other] of [
    ['subject', 'object'],
    ['object', 'subject'],
  ]) {
    await db.schema.dropIndex(`propositions_${side}`).execute()
    await db.schema
      .createIndex(`propositions_${side}`)
      .on('propositions')
      .columns([side!, 'source_count desc', 'id', ...edgeColumns, other!])
      .execute()
  }
  for (const [name, columns] of [
    ['proposition_changes_at', ['changed_at', 'proposition_id', 'previous_status', 'status']],
    ['proposition_changes_proposition', ['proposition_id', 'changed_at', 'previous_status']],
  ] as const) {
    await db.schema.dropIndex(name).execute()
    await db.schema
      .createIndex(name)
      .on('proposition_changes')
      .columns([...columns])
      .execute()
  }
}
