import { describe, expect, it } from 'vitest'
import { lexicon } from '../../src/lexicon/load.js'
import { allMatches, PhraseScanner, phraseAlternatives } from '../../src/lexicon/pattern.js'

const found = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => `${m.index}:${m[0]}`)

function expectSameAsAlternation(words: string[], texts: string[]): void {
  const scanner = new PhraseScanner(words)
  const alternation = new RegExp(`\\b(?:${phraseAlternatives(words)})\\b`, 'gi')
  for (const text of texts) expect(found(scanner.matches(text)), text).toEqual(found(text.matchAll(alternation)))
}

describe('PhraseScanner', () => {
  it('finds what the alternation finds: longest phrase first, whole words, any case and spacing', () => {
    expectSameAsAlternation(
      ['attack', 'suicide attack', 'suicide attacks', 'arm', 'cross-border fire', 'strike', 'drone strike', 'strikes'],
      [
        'A Suicide  attack and a drone\nstrike; attacks, armed men, cross-border fire.',
        'suicide bombing, suicide attacker, the attack-ridden area, «E1» strikes_back strike',
        'anti-attack drone strikes9 strike',
        '',
      ],
    )
  })

  it('reads the event triggers of the lexicon as their alternation does', () => {
    const words = lexicon('events').triggers.flatMap((group) => group.words)
    expectSameAsAlternation(words, [
      'Militants attacked a checkpoint, killing four soldiers, and the army launched an operation.',
      'The Suicide Bombing in «P2» was followed by drone strikes and an exchange of fire across the border.',
    ])
  })

  it('refuses a phrase that does not open with a word character', () => {
    expect(() => new PhraseScanner(['-attack'])).toThrow()
  })
})

describe('allMatches', () => {
  it('gives what matchAll gives, groups and empty matches included, from the start whatever lastIndex was', () => {
    const cases: [RegExp, string][] = [
      [/«(?<kind>[EP])(\d+)»/g, '«E0» and «P12» near «E3»'],
      [/(?=(in|inside))/g, 'inside the camp in Kunar'],
      [/x*/gu, 'a😀b'],
      [/\b\w+\b/gi, ''],
    ]
    for (const [regex, text] of cases) {
      const expected = [...text.matchAll(regex)].map((m) => [m.index, [...m], m.groups])
      regex.lastIndex = 3
      expect(allMatches(regex, text).map((m) => [m.index, [...m], m.groups])).toEqual(expected)
    }
  })
})
