import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * Frozen. Honest dates and change tracking:
 * - claims.dated: 0 when the article had no publication date (its `seen` is then the ingest day, which must
 *   never pass for a date of the statement); propositions keep first/last *dated* seen and how many
 *   statements were undated.
 * - proposition_changes: every status a proposition took, with the ingest time it changed (its first row,
 *   previous_status null, is its creation), for "what's new since".
 * - events.created_at: when the store first learned of an event.
 * - event_parties: an event's actors and targets as rows, so events between two parties (dyads, networks)
 *   are index lookups instead of scans of JSON text.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('claims')
    .addColumn('dated', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await sql`UPDATE claims SET dated = 0 WHERE article_id IN (SELECT id FROM articles WHERE published IS NULL)`.execute(db)
  await db.schema.createIndex('claims_dated_seen').on('claims').columns(['proposition_id', 'dated', 'seen']).execute()

  await db.schema.alterTable('propositions').addColumn('first_dated', 'text').execute()
  await db.schema.alterTable('propositions').addColumn('last_dated', 'text').execute()
  await db.schema
    .alterTable('propositions')
    .addColumn('undated_claims', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`UPDATE propositions SET
      first_dated = (SELECT min(c.seen) FROM claims c WHERE c.proposition_id = propositions.id AND c.dated = 1),
      last_dated = (SELECT max(c.seen) FROM claims c WHERE c.proposition_id = propositions.id AND c.dated = 1),
      undated_claims = (SELECT count(*) FROM claims c WHERE c.proposition_id = propositions.id AND c.dated = 0)`.execute(db)

  await db.schema
    .createTable('proposition_changes')
    .addColumn('proposition_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_status', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('proposition_changes_at').on('proposition_changes').columns(['changed_at', 'proposition_id']).execute()
  await db.schema
    .createIndex('proposition_changes_proposition')
    .on('proposition_changes')
    .columns(['proposition_id', 'changed_at'])
    .execute()
  await sql`INSERT INTO proposition_changes (proposition_id, status, previous_status, changed_at)
    SELECT p.id, p.status, NULL, coalesce((SELECT min(a.ingested_at) FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.proposition_id = p.id), '')
    FROM propositions p`.execute(db)

  await db.schema.alterTable('events').addColumn('created_at', 'text').execute()
  await sql`UPDATE events SET created_at = (SELECT min(a.ingested_at) FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id = events.id)`.execute(
    db,
  )
  await db.schema.createIndex('events_created_at').on('events').column('created_at').execute()

  await db.schema
    .createTable('event_parties')
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_parties_pk', ['entity_id', 'role', 'event_id'])
    .execute()
  await db.schema.createIndex('event_parties_event').on('event_parties').column('event_id').execute()
  const elements = (column: string) =>
    dialect === 'sqlite' ? sql.raw(`json_each(e.${column}) j`) : sql.raw(`json_array_elements_text(e.${column}::json) AS j(value)`)
  for (const [column, role] of [
    ['actors', 'actor'],
    ['targets', 'target'],
  ] as const) {
    await sql`INSERT INTO event_parties (entity_id, event_id, role)
      SELECT DISTINCT j.value, e.id, ${role} FROM events e, ${elements(column)}`.execute(db)
  }
}
