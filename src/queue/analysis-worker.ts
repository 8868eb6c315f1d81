import { parentPort, workerData } from 'node:worker_threads'
import { loadResources } from '../pipeline/analyze.js'
import { analyzeForStore, reanalyzeForStore } from './analyze-job.js'
import type { AnalysisRequest, AnalysisResponse, AnalysisThreadData } from './analysis-pool.js'

// Knowledge base and gazetteer (with the run's knowledge folder) load before the first job is taken, so loading
// never counts against its deadline.
loadResources((workerData as AnalysisThreadData | null)?.run.kbDir ?? null)

/** Worker-thread entry: analyses one source per message, in order. */
parentPort?.on('message', (request: AnalysisRequest) => {
  // the pool's deadline runs from here, not from when the job was posted (the thread may still be loading)
  parentPort!.postMessage({ id: request.id, started: true } satisfies AnalysisResponse)
  let response: AnalysisResponse
  try {
    response = {
      id: request.id,
      ok: true,
      article: 'stored' in request ? reanalyzeForStore(request.stored, request.run) : analyzeForStore(request.source, request.run),
    }
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(response)
})
