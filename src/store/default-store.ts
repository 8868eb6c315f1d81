/** Where a command's store is when --db is not given; apart from open-store.ts, which loads the drivers when it opens one. */
export const DEFAULT_STORE = './sitrep.db'

/** The store a command uses when --db is not given: $SITREP_DB, else ./sitrep.db. */
export function defaultStoreUrl(): string {
  return process.env['SITREP_DB'] || DEFAULT_STORE
}
