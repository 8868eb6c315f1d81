import type { Kysely, Migration } from 'kysely'
import type { DialectName } from '../dialect.js'
import * as initial from './0001-initial.js'
import * as claimsCoveringIndex from './0002-claims-covering-index.js'
import * as dirtyPropositions from './0005-dirty-propositions.js'

interface DialectMigration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>
}

/** Every migration in order; names sort in application order. Never edit a shipped one. */
const migrations: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-claims-covering-index': claimsCoveringIndex,
  '0005-dirty-propositions': dirtyPropositions,
}

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, migration]) => [name, { up: (db: Kysely<any>) => migration.up(db, dialect) }]),
  )
}
