import type { Store } from '../open-store.js'

/**
 * Runs a read of several queries in one turn on the SQLite connection (fair-turns.ts): waiting readers are served
 * first come first served, so a read that queued once per query (an article: a dozen) would go to the back of the
 * line a dozen times under load, and a read of one query would overtake it every time. On PostgreSQL the read uses
 * the pool as usual (its queries run in parallel).
 */
export function inOneTurn<T>(store: Store, read: (store: Store) => Promise<T>): Promise<T> {
  if (store.dialect !== 'sqlite') return read(store)
  return store.db.connection().execute((db) => read({ ...store, db }))
}
