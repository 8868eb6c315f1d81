import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/**
 * A real, throwaway PostgreSQL server for the tests and the ingest benchmark: initdb + pg_ctl from Debian's
 * /usr/lib/postgresql/<version>/bin on a temp data dir and a free port. initdb refuses to run as
 * root, so as root the server runs as the `postgres` OS user.
 */
export interface PostgresServer {
  /** Connection URL of the maintenance database. */
  adminUrl: string
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>
  /** Stops the server (fast shutdown: clients are disconnected), keeping its data; startServer() brings it back. */
  stopServer(): void
  startServer(): void
  stop(): void
}

export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return null
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(root, versions[0], 'bin') : null
}

export const postgresSkipReason =
  postgresBinDir() === null ? 'no PostgreSQL binaries under /usr/lib/postgresql (run .ci/install-postgres.sh)' : null

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function runAsServerUser(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0
  const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`)
}

export async function startPostgres(): Promise<PostgresServer> {
  const binDir = postgresBinDir()
  if (!binDir) throw new Error(postgresSkipReason!)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-pg-'))
  const dataDir = path.join(root, 'data')
  fs.mkdirSync(dataDir)
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', root])
  fs.chmodSync(root, 0o755)
  const port = await freePort()
  runAsServerUser(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const pgCtl = path.join(binDir, 'pg_ctl')
  const startServer = (): void =>
    runAsServerUser(pgCtl, [
      '-D',
      dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      path.join(root, 'server.log'),
      '-o',
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ])
  startServer()
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  let counter = 0
  return {
    adminUrl,
    async createDatabase() {
      const name = `sitrep_${process.pid}_${++counter}`
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    stopServer: () => runAsServerUser(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    startServer,
    stop() {
      try {
        runAsServerUser(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(root, { recursive: true, force: true })
      }
    },
  }
}
