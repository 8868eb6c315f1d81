import { describe, expect, it } from 'vitest'
import { analyze, claims, events } from '../support/analyze-text.js'

// State statements about operations and the names they use, on sentences written for these tests.

const entityNames = (text: string) => analyze(text).entities.map((e) => `${e.name}/${e.type}`)

describe('names in operation statements', () => {
  it('reads the lowercase pejorative "khwarij" as the TTP, the target of the operation', () => {
    const found = events('Security forces killed four khwarij during a search operation in South Waziristan, the military said.')
    expect(found).toContainEqual({
      type: 'ASSAULT',
      actors: ['Pakistan Armed Forces'],
      targets: ['Tehreek-e-Taliban Pakistan'],
      place: 'South Waziristan',
      dead: 4,
    })
  })

  it.each([
    'A curfew was imposed in Mir Ali after the attack.',
    'Residents of Mir Ali said drones hovered over the town for hours.',
    'The soldiers were travelling from Mir Ali to Miranshah when the bomb went off.',
  ])('makes no person of a town whose name begins with a title-like word: %s', (text) => {
    expect(entityNames(text).filter((name) => name.endsWith('/person'))).toEqual([])
  })

  it('makes a party of the capital a comment was sought from', () => {
    expect(entityNames('The Foreign Office said it had not received any comment from Kabul on the allegations.')).toContain(
      'Taliban/government',
    )
  })
})

describe('a branch named through its parent', () => {
  it('reads "Islamic State\'s Khorasan affiliate" as ISKP even after the parent was named', () => {
    const text =
      "The Islamic State group said its men set off the bombs in Kerman. US officials said Islamic State's Khorasan affiliate was behind the blasts."
    expect(claims(text)).toContain('United States asserts Islamic State Khorasan Province attacks Kerman')
  })
})

describe('threats', () => {
  it.each(['The ministry said the PTM poses a serious danger to Pakistan.', 'The ministry said the PTM posed a “grave risk” to Pakistan.'])(
    '%s',
    (text) => {
      expect(claims(text)).toContain('article asserts Pashtun Tahafuz Movement threatens Pakistan')
    },
  )
})

describe('the Afghan Taliban under the name Pakistani officials give them', () => {
  it('reads "Tehreek-e-Taliban Afghanistan" as the Taliban', () => {
    expect(claims('The minister claimed the PTM had ties to the TTP and Tehreek-e-Taliban Afghanistan.')).toContain(
      'article asserts Pashtun Tahafuz Movement cooperates_with Taliban',
    )
  })
})

describe('state media as a claimant', () => {
  it.each([
    [
      'Iranian state media said the missiles destroyed two camps belonging to the militant group, Jaish al-Adl, in Pakistan.',
      'Iranian state media asserts Jaish al-Adl present_in Pakistan',
    ],
    [
      'Pakistani state media reported that the TTP has camps in Kunar.',
      'Pakistani state media asserts Tehreek-e-Taliban Pakistan present_in Kunar',
    ],
  ])('%s', (text, claim) => {
    expect(claims(text)).toContain(claim)
    expect(entityNames(text)).not.toContain(claim.startsWith('Iranian') ? 'Iran/state' : 'Pakistan/state')
  })

  it('leaves a group’s own media to the group', () => {
    expect(entityNames('Islamic State media said its fighters bombed the bus.')).not.toContain('Islamic State media/media')
  })
})

describe('strikes named by the demonym of their state', () => {
  it.each([
    ['a drone', 'Kabul blamed Pakistan. A Pakistani drone struck a house in Khost province, a Taliban spokesman said.'],
    ['gunships', 'Kabul blamed Pakistan. Pakistani gunships struck a house in Khost province, a Taliban spokesman said.'],
    ['a fighter jet', 'Kabul blamed Pakistan. A Pakistani fighter jet struck a house in Khost province, a Taliban spokesman said.'],
  ])('makes the state the attacker of %s', (_, text) => {
    expect(claims(text)).toContain('Taliban asserts Pakistan attacks Khost')
  })
})

describe('a state named only by the demonym of its strike', () => {
  it.each([
    'The Afghan defence ministry said Pakistani aircraft had bombed homes in Khost.',
    'The Afghan defence ministry said a Pakistani drone struck a house in Khost.',
  ])('%s', (text) => {
    expect(claims(text)).toContain('Ministry of Defence of Afghanistan asserts Pakistan attacks Khost')
  })

  it('makes no party of a demonym before other words', () => {
    expect(entityNames('Pakistani traders in Khost said the crossing was closed.')).not.toContain('Pakistan/state')
  })
})

