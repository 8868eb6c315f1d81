import { describe, expect, it } from 'vitest'
import { recognizeDates } from '../../src/recognize/dates.js'

const resolve = (text: string, reference: string | null) =>
  recognizeDates(text, reference).map((m) => [m.text, m.range ? `${m.range.start}..${m.range.end}` : null])

describe('dates against a reference date (Wednesday 2025-04-02)', () => {
  it.each([
    ['The clash occurred in mid-March.', ['mid-March', '2025-03-11..2025-03-20']],
    ['Fighting broke out in early May.', ['early May', '2024-05-01..2024-05-10']],
    ['The army said on Wednesday that it had acted.', ['Wednesday', '2025-04-02..2025-04-02']],
    ['It happened on Friday.', ['Friday', '2025-03-28..2025-03-28']],
    ['A statement issued on September 30 said so.', ['September 30', '2024-09-30..2024-09-30']],
    ['They were killed in April 2023.', ['April 2023', '2023-04-01..2023-04-30']],
    ['Nearly 30 were killed in the last month.', ['in the last month', '2025-03-03..2025-04-02']],
    ['Talks were held last week.', ['last week', '2025-03-24..2025-03-30']],
    ['The 2021 attack killed many.', ['2021', '2021-01-01..2021-12-31']],
    ['The bombing of August 2021 was planned abroad.', ['August 2021', '2021-08-01..2021-08-31']],
  ])('%s', (text, expected) => {
    expect(resolve(text, '2025-04-02')).toContainEqual(expected)
  })

  it('never reports "now" as a date', () => {
    expect(resolve('The group is now active.', '2025-04-02')).toEqual([])
  })
})

describe('dates without any reference date', () => {
  it('keep the text and leave what needs a year unresolved', () => {
    expect(resolve('The clash occurred in mid-March and on Wednesday.', null)).toEqual([
      ['mid-March', null],
      ['Wednesday', null],
    ])
  })

  it('resolve what carries its own year', () => {
    expect(resolve('Forces killed them in April 2023.', null)).toEqual([['April 2023', '2023-04-01..2023-04-30']])
  })
})
