import { Worker } from 'node:worker_threads'
import type { SourceDocument } from '../ingest/source-document.js'
import type { AnalyzedArticle } from '../store/write-batch.js'
import type { StoredArticle } from './analyze-job.js'

export type AnalysisRequest =
  | { id: number; source: SourceDocument; referenceDate: string | null }
  /** An article already stored, analysed again from its cleaned text (`sitrep reanalyze`). */
  | { id: number; stored: StoredArticle }

export type AnalysisResponse = { id: number; ok: true; article: AnalyzedArticle } | { id: number; ok: false; error: string }

interface Pending {
  resolve(article: AnalyzedArticle): void
  reject(error: Error): void
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
  answered: number
}

/** The analysis threads die before doing any work (their script cannot load): nothing can be analysed. */
export class AnalysisThreadsBroken extends Error {
  constructor(cause: Error) {
    super(`analysis threads cannot start: ${cause.message}`)
    this.name = 'AnalysisThreadsBroken'
  }
}

export interface AnalysisPoolOptions {
  /** The analyst's knowledge folder (`--kb`) every thread loads on top of the base knowledge. */
  kbDir?: string | null
  workerUrl?: URL
}

/** What a thread is started with (worker_threads workerData). */
export interface AnalysisThreadData {
  kbDir: string | null
}

/** A fixed set of worker threads running the analysis; each job goes to the least busy thread. */
export class AnalysisPool {
  private readonly slots: Slot[] = []
  private nextId = 0
  private closed = false
  /** Set when a thread dies before answering anything: its script cannot run, so respawning would loop. */
  private broken: Error | null = null

  constructor(
    readonly size: number,
    private readonly options: AnalysisPoolOptions = {},
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn())
  }

  analyze(source: SourceDocument, referenceDate: string | null = null): Promise<AnalyzedArticle> {
    return this.send((id) => ({ id, source, referenceDate }))
  }

  reanalyze(stored: StoredArticle): Promise<AnalyzedArticle> {
    return this.send((id) => ({ id, stored }))
  }

  private send(request: (id: number) => AnalysisRequest): Promise<AnalyzedArticle> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'))
    if (this.broken) return Promise.reject(this.broken)
    const slot = this.slots.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject })
      slot.worker.postMessage(request(id))
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private spawn(): Slot {
    const workerData: AnalysisThreadData = { kbDir: this.options.kbDir ?? null }
    const slot: Slot = { worker: new Worker(this.options.workerUrl ?? new URL('./analysis-worker.js', import.meta.url), { workerData }), pending: new Map(), answered: 0 }
    slot.worker.on('message', (response: AnalysisResponse) => {
      const pending = slot.pending.get(response.id)
      if (!pending) return
      slot.pending.delete(response.id)
      slot.answered++
      if (response.ok) pending.resolve(response.article)
      else pending.reject(new Error(response.error))
    })
    // A thread that dies (out of memory, native crash) fails its jobs and is replaced.
    const fail = (error: Error): void => {
      if (slot.answered === 0) this.broken ??= new AnalysisThreadsBroken(error)
      for (const pending of slot.pending.values()) pending.reject(this.broken ?? error)
      slot.pending.clear()
      if (this.closed || this.broken) return
      const index = this.slots.indexOf(slot)
      if (index >= 0) this.slots[index] = this.spawn()
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      if (!this.closed && code !== 0) fail(new Error(`analysis thread exited with code ${code}`))
    })
    return slot
  }
}
