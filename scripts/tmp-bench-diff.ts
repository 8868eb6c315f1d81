import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { htmlToArticle } from '../src/clean/html-to-text.js'
import { cleanText } from '../src/clean/clean-text.js'
const root = '/work/shared/data/article-extraction-benchmark'
const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8'))
const counts = new Map<string, number>()
const examples: string[] = []
for (const file of readdirSync(join(root, 'html')).sort()) {
  const id = file.replace('.html.gz', '')
  const html = gunzipSync(readFileSync(join(root, 'html', file))).toString('utf8')
  const page = htmlToArticle(html)
  const cleaned = cleanText(page.text, { ...page, extracted: true })
  const body = (truth[id].articleBody as string).replace(/\s+/g, ' ')
  for (const block of cleaned.removed) {
    for (const line of block.text.split('\n')) {
      if (line.length > 25 && body.includes(line.replace(/\s+/g, ' ').trim().slice(0, 60))) {
        counts.set(block.reason, (counts.get(block.reason) ?? 0) + line.length)
        examples.push(`${id} [${block.reason}] ${line.slice(0, 150)}`)
      }
    }
  }
}
console.log(counts)
console.log(examples.join('\n'))
