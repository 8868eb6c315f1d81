import PgBoss from 'pg-boss'
import { isInputFailure, readSources, type InputFailure } from '../ingest/read-sources.js'
import type { RunOptions } from '../context/run-context.js'
import type { SourceDocument } from '../ingest/source-document.js'
import { openStore } from '../store/open-store.js'
import { writeBatch, type AnalyzedArticle, type WriteOutcome } from '../store/write-batch.js'
import { refreshDirtyPropositions } from '../store/apply/dirty-propositions.js'
import { AnalysisPool } from './analysis-pool.js'
import { analyzeForStore } from './analyze-job.js'

/** Scale-out ingest: analysis jobs in a pg-boss queue inside the store's PostgreSQL database. */
export const ANALYSIS_QUEUE = 'sitrep-analyze'

export interface AnalysisJob {
  source: SourceDocument
  /** The enqueuing run's options (its reference date); the worker adds its own knowledge folder. */
  run: RunOptions
}

/**
 * A job taken by a worker that dies (kill -9, lost machine) stays active this long before pg-boss hands it to
 * another worker; maintenance (which does the handing) runs this often. SITREP_QUEUE_EXPIRE_SECONDS (read when
 * the queue is created) and SITREP_QUEUE_MAINTENANCE_SECONDS shorten them (the fault trials do).
 */
const positiveEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}
const jobExpireSeconds = (): number => positiveEnv('SITREP_QUEUE_EXPIRE_SECONDS', 15 * 60)
const maintenanceSeconds = (): number => positiveEnv('SITREP_QUEUE_MAINTENANCE_SECONDS', 120)

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 4, maintenanceIntervalSeconds: maintenanceSeconds() })
  boss.on('error', (error) => process.stderr.write(`sitrep: queue: ${error.message}\n`))
  await boss.start()
  if (!(await boss.getQueue(ANALYSIS_QUEUE))) {
    await boss
      .createQueue(ANALYSIS_QUEUE, { name: ANALYSIS_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: jobExpireSeconds() })
      .catch(async (error: unknown) => {
        // Another process may have created it between the check and here.
        if (!(await boss.getQueue(ANALYSIS_QUEUE))) throw error
      })
  }
  return boss
}

export interface EnqueueSummary {
  enqueued: number
  failed: number
  failures: InputFailure[]
}

const INSERT_CHUNK = 500
/** How often a busy worker refreshes marked proposition summaries. */
const PROPOSITION_REFRESH_MS = 5_000

/** Reads the inputs and puts one analysis job per article in the queue; analysis happens in workers. */
export async function enqueuePaths(
  url: string,
  paths: string[],
  options: {
    maxBytes?: number
    run?: RunOptions
    onFailure?(failure: InputFailure): void
    onProgress?(enqueued: number): void
  } = {},
): Promise<EnqueueSummary> {
  // Opening the store first creates its tables, so workers started later find them migrated.
  await (await openStore(url)).close()
  const boss = await startBoss(url)
  const summary: EnqueueSummary = { enqueued: 0, failed: 0, failures: [] }
  let chunk: PgBoss.JobInsert<AnalysisJob>[] = []
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return
    await boss.insert(chunk)
    summary.enqueued += chunk.length
    chunk = []
    options.onProgress?.(summary.enqueued)
  }
  try {
    for await (const item of readSources(paths, options.maxBytes ? { maxBytes: options.maxBytes } : {})) {
      if (isInputFailure(item)) {
        summary.failed++
        summary.failures.push(item)
        options.onFailure?.(item)
        continue
      }
      chunk.push({ name: ANALYSIS_QUEUE, data: { source: item, run: options.run ?? {} } })
      if (chunk.length >= INSERT_CHUNK) await flush()
    }
    await flush()
  } finally {
    await boss.stop({ graceful: false, wait: true })
  }
  return summary
}

