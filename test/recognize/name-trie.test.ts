import { describe, expect, it } from 'vitest'
import { parseText } from '../../src/nlp/nlp-doc.js'
import { NameTrie } from '../../src/recognize/name-trie.js'

function trie(): NameTrie<string> {
  const names = new NameTrie<string>()
  for (const alias of ['ISKP', 'IS-KP', 'ISIS-K', 'Islamic State Khorasan Province', 'ISIS-Khorasan']) names.add(alias, 'iskp')
  names.add('IS', 'is')
  names.add('US', 'us')
  names.add('U.S.', 'us')
  names.add('al-Qaeda', 'aq')
  names.add("Pakistan's government", 'pk')
  return names
}

const found = (text: string) =>
  trie()
    .scan(parseText(text).tokens)
    .map((m) => [text.slice(m.start, m.end), m.values.join()])

describe('name matching', () => {
  it.each([
    ['IS-KP fighters', [['IS-KP', 'iskp']]],
    ['ISIS–Khorasan claimed it', [['ISIS–Khorasan', 'iskp']]],
    [
      'ISIS-K and ISKP',
      [
        ['ISIS-K', 'iskp'],
        ['ISKP', 'iskp'],
      ],
    ],
    [
      'The U.S. and US forces',
      [
        ['U.S.', 'us'],
        ['US', 'us'],
      ],
    ],
    [
      'Al-Qaeda and al Qaeda',
      [
        ['Al-Qaeda', 'aq'],
        ['al Qaeda', 'aq'],
      ],
    ],
    ['Pakistan’s government said', [['Pakistan’s government', 'pk']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it('keeps acronyms case-sensitive so that words are not names', () => {
    expect(found('It is what is left to us and them.')).toEqual([])
  })

  it('does not join names across commas', () => {
    const names = new NameTrie<string>()
    names.add('Pakistan China Institute', 'pci')
    expect(names.scan(parseText('Pakistan, China Institute').tokens)).toEqual([])
  })
})
