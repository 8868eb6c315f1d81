// Dates that have no day of their own and the dateline place (issue 10, last sign), on sentences of our own.
import { describe, expect, it } from 'vitest'
import { recognizeDates } from '../../src/recognize/dates.js'
import { analyzeArticle } from '../../src/pipeline/analyze.js'
import { datelineMentions } from '../../src/recognize/places.js'

const range = (text: string, reference: string | null) => recognizeDates(text, reference).map((d) => [d.text, d.range])

describe('dates without a reference date', () => {
  it.each([
    ['a duration', 'The curfew lasted for three weeks.'],
    ['a deadline in hours', 'Within 48 hours the highway was reopened.'],
    ['a month and day with no year', 'Police said 5 March was the deadline.'],
    ['a weekday', 'The elders met on Monday.'],
  ])('leave %s without a day (not one near 2000-01-01)', (_label, text) => {
    const found = recognizeDates(text, null)
    expect(found.length).toBeGreaterThan(0)
    for (const mention of found) expect(mention.range).toBeNull()
  })

  it('still resolve a written year', () => {
    expect(range('The bombing on March 5, 2024 killed twelve people.', null)).toEqual([
      ['March 5, 2024', { start: '2024-03-05', end: '2024-03-05' }],
    ])
  })
})

describe('offsets from another event', () => {
  it('leave "a week after the attack" without a day instead of a week after publication', () => {
    expect(range('The second blast came a week after the attack on the market.', '2026-03-01')).toEqual([['a week after', null]])
  })

  it('count from the dated event named right after the offset', () => {
    expect(range('The strike came three days after the bombing on January 10, 2024.', '2026-03-01')[0]).toEqual([
      'three days after',
      { start: '2024-01-13', end: '2024-01-13' },
    ])
    expect(range('Talks began two weeks before the vote on 20 February.', '2026-03-01')[0]).toEqual([
      'two weeks before',
      { start: '2026-02-06', end: '2026-02-06' },
    ])
  })

  it('keep durations out of the calendar with a reference date too', () => {
    expect(range('The ban will stay for three weeks.', '2026-03-01')).toEqual([['for three weeks', null]])
  })

  it('resolve "ago" against the reference date as before', () => {
    expect(range('The attack took place two days ago.', '2026-03-01')).toEqual([
      ['two days ago', { start: '2026-02-27', end: '2026-02-27' }],
    ])
  })
})

describe('the dateline place', () => {
  const datelines = (text: string) => {
    const analysis = analyzeArticle({ name: 't.txt', format: 'text', content: text, meta: {} }, { referenceDate: '2026-03-01' })
    return { found: datelineMentions(analysis.places).map((m) => m.surface), places: analysis.places.map((p) => p.name) }
  }

  it.each([
    ['a city in capitals and a colon', 'PESHAWAR: Two policemen were wounded in Mardan on Tuesday, officials said.', 'PESHAWAR'],
    ['a city, a date and an agency', 'Quetta, March 3 (Reuters) - Six soldiers were killed near Turbat, the army said.', 'Quetta'],
    ['a city and a dash', 'KABUL — The Taliban said on Monday that the crossing at Torkham had reopened.', 'KABUL'],
    ['a bracketed country', 'Peshawar [Pakistan], March 3 (ANI): A blast killed two people near a bus stand.', 'Peshawar'],
  ])('is marked on %s and stays a place', (_label, text, surface) => {
    const { found, places } = datelines(text)
    expect(found).toEqual([surface])
    expect(places.length).toBeGreaterThanOrEqual(2)
  })

  it('is not a place that opens a sentence as its subject or sits in the body', () => {
    expect(datelines('Islamabad accused Kabul of sheltering militants on its soil.').found).toEqual([])
    expect(datelines('Quetta police said the attackers fled towards the hills.').found).toEqual([])
    const late = [
      'Officials said the blast was heard across the city.',
      'Rescue teams arrived soon after.',
      'The road was closed for hours.',
      'QUETTA: a later story in the same file.',
    ].join('\n\n')
    expect(datelines(late).found).toEqual([])
  })
})
