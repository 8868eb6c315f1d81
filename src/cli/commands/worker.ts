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
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take analysis jobs queued by `sitrep ingest --enqueue` from PostgreSQL and store the results')
    .addOption(shared.db)
    .addOption(shared.jobs)
    .addOption(shared.batchSize)
    .option('--exit-when-idle <seconds>', 'stop once the queue has been empty this long', parseCountOption)
    .addOption(shared.kb)
    .action(async (flags: WorkerFlags) => {
      if (!isPostgresUrl(flags.db)) throw new Error('sitrep worker needs a PostgreSQL store: --db postgres://…')
      await applyKbOption(flags.kb)
      const { startWorker } = await import('../../queue/pg-queue.js')
      let stored = 0
      const worker = await startWorker(flags.db, {
        jobs: flags.jobs,
        ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
        exitWhenIdleSeconds: flags.exitWhenIdle ?? null,
        run: { kbDir: flags.kb ?? null },
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
