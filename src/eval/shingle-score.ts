/**
 * The article-extraction benchmark's metric (Scrapinghub's article-extraction-benchmark): word 4-gram
 * "shingles" with counts; per page tp/fp/fn normalized to sum to 1; precision and recall are means over pages,
 * F1 comes from the two means, accuracy is the share of pages whose word sequences are identical.
 */

export interface PageScore {
  precision: number
  recall: number
  exact: boolean
}

export interface CorpusScore {
  f1: number
  precision: number
  recall: number
  accuracy: number
  pages: number
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? []
}

/** Word 4-grams with counts; a text of one to three words is one shingle of all its words, an empty one has none. */
function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  if (!tokens.length) return counts
  const last = Math.max(tokens.length - 4, 0)
  for (let i = 0; i <= last; i++) {
    const key = tokens.slice(i, i + 4).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export function scorePage(predicted: string, expected: string): PageScore {
  const predictedWords = words(predicted)
  const expectedWords = words(expected)
  const p = shingles(predictedWords)
  const e = shingles(expectedWords)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, count] of p) {
    const other = e.get(key) ?? 0
    tp += Math.min(count, other)
    fp += Math.max(0, count - other)
  }
  for (const [key, count] of e) fn += Math.max(0, count - (p.get(key) ?? 0))
  const total = tp + fp + fn || 1
  const [t, f, n] = [tp / total, fp / total, fn / total]
  return {
    precision: f === 0 ? 1 : t / (t + f),
    recall: n === 0 ? 1 : t / (t + n),
    exact: predictedWords.join(' ') === expectedWords.join(' '),
  }
}

export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const count = pages.length || 1
  const precision = pages.reduce((sum, page) => sum + page.precision, 0) / count
  const recall = pages.reduce((sum, page) => sum + page.recall, 0) / count
  return {
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    precision,
    recall,
    accuracy: pages.filter((page) => page.exact).length / count,
    pages: pages.length,
  }
}
