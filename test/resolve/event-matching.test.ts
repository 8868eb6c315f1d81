import { describe, expect, it } from 'vitest'
import {
  datesOverlap,
  participantsCompatible,
  reportSpan,
  staysOneIncident,
  summarizeFatalities,
} from '../../src/resolve/event-matching.js'

describe('event matching', () => {
  it.each([
    [{ start: '2025-03-10', end: '2025-03-10' }, { start: '2025-03-11', end: '2025-03-11' }, true],
    [{ start: '2025-03-10', end: '2025-03-10' }, { start: '2025-03-12', end: '2025-03-13' }, false],
    [{ start: '2025-03-01', end: '2025-03-31' }, { start: '2025-03-15', end: '2025-03-15' }, true],
    [{ start: '2024-12-31', end: '2024-12-31' }, { start: '2025-01-01', end: '2025-01-01' }, true],
  ])('dates %o and %o overlap: %s', (a, b, expected) => {
    expect(datesOverlap(a, b)).toBe(expected)
  })

  it.each([
    [{ start: '2025-03-10', end: '2025-03-11' }, { start: '2025-03-12', end: '2025-03-12' }, true],
    [{ start: '2025-03-10', end: '2025-03-12' }, { start: '2025-03-14', end: '2025-03-14' }, false],
    [{ start: '2025-03-12', end: '2025-03-12' }, { start: '2025-03-01', end: '2025-03-20' }, true],
  ])('event %o and report %o stay one incident: %s', (event, report, expected) => {
    expect(staysOneIncident(event, report)).toBe(expected)
  })

  it.each([
    [[], ['a'], true],
    [['a', 'b'], ['b'], true],
    [['a'], ['c'], false],
  ])('participants %o and %o compatible: %s', (a, b, expected) => {
    expect(participantsCompatible(a, b)).toBe(expected)
  })

  it('falls back to the publication date and orders reversed ranges', () => {
    expect(reportSpan({ start: null, end: null }, '2025-01-02')).toEqual({ start: '2025-01-02', end: '2025-01-02' })
    expect(reportSpan({ start: '2025-02-02', end: '2025-02-01' }, null)).toEqual({ start: '2025-02-01', end: '2025-02-02' })
    expect(reportSpan({ start: null, end: null }, null)).toBeNull()
  })

  it('summarizes fatalities across independent sources', () => {
    expect(
      summarizeFatalities([
        { sourceGroup: 'a', low: 20, best: 20, high: 20 },
        { sourceGroup: 'b', low: 26, best: 30, high: 32 },
        { sourceGroup: 'b', low: 100, best: 100, high: 100 },
        { sourceGroup: 'c', low: null, best: null, high: null },
        { sourceGroup: 'd', low: null, best: 25, high: null },
      ]),
    ).toEqual({ low: 20, best: 25, high: 32 })
    expect(summarizeFatalities([])).toEqual({ low: null, best: null, high: null })
  })
})