export interface WorkerOptions {
  /** Analysis threads; 0 analyses on the main thread. */
  jobs: number
  /** Jobs fetched and written per transaction. */
  batchSize?: number
  /** Stop once the queue has been empty for this long. */
  exitWhenIdleSeconds?: number | null
  /**
   * The worker's run options: the analyst's knowledge folder (`--kb`) the analysis threads load on top of the base,
   * and the longest one article may take in an analysis thread (`deadlineMs`; default: the pool's).
   */
  run?: RunOptions
  onBatch?(outcomes: WriteOutcome[], failures: InputFailure[]): void
}

export interface WorkerHandle {
  /** Resolves when the worker has stopped (idle exit or stop()). */
  done: Promise<void>
  stop(): Promise<void>
}

/** Takes analysis jobs from the queue, analyses them and writes each fetched batch in one transaction. */
export async function startWorker(url: string, options: WorkerOptions): Promise<WorkerHandle> {
  const store = await openStore(url)
  const boss = await startBoss(url)
  const pool = options.jobs > 0 ? new AnalysisPool(options.jobs, { run: options.run ?? {} }) : null
  const analyze = (job: AnalysisJob): Promise<AnalyzedArticle> => {
    const run = { ...options.run, ...job.run }
    return pool ? pool.analyze(job.source, run) : Promise.resolve().then(() => analyzeForStore(job.source, run))
  }
  let busy = false
  let lastRefresh = performance.now()
  let workerId: string | null = null
  const batchSize = options.batchSize ?? Math.max(32, options.jobs * 32)

  workerId = await boss.work<AnalysisJob>(ANALYSIS_QUEUE, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    busy = true
    try {
      const failures: InputFailure[] = []
      const analyzed = await Promise.all(
        jobs.map((job) =>
          analyze(job.data).catch((error: unknown) => {
            // Analysis is deterministic: retrying a failed article cannot help, so it is reported and completed.
            const name = job.data.source.name
            failures.push({ name, error: `${name}: analysis failed: ${error instanceof Error ? error.message : String(error)}` })
            return null
          }),
        ),
      )
      const outcomes = await writeBatch(
        store,
        analyzed.filter((article): article is AnalyzedArticle => article !== null),
        { deferPropositions: true },
      )
      // Summaries are refreshed between batches by whichever worker gets to them (SKIP LOCKED), a bounded number
      // per batch so the queue keeps moving; an idle worker finishes the rest.
      if (performance.now() - lastRefresh > PROPOSITION_REFRESH_MS) {
        await refreshDirtyPropositions(store, 1000)
        lastRefresh = performance.now()
      }
      options.onBatch?.(outcomes, failures)
      // A full batch means more work is waiting: fetch again at once instead of after the polling interval.
      if (jobs.length >= batchSize && workerId) boss.notifyWorker(workerId)
    } finally {
      busy = false
    }
  })

  let stopping: Promise<void> | null = null
  let idleTimer: NodeJS.Timeout | null = null
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (idleTimer) clearInterval(idleTimer)
      await boss.stop({ graceful: true, wait: true, timeout: 60_000 })
      await refreshDirtyPropositions(store)
      await pool?.close()
      await store.close()
    })()
    return stopping
  }
  let resolveDone!: () => void
  const done = new Promise<void>((resolve) => (resolveDone = resolve))
  if (options.exitWhenIdleSeconds != null) {
    let idleSince: number | null = null
    idleTimer = setInterval(() => {
      void (async () => {
        const waiting = await boss.getQueueSize(ANALYSIS_QUEUE, { before: 'completed' })
        if (waiting > 0 || busy) {
          idleSince = null
          return
        }
        if ((await refreshDirtyPropositions(store)) > 0) return
        idleSince ??= Date.now()
        if (Date.now() - idleSince >= options.exitWhenIdleSeconds! * 1000) await stop().then(resolveDone)
      })().catch(() => undefined)
    }, 500)
  }
  return { done, stop: () => stop().then(resolveDone) }
}
