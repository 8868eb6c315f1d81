import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanDocument } from '../../src/clean/clean-document.js'
import { readSources } from '../../src/ingest/read-sources.js'
import type { SourceDocument } from '../../src/ingest/source-document.js'

const PARAGRAPH = 'The provincial assembly approved the budget for the new hospital on Thursday after a long debate about its cost.'
const SECOND = 'Construction is expected to begin next spring and take about two years, the health minister told reporters.'

function html(content: string, meta: SourceDocument['meta'] = {}): SourceDocument {
  return { name: 'page.html', format: 'html', content, meta }
}

describe('cleanDocument: an HTML page with scripts, nested markup, meta tags and JSON-LD', () => {
  const page = readFileSync(new URL('../fixtures/clean/page-with-scripts.html', import.meta.url), 'utf8')
  const result = cleanDocument(html(page))

  it('extracts the metadata', () => {
    expect(result).toMatchObject({
      title: 'Bridge Reopens After Repairs',
      source: 'Hill Gazette',
      url: 'https://hillgazette.example/news/bridge-reopens',
      author: 'Omar Khan',
      published: '2024-06-02',
    })
  })

  it('keeps the article as one paragraph per line group', () => {
    const paragraphs = result.text.split('\n\n')
    expect(paragraphs).toHaveLength(4)
    expect(paragraphs[1]).toContain('Heavy trucks will be allowed to cross from next week')
  })

  it.each(['SECRET_SCRIPT_TEXT', 'INLINE_SCRIPT_TEXT', 'display: none', 'Exam results announced', 'All rights reserved', 'Home'])(
    'never lets "%s" into the text',
    (fragment) => {
      expect(result.text).not.toContain(fragment)
    },
  )
})

describe('cleanDocument: where the metadata comes from', () => {
  it.each([
    [
      'JSON-LD date and author',
      `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-05-06T10:00:00Z","author":[{"name":"A. Writer"}]}]}</script>`,
      { published: '2023-05-06', author: 'A. Writer' },
    ],
    ['a <time> element', `<time datetime="2022-11-30T08:00">Nov 30</time>`, { published: '2022-11-30' }],
    [
      'og:url, outlet from the host',
      `<meta property="og:url" content="https://www.daily.example/story/1">`,
      { url: 'https://www.daily.example/story/1', source: 'daily.example' },
    ],
    [
      'the title element without the outlet',
      `<title>Hospital Budget Passed | The Daily</title><meta property="og:site_name" content="The Daily">`,
      { title: 'Hospital Budget Passed', source: 'The Daily' },
    ],
  ])('%s', (_label, head, expected) => {
    const result = cleanDocument(
      html(`<!doctype html><html><head>${head}</head><body><article><p>${PARAGRAPH}</p><p>${SECOND}</p></article></body></html>`),
    )
    expect(result).toMatchObject(expected)
    expect(result.text).toContain(PARAGRAPH)
  })

  it('prefers the metadata the input carried', () => {
    const result = cleanDocument(
      html(`<title>Page Title</title><p>${PARAGRAPH}</p>`, {
        title: 'Feed Title',
        url: 'https://feed.example/x',
        published: 'Mon, 01 Jan 2024 10:00:00 GMT',
      }),
    )
    expect(result).toMatchObject({ title: 'Feed Title', url: 'https://feed.example/x', published: '2024-01-01', source: 'feed.example' })
  })
})

describe('cleanDocument: markup that must not crash or hang', () => {
  it.each([
    [
      'deeply nested divs (under the depth cap)',
      `<html><body>${'<div>'.repeat(4_000)}<p>${PARAGRAPH}</p>${'</div>'.repeat(4_000)}</body></html>`,
    ],
    ['unclosed tags', `<html><body><div><p>${PARAGRAPH}<p>${SECOND}<div><span><b>`],
    ['a fragment without html or body', `<p>${PARAGRAPH}</p><p>${SECOND}</p>`],
    ['stray closing tags and comments', `</div></p><!-- x --><p>${PARAGRAPH}</p></span><!--unterminated`],
    ['scripts only', `<html><head><script>var a = 1</script></head><body><script>alert(1)</script></body></html>`],
    ['an empty string', ''],
  ])('%s', (_label, content) => {
    const started = Date.now()
    const result = cleanDocument(html(content))
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.text).not.toMatch(/alert|var a/)
    if (content.includes(PARAGRAPH)) expect(result.text).toContain(PARAGRAPH)
  })
})

describe('cleanDocument: pages past the caps', () => {
  it('refuses a page nested deeper than the cap with an error that says so', () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}<p>${PARAGRAPH}</p>${'</div>'.repeat(20_000)}</body></html>`
    expect(() => cleanDocument(html(deep))).toThrow(/too deep/)
  })
})

describe('cleanDocument: other formats', () => {
  it('renders Markdown, taking the first heading as the title', () => {
    const result = cleanDocument({
      name: 'a.md',
      format: 'markdown',
      content: `# Hospital Budget Passed\n\n${PARAGRAPH}\n\n- First point of the list.\n- Second **bold** point.\n\n${SECOND}\n`,
      meta: {},
    })
    expect(result.title).toBe('Hospital Budget Passed')
    expect(result.text).toBe(`${PARAGRAPH}\n\nFirst point of the list.\n\nSecond bold point.\n\n${SECOND}`)
  })

  it('passes plain text metadata through', () => {
    const result = cleanDocument({
      name: 'a.txt',
      format: 'text',
      content: `${PARAGRAPH}\n${SECOND}`,
      meta: { url: 'https://news.example/a', source: 'News Example', author: 'Jo Bloggs', published: '2020-02-03' },
    })
    expect(result).toMatchObject({
      source: 'News Example',
      url: 'https://news.example/a',
      author: 'Jo Bloggs',
      published: '2020-02-03',
      text: `${PARAGRAPH}\n\n${SECOND}`,
    })
  })
})

describe('cleanDocument on feed items read by the ingest stage', () => {
  it('cleans each RSS item with the metadata the feed gave', async () => {
    const results: SourceDocument[] = []
    for await (const item of readSources([new URL('../fixtures/ingest/feed.rss', import.meta.url).pathname]))
      results.push(item as SourceDocument)
    const [clinic, roads] = results.map(cleanDocument)
    expect(clinic).toMatchObject({
      title: 'New Clinic Opens in Hill Town',
      source: 'Valley Weekly',
      author: 'Aisha Noor',
      published: '2024-03-05',
      text: 'A new health clinic opened in the hill town on Tuesday, serving twelve villages.\n\nDoctors will visit twice a week.',
    })
    expect(roads!.text).toBe('Bus services were delayed by road works near the bridge.')
  })
})
