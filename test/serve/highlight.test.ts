import { describe, expect, it } from 'vitest'
import { primarySpan, segment } from '../../web/src/highlight.js'
import type { Span } from '../../web/src/api.js'

const span = (start: number, end: number, kind: Span['kind'], ref = kind): Span => ({ start, end, kind, ref, label: ref })

describe('segment: the reader splits text at every highlight boundary', () => {
  it.each([
    ['no spans', 'abc', [], [['abc', []]]],
    [
      'one name',
      'TTP attacked',
      [span(0, 3, 'entity')],
      [
        ['TTP', ['entity']],
        [' attacked', []],
      ],
    ],
    [
      'a name inside a claim sentence',
      'He said TTP hides here.',
      [span(0, 23, 'claim'), span(8, 11, 'entity')],
      [
        ['He said ', ['claim']],
        ['TTP', ['claim', 'entity']],
        [' hides here.', ['claim']],
      ],
    ],
    ['spans past the end or empty are dropped', 'abc', [span(1, 9, 'place'), span(2, 2, 'entity')], [['abc', []]]],
    [
      'markup stays text',
      '<b>x</b>',
      [span(3, 4, 'entity')],
      [
        ['<b>', []],
        ['x', ['entity']],
        ['</b>', []],
      ],
    ],
  ] as [string, string, Span[], [string, string[]][]][])('%s', (_name, text, spans, expected) => {
    expect(segment(text, spans).map((piece) => [piece.text, piece.spans.map((s) => s.kind)])).toEqual(expected)
    expect(
      segment(text, spans)
        .map((piece) => piece.text)
        .join(''),
    ).toBe(text)
  })

  it('a click follows the most specific span', () => {
    expect(primarySpan([span(0, 50, 'claim'), span(0, 60, 'event'), span(5, 8, 'entity')])?.kind).toBe('entity')
    expect(primarySpan([span(0, 50, 'event'), span(0, 60, 'claim')])?.kind).toBe('claim')
    expect(primarySpan([])).toBeNull()
  })
})
