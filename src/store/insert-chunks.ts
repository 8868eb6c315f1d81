import type { Insertable, Kysely } from 'kysely'
import type { Database } from './schema.js'

/** Multi-row inserts stay under SQLite's bound-parameter limit and keep PostgreSQL round trips few. */
const ROWS_PER_STATEMENT = 200

export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot relate a generic table name to that table's row type
      .values(rows.slice(i, i + ROWS_PER_STATEMENT) as any)
      .execute()
  }
}
