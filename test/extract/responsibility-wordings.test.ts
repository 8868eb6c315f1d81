import { describe, expect, it } from 'vitest'
import { claims, events } from '../support/analyze-text.js'

// Claims of responsibility that name no "responsibility" or only point back to the attack, on sentences written
// for these tests: the group asserts that it attacks the attack's place and becomes the event's actor.

const ATTACK = 'Militants attacked a police station in Bannu on Monday, killing three officers.'
const CLAIM = 'Tehreek-e-Taliban Pakistan asserts Tehreek-e-Taliban Pakistan attacks Bannu'

describe('a group owning the attack told before', () => {
  it.each([
    ['it was behind the attack', 'The TTP said it was behind the attack.'],
    ['it was responsible, with no attack named', 'The TTP said it was responsible.'],
    ['it was responsible for it', 'The TTP said it was responsible for it.'],
    ['its men were behind the raid', 'The TTP said its men were behind the raid.'],
    ['admitted to carrying out', 'The TTP admitted to carrying out the attack.'],
    ['admitted carrying out', 'The TTP admitted carrying out the attack.'],
    ['a passive claim of responsibility', 'Responsibility for the attack was claimed by the TTP.'],
  ])('%s', (_, sentence) => {
    const text = `${ATTACK} ${sentence}`
    expect(claims(text)).toContain(CLAIM)
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual(['Tehreek-e-Taliban Pakistan'])
  })

  it('reads a group telling that it sent the bomber', () => {
    const text = 'A suicide bomber struck a mosque in Peshawar on Friday. Jamaat-ul-Ahrar said it had sent the bomber.'
    expect(claims(text)).toContain('Jamaat-ul-Ahrar asserts Jamaat-ul-Ahrar attacks Peshawar')
  })

  it('makes the accused the doer, not the accuser, when a state says a group was responsible', () => {
    const text = `${ATTACK} Pakistan said the TTP was responsible.`
    expect(claims(text)).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan attacks Bannu')
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual([])
  })
})

describe('responsibility for something other than an attack', () => {
  it('leaves "responsible for security" alone', () => {
    const text = `${ATTACK} The TTP said it was responsible for security in the district.`
    expect(claims(text).filter((c) => c.includes(' attacks '))).toEqual([])
  })

  it('leaves a state sending troops alone', () => {
    const text = `${ATTACK} Pakistan said it had sent troops to the district.`
    expect(claims(text).filter((c) => c.includes(' attacks '))).toEqual([])
  })
})

