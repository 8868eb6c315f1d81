import type { Store } from './open-store.js'

/**
 * Ids of knowledge-base entities and places this process has stored: their rows are written once,
 * not once per mention. Additions count only once their transaction commits.
 */
export class StoredIds {
  private readonly committed = new Set<string>()
  private readonly pending = new Set<string>()
  has(id: string): boolean {
    return this.committed.has(id) || this.pending.has(id)
  }
  add(id: string): void {
    this.pending.add(id)
  }
  commit(): void {
    for (const id of this.pending) this.committed.add(id)
    this.pending.clear()
  }
  rollback(): void {
    this.pending.clear()
  }
}

const storedIdsByStore = new WeakMap<Store, StoredIds>()

/** The ids stored through this store handle so far. */
export function storedIdsOf(store: Store): StoredIds {
  let stored = storedIdsByStore.get(store)
  if (!stored) {
    stored = new StoredIds()
    storedIdsByStore.set(store, stored)
  }
  return stored
}
