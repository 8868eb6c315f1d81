import { describe, expect, it } from 'vitest'
import { claims, events } from '../support/analyze-text.js'

// Presence on another country's soil told in the passive, and purposes that are no events, on sentences written
// for these tests.

describe('a country’s soil used by a group', () => {
  it.each([
    [
      'Afghan soil is being used by',
      'Pakistan and Afghanistan traded blame. Pakistan’s military said Afghan soil is being used by the TTP to plan attacks.',
      'Pakistan Armed Forces asserts Tehreek-e-Taliban Pakistan present_in Afghanistan',
    ],
    [
      'the country’s territory has been used by',
      'Pakistan says Afghanistan’s territory has been used by militants of the BLA.',
      'Pakistan asserts Baloch Liberation Army present_in Afghanistan',
    ],
  ])('%s', (_, text, claim) => {
    expect(claims(text)).toContain(claim)
  })

  it('reads no presence of a state’s own forces in its own country', () => {
    const told = claims('Pakistan said roads in Kurram were used by Pakistani troops to move supplies.')
    expect(told.filter((c) => c.includes('present_in'))).toEqual([])
  })
})

describe('a purpose is no event', () => {
  it('codes no attack for "to attack" after a verb of use', () => {
    const told = events('Pakistan said Afghanistan was being used by terrorists to attack Pakistan.')
    expect(told.filter((e) => e.type === 'ASSAULT')).toEqual([])
  })

  it('codes an attack that began', () => {
    const told = events('Militants began to attack the checkpoint in Bannu on Monday night.')
    expect(told.map((e) => `${e.type} ${e.place}`)).toContain('ASSAULT Bannu')
  })
})

describe('where attackers came from', () => {
  it('is no place of the attack', () => {
    const told = events('Pakistan’s military said the militants had infiltrated from Afghanistan, and that the TTP was behind the attack.')
    expect(told.filter((e) => e.type === 'ASSAULT' && e.place === 'Afghanistan')).toEqual([])
  })

  it('leaves the place the attack happened', () => {
    const told = events('Militants from Afghanistan attacked a border post in Bajaur on Monday.')
    expect(told.map((e) => `${e.type} ${e.place}`)).toContain('ASSAULT Bajaur')
  })
})

describe('a relative clause whose speaker is the sentence’s subject', () => {
  it('gives the clause to the subject, whatever the main verb', () => {
    const told = claims('Pakistan wants the Taliban to act against the TTP, which it says has sanctuaries in Afghanistan.')
    expect(told).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
  })
})

describe('commanders moving freely in a place', () => {
  it('are present there', () => {
    const told = claims('Pakistan’s Foreign Office said TTP commanders were moving freely in Kunar and Nangarhar provinces.')
    expect(told).toEqual(
      expect.arrayContaining([
        'Pakistan asserts Tehreek-e-Taliban Pakistan present_in Kunar',
        'Pakistan asserts Tehreek-e-Taliban Pakistan present_in Nangarhar',
      ]),
    )
  })
})

describe('an attack told before ", which X said"', () => {
  const text =
    'Analysts in Kabul said tensions rose after Pakistani airstrikes in Paktika last month, which the Islamic Emirate said killed 46 civilians.'
  it('is the speaker’s claim, at the place right after the event word', () => {
    expect(claims(text)).toContain('Taliban asserts Pakistan attacks Paktika')
    expect(events(text).find((e) => e.type === 'ASSAULT')).toMatchObject({ place: 'Paktika', dead: 46 })
  })
})

describe('an event retold by a relative clause', () => {
  it('is one event with the clause’s toll', () => {
    const told = events('Analysts said tensions rose after Pakistani airstrikes in Paktika last month, which killed 46 civilians.')
    expect(told.filter((e) => e.type === 'ASSAULT')).toEqual([
      expect.objectContaining({ place: 'Paktika', dead: 46, actors: ['Pakistan'] }),
    ])
  })
})

