/**
 * Property-based checks (fast-check) of the stages that read untrusted text: whatever the input, they do not
 * throw (the analyzer may refuse with an Error naming why), every span lies inside the text with start ≤ end and
 * on word boundaries, what the cleaner removed is not left in the text, and analysing the cleaned text again
 * keeps it. Runs are kept small so the file stays well under a minute.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { cleanText } from '../../src/clean/clean-text.js'
import { extractArticle } from '../../src/clean/html/extract-article.js'
import { fatalitiesIn, locatedFatalitiesIn, readCount } from '../../src/extract/numbers.js'
import { analyzeSource, loadResources } from '../../src/pipeline/analyze.js'
import type { AnalysisRecord } from '../../src/record/record.js'
import { recognizeDates } from '../../src/recognize/dates.js'

const WORDS = [
  'police',
  'said',
  'militants',
  'attacked',
  'a',
  'checkpoint',
  'in',
  'Bannu',
  'Quetta',
  'Kabul',
  'Pakistan',
  'Afghanistan',
  'the',
  'TTP',
  'BLA',
  'Taliban',
  'on',
  'Monday',
  'last',
  'week',
  'mid-March',
  '2023',
  'killing',
  'at',
  'least',
  'twelve',
  '12',
  'dozens',
  'soldiers',
  'denied',
  'accused',
  'of',
  'sheltering',
  'spokesman',
  'Zabihullah',
  'Mujahid',
  'claimed',
  'responsibility',
  'Share',
  'Subscribe',
  'Advertisement',
  '—',
  '“',
  '”',
  '(',
  ')',
  ',',
  ';',
  'é',
  '\u00a0',
  '😀',
  'https://x.example/a',
]

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 18 }).map((w) => `${w.join(' ')}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))
const article = fc
  .array(fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((p) => p.join('\n\n'))
const anyText = fc.oneof(article, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 120 }))

const TAGS = ['div', 'p', 'span', 'article', 'main', 'nav', 'footer', 'aside', 'section', 'a', 'ul', 'li', 'h1', 'table', 'td', 'b']
type Markup = string
const markup: fc.Arbitrary<Markup> = fc.letrec<{ node: Markup }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    paragraph.map((t) => t.replace(/[<&]/g, ' ')),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
      .map(([tag, kids, closed]) => `<${tag}>${kids.join('')}${closed ? `</${tag}>` : ''}`),
    fc.constant('<script>SCRIPTSENTINEL()</script>'),
    fc.constant('<style>.x{}</style><!-- note -->'),
    fc.string({ maxLength: 20 }),
  ),
})).node

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
/** A span on word boundaries: it neither starts nor ends inside a word. */
function onBoundaries(text: string, start: number, end: number): boolean {
  const startsClean = !(isWordChar(text[start - 1]) && isWordChar(text[start]))
  const endsClean = !(isWordChar(text[end - 1]) && isWordChar(text[end]))
  return startsClean && endsClean
}

function spansOf(record: AnalysisRecord): { start: number; end: number; what: string }[] {
  return [
    ...record.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, what: `entity ${e.id}` }))),
    ...record.places.flatMap((p) => p.mentions.map((m) => ({ ...m, what: `place ${p.id}` }))),
    ...record.events.map((e) => ({ ...e.evidence, what: `event ${e.type}` })),
    ...record.claims.map((c) => ({ ...c.evidence, what: `claim ${c.relation}` })),
  ]
}

const RUNS = { numRuns: 60, seed: 20261203 }

describe('properties: numbers and dates', () => {
  it('the number parser never throws and places counts inside the sentence', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        readCount(text)
        fatalitiesIn(text)
        const located = locatedFatalitiesIn(text)
        if (located) expect(located.at).toBeGreaterThanOrEqual(0)
        if (located) expect(located.at).toBeLessThanOrEqual(text.length)
      }),
      { ...RUNS, numRuns: 300 },
    )
  })

  it('the date resolver never throws; each date is the text at its offsets, start ≤ end, ranges ordered', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })),
        (text, reference) => {
          for (const date of recognizeDates(text, reference ? reference.toISOString().slice(0, 10) : null)) {
            expect(date.start).toBeGreaterThanOrEqual(0)
            expect(date.start).toBeLessThanOrEqual(date.end)
            expect(date.end).toBeLessThanOrEqual(text.length)
            expect(text.slice(date.start, date.end)).toBe(date.text)
            if (date.range) expect(date.range.start <= date.range.end).toBe(true)
          }
        },
      ),
      RUNS,
    )
  })
})

describe('properties: cleaning', () => {
  it('the text cleaner never throws, and a removed line (other than a repeat) is not left as a line of the text', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const cleaned = cleanText(raw)
        const lines = new Set(cleaned.text.split('\n').map((l) => l.trim()))
        for (const block of cleaned.removed) {
          if (block.reason === 'duplicate') continue
          for (const line of block.text.split('\n')) if (line.trim().length >= 20) expect(lines.has(line.trim())).toBe(false)
        }
      }),
      RUNS,
    )
  })

  it('the HTML extractor never throws on any markup, and script text never reaches the article', () => {
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 6 }), (nodes) => {
        const page = extractArticle(`<html><body>${nodes.join('')}</body></html>`)
        expect(page.text).not.toContain('SCRIPTSENTINEL')
      }),
      RUNS,
    )
  })
})

describe('properties: the whole analyzer', () => {
  beforeAll(() => {
    loadResources()
  })

  it('returns a record or refuses with an Error; spans inside the text, start ≤ end, on word boundaries', () => {
    fc.assert(
      fc.property(article, fc.constantFrom('text' as const, 'markdown' as const), (content, format) => {
        let record: AnalysisRecord
        try {
          record = analyzeSource({ name: 'prop.txt', format, content, meta: { published: '2024-05-01' } })
        } catch (error) {
          expect(error).toBeInstanceOf(Error)
          expect((error as Error).message.length).toBeGreaterThan(0)
          return
        }
        const text = record.document.text
        for (const span of spansOf(record)) {
          expect(span.start, span.what).toBeGreaterThanOrEqual(0)
          expect(span.start, span.what).toBeLessThanOrEqual(span.end)
          expect(span.end, span.what).toBeLessThanOrEqual(text.length)
          expect(onBoundaries(text, span.start, span.end), `${span.what} ${JSON.stringify(text.slice(span.start, span.end))}`).toBe(true)
        }
      }),
      { ...RUNS, numRuns: 40 },
    )
  }, 120_000)

  it('is idempotent: analysing document.text again keeps it', () => {
    fc.assert(
      fc.property(article, (content) => {
        let first: AnalysisRecord
        try {
          first = analyzeSource({ name: 'prop.txt', format: 'text', content, meta: { published: '2024-05-01' } })
        } catch {
          return
        }
        const again = analyzeSource({
          name: 'again.txt',
          format: 'text',
          content: first.document.text,
          meta: { published: '2024-05-01', title: first.document.title },
        })
        expect(again.document.text).toBe(first.document.text)
      }),
      { ...RUNS, numRuns: 30 },
    )
  }, 120_000)
})
