import type { Command } from 'commander'
import type { InputFailure } from '../../ingest/read-sources.js'
import { isPostgresUrl, openStore } from '../../store/open-store.js'
import type { IngestProgress } from '../../queue/ingest-run.js'
import { DEFAULT_BATCH_SIZE } from '../../queue/batch-size.js'
import { applyKbOption, type OptionValues, parseCountOption, sharedOptions } from '../options.js'

const shared = sharedOptions({
  db: {},
  jobs: {},
  batchSize: { default: DEFAULT_BATCH_SIZE },
  date: {},
  maxBytes: {},
  kb: {},
})

type IngestFlags = OptionValues<typeof shared> & {
  enqueue?: boolean
  progress: boolean
  records?: boolean
  deadline?: number
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('analyse articles (files, folders, JSON Lines, feeds; - for stdin) and store them in the knowledge base')
    .argument('<paths...>', 'files or folders to read; - reads standard input')
    .addOption(shared.db)
    .addOption(shared.jobs)
    .addOption(shared.batchSize)
    .option('--enqueue', 'only put analysis jobs in the PostgreSQL queue for `sitrep worker` processes')
    .addOption(shared.date)
    .addOption(shared.maxBytes)
    .option(
      '--deadline <seconds>',
      'stop the analysis of one article after this long and record it as failed (default 120; $SITREP_ARTICLE_DEADLINE_MS)',
      parseCountOption,
    )
    .option('--records', 'the inputs are analysis records (`sitrep analyze --json`/`--out`): store them without analysing again')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addOption(shared.kb)
    .action(async (paths: string[], flags: IngestFlags) => {
      if (flags.kb && flags.enqueue)
        throw new Error('--kb and --enqueue do not go together: the workers analyse, so give --kb to `sitrep worker`')
      await applyKbOption(flags.kb)
      process.exitCode = flags.enqueue ? await runEnqueue(paths, flags) : await runIngest(paths, flags)
    })
}

function reportFailure(failure: InputFailure): void {
  process.stderr.write(`sitrep ingest: ${failure.error}\n`)
}

async function runIngest(paths: string[], flags: IngestFlags): Promise<number> {
  const [{ storeStats }, { ingestPaths }] = await Promise.all([import('../../store/read/index.js'), import('../../queue/ingest-run.js')])
  const store = await openStore(flags.db)
  const display =
    flags.progress && process.stderr.isTTY && !paths.includes('-')
      ? await progressBar(paths, flags.maxBytes, Boolean(flags.records))
      : logLines()
  try {
    const summary = await ingestPaths(store, paths, {
      jobs: flags.jobs,
      batchSize: flags.batchSize,
      records: Boolean(flags.records),
      run: { referenceDate: flags.date ?? null, kbDir: flags.kb ?? null, ...(flags.deadline ? { deadlineMs: flags.deadline * 1000 } : {}) },
      ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
      onProgress: display.update,
      onFailure: (failure) => display.interrupt(() => reportFailure(failure)),
    })
    display.stop()
    const stats = await storeStats(store)
    const rate = summary.done / Math.max(summary.seconds, 0.001)
    process.stderr.write(
      `sitrep ingest: ${summary.done} articles in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)}/s): ` +
        `${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.failed} failed\n` +
        `store ${store.location}: ${stats.articles} articles (${stats.nearDuplicates} near-duplicates), ${stats.entities} entities, ` +
        `${stats.places} places, ${stats.events} events, ${stats.propositions} propositions\n`,
    )
    return summary.failed > 0 ? 1 : 0
  } finally {
    display.stop()
    await store.close()
  }
}

async function runEnqueue(paths: string[], flags: IngestFlags): Promise<number> {
  if (!isPostgresUrl(flags.db)) throw new Error('--enqueue needs a PostgreSQL store: --db postgres://…')
  if (flags.records) throw new Error('--records and --enqueue do not go together: records need no analysis, ingest them directly')
  const { enqueuePaths } = await import('../../queue/pg-queue.js')
  const summary = await enqueuePaths(flags.db, paths, {
    run: { referenceDate: flags.date ?? null },
    ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
    onFailure: reportFailure,
  })
  process.stderr.write(`sitrep ingest: enqueued ${summary.enqueued} articles for \`sitrep worker\`, ${summary.failed} inputs failed\n`)
  return summary.failed > 0 ? 1 : 0
}

interface ProgressDisplay {
  update(progress: IngestProgress): void
  /** Prints a message without breaking the bar. */
  interrupt(print: () => void): void
  stop(): void
}

async function progressBar(paths: string[], maxBytes: number | undefined, records: boolean): Promise<ProgressDisplay> {
  const [{ countArticles }, { default: cliProgress }] = await Promise.all([import('../../queue/ingest-run.js'), import('cli-progress')])
  const total = await countArticles(paths, maxBytes, records)
  const bar = new cliProgress.SingleBar(
    {
      format: 'ingest [{bar}] {value}/{total} | {rate} articles/s | ETA {eta_formatted} | failed {failed}',
      stream: process.stderr,
      etaBuffer: 200,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = performance.now()
  bar.start(total, 0, { rate: '0.0', failed: 0 })
  let stopped = false
  return {
    update(progress) {
      const seconds = (performance.now() - started) / 1000
      bar.update(progress.done + progress.failed, { rate: (progress.done / Math.max(seconds, 0.001)).toFixed(1), failed: progress.failed })
    },
    interrupt(print) {
      process.stderr.write('\r\x1b[K')
      print()
      bar.render()
    },
    stop() {
      if (!stopped) bar.stop()
      stopped = true
    },
  }
}

/** Off a terminal: one plain line every few seconds. */
function logLines(): ProgressDisplay {
  const started = performance.now()
  let lastLine = started
  return {
    update(progress) {
      const now = performance.now()
      if (now - lastLine < 5000) return
      lastLine = now
      const rate = progress.done / ((now - started) / 1000)
      process.stderr.write(
        `sitrep ingest: ${progress.done} stored (${progress.added} added, ${progress.unchanged} unchanged), ${progress.failed} failed, ${rate.toFixed(1)} articles/s\n`,
      )
    },
    interrupt: (print) => print(),
    stop: () => undefined,
  }
}
