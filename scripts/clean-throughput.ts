// Cleaning speed: the shared seed and dev articles cleaned over and over until about 20 MB went through.
// Run: npx vite-node scripts/clean-throughput.ts [SHARED_DIR]
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { cleanDocument } from '../src/clean/clean-document.js'

const shared = process.argv[2] ?? new URL('../../shared', import.meta.url).pathname
const articles = ['seeds', 'dev/docs'].flatMap((folder) =>
  readdirSync(join(shared, folder))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(shared, folder, name), 'utf8')),
)
const target = 20 * 1024 * 1024
let bytes = 0
let documents = 0
const started = performance.now()
while (bytes < target) {
  for (const content of articles) {
    cleanDocument({ name: 'bench.txt', format: 'text', content, meta: {} })
    bytes += Buffer.byteLength(content)
    documents++
  }
}
const seconds = (performance.now() - started) / 1000
console.log(
  `${documents} articles, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s: ${(bytes / 1e6 / seconds).toFixed(2)} MB/s, ${Math.round((documents / seconds) * 60)} articles/min`,
)

// One 20 MB input in one piece: cost must stay linear in its size.
const big = articles.join('\n\n').repeat(Math.ceil(target / articles.join('\n\n').length))
const bigStarted = performance.now()
cleanDocument({ name: 'big.txt', format: 'text', content: big, meta: {} })
const bigSeconds = (performance.now() - bigStarted) / 1000
console.log(`one ${(big.length / 1e6).toFixed(1)} MB text: ${bigSeconds.toFixed(1)} s (${(big.length / 1e6 / bigSeconds).toFixed(2)} MB/s)`)
