import { describe, expect, it } from 'vitest'
import { partyKeyOf, propositionKey, summarizeProposition, type PartyStance } from '../../src/resolve/propositions.js'

const party = (id: string | null, stance: PartyStance['stance'], sources = 1): PartyStance => ({
  stance,
  party: { id, speakers: [], outlets: [], sources },
})
const totals = { sourceCount: 2, claimCount: 2, firstSeen: '2025-01-01', lastSeen: '2025-01-02' }

describe('summarizeProposition', () => {
  const cases: Array<[string, PartyStance[], string]> = [
    ['asserted and denied', [party('pk', 'asserts'), party('af', 'denies')], 'contested'],
    ['asserted by two parties', [party('pk', 'asserts'), party('us', 'asserts')], 'corroborated'],
    ['asserted by one party in many sources', [party('pk', 'asserts', 7)], 'single-source'],
    ['only denied', [party('af', 'denies')], 'single-source'],
    ['asserted, and unanswered', [party('pk', 'asserts'), party('af', 'no_response')], 'single-source'],
    ['asserted by two parties and denied', [party('pk', 'asserts'), party('us', 'asserts'), party('af', 'denies')], 'contested'],
    ['in the own voice of two groups', [party(null, 'asserts'), party(null, 'asserts')], 'corroborated'],
  ]
  for (const [name, stances, status] of cases) {
    it(`${name} → ${status}`, () => {
      expect(summarizeProposition(stances, totals).status).toBe(status)
    })
  }

  it('lists parties by stance, best-sourced first, and keeps the totals', () => {
    const summary = summarizeProposition([party('pk', 'asserts', 1), party('us', 'asserts', 3), party('af', 'no_response')], totals)
    expect(summary.asserters.map((p) => p.id)).toEqual(['us', 'pk'])
    expect(summary.noResponse.map((p) => p.id)).toEqual(['af'])
    expect(summary).toMatchObject(totals)
  })
})

describe('partyKeyOf', () => {
  it.each([
    ['pk', 'spokesman', 'g1', 'pk'],
    [null, 'spokesman', 'g1', 'spokesman'],
    [null, null, 'g1', 'voice:g1'],
  ])('claimant %s, speaker %s in group %s speaks as %s', (claimant, speaker, group, key) => {
    expect(partyKeyOf(claimant, speaker, group)).toBe(key)
  })
})

describe('propositionKey', () => {
  it('orders the two sides of a symmetric relation', () => {
    expect(propositionKey('ttp', 'cooperates_with', 'bla').id).toBe(propositionKey('bla', 'cooperates_with', 'ttp').id)
    expect(propositionKey('ttp', 'supports', 'bla').id).not.toBe(propositionKey('bla', 'supports', 'ttp').id)
  })
})
