import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * Frozen. Propositions whose claims changed and whose summary is not yet recomputed. Writers only mark a
 * proposition here (an upsert that commutes), so concurrent writers never serialize on a proposition's summary;
 * the summaries are refreshed afterwards from committed claims (store/apply/dirty-propositions.ts).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('dirty_propositions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
}
