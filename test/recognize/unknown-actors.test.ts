// People and bodies outside the knowledge base (issue 10, family 8), on sentences written for these tests.
import { describe, expect, it } from 'vitest'
import { analyzeSource } from '../../src/pipeline/analyze.js'
import { parseText } from '../../src/nlp/nlp-doc.js'

function entities(text: string) {
  const record = analyzeSource({ name: 't.txt', format: 'text', content: text, meta: {} }, { referenceDate: '2026-03-01' })
  return record.entities.map((e) => ({ name: e.name, type: e.type, id: e.id }))
}

const people = (text: string) =>
  entities(text)
    .filter((e) => e.type === 'person')
    .map((e) => e.name)

describe('a verb form of a role noun', () => {
  it('makes no person of the word after "suspected"', () => {
    expect(people('State television said suspected Baluchi militants attacked a base in Chabahar, killing 11.')).toEqual([])
  })

  it('still reads the role noun itself ("the suspect, X,")', () => {
    expect(people('The suspect, Imran Khattak, was arrested in Peshawar on Monday.')).toEqual(['Imran Khattak'])
  })
})

describe('people with no entry in the knowledge base', () => {
  it.each([
    [
      'ranks as prefixes in a list',
      'The military said Lt Col Faraz Ahmed, Naib Subedar Karim Dad and Sepoy Gul Rehman were martyred in the exchange of fire.',
      ['Faraz Ahmed', 'Karim Dad', 'Gul Rehman'],
    ],
    ['police ranks', 'DSP Imran Shah and SHO Tariq Mehmood led the raid on the compound in the village.', ['Imran Shah', 'Tariq Mehmood']],
    [
      'a two-word rank',
      'Havildar Noor Zaman and Lance Naik Bashir Ahmed were among the dead, police said.',
      ['Noor Zaman', 'Bashir Ahmed'],
    ],
    ['a role before the name', 'A police official, Rashid Qureshi, said the attackers escaped on motorcycles.', ['Rashid Qureshi']],
    [
      'a role of a place before the name',
      'The deputy commissioner of Kurram, Sajid Yousafzai, said the roads would stay closed.',
      ['Sajid Yousafzai'],
    ],
    [
      'a role appositive after the name',
      'Farhan Kakar, a shopkeeper who saw the blast, said the road was full of people.',
      ['Farhan Kakar'],
    ],
    [
      'a plural appositive after a pair of names',
      'The families of Amjad Bugti and Saleem Marri, two teachers from Turbat, demanded their release.',
      ['Amjad Bugti', 'Saleem Marri'],
    ],
    [
      'a chief named in apposition',
      'The district police chief, Khalid Wazir, told reporters the suspects had been identified.',
      ['Khalid Wazir'],
    ],
    [
      'objects of an arrest, in a list',
      'Police arrested Nasir Khan, Javed Iqbal and Waqar Hussain after the raid.',
      ['Nasir Khan', 'Javed Iqbal', 'Waqar Hussain'],
    ],
    ['the subject of a passive only people undergo', 'Jamil Ahmed was abducted from his home in Turbat last week.', ['Jamil Ahmed']],
  ])('%s', (_label, text, names) => {
    expect(people(text)).toEqual(expect.arrayContaining(names))
  })

  it('reads no person into a list of countries or into a place name', () => {
    expect(people('Pakistan, China and Russia called for restraint after the strikes.')).toEqual([])
    expect(people('Gunmen arrested near Dera Ismail Khan were handed over to the police.')).toEqual([])
  })
})

describe('named bodies outside the knowledge base', () => {
  it('ends an organisation at its head word when "in" carries the run into a place', () => {
    expect(entities('The minister cut short his visit to the Asia Trade Forum in Davos.').map((e) => e.name)).toContain('Asia Trade Forum')
  })

  it('splits a person "of" a body into the body, not one organisation', () => {
    const names = entities('The study was written by a team led by Sana Mirza and Daniel Ortiz of the Regional Security Institute.').map(
      (e) => e.name,
    )
    expect(names).toContain('Regional Security Institute')
    expect(names.some((name) => /Ortiz of/.test(name))).toBe(false)
  })

  it('makes no entities of a title-case headline left in the text', () => {
    const text =
      'Officials said the talks would resume next week.\n\nProvincial Minister Warns Traders Over Hoarding Fuel\n\nThe minister spoke in the capital on Monday.'
    expect(people(text)).toEqual([])
  })

  it("does not give the state's forces the foot soldiers of a group", () => {
    const found = entities('Pakistani officials said the Taliban had detained 16 foot soldiers associated with the TTP.').map((e) => e.id)
    expect(found).toContain('actor:ttp')
    expect(found).not.toContain('actor:pakistan-armed-forces')
  })
})

describe('countries as parties by the nouns around them', () => {
  it.each([
    ['the source of a reaction', 'The bombing drew condemnation from China and calls for better protection.', 'actor:china'],
    ['the owner of a war', 'Tensions rose over Iran’s campaign along the frontier.', 'actor:iran'],
  ])('%s', (_label, text, id) => {
    expect(entities(text).map((e) => e.id)).toContain(id)
  })
})

describe('lemmas on tokens', () => {
  it('gives the dictionary form of inflected cue words', () => {
    const tokens = parseText('He emphasizes that the fighters were vowing revenge, and two teachers clarified it.').tokens
    const lemma = (word: string) => tokens.find((t) => t.text === word)?.lemma
    expect([lemma('emphasizes'), lemma('vowing'), lemma('teachers'), lemma('clarified'), lemma('were')]).toEqual([
      'emphasize',
      'vow',
      'teacher',
      'clarify',
      'be',
    ])
  })
})

describe('news outlets outside the knowledge base', () => {
  it.each([
    ['Two houses were destroyed in the strike, The Week reported.', 'The Week'],
    ['A senior official told The Frontier Post that the talks had failed.', 'The Frontier Post'],
    ['Officials told The Times the plan was ready.', 'The Times'],
  ])('%s', (text, name) => {
    expect(entities(text)).toContainEqual(expect.objectContaining({ name, type: 'media' }))
  })

  it('makes no outlet of a demonym or a force that reports', () => {
    expect(entities('The Chinese reported nothing unusual.').filter((e) => e.type === 'media')).toEqual([])
    expect(entities('The Army reported five deaths.').filter((e) => e.type === 'media')).toEqual([])
  })
})

describe('an honorific that is a surname', () => {
  it.each([
    [
      'after a given name, with a role beside it',
      'Asfandyar Mir, a senior expert at a think tank, said the TTP had grown stronger.',
      ['Asfandyar Mir'],
    ],
    ['after a given name and a title', 'Dr. Asfandyar Mir said the TTP had grown stronger.', ['Asfandyar Mir']],
  ])('%s', (_, text, names) => {
    expect(people(text)).toEqual(names)
  })

  it('stays a title before a name', () => {
    expect(people('Deputy Prime Minister Ishaq Dar spoke after the envoy.')).not.toContain('Prime Minister')
  })
})

describe('a leader’s name before his followers', () => {
  it('stands for the group he leads', () => {
    const found = entities('Islamabad says Hafiz Gul Bahadur militants operate from Khost.')
    expect(found.map((e) => e.name)).toContain('Hafiz Gul Bahadur group')
    expect(found.map((e) => e.name)).not.toContain('Hafiz Gul Bahadur')
  })

  it('stays the person when he himself acts', () => {
    const found = entities('Hafiz Gul Bahadur said the ceasefire was over.')
    expect(found.find((e) => e.name === 'Hafiz Gul Bahadur')?.type).toBe('person')
  })
})
