import { describe, expect, it } from 'vitest'
import { findDates, normalizeDate } from '../../src/ingest/normalize-date.js'

describe('normalizeDate', () => {
  it.each([
    ['2024-06-02T08:30:00+05:00', '2024-06-02'],
    ['2024-06-02', '2024-06-02'],
    ['Tue, 05 Mar 2024 09:00:00 +0500', '2024-03-05'],
    ['March 5, 2022', '2022-03-05'],
    ['Sept. 3rd, 2021', '2021-09-03'],
    ['3 September 2021', '2021-09-03'],
    ['11-Dec-2022', '2022-12-11'],
    ['2023/07/20', '2023-07-20'],
    ['Friday, 01/05/2024', '2024-01-05'],
    ['25/12/2023', '2023-12-25'],
    ['12/25/2023', '2023-12-25'],
    ['01/05/2024', null],
    ['February 30, 2024', null],
    ['last Tuesday', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected)
  })
})

describe('findDates', () => {
  it('finds each date once, in order', () => {
    expect(findDates('From June 9, 2020 to 2020-07-01 and 5 Aug 2020').map((d) => d.iso)).toEqual([
      '2020-06-09',
      '2020-07-01',
      '2020-08-05',
    ])
  })
})
