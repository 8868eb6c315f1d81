import path from 'node:path'
import fs from 'node:fs'
import type SqliteDatabase from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { DialectName } from './dialect.js'
import { DEFAULT_STORE, defaultStoreUrl } from './default-store.js'
import { FairTurns } from './fair-turns.js'

export type { DialectName } from './dialect.js'

export interface Store {
  db: Kysely<Database>
  dialect: DialectName
  /** The file path or the connection URL without its password. */
  location: string
  close(): Promise<void>
}

export { DEFAULT_STORE, defaultStoreUrl } from './default-store.js'

/** Opens a store that must already exist: read commands never create an empty SQLite file by accident. */
export async function openExistingStore(url: string = defaultStoreUrl()): Promise<Store> {
  if (!isPostgresUrl(url) && !fs.existsSync(url)) {
    throw new Error(`no store at ${path.resolve(url)}: run \`sitrep ingest PATH… --db ${url}\` first`)
  }
  return openStore(url)
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url)
}

/** Opens (creating when missing) the store at a SQLite path or a postgres:// URL and migrates it. */
export async function openStore(url: string = DEFAULT_STORE): Promise<Store> {
  // The drivers load on first use: read commands and `analyze` start without them.
  const store = isPostgresUrl(url) ? await openPostgres(url) : await openSqlite(url)
  try {
    await migrate(store)
  } catch (error) {
    await store.close().catch(() => undefined)
    throw new Error(`cannot open store ${store.location}: ${messageOf(error)}`)
  }
  return store
}

async function openSqlite(file: string): Promise<Store> {
  const location = path.resolve(file)
  if (fs.existsSync(location) && fs.statSync(location).isDirectory()) {
    throw new Error(`cannot open store ${location}: it is a directory`)
  }
  const [{ default: SqliteDatabase }, { Kysely, SqliteDialect, CompiledQuery }] = await Promise.all([
    import('better-sqlite3'),
    import('kysely'),
  ])
  let database: SqliteDatabase.Database
  try {
    database = new SqliteDatabase(location)
    // first: switching to WAL and migrating take locks, and a second process opening the store must wait for them
    database.pragma('busy_timeout = 10000')
    database.pragma('journal_mode = WAL')
    database.pragma('synchronous = NORMAL')
    database.pragma('cache_size = -65536')
  } catch (error) {
    throw new Error(`cannot open store ${location}: ${messageOf(error)}`)
  }
  const dialect = new SqliteDialect({ database: withStatementCache(database) })
  const createDriver = dialect.createDriver.bind(dialect)
  // Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE) and so wait for it under the busy
  // timeout. A deferred BEGIN reads first and fails with "database is locked" when another process wrote in between,
  // which busy_timeout cannot cure: two ingests into one file would break.
  dialect.createDriver = () => {
    const driver = createDriver()
    // Kysely's own lock stays (always free once a turn is granted); the turns decide who goes next (fair-turns.ts).
    const turns = new FairTurns()
    const acquire = driver.acquireConnection.bind(driver)
    const release = driver.releaseConnection.bind(driver)
    driver.acquireConnection = async () => {
      await turns.acquire()
      return acquire()
    }
    driver.releaseConnection = async (connection) => {
      await release(connection)
      turns.release()
    }
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'))
    }
    // SQLite rolls a transaction back by itself on some errors (disk full, out of memory): a second rollback would
    // fail with "no transaction is active" and hide the error that matters.
    const rollback = driver.rollbackTransaction.bind(driver)
    driver.rollbackTransaction = async (connection) => {
      if (database.inTransaction) await rollback(connection)
    }
    return driver
  }
  // SQLite's DDL is transactional, though Kysely's adapter says not: with it said, the migrator runs in one
  // (immediate) transaction, so a second process opening a new store waits and then finds the migrations done.
  const createAdapter = dialect.createAdapter.bind(dialect)
  dialect.createAdapter = () => Object.defineProperty(createAdapter(), 'supportsTransactionalDdl', { get: () => true })
  const db = new Kysely<Database>({ dialect })
  return { db, dialect: 'sqlite', location, close: () => db.destroy() }
}

const STATEMENT_CACHE_SIZE = 256

/**
 * Kysely prepares every query afresh; with better-sqlite3 preparing costs as much as running a
 * small statement. Reusing prepared statements by SQL text is safe here: Kysely runs one statement
 * at a time per connection and never holds an iterator open across queries.
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>()
  const prepare = database.prepare.bind(database)
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value: unknown = Reflect.get(target, property, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      }
      return (source: string) => {
        let statement = cache.get(source)
        if (statement) {
          cache.delete(source)
        } else {
          statement = prepare(source)
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
        }
        cache.set(source, statement)
        return statement
      }
    },
  })
}

async function openPostgres(url: string): Promise<Store> {
  const [{ default: pg }, { Kysely, PostgresDialect }] = await Promise.all([import('pg'), import('kysely')])
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  // A broken idle connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', location: redactPassword(url), close: () => db.destroy() }
}

async function migrate(store: Store): Promise<void> {
  const [{ Migrator }, { migrationsFor }] = await Promise.all([import('kysely'), import('./migrations/index.js')])
  const migrations = migrationsFor(store.dialect)
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${messageOf(error)}`)
  }
}

export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@')
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
