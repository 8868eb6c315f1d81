import type { Command } from 'commander'
import { isPostgresUrl, redactPassword } from '../../store/open-store.js'
import { applyKbOption, type OptionValues, parseCountOption, sharedOptions } from '../options.js'

const shared = sharedOptions({
  db: { description: 'the PostgreSQL store holding the queue: postgres://…', default: process.env['SITREP_DB'], required: true },
  jobs: {},
  batchSize: { description: 'jobs fetched and written per transaction' },
  kb: {},
})

type WorkerFlags = OptionValues<typeof shared> & {
  exitWhenIdle?: number
  deadline?: number
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take analysis jobs queued by `sitrep ingest --enqueue` from PostgreSQL and store the results')
    .addOption(shared.db)
    .addOption(shared.jobs)
    .addOption(shared.batchSize)
    .option('--exit-when-idle <seconds>', 'stop once the queue has been empty this long', parseCountOption)
    .option(
      '--deadline <seconds>',
      'stop the analysis of one article after this long and record it as failed (default 120; $SITREP_ARTICLE_DEADLINE_MS)',
      parseCountOption,
    )
    .addOption(shared.kb)
    .action(async (flags: WorkerFlags) => {
      if (!isPostgresUrl(flags.db)) throw new Error('sitrep worker needs a PostgreSQL store: --db postgres://…')
      await applyKbOption(flags.kb)
      exitOnLostConnection()
      const { startWorker } = await import('../../queue/pg-queue.js')
      let stored = 0
      const worker = await startWorker(flags.db, {
        jobs: flags.jobs,
        ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
        exitWhenIdleSeconds: flags.exitWhenIdle ?? null,
        run: { kbDir: flags.kb ?? null, ...(flags.deadline ? { deadlineMs: flags.deadline * 1000 } : {}) },
        onBatch(outcomes, failures) {
          stored += outcomes.length
          for (const failure of failures) process.stderr.write(`sitrep worker: ${failure.error}\n`)
          process.stderr.write(`sitrep worker ${process.pid}: stored ${outcomes.length} (${stored} in all)\n`)
        },
      })
      process.stderr.write(`sitrep worker ${process.pid}: waiting for jobs in ${redactPassword(flags.db)}\n`)
      const shutdown = (): void => void worker.stop()
      process.once('SIGTERM', shutdown)
      process.once('SIGINT', shutdown)
      await worker.done
      process.stderr.write(`sitrep worker ${process.pid}: stopped after storing ${stored} articles\n`)
    })
}

const CONNECTION_LOST_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'])

function isConnectionLoss(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  return CONNECTION_LOST_CODES.has(code ?? '') || /connection terminated|terminating connection/i.test(message ?? '')
}

/**
 * The queue library and the database driver raise a dropped PostgreSQL connection (server restarted, network
 * gone) from places no caller can catch; the worker then stops with a plain message instead of a stack trace.
 * Jobs it held go back to the queue when they expire, so starting the worker again finishes the run.
 */
function exitOnLostConnection(): void {
  const onFatal = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error)
    if (isConnectionLoss(error)) {
      process.stderr.write(
        `sitrep worker ${process.pid}: lost its connection to PostgreSQL (${message}); stopping. ` +
          'The jobs it held return to the queue when they expire: start `sitrep worker` again to finish.\n',
      )
    } else process.stderr.write(`sitrep worker ${process.pid}: ${error instanceof Error ? (error.stack ?? message) : message}\n`)
    process.exit(1)
  }
  process.on('uncaughtException', onFatal)
  process.on('unhandledRejection', onFatal)
}
