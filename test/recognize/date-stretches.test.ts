import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dateStretches } from '../../src/recognize/date-cues.js'
import { chronoMentions, dateStretchesIn, datedParagraphs, recognizeDates } from '../../src/recognize/dates.js'

const CORPORA = ['../shared/seeds', '../shared/dev/docs', '../shared/dev/docs-b', 'examples/demo', 'test/fixtures']
const TEXT_FILE = /\.(txt|md|html|json|jsonl|rss|atom|xml)$/

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return textFiles(path)
    return TEXT_FILE.test(name) ? [path] : []
  })
}

/** Expressions of every kind chrono's English parsers read, written for this test. */
const EXPRESSIONS = [
  'on 12 March 2024',
  'March 12, 2024',
  'in March',
  'last Friday',
  'on Wednesday, June 5',
  'two days ago',
  'three weeks later',
  'within the hour',
  'in a few hours',
  'last night',
  'this morning',
  'at noon',
  'yesterday at 5 pm',
  'from 3 to 7 May',
  'between January and March 2023',
  'the end of the month',
  '2024-03-12',
  '12/03/2024',
  '10:30 PKT',
  'next week',
  'the past year',
  'an hour before',
  'after them',
  'Sept. 9',
  'the 21st of April',
]
const FILLER = 'officials of the provincial administration told reporters gathered outside the district headquarters that'

function crafted(): string[] {
  const texts: string[] = []
  for (const [i, expression] of EXPRESSIONS.entries()) {
    const next = EXPRESSIONS[(i + 1) % EXPRESSIONS.length]!
    texts.push(`${expression} ${FILLER} ${next}`)
    texts.push(`${FILLER} ${expression}, ${next}. ${FILLER} ${FILLER} ${expression}`)
    texts.push(`${FILLER} ${FILLER}\n${expression} and ${next} ${FILLER}`)
  }
  return texts
}

const mentionsOf = (text: string, ref: Date | null, fast: boolean) =>
  fast ? chronoMentions(text, ref, dateStretchesIn(text), 'together') : chronoMentions(text, ref, datedParagraphs(text), 'apart')

describe('chrono on the stretches around date cues', () => {
  const texts = [...CORPORA.flatMap((dir) => textFiles(dir).map((file) => readFileSync(file, 'utf8'))), ...crafted()]

  it.each([
    ['2026-01-15', new Date('2026-01-15T12:00:00Z')],
    ['no reference date', null],
  ])('finds every mention a parse of whole paragraphs finds (%s)', (_, ref) => {
    let mentions = 0
    for (const text of texts) {
      const whole = mentionsOf(text, ref, false)
      expect(mentionsOf(text, ref, true)).toEqual(whole)
      mentions += whole.length
    }
    expect(texts.length).toBeGreaterThan(100)
    expect(mentions).toBeGreaterThan(300)
  })

  it('reads less than the whole text of the sample articles', () => {
    const articles = CORPORA.slice(0, 3).flatMap((dir) => textFiles(dir).map((file) => readFileSync(file, 'utf8')))
    const total = articles.reduce((sum, text) => sum + text.length, 0)
    const read = articles.reduce((sum, text) => sum + dateStretchesIn(text).reduce((s, r) => s + r.end - r.start, 0), 0)
    expect(read).toBeLessThan(total * 0.8)
  })

  it('keeps apart the stretches of cues far from each other, and whole words', () => {
    const paragraph = `${FILLER} on Monday ${FILLER} ${FILLER} in 2023 ${FILLER}`
    const stretches = dateStretches(paragraph)
    expect(stretches).toHaveLength(2)
    for (const { start, end } of stretches) {
      expect(start === 0 || /\s/.test(paragraph[start]!)).toBe(true)
      expect(end === paragraph.length || /\s/.test(paragraph[end]!)).toBe(true)
    }
    expect(paragraph.slice(stretches[0]!.start, stretches[0]!.end)).toContain('on Monday')
    expect(paragraph.slice(stretches[1]!.start, stretches[1]!.end)).toContain('in 2023')
  })

  it('a paragraph with no cue gives no stretch, and recognizeDates still resolves what it finds', () => {
    expect(dateStretches(FILLER)).toEqual([])
    const text = `${FILLER} on 12 March 2024 ${FILLER} ${FILLER} last Friday.`
    expect(recognizeDates(text, '2024-03-20').map((m) => m.text)).toEqual(['12 March 2024', 'last Friday'])
  })
})
