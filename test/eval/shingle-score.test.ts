import { describe, expect, it } from 'vitest'
import { scoreCorpus, scorePage } from '../../src/eval/shingle-score.js'

describe('article-extraction benchmark metric (word 4-gram shingles)', () => {
  it('scores an identical text as exact with precision and recall 1', () => {
    const text = 'Rescue teams reached the village before dawn on Tuesday.'
    expect(scorePage(text, text)).toEqual({ precision: 1, recall: 1, exact: true })
  })

  it('ignores punctuation, spacing and paragraph breaks: only the word sequence counts', () => {
    expect(scorePage('Rescue teams, reached\n\nthe village!', 'Rescue teams reached the village')).toEqual({
      precision: 1,
      recall: 1,
      exact: true,
    })
  })

  it('counts extra words as false positives and missing ones as false negatives', () => {
    // expected: 6 words → 3 shingles; predicted adds two words at the end → 2 extra shingles
    const expected = 'one two three four five six'
    const predicted = 'one two three four five six seven eight'
    const score = scorePage(predicted, expected)
    expect(score.precision).toBeCloseTo(3 / 5)
    expect(score.recall).toBe(1)
    expect(score.exact).toBe(false)
    const truncated = scorePage('one two three four five', expected)
    expect(truncated.precision).toBe(1)
    expect(truncated.recall).toBeCloseTo(2 / 3)
  })

  it('counts repeated shingles with their multiplicity', () => {
    const score = scorePage('a b c d a b c d', 'a b c d')
    // predicted: abcd, bcda, cdab, dabc, abcd → 1 shared, 4 extra
    expect(score.precision).toBeCloseTo(1 / 5)
    expect(score.recall).toBe(1)
  })

  it('treats short texts as one shingle and an empty prediction as precise but without recall', () => {
    expect(scorePage('two words', 'two words')).toEqual({ precision: 1, recall: 1, exact: true })
    const empty = scorePage('', 'an article body of several words')
    expect(empty.precision).toBe(1)
    expect(empty.recall).toBe(0)
  })

  it('splits letters of any script into words (Cyrillic, Hangul, accented Latin)', () => {
    expect(scorePage('Привет мир, как дела сегодня', 'Привет мир как дела сегодня').exact).toBe(true)
    expect(scorePage('서울 시청 앞 광장', '서울 시청 앞 광장').exact).toBe(true)
    expect(scorePage('São Paulo não dormiu ontem', 'Sao Paulo nao dormiu ontem').exact).toBe(false)
  })

  it('averages precision and recall over pages and takes F1 of the means', () => {
    const corpus = scoreCorpus([
      { precision: 1, recall: 0.5, exact: false },
      { precision: 0.5, recall: 1, exact: false },
      { precision: 1, recall: 1, exact: true },
    ])
    expect(corpus.precision).toBeCloseTo(2.5 / 3)
    expect(corpus.recall).toBeCloseTo(2.5 / 3)
    expect(corpus.f1).toBeCloseTo(2.5 / 3)
    expect(corpus.accuracy).toBeCloseTo(1 / 3)
    expect(corpus.pages).toBe(3)
  })
})