describe('a train is no training', () => {
  it('reads no presence from a passenger train in a place', () => {
    const told = claims('Pakistan accused India of backing the BLA, a day after the group hijacked a passenger train in the Bolan Pass.')
    expect(told.filter((c) => c.includes('present_in'))).toEqual([])
  })

  it('still reads camps used to train fighters in a place', () => {
    expect(claims('Pakistan said the TTP used camps to train fighters in Kunar.')).toContain(
      'Pakistan asserts Tehreek-e-Taliban Pakistan present_in Kunar',
    )
  })
})

describe('a group owning its wing’s attack', () => {
  it('accuses no one', () => {
    const text =
      'Gunmen hijacked a train in Bolan on Tuesday. The BLA said in a statement that its Majeed Brigade carried out the operation.'
    expect(events(text).filter((e) => e.type === 'ACCUSE')).toEqual([])
  })
})

describe('an actor inside a closed time clause', () => {
  it('is not the actor of the event after it', () => {
    const told = events(
      'ISKP has carried out dozens of attacks since the Taliban returned to power in 2021, including the bombing of a mosque in Kunduz that killed more than 50 people.',
    )
    const bombing = told.find((e) => e.type === 'ASSAULT' && e.place === 'Kunduz')
    expect(bombing?.actors).not.toContain('Taliban')
  })
})

describe('the attackers killed by those they attacked', () => {
  it('makes the defenders the actor and the attackers the target', () => {
    const told = events(
      'Pakistan said its forces had foiled an infiltration bid by TTP militants from Afghanistan into North Waziristan, killing 16 of them.',
    )
    expect(told.find((e) => e.type === 'ASSAULT')).toMatchObject({
      actors: ['Pakistan'],
      targets: ['Tehreek-e-Taliban Pakistan'],
      dead: 16,
    })
  })

  it('leaves an attack that kills its victims to the attackers', () => {
    const told = events('TTP militants attacked a police station in Bannu, killing three policemen.')
    expect(told.find((e) => e.type === 'ASSAULT')?.actors).toEqual(['Tehreek-e-Taliban Pakistan'])
  })
})

describe('who can be present somewhere', () => {
  it('is no state using another country’s soil', () => {
    expect(
      claims('Pakistan claims India is using Afghan soil to sponsor terrorism in Balochistan.').filter((c) => c.includes('present_in')),
    ).toEqual([])
  })
})

describe('support told in the passive with two verbs', () => {
  it('reads the backer after "by", never the group as backing it', () => {
    expect(claims('Islamabad says the BLA is funded and armed by India.')).toEqual([
      'Pakistan asserts India supports Baloch Liberation Army',
    ])
  })
})

describe('harbouring told by idiom', () => {
  it.each([
    ['a free hand', 'The Taliban have given the TTP a free hand in Afghanistan, Pakistani officials allege.'],
    ['a blind eye', 'Pakistan says Kabul is turning a blind eye to TTP militants operating from its soil.'],
  ])('%s', (_, text) => {
    expect(claims(text)).toContain('Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan')
  })
})

describe('presence told by verbs of living and moving, in any form', () => {
  it.each([
    ['live', 'The army spokesman alleged that the group’s leaders live in Afghanistan, after the BLA attack on the train.'],
    ['lived', 'The ministry said the BLA commanders lived in Afghanistan for years.'],
    ['moved into', 'The monitoring team said the BLA had moved fighters into Afghanistan.'],
  ])('%s', (_, text) => {
    expect(claims(text).some((c) => c.endsWith('Baloch Liberation Army present_in Afghanistan'))).toBe(true)
  })

  it('reads no presence from a move of the state’s own forces', () => {
    expect(claims('The ministry said Pakistan Army moved troops into Kurram.').filter((c) => c.includes('present_in'))).toEqual([])
  })
})

describe('a group described as one of a place', () => {
  it('reads "remains the largest foreign group in Afghanistan" as presence', () => {
    const text =
      'The UN monitoring team said the TTP, with an estimated 6,000 fighters, remains the largest foreign terrorist group in Afghanistan.'
    expect(claims(text).some((c) => c.endsWith('Tehreek-e-Taliban Pakistan present_in Afghanistan'))).toBe(true)
  })
})
