import os from 'node:os'
import type { Command } from 'commander'
import { isPostgresUrl, redactPassword } from '../../store/open-store.js'
import { applyKbOption, kbOption, parseCountOption } from '../options.js'

interface WorkerFlags {
  db: string
  jobs: number
  batchSize?: number
  exitWhenIdle?: number
  kb?: string
  deadline?: number
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take analysis jobs queued by `sitrep ingest --enqueue` from PostgreSQL and store the results')
    .requiredOption('--db <url>', 'the PostgreSQL store holding the queue: postgres://…', process.env['SITREP_DB'])
    .option('--jobs <n>', 'analysis threads, one per core unless given', parseCountOption, os.availableParallelism())
    .option('--batch-size <n>', 'jobs fetched and written per transaction', parseCountOption)
    .option('--exit-when-idle <seconds>', 'stop once the queue has been empty this long', parseCountOption)
    .option(
      '--deadline <seconds>',
      'stop the analysis of one article after this long and record it as failed (default 120; $SITREP_ARTICLE_DEADLINE_MS)',
      parseCountOption,
    )
    .addOption(kbOption())
    .action(async (flags: WorkerFlags) => {
      if (!isPostgresUrl(flags.db)) throw new Error('sitrep worker needs a PostgreSQL store: --db postgres://…')
      applyKbOption(flags.kb)
      const { startWorker } = await import('../../queue/pg-queue.js')
      let stored = 0
      const worker = await startWorker(flags.db, {
        jobs: flags.jobs,
        ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
        exitWhenIdleSeconds: flags.exitWhenIdle ?? null,
        kbDir: flags.kb ?? null,
        ...(flags.deadline ? { deadlineMs: flags.deadline * 1000 } : {}),
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
