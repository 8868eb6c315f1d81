import { describe, expect, it } from 'vitest'
import { distanceKm, matchBy, nameSet, norm, rangesOverlap } from '../../src/eval/match.js'

describe('norm', () => {
  it.each([
    ['ISIS–Khorasan', 'isis khorasan'],
    ['Pakistan’s', 'pakistan s'],
    ['  U.S.  Congress ', 'u s congress'],
    ['Tehreek-e-Taliban', 'tehreek e taliban'],
    ['Lashkar-e-Jhangvi (LeJ)', 'lashkar e jhangvi lej'],
    ['Zhob 2025', 'zhob 2025'],
    ['طالبان', 'طالبان'],
    ['Ürümqi—Kashgar', 'ürümqi kashgar'],
    ['—…', ''],
    ['Quetta\u00a0Press\tClub', 'quetta press club'],
    ['Cafe\u0301', 'café'],
  ])('%s → %s', (input, expected) => {
    expect(norm(input)).toBe(expected)
  })

  it('drops names that normalize to nothing from name sets', () => {
    expect([...nameSet(['ISKP', '—', 'iskp'])]).toEqual(['iskp'])
  })
})

describe('distanceKm', () => {
  it.each([
    // Quetta → Mastung is roughly 50 km; Peshawar → Islamabad roughly 150 km.
    [30.18, 67.0, 29.8, 66.85, 40, 50],
    [34.01, 71.58, 33.69, 73.05, 130, 150],
    [10, 20, 10, 20, 0, 0.001],
  ])('(%f,%f)→(%f,%f) is between %d and %d km', (lat1, lon1, lat2, lon2, low, high) => {
    const d = distanceKm(lat1, lon1, lat2, lon2)
    expect(d).toBeGreaterThanOrEqual(low)
    expect(d).toBeLessThanOrEqual(high)
  })
})

describe('rangesOverlap', () => {
  it.each([
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: '2025-03-15', end: '2025-03-15' }, true],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: '2025-03-20', end: '2025-03-25' }, true],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: '2025-03-21', end: '2025-03-25' }, false],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: '2025-03-01', end: '2025-03-09' }, false],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: null, end: null }, true],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: null, end: '2025-03-09' }, false],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: '2025-03', end: '2025-03' }, true],
    [{ start: '2025-03-10', end: '2025-03-20' }, { start: '2024', end: '2024' }, false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected)
    expect(rangesOverlap(b, a)).toBe(expected)
  })
})

describe('matchBy (one-to-one)', () => {
  it('finds the maximum matching where a greedy first-fit would not', () => {
    // Gold 0 fits system 0 and 1; gold 1 fits only system 0. Greedy gives gold 0 → system 0 and leaves gold 1 unmatched.
    const fits = [
      [true, true],
      [true, false],
    ]
    const matching = matchBy(2, 2, (g, s) => fits[g]![s]!)
    expect(matching).toEqual([1, 0])
  })

  it('never uses one system item twice', () => {
    const matching = matchBy(3, 1, () => true)
    expect(matching.filter((s) => s !== -1)).toHaveLength(1)
  })

  it('does not depend on the order of the gold items', () => {
    const fits = [
      [true, false, false],
      [true, true, false],
      [false, true, true],
    ]
    const size = (order: number[]) => matchBy(3, 3, (g, s) => fits[order[g]!]![s]!).filter((s) => s !== -1).length
    expect(size([0, 1, 2])).toBe(3)
    expect(size([2, 1, 0])).toBe(3)
    expect(size([1, 2, 0])).toBe(3)
  })
})
