import type { SourceDocument } from '../ingest/source-document.js'
import { analyzeCleanedDocument, analyzeSource, type RunOptions } from '../pipeline/analyze.js'
import type { StoredArticle } from '../store/articles-repo.js'
import { encodeSignature, minhashSignature } from '../resolve/minhash.js'
import type { AnalyzedArticle } from '../store/write-batch.js'
import { SiteBoilerplate } from '../clean/html/site-boilerplate.js'

export type { StoredArticle } from '../store/articles-repo.js'

/** One per worker: the pages a worker analyses teach it their sites' templates. */
const siteMemory = new SiteBoilerplate()

/** The CPU-bound half of ingest, run in a worker thread or a queue worker: analysis plus the near-duplicate signature. */
export function analyzeForStore(source: SourceDocument, run: RunOptions = {}): AnalyzedArticle {
  const record = analyzeSource(source, run, siteMemory)
  return { record, signature: encodeSignature(minhashSignature(record.document.text)), inputName: source.name }
}

/** Analyses a stored article again (new knowledge); its text, id and signature stay what they were. */
export function reanalyzeForStore(stored: StoredArticle, run: RunOptions = {}): AnalyzedArticle {
  const record = analyzeCleanedDocument(stored.document, run)
  if (record.document.id !== stored.id) throw new Error(`article ${stored.id}: its stored text no longer hashes to its id`)
  return { record, signature: stored.signature, inputName: stored.id }
}
