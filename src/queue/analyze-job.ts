import type { SourceDocument } from '../ingest/source-document.js'
import { analyzeSource } from '../pipeline/analyze.js'
import { encodeSignature, minhashSignature } from '../resolve/minhash.js'
import type { AnalyzedArticle } from '../store/write-batch.js'
import { SiteBoilerplate } from '../clean/html/site-boilerplate.js'

/** One per worker: the pages a worker analyses teach it their sites' templates. */
const siteMemory = new SiteBoilerplate()

/** The CPU-bound half of ingest, run in a worker thread or a queue worker: analysis plus the near-duplicate signature. */
export function analyzeForStore(source: SourceDocument, referenceDate: string | null = null): AnalyzedArticle {
  const record = analyzeSource(source, { referenceDate, siteMemory })
  return { record, signature: encodeSignature(minhashSignature(record.document.text)), inputName: source.name }
}
