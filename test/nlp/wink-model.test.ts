import packageModel from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import { describe, expect, it } from 'vitest'
import { englishModel } from '../../src/nlp/wink-model.js'

type CoreModel = Record<string, unknown> & { features: Record<string, { list: unknown[]; hash?: Record<string, number> }> }

describe("wink's English model read by the project's reader", () => {
  // ours first: the package's reader copies from the package's JSON, which ours must leave as it found it
  const ours = englishModel.core() as CoreModel
  const theirs = packageModel.core() as CoreModel

  it('has every part of the package reader’s model, equal', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort())
    for (const part of Object.keys(theirs)) {
      if (part === 'features') continue
      expect(ours[part], part).toStrictEqual(theirs[part])
    }
    expect(Object.keys(ours.features)).toEqual(Object.keys(theirs.features))
    for (const [name, feature] of Object.entries(theirs.features)) {
      const { hash: mineHash, ...mine } = ours.features[name]!
      const { hash, ...rest } = feature
      // the list and wink's counters (intrinsicSize, index, maxIndex)
      expect(mine, name).toStrictEqual(rest)
      expect(mineHash === undefined, name).toBe(hash === undefined)
      if (!hash) continue
      expect(Object.getPrototypeOf(mineHash), name).toBeNull()
      expect(Object.entries(mineHash!), name).toEqual(Object.entries(hash))
    }
  })

  it('is a copy: a word wink adds to one model is in neither the other nor the next one read', () => {
    ours.features.lexeme!.list.push('zzqx-new-word')
    expect(theirs.features.lexeme!.list).not.toContain('zzqx-new-word')
    expect((englishModel.core() as CoreModel).features.lexeme!.list).not.toContain('zzqx-new-word')
  })

  it('gives wink the same tokens, tags, lemmas and sentences as the package model', () => {
    const text =
      'Officials in Peshawar said on Tuesday that 14 militants were killed. "We will respond," a spokesman told Dawn. The U.S. embassy, however, declined to comment; constructor toString __proto__ hasOwnProperty.'
    const read = (model: unknown) => {
      const nlp = winkNLP(model as typeof packageModel, ['sbd', 'pos'])
      const doc = nlp.readDoc(text)
      const its = nlp.its
      return {
        values: doc.tokens().out(its.value),
        pos: doc.tokens().out(its.pos),
        lemmas: doc.tokens().out(its.lemma as typeof its.pos),
        sentences: doc.sentences().out(),
      }
    }
    expect(read(englishModel)).toEqual(read(packageModel))
  })
})
