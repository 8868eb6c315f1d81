import { describe, expect, it } from 'vitest'
import { propositionKey, summarizeProposition, type ClaimEvidence } from '../../src/resolve/propositions.js'

const claimBy = (claimant: string | null, stance: ClaimEvidence['stance'], group: string, seen = '2025-01-01', speaker: string | null = null): ClaimEvidence => ({
  claimant,
  speaker,
  stance,
  articleId: `${group}-${claimant}`,
  sourceGroup: group,
  outlet: null,
  seen,
})

describe('summarizeProposition', () => {
  const cases: Array<[string, ClaimEvidence[], string, number]> = [
    ['asserted and denied', [claimBy('pk', 'asserts', 'a'), claimBy('af', 'denies', 'b')], 'contested', 2],
    ['asserted by two parties', [claimBy('pk', 'asserts', 'a'), claimBy('us', 'asserts', 'b')], 'corroborated', 2],
    ['asserted by two parties in one article', [claimBy('pk', 'asserts', 'a'), claimBy('us', 'asserts', 'a')], 'corroborated', 1],
    ['asserted by one party twice', [claimBy('pk', 'asserts', 'a'), claimBy('pk', 'asserts', 'b')], 'single-source', 2],
    ['only denied', [claimBy('af', 'denies', 'a')], 'single-source', 1],
    ['asserted, and unanswered', [claimBy('pk', 'asserts', 'a'), claimBy('af', 'no_response', 'a')], 'single-source', 1],
    ['by a speaker without a body', [claimBy(null, 'asserts', 'a', '2025-01-01', 'mujahid'), claimBy(null, 'asserts', 'b', '2025-01-01', 'mujahid')], 'single-source', 2],
    ['in own voice of two groups', [claimBy(null, 'asserts', 'a'), claimBy(null, 'asserts', 'b')], 'corroborated', 2],
  ]
  for (const [name, claims, status, sources] of cases) {
    it(`${name} → ${status}`, () => {
      const summary = summarizeProposition(claims)
      expect(summary.status).toBe(status)
      expect(summary.sourceCount).toBe(sources)
    })
  }

  it('spans first and last seen', () => {
    const summary = summarizeProposition([claimBy('pk', 'asserts', 'a', '2025-03-02'), claimBy('us', 'asserts', 'b', '2024-12-30')])
    expect([summary.firstSeen, summary.lastSeen]).toEqual(['2024-12-30', '2025-03-02'])
  })
})

describe('propositionKey', () => {
  it('orders the two sides of a symmetric relation', () => {
    expect(propositionKey('ttp', 'cooperates_with', 'bla').id).toBe(propositionKey('bla', 'cooperates_with', 'ttp').id)
    expect(propositionKey('ttp', 'supports', 'bla').id).not.toBe(propositionKey('bla', 'supports', 'ttp').id)
  })
})
