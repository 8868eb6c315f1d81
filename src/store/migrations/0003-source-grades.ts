import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * Frozen. What the analyst sets by hand, kept apart from what analysis derives (reanalysis never
 * touches these tables): an outlet's reliability grade and note, and settings such as the
 * corroboration rule. Propositions carry the best grade among their outlets; claims get an index by
 * outlet so a regrade refreshes only the propositions that outlet reported.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('source_grades')
    .addColumn('outlet', 'text', (c) => c.primaryKey())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('graded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('analyst_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
  await db.schema.alterTable('propositions').addColumn('best_grade', 'text').execute()
  await db.schema.createIndex('claims_outlet').on('claims').columns(['outlet', 'proposition_id']).execute()
  await db.schema.createIndex('articles_source').on('articles').column('source').execute()
}