describe('who lets a group use its soil', () => {
  it.each([
    'Islamabad says Kabul is letting TTP fighters operate from Afghan territory.',
    'Islamabad says Kabul lets the TTP use Afghan soil to plan attacks.',
  ])('%s', (text) => {
    expect(claims(text)).toContain('Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan')
  })
})

describe('claimants', () => {
  it('takes the group an appositive describes, not the group inside it, as the claimant', () => {
    expect(claims('Jamaat-ul-Ahrar, a TTP faction, claimed the attack on a police station in Khyber.')).toEqual([
      'Jamaat-ul-Ahrar asserts Jamaat-ul-Ahrar attacks Khyber',
    ])
  })

  it('does not make a group the actor of what happened during its fighters’ raid', () => {
    const told = claims('Two TTP commanders died during raids in Tank on Monday, police said.')
    expect(told.filter((claim) => claim.includes('Tehreek-e-Taliban Pakistan attacks Tank'))).toEqual([])
  })
})

it('gives the operation no actor from the object before "during an operation"', () => {
  expect(events('Troops killed 12 khawarij during an operation in Bannu district on Tuesday.')).toEqual([
    { type: 'ASSAULT', actors: ['Pakistan Armed Forces'], targets: ['Tehreek-e-Taliban Pakistan'], place: 'Bannu', dead: 12 },
  ])
})

describe('threats told by the one who makes them', () => {
  it.each([
    [
      'warned of more attacks on',
      'The TTP warned of more attacks on the police in Khyber Pakhtunkhwa.',
      'Tehreek-e-Taliban Pakistan asserts Tehreek-e-Taliban Pakistan threatens Khyber Pakhtunkhwa Police',
    ],
    [
      'threatened to target',
      'ISKP threatened to target Taliban officials in Kabul.',
      'Islamic State Khorasan Province asserts Islamic State Khorasan Province threatens Taliban',
    ],
  ])('%s', (_, text, claim) => {
    expect(claims(text)).toContain(claim)
  })

  it('reads no threat from an attack that happened', () => {
    expect(claims('The TTP said it attacked the police in Bannu.').filter((c) => c.includes('threatens'))).toEqual([])
  })
})

describe('an attack by unknown attackers in a statement', () => {
  it('is no allegation about anyone', () => {
    const text = 'Unknown gunmen attacked a checkpoint in Bannu on Monday, Pakistan’s military said.'
    expect(claims(text)).toEqual([])
    expect(events(text).filter((e) => e.type === 'ACCUSE')).toEqual([])
  })
})

describe('the dead of an operation and the voice that tells it', () => {
  it('makes the group the dead belonged to the target of the operation, not its doer', () => {
    const text =
      'Troops killed nine terrorists in a raid in North Waziristan, the military said. The militants belonged to the Hafiz Gul Bahadur group, it added.'
    const told = claims(text)
    expect(told).toContain('Pakistan Armed Forces asserts Pakistan Armed Forces attacks Hafiz Gul Bahadur group')
    expect(told.filter((c) => c.includes('Hafiz Gul Bahadur group attacks'))).toEqual([])
    expect(events(text)).toContainEqual({
      type: 'ASSAULT',
      actors: ['Pakistan Armed Forces'],
      targets: ['Hafiz Gul Bahadur group'],
      place: 'North Waziristan',
      dead: 9,
    })
  })

  it('still makes the group of the attackers the doer of an attack with no state actor', () => {
    const text =
      'Gunmen attacked a checkpoint in Kech, killing three soldiers, the Balochistan government said. The attackers belonged to the BLA, it said.'
    expect(claims(text)).toContain('Government of Balochistan asserts Baloch Liberation Army attacks Kech')
  })

  it('gives the statement before ", adding that" the words before the speaker', () => {
    const text =
      'Afghan forces retaliated against Pakistani posts along the border, the Afghan defence ministry said, adding that 19 Pakistani soldiers were killed.'
    expect(claims(text)).toContain('Ministry of Defence of Afghanistan asserts Taliban attacks Pakistan Armed Forces')
  })
})

describe('a backer joined to the group by a hyphen', () => {
  it.each([
    ['the demonym of a state the article does not name', 'Indian-sponsored'],
    ['the name of a country', 'India-sponsored'],
  ])('makes %s the backer, not the forces that fought the group', (_, backer) => {
    const text = `The ISPR said security forces killed five terrorists of the ${backer} Fitna al-Hindustan in Kech.`
    const told = claims(text)
    expect(told).toContain('Inter-Services Public Relations asserts India supports Fitna al-Hindustan')
    expect(told).toContain('Inter-Services Public Relations asserts Pakistan Armed Forces attacks Fitna al-Hindustan')
    expect(told.filter((c) => c.includes('Pakistan Armed Forces supports') || c.includes('attacks India'))).toEqual([])
    expect(analyze(text).entities.map((e) => e.name)).toContain('India')
  })
})
