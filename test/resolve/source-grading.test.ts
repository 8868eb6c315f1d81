import { describe, expect, it } from 'vitest'
import {
  bestGrade,
  DEFAULT_CORROBORATION_RULE,
  gradeCounts,
  gradingMatters,
  outletsByCredit,
  type SourceGrade,
} from '../../src/resolve/source-grading.js'
import { propositionStatus, summarizeProposition, type PartyStance } from '../../src/resolve/propositions.js'

describe('the grading rule', () => {
  it.each([
    ['A', true],
    ['B', true],
    ['C', true],
    ['D', false],
    ['E', false],
    ['F', false],
    [null, true],
  ] as const)('grade %s counts under the default rule: %s', (grade, counts) => {
    expect(gradeCounts(grade, DEFAULT_CORROBORATION_RULE)).toBe(counts)
  })

  it('ungraded sources stop counting under the stricter setting; the minimum grade is configurable', () => {
    expect(gradeCounts(null, { minGrade: 'C', ungraded: 'exclude' })).toBe(false)
    expect(gradeCounts('C', { minGrade: 'B', ungraded: 'count' })).toBe(false)
    expect(gradeCounts('D', { minGrade: 'D', ungraded: 'count' })).toBe(true)
    expect(gradeCounts('F', { minGrade: 'E', ungraded: 'count' })).toBe(false)
  })

  it('the best grade: A before E, F below every judgement, null when nothing is graded', () => {
    expect(bestGrade(['C', null, 'B', 'E'])).toBe('B')
    expect(bestGrade(['F', 'E'])).toBe('E')
    expect(bestGrade([null, null])).toBeNull()
  })

  it('grading matters only when some source stops counting', () => {
    const grades = new Map<string, SourceGrade>([
      ['Valley Courier', 'A'],
      ['Hill Gazette', 'C'],
    ])
    expect(gradingMatters({ rule: DEFAULT_CORROBORATION_RULE, grades })).toBe(false)
    expect(gradingMatters({ rule: { minGrade: 'C', ungraded: 'exclude' }, grades })).toBe(true)
    grades.set('River Times', 'D')
    expect(gradingMatters({ rule: DEFAULT_CORROBORATION_RULE, grades })).toBe(true)
    expect(outletsByCredit({ rule: DEFAULT_CORROBORATION_RULE, grades })).toEqual({
      counting: ['Valley Courier', 'Hill Gazette'],
      excluded: ['River Times'],
    })
  })
})

describe('the status rule', () => {
  it('contested whatever the grades; corroborated needs two creditable asserting parties', () => {
    expect(propositionStatus(1, 0, 1)).toBe('contested')
    expect(propositionStatus(2, 2, 0)).toBe('corroborated')
    expect(propositionStatus(2, 1, 0)).toBe('single-source')
    expect(propositionStatus(3, 2, 0)).toBe('corroborated')
  })

  it('summarizeProposition reads the credited sources of each asserting party', () => {
    const party = (id: string, sources: number, creditedSources?: number): PartyStance => ({
      stance: 'asserts',
      party: { id, speakers: [], outlets: [], sources },
      ...(creditedSources === undefined ? {} : { creditedSources }),
    })
    const totals = { sourceCount: 2, claimCount: 2, firstSeen: '2025-05-03', lastSeen: '2025-05-04' }
    expect(summarizeProposition([party('pk', 1), party('un', 1)], totals).status).toBe('corroborated')
    expect(summarizeProposition([party('pk', 1, 1), party('un', 1, 0)], totals, 'E')).toMatchObject({
      status: 'single-source',
      bestGrade: 'E',
    })
  })
})
