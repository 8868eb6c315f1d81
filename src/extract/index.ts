import type { ArticleAnalysis } from '../pipeline/analyze.js'
import type { ClaimRecord, EventRecord } from '../pipeline/record.js'

/** PLOVER events of the article (issue 3 fills this stage). */
export function extractEvents(_analysis: ArticleAnalysis): EventRecord[] {
  return []
}

/** Attributed claims of the article (issue 3 fills this stage). */
export function extractClaims(_analysis: ArticleAnalysis): ClaimRecord[] {
  return []
}
