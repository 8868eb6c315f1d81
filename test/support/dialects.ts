import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { openStore, type DialectName, type Store } from '../../src/store/open-store.js'
import { postgresSkipReason, startPostgres, type PostgresServer } from './postgres.js'

/** Every store dialect a suite runs against; PostgreSQL drops out only when its binaries are missing. */
export const dialects: DialectName[] = postgresSkipReason ? ['sqlite'] : ['sqlite', 'postgres']
if (postgresSkipReason) console.warn(`skipping PostgreSQL tests: ${postgresSkipReason}`)

let server: Promise<PostgresServer> | null = null
const tempDirs: string[] = []

export function postgresServer(): Promise<PostgresServer> {
  server ??= startPostgres()
  return server
}

afterAll(async () => {
  if (server) (await server).stop()
  server = null
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A new, empty store location: a real temp SQLite file or a new PostgreSQL database. */
export async function freshStoreUrl(dialect: DialectName): Promise<string> {
  if (dialect === 'postgres') return (await postgresServer()).createDatabase()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-store-'))
  tempDirs.push(dir)
  return path.join(dir, 'test.db')
}

export async function freshStore(dialect: DialectName): Promise<Store> {
  return openStore(await freshStoreUrl(dialect))
}
