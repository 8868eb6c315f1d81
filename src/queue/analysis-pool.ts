import { Worker } from 'node:worker_threads'
import type { RunOptions } from '../context/run-context.js'
import type { SourceDocument } from '../ingest/source-document.js'
import type { AnalyzedArticle } from '../store/write-batch.js'
import type { StoredArticle } from './analyze-job.js'

export type AnalysisRequest =
  | { id: number; source: SourceDocument; run: RunOptions }
  /** An article already stored, analysed again from its cleaned text (`sitrep reanalyze`). */
  | { id: number; stored: StoredArticle; run: RunOptions }

export type AnalysisResponse =
  | { id: number; ok: true; article: AnalyzedArticle }
  | { id: number; ok: false; error: string }
  | { id: number; started: true }

interface Job {
  request: AnalysisRequest
  resolve(article: AnalyzedArticle): void
  reject(error: Error): void
}

interface Slot {
  worker: Worker
  /** The job the thread is working on; a thread gets one job at a time so its deadline starts when work does. */
  job: Job | null
  timer: NodeJS.Timeout | null
  answered: number
  /** Terminated by the pool (deadline or close): its exit is expected. */
  retired: boolean
}

/** The analysis threads die before doing any work (their script cannot load): nothing can be analysed. */
export class AnalysisThreadsBroken extends Error {
  constructor(cause: Error) {
    super(`analysis threads cannot start: ${cause.message}`)
    this.name = 'AnalysisThreadsBroken'
  }
}

/** Longest one article may take in a thread, unless SITREP_ARTICLE_DEADLINE_MS or the caller says otherwise. */
export const DEFAULT_ARTICLE_DEADLINE_MS = 120_000

export function articleDeadlineMs(): number {
  const fromEnv = Number(process.env['SITREP_ARTICLE_DEADLINE_MS'])
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_ARTICLE_DEADLINE_MS
}

export interface AnalysisPoolOptions {
  /** The run's options: its knowledge folder every thread loads, its deadline per article, its reference date. */
  run?: RunOptions
  workerUrl?: URL
}

/** What a thread is started with (worker_threads workerData). */
export interface AnalysisThreadData {
  run: RunOptions
}

/**
 * A fixed set of worker threads running the analysis; each idle thread takes the next job. A thread that works
 * on one article past the deadline is terminated and replaced, and that article fails with the reason; the others
 * go on.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 0
  private closed = false
  /** Set when a thread dies before answering anything: its script cannot run, so respawning would loop. */
  private broken: Error | null = null

  readonly deadlineMs: number
  private readonly run: RunOptions

  constructor(
    readonly size: number,
    private readonly options: AnalysisPoolOptions = {},
  ) {
    this.run = options.run ?? {}
    this.deadlineMs = this.run.deadlineMs ?? articleDeadlineMs()
    for (let i = 0; i < size; i++) this.slots.push(this.spawn())
  }

  /** `run` defaults to the pool's own run options (a queue worker's jobs bring their own reference date). */
  analyze(source: SourceDocument, run: RunOptions = this.run): Promise<AnalyzedArticle> {
    return this.send((id) => ({ id, source, run }))
  }

  reanalyze(stored: StoredArticle): Promise<AnalyzedArticle> {
    return this.send((id) => ({ id, stored, run: this.run }))
  }

  private send(request: (id: number) => AnalysisRequest): Promise<AnalyzedArticle> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'))
    if (this.broken) return Promise.reject(this.broken)
    return new Promise((resolve, reject) => {
      this.queue.push({ request: request(this.nextId++), resolve, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const slot of this.slots) slot.retired = true
    for (const slot of this.slots) if (slot.timer) clearTimeout(slot.timer)
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (slot.job || slot.retired) continue
      const job = this.queue.shift()!
      slot.job = job
      slot.worker.postMessage(job.request)
    }
  }

  /** The thread is still on its article at the deadline: stop it, fail the article, start a fresh thread. */
  private overrun(slot: Slot): void {
    const job = slot.job
    if (!job) return
    slot.job = null
    slot.timer = null
    slot.retired = true
    void slot.worker.terminate()
    job.reject(new Error(`stopped after the per-article deadline of ${(this.deadlineMs / 1000).toFixed(1)} s`))
    this.replace(slot)
  }

  private replace(slot: Slot): void {
    if (this.closed || this.broken) return
    const index = this.slots.indexOf(slot)
    if (index >= 0) this.slots[index] = this.spawn()
    this.dispatch()
  }

  private spawn(): Slot {
    const workerData: AnalysisThreadData = { run: this.run }
    const worker = new Worker(this.options.workerUrl ?? new URL('./analysis-worker.js', import.meta.url), { workerData })
    const slot: Slot = { worker, job: null, timer: null, answered: 0, retired: false }
    slot.worker.on('message', (response: AnalysisResponse) => {
      const job = slot.job
      if (!job || job.request.id !== response.id) return
      if ('started' in response) {
        slot.timer = setTimeout(() => this.overrun(slot), this.deadlineMs)
        return
      }
      if (slot.timer) clearTimeout(slot.timer)
      slot.job = null
      slot.timer = null
      slot.answered++
      if (response.ok) job.resolve(response.article)
      else job.reject(new Error(response.error))
      this.dispatch()
    })
    // A thread that dies (out of memory, native crash) fails its job and is replaced.
    const fail = (error: Error): void => {
      if (slot.retired) return
      slot.retired = true
      if (slot.timer) clearTimeout(slot.timer)
      if (slot.answered === 0) this.broken ??= new AnalysisThreadsBroken(error)
      slot.job?.reject(this.broken ?? error)
      slot.job = null
      if (this.broken) for (const job of this.queue.splice(0)) job.reject(this.broken)
      this.replace(slot)
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      if (!this.closed && code !== 0) fail(new Error(`analysis thread exited with code ${code}`))
    })
    return slot
  }
}
