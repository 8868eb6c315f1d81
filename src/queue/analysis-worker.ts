import { parentPort } from 'node:worker_threads'
import { analyzeForStore } from './analyze-job.js'
import type { AnalysisRequest, AnalysisResponse } from './analysis-pool.js'

/** Worker-thread entry: analyses one source per message, in order. */
parentPort?.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse
  try {
    response = { id: request.id, ok: true, article: analyzeForStore(request.source, request.referenceDate) }
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(response)
})
