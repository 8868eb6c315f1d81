import { sql, type Kysely } from 'kysely'
import type { Store } from '../open-store.js'
import type { Database } from '../schema.js'
import { loadGradingContext } from '../grades-repo.js'
import { refreshProposition } from './propositions.js'

/**
 * Deferred proposition summaries. A batch marks the propositions it touched; the summaries are recomputed later,
 * each once, from the committed claims. Ingest no longer pays for re-reading a proposition with thousands of claims
 * in every batch that adds one, and concurrent PostgreSQL writers need no common lock: marking is an upsert that
 * commutes, and a refresh takes its rows with FOR UPDATE SKIP LOCKED, so two refreshers never do the same one.
 */

/** Marks propositions for a refresh; the version bump makes a mark made during a refresh survive it. */
export async function markPropositionsDirty(db: Kysely<Database>, ids: Iterable<string>): Promise<void> {
  const rows = [...new Set(ids)].sort().map((id) => ({ id }))
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('dirty_propositions')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('id').doUpdateSet({ version: sql<number>`dirty_propositions.version + 1` }))
      .execute()
  }
}

/** Propositions refreshed per transaction. */
const REFRESH_CHUNK = 200

/**
 * Recomputes marked propositions, REFRESH_CHUNK per transaction, until none is left (or `limit` are done).
 * Returns how many were refreshed. A status change is recorded at `changedAt` (the ingest that marked them), or now.
 */
export async function refreshDirtyPropositions(store: Store, limit = Infinity, changedAt?: string): Promise<number> {
  let refreshed = 0
  while (refreshed < limit) {
    const done = await store.db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('dirty_propositions')
        .select(['id', 'version'])
        .orderBy('id')
        .limit(Math.min(REFRESH_CHUNK, limit - refreshed))
      if (store.dialect === 'postgres') query = query.forUpdate().skipLocked()
      const rows = await query.execute()
      const grading = await loadGradingContext(trx)
      for (const { id } of rows) await refreshProposition(trx, id, grading, changedAt ?? new Date().toISOString())
      for (const { id, version } of rows)
        await trx.deleteFrom('dirty_propositions').where('id', '=', id).where('version', '=', version).execute()
      return rows.length
    })
    if (done === 0) break
    refreshed += done
  }
  return refreshed
}

export async function dirtyPropositionCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('dirty_propositions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
