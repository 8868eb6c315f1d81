import { describe, expect, it } from 'vitest'
import { claims, events } from '../support/analyze-text.js'

// Threats read as a clause (a harm under a future or modal marker, aimed at a party), on sentences written for
// these tests.

const threats = (text: string) =>
  events(text)
    .filter((e) => e.type === 'THREATEN')
    .map((e) => [e.actors, e.targets])

describe('a harm the speaker says its side will or may do', () => {
  it.each([
    [
      'could strike',
      'Khawaja Asif warned that Pakistan could strike TTP hideouts inside Afghanistan.',
      'Ministry of Defence of Pakistan',
      'Tehreek-e-Taliban Pakistan',
    ],
    [
      'vowed to carry out more attacks against',
      'ISKP vowed to carry out more attacks against the Taliban.',
      'Islamic State Khorasan Province',
      'Taliban',
    ],
    ['warned of consequences', 'Pakistan warned the Taliban government of serious consequences if it did not act.', 'Pakistan', 'Taliban'],
    ['would target', 'The BLA said it would target the Frontier Corps wherever it operates.', 'Baloch Liberation Army', 'Frontier Corps'],
  ])('%s', (_, text, actor, target) => {
    expect(threats(text)).toContainEqual([[actor], [target]])
  })

  it('is no threat under a negator', () => {
    expect(threats('The Taliban said they would never attack Pakistan.')).toEqual([])
  })

  it('tells no attack when the attack is only threatened', () => {
    const text = 'The defence minister Khawaja Asif said Islamabad reserved the right to hit militant sanctuaries in Afghanistan.'
    expect(claims(text).filter((c) => c.includes(' attacks '))).toEqual([])
    expect(events(text).filter((e) => e.type === 'ASSAULT')).toEqual([])
  })
})

describe('a warning of consequences and a past target', () => {
  it('makes a warning that something will bring consequences a threat to the party it names', () => {
    const text =
      'The Taliban spokesperson Zabihullah Mujahid warned that continued strikes would have dire consequences beyond Pakistan’s control.'
    expect(claims(text)).toContain('Taliban asserts Taliban threatens Pakistan')
  })

  it('reads no threat from a party that has been the target of a strike', () => {
    const text = 'Zabihullah Mujahid said the commander, whom Pakistan had named as the target of the strike, was living in Pakistan.'
    expect(claims(text).filter((c) => c.includes('threatens'))).toEqual([])
  })
})

describe('a passive participle of a verb of saying', () => {
  it('is not its subject’s statement ("the commander alleged by Pakistan to have been …")', () => {
    const text =
      'Mujahid said Abdullah Shah Mehsud, the TTP commander alleged by Pakistan to have been the target of the strike, lives in Pakistan.'
    expect(events(text).filter((e) => e.type === 'ACCUSE' && e.actors.includes('Taliban'))).toEqual([])
  })
})

describe('a vow to retaliate with no party named', () => {
  it('threatens the doers of the attack the statement tells', () => {
    const text =
      'The Taliban government said on Monday that Pakistani airstrikes had killed 10 civilians in Khost province, and vowed to respond.'
    expect(threats(text)).toContainEqual([['Taliban'], ['Pakistan']])
  })

  it('is no allegation a silence of the threatened side answers', () => {
    const text =
      'The Taliban government said Pakistani airstrikes had killed 10 civilians in Khost, and vowed to respond. Pakistan’s military did not comment on the reports.'
    expect(claims(text).filter((c) => c.includes('no_response') && c.includes('threatens'))).toEqual([])
  })
})