describe('an attack blamed on a group', () => {
  const STRUCK = 'Militants attacked a police station in Bannu on Monday.'
  it.each([
    ['blamed X for the attack', 'Pakistan blamed the TTP for the attack.'],
    ['blamed the attack on X', 'Pakistan blamed the attack on the TTP.'],
    ['accused X of carrying out the attack', 'Pakistan accused the TTP of carrying out the attack.'],
  ])('%s: the accuser asserts the group attacked, the group is not the actor', (_, sentence) => {
    const text = `${STRUCK} ${sentence}`
    expect(claims(text)).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan attacks Bannu')
    expect(claims(text).filter((c) => c.includes('Pakistan attacks Tehreek-e-Taliban'))).toEqual([])
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual([])
  })

  it('reads the speaker’s relative clause about the group blamed', () => {
    const text = `${STRUCK} Islamabad blamed the attack on the TTP, which it says operates from Afghanistan.`
    expect(claims(text)).toEqual(
      expect.arrayContaining([
        'Pakistan asserts Tehreek-e-Taliban Pakistan attacks Bannu',
        'Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan',
      ]),
    )
  })

  it('gives the relative clause to its own speaker', () => {
    const text = 'Islamabad blamed the TTP, which India says operates from Afghanistan.'
    const told = claims(text)
    expect(told).toContain('India asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
    expect(told).not.toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
  })
})

describe('a passive claim after a second attack in the sentence', () => {
  it('claims the attack right before it, not the sentence’s first', () => {
    const text =
      'At least 50 people were killed on Friday in a suicide bombing at a mosque in Kunduz. The explosion came five days after a bombing of a mosque in Kabul, which left at least five dead and was claimed by ISIS.'
    const told = claims(text)
    expect(told).toContain('Islamic State Khorasan Province asserts Islamic State Khorasan Province attacks Kabul')
    expect(told.filter((c) => c.endsWith('attacks Kunduz'))).toEqual([])
  })
})

describe('a group denying the attack told before', () => {
  const BOMB = 'A bomb killed 12 people at a market in Peshawar on Sunday.'
  it.each([
    ['denied involvement in the attack', 'The TTP denied involvement in the attack.'],
    ['said it was not involved', 'The TTP said it was not involved in the attack.'],
    ['distanced itself from the bombing', 'The TTP distanced itself from the bombing.'],
    ['denied responsibility', 'The TTP denied responsibility.'],
    ['had nothing to do with the blast', 'The TTP said it had nothing to do with the blast.'],
  ])('%s: a denial, and the group does not become the actor', (_, sentence) => {
    const text = `${BOMB} ${sentence}`
    expect(claims(text)).toEqual(['Tehreek-e-Taliban Pakistan denies Tehreek-e-Taliban Pakistan attacks Peshawar'])
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual([])
  })
})

describe('the army’s response in the account of an attack', () => {
  it('is not the attack a group claims', () => {
    const text =
      'Seven soldiers were killed when militants attacked a convoy in Mir Ali on Saturday, the military said. ' +
      'According to the Inter-Services Public Relations (ISPR), the terrorists ambushed the convoy. ' +
      'Security forces responded and killed three of the attackers, the ISPR said. ' +
      'The Hafiz Gul Bahadur group claimed responsibility for the attack.'
    const attack = events(text).find((e) => e.type === 'ASSAULT' && e.place === 'Mir Ali')
    expect(attack?.actors).toEqual(['Hafiz Gul Bahadur group'])
    expect(claims(text).filter((c) => c.includes('Inter-Services Public Relations attacks'))).toEqual([])
  })
})

describe('a group blamed in a relative clause', () => {
  it('is the speaker’s claim that the group attacked', () => {
    const told = claims('Iran accused Pakistan of harbouring Jaish al-Adl, which it blamed for the attack in Rask.')
    expect(told).toEqual(expect.arrayContaining(['Iran asserts Pakistan harbors Jaish al-Adl', 'Iran asserts Jaish al-Adl attacks Rask']))
  })
})

describe('attackers said to belong to a group', () => {
  const STRUCK = 'Militants attacked a checkpoint in Bannu on Monday, killing two soldiers.'
  it('is the speaker’s claim that the group attacked', () => {
    expect(claims(`${STRUCK} Pakistan said the attackers belonged to the Hafiz Gul Bahadur group.`)).toContain(
      'Pakistan asserts Hafiz Gul Bahadur group attacks Bannu',
    )
  })

  it('reads "Afghanistan-based militants of the TTP" as the group blamed, and where it is based', () => {
    const told = claims(`${STRUCK} Pakistan blamed the attack on Afghanistan-based militants of the TTP.`)
    expect(told).toEqual(
      expect.arrayContaining([
        'Pakistan asserts Tehreek-e-Taliban Pakistan attacks Bannu',
        'Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan',
      ]),
    )
  })
})

describe('a passive claim of an attack told before in another sentence', () => {
  it('claims the attack at the place named right before it', () => {
    const text =
      'The bombing near Kabul airport in August showed the threat. ' +
      'At least 50 people were killed on Friday in a suicide bombing at a mosque in Kunduz, days after an attack in Kabul claimed by ISIS.'
    const told = claims(text)
    expect(told.filter((c) => c.endsWith('attacks Kunduz'))).toEqual([])
  })
})

describe('an attack said to be carried out by a group', () => {
  const STRUCK = 'Militants attacked a police station in Bannu on Monday, killing three officers.'
  it('by the group itself, in a statement after it, is its claim of responsibility', () => {
    const text = `${STRUCK} The attack was carried out by the TTP, the group said in a statement.`
    expect(claims(text)).toContain(CLAIM)
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual(['Tehreek-e-Taliban Pakistan'])
  })

  it('by a state, is the state’s claim that the group attacked', () => {
    const text = `${STRUCK} Pakistan said the attack was carried out by the TTP.`
    expect(claims(text)).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan attacks Bannu')
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual([])
  })
})

describe('the place of a claimed attack', () => {
  it('is the town, not the country named after it', () => {
    expect(
      claims('Jaish al-Adl claimed responsibility for the attack on a police station in Rask, Iran, which killed 11 policemen.'),
    ).toEqual(['Jaish al-Adl asserts Jaish al-Adl attacks Rask'])
  })

  it('takes no actor from the party of a clause the attack only dates', () => {
    const told = events(
      'China urged Pakistan to protect Chinese nationals after the attack on a convoy in Karachi, which was claimed by the BLA.',
    )
    expect(told.find((e) => e.type === 'ASSAULT')?.actors).toEqual(['Baloch Liberation Army'])
  })
})

describe('an attack no sentence told, named in the claim', () => {
  it('is where the claim’s words put it', () => {
    expect(claims('The TTP, in a statement, denied carrying out the attack on the mosque in Peshawar.')).toContain(
      'Tehreek-e-Taliban Pakistan denies Tehreek-e-Taliban Pakistan attacks Peshawar',
    )
  })
})

describe('a claim of responsibility not made', () => {
  it.each([
    'The BLA has not claimed responsibility.',
    'The BLA did not claim the attack, but officials blamed it.',
    'The BLA has yet to claim the attack.',
  ])('is no claim and gives the attack no actor: %s', (second) => {
    const text = `A roadside bomb killed four soldiers in Kech on Monday. ${second}`
    expect(claims(text).filter((c) => c.startsWith('Baloch Liberation Army asserts'))).toEqual([])
    expect(events(text).find((e) => e.type === 'ASSAULT')?.actors).toEqual([])
  })
})

describe('the doer the reporter’s own account names for an attack told before', () => {
  it.each([
    ['the reporter’s own account through unnamed police', 'Police said the BLA carried out the attack.', 'Baloch Liberation Army'],
    ['the group the attackers belonged to', 'The police said the attackers belonged to the BLA.', 'Baloch Liberation Army'],
  ])('%s is the attack’s actor', (_, second, actor) => {
    const found = events(`Gunmen attacked a checkpoint in Quetta on Monday, killing two. ${second}`)
    expect(found.find((e) => e.type === 'ASSAULT')?.actors).toEqual([actor])
  })
})

describe('a claim for "the attack" made in a statement, several sentences after it', () => {
  it('still makes the group the attack’s actor, not of the troops’ response', () => {
    const text = [
      'Terrorists attacked a checkpost in Datta Khel on Tuesday night, martyring six soldiers.',
      'The troops responded and killed three terrorists, the military said.',
      'A sanitisation operation was under way in the area.',
      'Officials said the area had seen several such raids this year.',
      'The Hafiz Gul Bahadur group claimed responsibility for the attack in a statement shared with journalists.',
    ].join(' ')
    expect(events(text).find((e) => e.type === 'ASSAULT' && e.dead === 6)?.actors).toEqual(['Hafiz Gul Bahadur group'])
  })
})
