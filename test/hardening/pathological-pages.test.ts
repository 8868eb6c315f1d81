import { describe, expect, it, beforeAll } from 'vitest'
import { analyzeSource, loadResources } from '../../src/pipeline/analyze.js'
import { MAX_DEPTH, MAX_ELEMENTS } from '../../src/clean/html/parse-html.js'
import type { SourceDocument } from '../../src/ingest/source-document.js'

// Pages an attacker or a broken scraper produces; each must end (a record or a clear error) in under 5 s of CPU.
const LEDE = '<p>Police in Khost said on Tuesday that two gunmen fired at a customs post near the border crossing.</p>'
const page = (name: string, html: string): SourceDocument => ({ name, format: 'html', content: html, meta: {} })

const PAGES: { page: SourceDocument; ends: RegExp | 'record' }[] = [
  {
    page: page('siblings-1m.html', `<html><body><article>${LEDE}${'<span>x</span>'.repeat(1_000_000)}</article></body></html>`),
    ends: /page too large/,
  },
  { page: page('unclosed-500k.html', `<html><body>${LEDE}${'<div>'.repeat(500_000)}deep</body></html>`), ends: /page too deep/ },
  {
    page: page('nested-100k.html', `<html><body>${LEDE}${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`),
    ends: /page too deep/,
  },
  {
    page: page(
      'siblings-under-cap.html',
      `<html><body><article>${LEDE.repeat(100)}${'<span>x</span> '.repeat(MAX_ELEMENTS - 1_000)}</article></body></html>`,
    ),
    ends: 'record',
  },
  {
    page: page(
      'nested-under-cap.html',
      `<html><body><article>${LEDE.repeat(20)}${'<div>'.repeat(MAX_DEPTH - 20)}${LEDE}${'</div>'.repeat(MAX_DEPTH - 20)}</article></body></html>`,
    ),
    ends: 'record',
  },
]

const cpuSeconds = (run: () => void): number => {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}

describe('pathological pages end quickly with a record or a clear error', () => {
  beforeAll(() => {
    loadResources()
  })

  it.each(PAGES.map((p) => [p.page.name, p]))(
    '%s',
    (_name, { page, ends }) => {
      let outcome: string | Error = ''
      const seconds = cpuSeconds(() => {
        try {
          outcome = analyzeSource(page).document.text
        } catch (error) {
          outcome = error as Error
        }
      })
      expect(seconds).toBeLessThan(5)
      if (ends === 'record') {
        expect(outcome).toContain('customs post')
      } else {
        expect(outcome).toBeInstanceOf(Error)
        expect((outcome as Error).message).toMatch(ends)
        expect((outcome as Error).message).toMatch(/\d[\d,]* (nested )?elements/)
      }
    },
    60_000,
  )
})
