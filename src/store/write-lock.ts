import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { Store } from './open-store.js'

/** Serializes writers on PostgreSQL so concurrent workers never merge against a stale view. */
const WRITE_LOCK_KEY = 0x5173_7265

/** Serializes this transaction with every other writer (PostgreSQL; SQLite has one writer anyway). */
export async function lockWrites(trx: Kysely<Database>, store: Store): Promise<void> {
  if (store.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx)
}
