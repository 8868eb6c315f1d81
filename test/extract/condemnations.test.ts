import { describe, expect, it } from 'vitest'
import { claims, events } from '../support/analyze-text.js'

// Condemnations and accusations as ACCUSE events, and the attacks inside them, on sentences written for these tests.

const ATTACK = 'A suicide bomber killed 12 people at a market in Peshawar.'

describe('who does what an accusation names', () => {
  it('makes the accused the actor of "accused X of killing"', () => {
    const found = events('The TTP accused the Pakistani military of killing civilians in Bajaur.')
    expect(found).toContainEqual({ type: 'ASSAULT', actors: ['Pakistan Armed Forces'], targets: [], place: 'Bajaur', dead: null })
  })

  it('still makes the possessor of an event noun its victim', () => {
    const found = events('Police announced the TTP commander’s arrest in Bannu.')
    expect(found).toContainEqual({ type: 'COERCE', actors: [], targets: ['Tehreek-e-Taliban Pakistan'], place: 'Bannu', dead: null })
  })
})

describe('a condemnation opened by a participle', () => {
  it.each([
    [
      'Condemning the attack, Interior Minister Mohsin Naqvi said the terrorists would not escape justice.',
      'Ministry of Interior of Pakistan',
    ],
    ['Denouncing the bombing, the United Nations said attacks on civilians were unacceptable.', 'United Nations'],
  ])('%s', (second, actor) => {
    const accusations = events(`${ATTACK} ${second}`).filter((e) => e.type === 'ACCUSE')
    expect(accusations.map((e) => e.actors)).toContainEqual([actor])
  })
})

describe('an attack on an abstraction', () => {
  it.each([
    'Amnesty International criticised the ban on the PTM, calling it an attack on freedom of association.',
    'The opposition called the arrests an assault on democracy.',
  ])('is no event: %s', (text) => {
    expect(events(text).filter((e) => e.type === 'ASSAULT')).toEqual([])
  })
})

describe('holding a party responsible', () => {
  it.each([
    ['Kabul held Islamabad responsible for the civilian deaths in Paktika.', 'Taliban', 'Pakistan', 'Paktika'],
    ['Iran holds the United States responsible for the bombing in Kerman.', 'Iran', 'United States', 'Kerman'],
  ])('%s', (text, accuser, accused, place) => {
    expect(events(text).filter((e) => e.type === 'ACCUSE')).toContainEqual({
      type: 'ACCUSE',
      actors: [accuser],
      targets: [accused],
      place: 'article',
      dead: null,
    })
    expect(claims(text)).toContain(`${accuser} asserts ${accused} attacks ${place}`)
  })

  it('is no accusation when something else is held', () => {
    expect(events('The army held talks with tribal elders in Bannu.').filter((e) => e.type === 'ACCUSE')).toEqual([])
  })
})

describe('a condemnation told by a noun or a label', () => {
  it.each([
    ['China expressed strong condemnation of the attack.', 'China'],
    ['The attack drew condemnation from the United Nations.', 'United Nations'],
    ['The European Union termed the bombing a cowardly act of terrorism.', 'European Union'],
    ['The US State Department issued a statement condemning the attack.', 'United States Department of State'],
  ])('%s', (second, actor) => {
    const accusations = events(`${ATTACK} ${second}`).filter((e) => e.type === 'ACCUSE')
    expect(accusations.map((e) => e.actors)).toContainEqual([actor])
  })

  it('is no condemnation when the label is praise', () => {
    expect(events(`${ATTACK} The minister called the operation a great success.`).filter((e) => e.type === 'ACCUSE')).toEqual([])
  })
})

describe('a condemnation of an attack', () => {
  it('names no accused when it goes on to pay tribute to the victims', () => {
    const text = `${ATTACK} Prime Minister Shehbaz Sharif condemned the attack and paid tribute to the martyred soldiers of the Pakistan Army.`
    const accusations = events(text).filter((e) => e.type === 'ACCUSE')
    expect(accusations.map((e) => e.targets)).toEqual([[]])
  })
})
