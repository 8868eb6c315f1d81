import { CompiledQuery, type Insertable, type Kysely } from 'kysely'
import type { Database } from './schema.js'

/** Multi-row inserts stay under SQLite's bound-parameter limit and keep PostgreSQL round trips few. */
const ROWS_PER_STATEMENT = 200

export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await insertRows(db, table, rows.slice(i, i + ROWS_PER_STATEMENT))
}

/** Compiled INSERT statements by dialect, then by table, columns and row count. */
const compiledInserts = new WeakMap<object, Map<string, string>>()

/**
 * A plain INSERT of rows with the same columns, compiled by Kysely once per shape and then run with new values:
 * on the write path building and compiling the query cost more than SQLite's work on the rows.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  const adapter = db.getExecutor().adapter
  let byShape = compiledInserts.get(adapter)
  if (!byShape) {
    byShape = new Map()
    compiledInserts.set(adapter, byShape)
  }
  const shape = `${table}|${columns.join(',')}|${rows.length}`
  let text = byShape.get(shape)
  if (text === undefined) {
    const template = Array.from({ length: rows.length }, () => Object.fromEntries(columns.map((column) => [column, null])))
    text = db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot relate a generic table name to that table's row type
      .values(template as any)
      .compile().sql
    byShape.set(shape, text)
  }
  const parameters: unknown[] = []
  for (const row of rows) {
    const values = row as Record<string, unknown>
    if (Object.keys(values).length !== columns.length) throw new Error(`insert into ${table}: rows with different columns`)
    for (const column of columns) parameters.push(values[column] ?? null)
  }
  await db.executeQuery(CompiledQuery.raw(text, parameters))
}
