import os from 'node:os'
import type { Command } from 'commander'
import type { InputFailure } from '../../ingest/read-sources.js'
import { defaultStoreUrl, isPostgresUrl, openStore } from '../../store/open-store.js'
import type { IngestProgress } from '../../queue/ingest-run.js'
import { DEFAULT_BATCH_SIZE } from '../../queue/batch-size.js'
import { applyKbOption, kbOption, parseCountOption, parseDateOption, parseSizeOption } from '../options.js'

interface IngestFlags {
  db: string
  jobs: number
  batchSize: number
  enqueue?: boolean
  date?: string
  maxBytes?: number
  progress: boolean
  records?: boolean
  kb?: string
  deadline?: number
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('analyse articles (files, folders, JSON Lines, feeds; - for stdin) and store them in the knowledge base')
    .argument('<paths...>', 'files or folders to read; - reads standard input')
    .option('--db <url>', 'store: a SQLite file or a postgres:// URL ($SITREP_DB when set)', defaultStoreUrl())
    .option('--jobs <n>', 'analysis threads, one per core unless given', parseCountOption, os.availableParallelism())
    .option('--batch-size <n>', 'articles per write transaction', parseCountOption, DEFAULT_BATCH_SIZE)
    .option('--enqueue', 'only put analysis jobs in the PostgreSQL queue for `sitrep worker` processes')
    .option('--date <YYYY-MM-DD>', 'reference date for relative dates when an article has no publication date', parseDateOption)
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 20 MiB)', parseSizeOption)
    .option(
      '--deadline <seconds>',
      'stop the analysis of one article after this long and record it as failed (default 120; $SITREP_ARTICLE_DEADLINE_MS)',
      parseCountOption,
    )
    .option('--records', 'the inputs are analysis records (`sitrep analyze --json`/`--out`): store them without analysing again')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addOption(kbOption())
    .action(async (paths: string[], flags: IngestFlags) => {
      if (flags.kb && flags.enqueue)
        throw new Error('--kb and --enqueue do not go together: the workers analyse, so give --kb to `sitrep worker`')
      applyKbOption(flags.kb)
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
      referenceDate: flags.date ?? null,
      records: Boolean(flags.records),
      kbDir: flags.kb ?? null,
      ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
      ...(flags.deadline ? { deadlineMs: flags.deadline * 1000 } : {}),
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
    referenceDate: flags.date ?? null,
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
