import { describe, expect, it } from 'vitest'
import { claims } from '../support/analyze-text.js'

// "The targeted bases": a definite reference to what a strike hit points back to the facilities' last mention, and
// together they tell whose they were and where they lay. Sentences written for these tests.

describe('the facilities a strike hit, referred to in a later sentence', () => {
  it('takes the owner from the antecedent when the reference tells the place', () => {
    const text =
      'Iranian state media said drones destroyed two camps belonging to the militant group Jaish al-Adl near the border. The targeted camps were located in Panjgur, according to IRNA.'
    expect(claims(text)).toContain('Islamic Republic News Agency asserts Jaish al-Adl present_in Panjgur')
  })

  it('takes the place from the antecedent when the reference tells the owners, claimed by the teller of the strike', () => {
    const text = [
      'Pakistan struck what it called terrorist hideouts inside Afghanistan on Monday.',
      'Islamabad said its jets flew several sorties in the night.',
      'The hideouts targeted in the raids were allegedly those of the TTP and the Hafiz Gul Bahadur group.',
    ].join(' ')
    const told = claims(text)
    expect(told).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
    expect(told).toContain('Pakistan asserts Hafiz Gul Bahadur group present_in Afghanistan')
  })

  it('reads nothing from facilities no strike was said to hit', () => {
    const text = 'The TTP has camps in Kunar. The camps were described as training centres by the report.'
    expect(claims(text).filter((c) => c.includes('present_in') && !c.endsWith('present_in Kunar'))).toEqual([])
  })

  it('reads nothing when the antecedent is too far back', () => {
    const filler = Array.from({ length: 9 }, (_, i) => `Residents described the night number ${i + 1} as calm.`).join(' ')
    const text = `Pakistan struck terrorist hideouts inside Afghanistan. ${filler} The hideouts targeted were those of the TTP.`
    expect(claims(text).filter((c) => c.includes('present_in Afghanistan'))).toEqual([])
  })
})
