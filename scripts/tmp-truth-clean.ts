import { readFileSync } from 'node:fs'
import { cleanText } from '../src/clean/clean-text.js'
const truth = JSON.parse(readFileSync('/work/shared/data/article-extraction-benchmark/ground-truth.json', 'utf8'))
let total = 0, removed = 0
const counts = new Map<string, number>()
const lines: string[] = []
for (const [id, { articleBody }] of Object.entries<any>(truth)) {
  const r = cleanText(articleBody)
  total += articleBody.length
  for (const b of r.removed) {
    removed += b.text.length
    counts.set(b.reason, (counts.get(b.reason) ?? 0) + b.text.length)
    for (const l of b.text.split('\n')) lines.push(`${id.slice(0, 8)} [${b.reason}] ${l.slice(0, 140)}`)
  }
}
console.log(`removed ${(removed / total * 100).toFixed(2)}% of ${total} chars`, counts)
console.log(lines.join('\n'))
