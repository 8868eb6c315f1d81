import type { RunOptions } from '../context/run-context.js'
import type { KnowledgeBase } from '../kb/load-kb.js'
import type { CuratedEntry } from '../gazetteer/gazetteer.js'
import type { Store } from '../store/open-store.js'
import { storedArticlesAfter, type StoredArticle } from '../store/articles-repo.js'
import { removeOrphanEntities, syncKnownEntities, syncPlaces } from '../store/entities-repo.js'
import { rewriteBatch, type AnalyzedArticle } from '../store/write-batch.js'
import { lockWrites } from '../store/write-lock.js'
import { AnalysisPool, AnalysisThreadsBroken } from './analysis-pool.js'
import { reanalyzeForStore } from './analyze-job.js'
import { DEFAULT_BATCH_SIZE } from './ingest-run.js'

export interface ReanalyzeOptions {
  /** Analysis threads; 0 analyses on the calling thread. */
  jobs: number
  batchSize?: number
  /** The knowledge the analysis uses (base, or base + the analyst's folder): stored entity rows follow it. */
  kb: KnowledgeBase
  /** The run's options: the analyst's folder (`--kb`) the threads load. */
  run?: RunOptions
  /** The folder's own place records. */
  places?: CuratedEntry[]
  onProgress?(progress: ReanalyzeProgress): void
  onFailure?(failure: { articleId: string; error: string }): void
}

export interface ReanalyzeProgress {
  done: number
  failed: number
}

export interface ReanalyzeSummary extends ReanalyzeProgress {
  entitiesUpdated: number
  entitiesRemoved: number
  seconds: number
}

/**
 * Analyses every stored article again from its stored cleaned text and metadata, and replaces what it
 * yielded. Each batch is one transaction: a crash leaves every article either as before or fully redone,
 * and running the command again finishes the job. An article whose analysis fails keeps its old rows.
 */
export async function reanalyzeStore(store: Store, options: ReanalyzeOptions): Promise<ReanalyzeSummary> {
  const started = performance.now()
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const entitiesUpdated = await store.db.transaction().execute(async (trx) => {
    await lockWrites(trx, store)
    const changed = await syncKnownEntities(trx, (id) => {
      const actor = options.kb.byId.get(id)
      const via = { stage: 'kb', rule: 'kb-sync' }
      return (
        actor && {
          id: actor.id,
          name: actor.name,
          type: actor.type,
          country: actor.country,
          aliases: [...actor.aliases],
          mentions: [],
          via,
        }
      )
    })
    await syncPlaces(
      trx,
      (options.places ?? []).map((p) => ({ ...p, mentions: [], via: { stage: 'kb', rule: 'kb-sync' } })),
    )
    return changed
  })

  const pool = options.jobs > 0 ? new AnalysisPool(options.jobs, { run: options.run ?? {} }) : null
  const progress: ReanalyzeProgress = { done: 0, failed: 0 }
  const analyzeAll = (batch: StoredArticle[]): Promise<Array<AnalyzedArticle | null>> =>
    Promise.all(
      batch.map((stored) =>
        (pool ? pool.reanalyze(stored) : Promise.resolve().then(() => reanalyzeForStore(stored, options.run))).catch((error: unknown) => {
          if (error instanceof AnalysisThreadsBroken) throw error
          progress.failed++
          options.onFailure?.({
            articleId: stored.id,
            error: `article ${stored.id}: analysis failed: ${error instanceof Error ? error.message : String(error)}`,
          })
          return null
        }),
      ),
    )
  try {
    let after = 0
    const readBatch = async (): Promise<StoredArticle[]> => {
      const rows = await storedArticlesAfter(store.db, after, batchSize)
      if (rows.length > 0) after = rows[rows.length - 1]!.docNo
      return rows.map((row) => row.article)
    }
    let batch = await readBatch()
    let analyzing = analyzeAll(batch)
    while (batch.length > 0) {
      const analyzed = await analyzing
      // The next batch is analysed while this one is written.
      batch = await readBatch()
      analyzing = analyzeAll(batch)
      progress.done += await rewriteBatch(
        store,
        analyzed.filter((a): a is AnalyzedArticle => a !== null),
      )
      options.onProgress?.(progress)
    }
    await analyzing
  } finally {
    await pool?.close()
  }
  const entitiesRemoved = await store.db.transaction().execute(async (trx) => {
    await lockWrites(trx, store)
    return removeOrphanEntities(trx, (id) => options.kb.byId.has(id))
  })
  return { ...progress, entitiesUpdated, entitiesRemoved, seconds: (performance.now() - started) / 1000 }
}
