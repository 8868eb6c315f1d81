import { describe, expect, it } from 'vitest'
import { minhashSignature } from '../../src/resolve/minhash.js'
import { chooseNearDuplicate, type CopyCandidate } from '../../src/resolve/near-duplicates.js'
import { filler } from '../support/records.js'

describe('near-duplicate decision', () => {
  const story = filler('story', 200)
  const signature = minhashSignature(story)
  /** The signature with its first `n` of 64 hashes changed: an estimated similarity of (64 - n) / 64. */
  const changed = (n: number): Uint32Array => signature.map((hash, k) => (k < n ? hash ^ 1 : hash))
  const copy = changed(8)
  const other = minhashSignature(filler('other', 200))
  const candidate = (id: string, sig: Uint32Array, docNo: number, duplicateOf: string | null = null): CopyCandidate => ({
    id,
    signature: sig,
    docNo,
    duplicateOf,
  })

  const cases: Array<[string, CopyCandidate[], string | null]> = [
    ['no candidate', [], null],
    ['a different text only', [candidate('x', other, 1)], null],
    ['a copy: its own group', [candidate('x', other, 1), candidate('c', copy, 2)], 'c'],
    ['a copy inside a group: the group’s canonical article', [candidate('c', copy, 2, 'root')], 'root'],
    ['the more similar candidate', [candidate('c', copy, 1), candidate('same', signature, 5)], 'same'],
    ['equal similarity: the older article', [candidate('late', signature, 9), candidate('early', signature, 3)], 'early'],
  ]
  it.each(cases)('%s', (_name, candidates, expected) => {
    expect(chooseNearDuplicate(signature, candidates)?.canonical ?? null).toBe(expected)
  })

  it('reports the estimated similarity, from the threshold 0.7 up', () => {
    expect(chooseNearDuplicate(signature, [candidate('c', copy, 1)])).toEqual({ canonical: 'c', similarity: 56 / 64 })
    expect(chooseNearDuplicate(signature, [candidate('c', changed(19), 1)])).toEqual({ canonical: 'c', similarity: 45 / 64 })
    expect(chooseNearDuplicate(signature, [candidate('c', changed(20), 1)])).toBeNull()
  })
})
