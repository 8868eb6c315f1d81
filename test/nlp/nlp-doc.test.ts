import { describe, expect, it } from 'vitest'
import { parseText } from '../../src/nlp/nlp-doc.js'

const sentencesOf = (text: string) => parseText(text).sentences.map((s) => text.slice(s.start, s.end))

describe('sentence splitting', () => {
  it.each([
    [
      'abbreviations stay inside',
      'U.S. officials met Gen. Asim Munir in Washington. Talks ended.',
      ['U.S. officials met Gen. Asim Munir in Washington.', 'Talks ended.'],
    ],
    [
      'initials stay inside',
      'Lt. Col. A. K. Khan said the road was closed. It reopened later.',
      ['Lt. Col. A. K. Khan said the road was closed.', 'It reopened later.'],
    ],
    [
      'a headline line never runs into the body',
      'Blast in Quetta\nFive people were hurt on Monday.',
      ['Blast in Quetta', 'Five people were hurt on Monday.'],
    ],
    ['quotes end a sentence', '“We will respond,” he said. The army agreed.', ['“We will respond,” he said.', 'The army agreed.']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected)
  })
})

describe('tokens', () => {
  it('keep offsets into the original text', () => {
    const text = 'ISKP’s  fighters crossed into Afghanistan.\n\nThe U.N. said so.'
    const doc = parseText(text)
    for (const token of doc.tokens) expect(text.slice(token.start, token.end)).toBe(token.text)
    expect(doc.tokens.map((t) => t.text)).toContain('U.N.')
  })

  it('fold case and diacritics for matching', () => {
    const doc = parseText('Kandahār and ŞHAH')
    expect(doc.tokens.map((t) => t.folded)).toEqual(['kandahar', 'and', 'shah'])
  })

  it('parse an empty text to nothing', () => {
    expect(parseText('')).toEqual({ text: '', tokens: [], sentences: [] })
  })
})
