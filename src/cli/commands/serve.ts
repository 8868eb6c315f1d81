import { randomBytes } from 'node:crypto'
import { InvalidArgumentError, type Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import { applyKbOption, type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({
  db: { description: 'store: a SQLite file or a postgres:// URL (default $SITREP_DB or ./sitrep.db)' },
  kb: {},
})

type ServeFlags = OptionValues<typeof shared> & {
  port: number
  host: string
  token?: string
}

export const DEFAULT_PORT = 8737

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and the REST API (/api, documented at /api/openapi.json) over a store')
    .addOption(shared.db)
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--host <host>', 'address to bind; a non-loopback address is read-only unless --token is given', '127.0.0.1')
    .option('--token <token>', 'bearer token for writes (uploads); default: a random one, printed at start')
    .addOption(shared.kb)
    .action(async (flags: ServeFlags) => {
      // Uploads are analysed in this process, with the same merged knowledge as `ingest --kb`.
      await applyKbOption(flags.kb)
      await serve(flags)
    })
}

function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port number 0-65535, got "${value}"`)
  return n
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

async function serve(flags: ServeFlags): Promise<void> {
  if (flags.token !== undefined && flags.token.length < 8) throw new Error('--token must be at least 8 characters')
  const { buildServer, warmUp } = await import('../../serve/server.js')
  const store = await openExistingStore(flags.db)
  const readOnly = !isLoopback(flags.host) && flags.token === undefined
  const token = flags.token ?? randomBytes(18).toString('base64url')
  const app = await buildServer({ store, token, readOnly })
  const stop = async (): Promise<void> => {
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  await app.listen({ port: flags.port, host: flags.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : flags.port
  const shownHost = flags.host.includes(':') && !flags.host.startsWith('[') ? `[${flags.host}]` : flags.host
  process.stdout.write(`sitrep serve: http://${shownHost}:${port}/ (store ${store.location})\n`)
  if (readOnly) process.stdout.write('read-only: writes are refused on a non-loopback address without --token\n')
  else if (flags.token === undefined) process.stdout.write(`write token: ${token}\n`)
  else process.stdout.write('write token: the one given with --token\n')
  void warmUp(app)
}
