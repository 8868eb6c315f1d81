import { estimateJaccard, NEAR_DUPLICATE_THRESHOLD } from './minhash.js'

/** A stored article sharing a MinHash band with a new one. */
export interface CopyCandidate {
  id: string
  /** The canonical article of its group; null when it is canonical itself. */
  duplicateOf: string | null
  signature: Uint32Array
  /** Storage order: the older article wins a tie. */
  docNo: number
}

export interface NearDuplicate {
  /** The canonical article of the group the new one joins. */
  canonical: string
  similarity: number
}

/**
 * The group a new article joins: that of the most similar candidate at or above the threshold (the oldest on
 * a tie), confirmed by the full signature's Jaccard estimate; null when none is similar enough.
 */
export function chooseNearDuplicate(signature: Uint32Array, candidates: readonly CopyCandidate[]): NearDuplicate | null {
  let best: (NearDuplicate & { docNo: number }) | null = null
  for (const candidate of candidates) {
    const similarity = estimateJaccard(signature, candidate.signature)
    if (similarity < NEAR_DUPLICATE_THRESHOLD) continue
    if (!best || similarity > best.similarity || (similarity === best.similarity && candidate.docNo < best.docNo)) {
      best = { canonical: candidate.duplicateOf ?? candidate.id, similarity, docNo: candidate.docNo }
    }
  }
  return best && { canonical: best.canonical, similarity: best.similarity }
}
