import { describe, expect, it } from 'vitest'
import { bandKeys, decodeSignature, encodeSignature, estimateJaccard, isSignificant, minhashSignature } from '../../src/resolve/minhash.js'
import { filler } from '../support/records.js'

describe('minhash', () => {
  const base = filler('story', 200)
  const cases: Array<[string, string, boolean]> = [
    ['an identical text', base, true],
    ['a copy with a sentence added', `${base} The report was updated later.`, true],
    ['a copy with different case and punctuation', base.toUpperCase().replace(/ /g, ', '), true],
    ['a different text', filler('other', 200), false],
    ['the first half only', base.split(' ').slice(0, 100).join(' '), false],
  ]
  for (const [name, other, near] of cases) {
    it(`${name} is ${near ? '' : 'not '}a near-duplicate`, () => {
      const similarity = estimateJaccard(minhashSignature(base), minhashSignature(other))
      expect(similarity >= 0.7).toBe(near)
      const sharedBand = bandKeys(minhashSignature(base)).some((key) => bandKeys(minhashSignature(other)).includes(key))
      if (near) expect(sharedBand).toBe(true)
    })
  }

  it('round-trips a signature through its text encoding', () => {
    const signature = minhashSignature(base)
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature)
  })

  it('calls very short texts insignificant', () => {
    expect(isSignificant('Ten killed.')).toBe(false)
    expect(isSignificant(base)).toBe(true)
  })
})
