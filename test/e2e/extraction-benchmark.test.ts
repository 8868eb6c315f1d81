import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { cleanDocument } from '../../src/clean/clean-document.js'
import { SiteBoilerplate } from '../../src/clean/html/site-boilerplate.js'
import { scoreCorpus, scorePage } from '../../src/eval/shingle-score.js'

const dir = fileURLToPath(new URL('../../../shared/data/article-extraction-benchmark/', import.meta.url))
const present = existsSync(join(dir, 'ground-truth.json'))

function pages(): Array<{ id: string; url: string; html: string; expected: string }> {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>
  return readdirSync(join(dir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .map((file) => {
      const id = file.replace('.html.gz', '')
      return {
        id,
        url: truth[id]!.url,
        html: gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8'),
        expected: truth[id]!.articleBody,
      }
    })
}

/**
 * The figures the README reports for `npm run bench:extraction`, as floors (the bar: F1 ≥ 0.965 with
 * precision ≥ 0.95). The pages are public benchmark data; nothing in the extractor is keyed to them.
 */
describe.skipIf(!present)('article-extraction benchmark (../shared/data/article-extraction-benchmark)', () => {
  const all = present ? pages() : []

  it('one page at a time: F1 ≥ 0.97, precision ≥ 0.965 (the issue asks 0.965 and 0.95)', () => {
    const scores = all.map((page) =>
      scorePage(cleanDocument({ name: page.id, format: 'html', content: page.html, meta: { url: page.url } }).text, page.expected),
    )
    const corpus = scoreCorpus(scores)
    expect(corpus.pages).toBe(181)
    expect(corpus.f1).toBeGreaterThanOrEqual(0.97)
    expect(corpus.precision).toBeGreaterThanOrEqual(0.965)
    expect(corpus.recall).toBeGreaterThanOrEqual(0.97)
  })

  it('with site templates learned from the other pages: precision rises, F1 holds', () => {
    const memory = new SiteBoilerplate()
    const clean = (page: (typeof all)[number], siteMemory?: SiteBoilerplate) =>
      cleanDocument({ name: page.id, format: 'html', content: page.html, meta: { url: page.url } }, { siteMemory }).text
    for (const page of all) clean(page, memory)
    const alone = scoreCorpus(all.map((page) => scorePage(clean(page), page.expected)))
    const withSites = scoreCorpus(all.map((page) => scorePage(clean(page, memory), page.expected)))
    expect(withSites.precision).toBeGreaterThan(alone.precision)
    expect(withSites.f1).toBeGreaterThanOrEqual(0.97)
  })
})
