// Article-extraction benchmark (shared/data/article-extraction-benchmark): word 4-gram shingle precision, recall, F1.
// Run: npx vite-node scripts/article-benchmark.ts [BENCHMARK_DIR]
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { cleanDocument } from '../src/clean/clean-document.js'
import { htmlFragmentText, htmlToArticle } from '../src/clean/html-to-text.js'
import { cleanText } from '../src/clean/clean-text.js'

const root = process.argv[2] ?? new URL('../../shared/data/article-extraction-benchmark', import.meta.url).pathname
const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? []
  const counts = new Map<string, number>()
  for (let i = 0; i + 4 <= Math.max(tokens.length, 4); i++) {
    const key = tokens.slice(i, i + 4).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

function score(predicted: string, expected: string): { precision: number; recall: number; exact: boolean } {
  const p = shingles(predicted)
  const e = shingles(expected)
  let tp = 0, fp = 0, fn = 0
  for (const [key, count] of p) {
    const other = e.get(key) ?? 0
    tp += Math.min(count, other)
    fp += Math.max(0, count - other)
  }
  for (const [key, count] of e) fn += Math.max(0, count - (p.get(key) ?? 0))
  const total = tp + fp + fn || 1
  const [t, f, n] = [tp / total, fp / total, fn / total]
  const precision = fp === 0 ? 1 : t / (t + f)
  const recall = fn === 0 ? 1 : t / (t + n)
  const exact = (predicted.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ') === (expected.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ')
  return { precision, recall, exact }
}

const systems: Record<string, (html: string) => string> = {
  readability: (html) => htmlToArticle(html).text,
  'readability + clean': (html) => cleanDocument({ name: 'page', format: 'html', content: html, meta: {} }).text,
  // the plain-text cleaner alone on the whole page's text, as if the page had been scraped to text
  'page text + text clean': (html) => cleanText(htmlFragmentText(html)).text,
  'page text (baseline)': (html) => htmlFragmentText(html),
}
const files = readdirSync(join(root, 'html')).filter((f) => f.endsWith('.html.gz')).sort()
for (const [name, extract] of Object.entries(systems)) {
  let precision = 0, recall = 0, exact = 0
  const started = performance.now()
  const worst: Array<[string, number, number]> = []
  for (const file of files) {
    const id = file.replace('.html.gz', '')
    const html = gunzipSync(readFileSync(join(root, 'html', file))).toString('utf8')
    const result = score(extract(html), truth[id]!.articleBody)
    precision += result.precision
    recall += result.recall
    if (result.exact) exact++
    worst.push([id, result.precision, result.recall])
  }
  const p = precision / files.length, r = recall / files.length
  const seconds = (performance.now() - started) / 1000
  console.log(`${name}: F1 ${((2 * p * r) / (p + r)).toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}  accuracy ${(exact / files.length).toFixed(3)}  pages ${files.length}  ${seconds.toFixed(1)} s`)
  if (process.env.WORST) for (const [id, wp, wr] of worst.sort((a, b) => a[1] + a[2] - b[1] - b[2]).slice(0, 12)) console.log(`   ${id} P ${wp.toFixed(2)} R ${wr.toFixed(2)}`)
}
