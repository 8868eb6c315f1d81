import { readSources, type InputFailure } from '../ingest/read-sources.js'
import type { RunOptions } from '../context/run-context.js'
import type { SourceDocument } from '../ingest/source-document.js'
import type { Store } from '../store/open-store.js'
import { writeBatch, type AnalyzedArticle } from '../store/write-batch.js'
import { refreshDirtyPropositions } from '../store/apply/dirty-propositions.js'
import { AnalysisPool, AnalysisThreadsBroken } from './analysis-pool.js'
import { analyzeForStore } from './analyze-job.js'
import { readRecords } from './read-records.js'

export interface IngestOptions {
  /** Analysis threads; 0 analyses on the calling thread (what tests running from sources use). */
  jobs: number
  /** Articles per write transaction. */
  batchSize?: number
  maxBytes?: number
  /** The run's options (reference date, knowledge folder, deadline per article), handed whole to the analysis. */
  run?: RunOptions
  /** The inputs are analysis records already made (queue/read-records.ts), stored without analysing again. */
  records?: boolean
  onFailure?(failure: InputFailure): void
  onProgress?(progress: IngestProgress): void
}

export interface IngestProgress {
  /** Articles analysed and stored (or found unchanged). */
  done: number
  added: number
  unchanged: number
  replaced: number
  failed: number
}

export interface IngestSummary extends IngestProgress {
  failures: InputFailure[]
  seconds: number
}

import { DEFAULT_BATCH_SIZE } from './batch-size.js'

export { DEFAULT_BATCH_SIZE }

/** How often a long ingest brings the proposition summaries up to date. */
const PROPOSITION_REFRESH_MS = 10_000

/**
 * Reads, analyses (in parallel) and stores articles. Each batch is one transaction, so a crash loses
 * at most the batches not yet committed, and a re-run skips what is stored (same cleaned-text hash).
 */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now()
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const run = options.run ?? {}
  const pool = options.jobs > 0 && !options.records ? new AnalysisPool(options.jobs, { run }) : null
  const analyze = (source: SourceDocument): Promise<AnalyzedArticle> =>
    pool ? pool.analyze(source) : Promise.resolve().then(() => analyzeForStore(source, run))
  const progress: IngestProgress = { done: 0, added: 0, unchanged: 0, replaced: 0, failed: 0 }
  const failures: InputFailure[] = []
  const fail = (failure: InputFailure): void => {
    failures.push(failure)
    progress.failed++
    options.onFailure?.(failure)
    options.onProgress?.(progress)
  }

  // What an interrupted run left marked is refreshed at the end of this one.
  let lastRefresh = performance.now()
  let pending: AnalyzedArticle[] = []
  let writes: Promise<void> = Promise.resolve()
  let queuedBatches = 0
  let writeError: unknown = null
  let fatal: AnalysisThreadsBroken | null = null
  const throwIfWriteFailed = (): void => {
    if (writeError !== null) throw writeError
    if (fatal) throw fatal
  }
  const flush = (): void => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    queuedBatches++
    writes = writes.then(async () => {
      try {
        if (writeError !== null) return
        const outcomes = await writeBatch(store, batch, { deferPropositions: true })
        // Summaries every few seconds, not every batch: a proposition that gains a claim in each batch is
        // recomputed a bounded number of times, whatever the size of the store.
        if (performance.now() - lastRefresh > PROPOSITION_REFRESH_MS) {
          await refreshDirtyPropositions(store)
          lastRefresh = performance.now()
        }
        for (const outcome of outcomes) progress[outcome]++
        progress.done += outcomes.length
        options.onProgress?.(progress)
      } catch (error) {
        writeError ??= error
      } finally {
        queuedBatches--
      }
    })
  }

  const inFlight = new Set<Promise<void>>()
  const maxInFlight = Math.max(2, (options.jobs || 1) * 4)
  try {
    const inputs = options.records ? readRecords(paths) : readSources(paths, options.maxBytes ? { maxBytes: options.maxBytes } : {})
    for await (const item of inputs) {
      if (isFailure(item)) {
        fail(item)
        continue
      }
      const name = 'record' in item ? (item.inputName ?? item.record.document.id) : item.name
      const task = ('record' in item ? Promise.resolve(item) : analyze(item)).then(
        (article) => {
          pending.push(article)
          if (pending.length >= batchSize) flush()
        },
        (error: unknown) => {
          if (error instanceof AnalysisThreadsBroken) fatal ??= error
          else fail({ name, error: `${name}: analysis failed: ${error instanceof Error ? error.message : String(error)}` })
        },
      )
      inFlight.add(task)
      void task.finally(() => inFlight.delete(task))
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight)
      // Back-pressure: analysis must not run far ahead of the writer.
      if (queuedBatches > 2) await writes
      throwIfWriteFailed()
    }
    await Promise.all(inFlight)
    flush()
    await writes
    throwIfWriteFailed()
    await refreshDirtyPropositions(store)
  } finally {
    await pool?.close()
  }
  return { ...progress, failures, seconds: (performance.now() - started) / 1000 }
}

function isFailure(item: SourceDocument | AnalyzedArticle | InputFailure): item is InputFailure {
  return 'error' in item && !('content' in item) && !('record' in item)
}

/** Counts the articles the paths hold without analysing them, for a progress bar's total. */
export async function countArticles(paths: string[], maxBytes?: number, records = false): Promise<number> {
  let count = 0
  const inputs = records ? readRecords(paths) : readSources(paths, maxBytes ? { maxBytes } : {})
  for await (const item of inputs) if (!isFailure(item)) count++
  return count
}
