import { sql } from 'kysely'
import type { Store } from '../open-store.js'
import type { Database } from '../schema.js'
import type { StoreStats } from '../../contract/index.js'
export type { StoreStats }

/** Counts of what the store holds. */

export async function storeStats(store: Store): Promise<StoreStats> {
  const count = async (table: keyof Database, where?: 'duplicate_of'): Promise<number> => {
    let query = store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'))
    if (where) query = query.where(sql.ref(where), 'is not', null) as typeof query
    const row = await query.executeTakeFirstOrThrow()
    return Number(row.n)
  }
  return {
    articles: await count('articles'),
    nearDuplicates: await count('articles', 'duplicate_of'),
    entities: await count('entities'),
    entityMerges: await count('entity_merges'),
    places: await count('places'),
    events: await count('events'),
    eventReports: await count('event_sources'),
    claims: await count('claims'),
    propositions: await count('propositions'),
  }
}

/** What changes whenever an article is stored: a cache of whole-table answers is stale when it differs. */
export async function storeFingerprint(store: Store): Promise<string> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('doc_no').as('last'))
    .executeTakeFirst()
  return String(row?.last ?? 0)
}
