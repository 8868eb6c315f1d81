import type { Kysely, Migration } from 'kysely'
import type { DialectName } from '../dialect.js'
import * as initial from './0001-initial.js'
import * as claimsCoveringIndex from './0002-claims-covering-index.js'
import * as sourceGrades from './0003-source-grades.js'
import * as datedClaimsStatusHistory from './0004-dated-claims-status-history.js'
import * as dirtyPropositions from './0005-dirty-propositions.js'
import * as rankedReadIndexes from './0006-ranked-read-indexes.js'
import * as typedEventParties from './0007-typed-event-parties.js'

interface DialectMigration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>
}

/** Every migration in order; names sort in application order. Never edit a shipped one. */
const migrations: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-claims-covering-index': claimsCoveringIndex,
  '0003-source-grades': sourceGrades,
  '0004-dated-claims-status-history': datedClaimsStatusHistory,
  '0005-dirty-propositions': dirtyPropositions,
  '0006-ranked-read-indexes': rankedReadIndexes,
  '0007-typed-event-parties': typedEventParties,
}

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, migration]) => [name, { up: (db: Kysely<any>) => migration.up(db, dialect) }]),
  )
}
