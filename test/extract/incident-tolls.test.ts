import { describe, expect, it } from 'vitest'
import { analyze, events, nameIn } from '../support/analyze-text.js'

// The toll and the sides of the article's incident (issue 23), each on sentences written for these tests.

const assaults = (text: string) => events(text).filter((e) => e.type === 'ASSAULT')
const tolls = (text: string) => assaults(text).map((e) => e.dead)

describe('a count after a verb of shooting dead', () => {
  it.each([
    ['Security forces shot dead 23 terrorists in an operation in North Waziristan on Monday.', 23],
    ['Police gunned down four robbers in Karachi on Monday.', 4],
    ['Troops gunned down two commanders and three fighters in Kech on Friday.', 5],
  ])('%s', (text, dead) => {
    expect(tolls(text)).toEqual([dead])
  })

  it('takes no toll from a time after the verb', () => {
    expect(tolls('The cleric, who was shot dead 12 years ago in Quetta, was buried in Pishin.')).not.toContain(12)
  })
})

describe('the dead told as members of a group', () => {
  it.each([
    [
      'Troops killed 10 terrorists belonging to the Tehreek-e-Taliban Pakistan in an operation in Bannu on Tuesday.',
      'Tehreek-e-Taliban Pakistan',
    ],
    ['Security forces gunned down six insurgents of the Baloch Liberation Army in Kech on Thursday.', 'Baloch Liberation Army'],
  ])('%s', (text, group) => {
    const [attack] = assaults(text)
    expect(attack?.targets).toContain(group)
  })

  it('names no target when the dead belong to no named group', () => {
    expect(assaults('Troops killed 10 terrorists belonging to a local cell in Bannu on Tuesday.')[0]?.targets).toEqual([])
  })
})

describe('one victim told by "a"', () => {
  it.each([
    ['A soldier was martyred when militants opened fire on a patrol in Kech on Sunday.', 1],
    ['Gunmen opened fire on a polio team in Bajaur on Monday. A policeman guarding the team was killed in the attack.', 1],
    ['A bomb exploded outside a shop in Turbat on Friday. A passer-by died on the way to hospital.', 1],
  ])('%s', (text, dead) => {
    expect(tolls(text)).toEqual([dead])
  })

  it('does not count a time or a report as a victim', () => {
    expect(tolls('Militants attacked a police post in Tank on Monday, a day after the commander was killed in Zhob.')).not.toContain(1)
    expect(tolls('Gunmen fired on a checkpoint in Kalat on Monday. A video of the attack was shared online.')).toEqual([null])
  })
})

describe('a toll in the sentence after the attack, past another event word', () => {
  it('gives the bodies found to the attack, not to the abduction', () => {
    const text =
      'Gunmen stormed a bus in Musakhel on Monday and abducted its passengers. The bodies of nine passengers were later recovered from the hills.'
    expect(tolls(text)).toEqual([9])
  })

  it('gives no toll to an attack two sentences back', () => {
    const text =
      'Gunmen stormed a bus in Musakhel on Monday and abducted its passengers. The road was closed. Nine bodies were later found in the hills.'
    expect(tolls(text)).toEqual([null])
  })
})

describe('one incident told twice', () => {
  it('merges a sentence retelling the attack, keeping its toll over a later partial count', () => {
    const text =
      'A bomb exploded in a mosque in Kunduz on Friday, killing at least 50 worshippers. ' +
      'The explosion in the mosque was caused by a suicide bomber, a Taliban official said. A doctor at the hospital said 35 bodies had been received.'
    expect(tolls(text)).toEqual([50])
  })

  it('keeps apart another attack told after the retelling', () => {
    const text =
      'A bomb exploded at a market in Quetta on Monday. The blast in the market was caused by a suicide bomber. ' +
      'Another suicide bomber struck a checkpoint in Turbat on Tuesday.'
    expect(assaults(text).map((e) => e.place)).toEqual(['Quetta', 'Turbat'])
  })

  it('merges mentions of one place and one toll, keeping the actor first named', () => {
    const text =
      'Afghan border forces shelled homes in Chaman on Sunday, killing six civilians, the ministry said. The minister condemned it. ' +
      'Residents fled. According to the ISPR, the firing by Afghan forces on Chaman included artillery. It said the firing caused the deaths of six civilians.'
    const found = assaults(text)
    expect(found).toHaveLength(1)
    expect(found[0]?.dead).toBe(6)
    expect(found[0]?.actors).toEqual(['Afghan border forces'])
  })

  it('keeps apart two attacks of one place and one toll on two days', () => {
    const text =
      'A bomb killed six people in Chaman on Sunday. Residents fled. Police were deployed. On Monday, gunmen killed six soldiers in Chaman.'
    expect(tolls(text)).toEqual([6, 6])
  })
})

describe('an attack told as the time of another', () => {
  it('does not take the date of the sentence', () => {
    const record = analyze(
      'A suicide bomber killed 12 people in Quetta on Monday, two days after an attack in Turbat claimed by the Baloch Liberation Army.',
    )
    const name = nameIn(record)
    const turbat = record.events.find((e) => e.type === 'ASSAULT' && name(e.place) === 'Turbat')
    const quetta = record.events.find((e) => e.type === 'ASSAULT' && name(e.place) === 'Quetta')
    expect(turbat?.date.start).toBeNull()
    expect(quetta?.date.start).toBe('2025-04-28')
  })
})

describe('tallies are no events', () => {
  it.each([
    'Last year, militants killed more than 1,000 people in attacks across Khyber Pakhtunkhwa.',
    'In 2023, militants killed 1,500 people in Pakistan, a think tank said.',
    'The Kurram district has seen repeated sectarian attacks since 2007, killing hundreds.',
    'The Tehreek-e-Taliban Pakistan has carried out more than 600 attacks this year, killing 900 soldiers.',
  ])('%s', (text) => {
    expect(assaults(text)).toEqual([])
  })

  it('keeps a single attack dated only by its year, in a town', () => {
    expect(tolls('In 2021, a bombing targeting a bus in Dasu killed 13 people.')).toEqual([13])
  })

  it('keeps the incident of the article beside a tally', () => {
    const text =
      'A roadside bomb hit a police vehicle in Khuzdar on Tuesday, killing two officers. Last year, militants killed more than 1,000 people across Balochistan.'
    expect(tolls(text)).toEqual([2])
  })
})

describe('counts of the dead in other wordings', () => {
  it.each([
    ['A suicide bomber struck a convoy in Bannu on Monday. The number of dead stood at 14, officials said.', 14],
    ['A suicide bomber struck a convoy in Bannu on Monday. The attack left 14 people dead and 30 injured.', 14],
    ['Gunmen killed a tribal elder and his two sons in Khyber on Sunday.', 3],
    ['Gunmen killed a police officer and two guards in Khyber on Sunday.', 3],
  ])('%s', (text, dead) => {
    expect(tolls(text)).toEqual([dead])
  })

  it('adds no wounded to the dead', () => {
    expect(tolls('Gunmen opened fire on a van in Khyber on Sunday, killing a driver and wounding two passengers.')).toEqual([1])
    expect(tolls('A bomb exploded at a bus stop in Quetta on Monday, leaving two people injured and three in critical condition.')).toEqual(
      [null],
    )
  })
})

describe('more dead told later add to the toll', () => {
  it('adds the dead who died later', () => {
    const text =
      'Militants attacked a police station in Bannu on Sunday, killing four policemen. Three more policemen later died of their wounds.'
    expect(tolls(text)).toEqual([7])
  })

  it('adds neither the wounded nor the dead of an attack elsewhere', () => {
    expect(tolls('Militants attacked a police station in Bannu on Sunday, killing four policemen. Two more were injured.')).toEqual([4])
    const elsewhere = 'A bomb killed four people in Quetta on Sunday. Hours later, a second bomb killed two more people in Turbat.'
    expect(tolls(elsewhere)).toEqual([4, 2])
  })
})

describe('the toll and the answer after an attack', () => {
  it('reads the toll past a sentence retelling the attack', () => {
    const text =
      'Gunmen attacked a checkpoint in Zhob on Monday night. The army said the attack was repulsed. According to the ISPR, four soldiers embraced martyrdom.'
    expect(tolls(text)).toEqual([4])
  })

  it('reads no toll past a sentence that does not retell it', () => {
    const text =
      'Gunmen attacked a checkpoint in Zhob on Monday night. Schools were closed in the town. Four soldiers were buried in Quetta.'
    expect(tolls(text)).not.toContain(4)
  })

  it('places the answer of the side attacked where it was attacked', () => {
    const text =
      'Seven soldiers were martyred when terrorists attacked a security forces post in North Waziristan on Saturday, the ISPR said. ' +
      'Security forces responded and killed four terrorists.'
    expect(assaults(text).map((e) => [e.place, e.dead])).toEqual([
      ['North Waziristan', 7],
      ['North Waziristan', 4],
    ])
  })

  it('does not place an act of another side there', () => {
    const text = 'Militants killed 12 soldiers in an ambush in Kech on Monday. The Taliban killed 20 people on Tuesday, a spokesman said.'
    expect(assaults(text).map((e) => e.place)).toEqual(['Kech', 'article'])
  })
})

describe('many attacks told as one record', () => {
  it.each([
    'A string of attacks in Kech has killed 40 soldiers.',
    'Balochistan has seen a spate of bombings in Turbat since the spring.',
    'Attacks by the Baloch Liberation Army in Turbat have killed dozens of people.',
  ])('%s', (text) => {
    expect(assaults(text)).toEqual([])
  })

  it('keeps blasts of one incident', () => {
    expect(tolls('A series of blasts hit a market in Quetta on Monday, killing 12 people.')).toEqual([12])
  })
})

describe('two tolls of one sentence, two incidents', () => {
  it('gives the toll after the past bombing to the attack of the day', () => {
    const found = assaults(
      'The attack, the deadliest since a 2023 bombing that killed 84 people, left 12 soldiers dead in Bannu on Monday.',
    )
    expect(found.map((e) => e.dead).sort()).toEqual([12, 84])
  })

  it('gives each place its own toll, and the earlier one no date of the sentence', () => {
    const record = analyze('A blast in Quetta on Monday killed 5 people, three days after 10 people died in a similar attack in Mastung.')
    const name = nameIn(record)
    const byPlace = Object.fromEntries(record.events.map((e) => [name(e.place), [e.fatalities?.best, e.date.start]]))
    expect(byPlace).toEqual({ Quetta: [5, '2025-04-28'], Mastung: [10, null] })
  })

  it('splits no incident over the tolls of its two sides', () => {
    expect(tolls('Militants attacked a checkpoint in Zhob on Monday, killing 12 soldiers; 20 attackers were also killed.')).toHaveLength(1)
  })
})

describe('the defenders of a repulsed attack and attacks placed in a series', () => {
  it('makes the forces that repulsed an attack its target, not its actor', () => {
    const found = events('Security forces repulsed an attack on a post in Bajaur, the military said. Three soldiers were killed.')
    expect(found.find((e) => e.type === 'ASSAULT')).toMatchObject({ actors: [], targets: ['Pakistan Armed Forces'], place: 'Bajaur' })
  })

  it('codes no event for "the third attack in the city this month" and takes no tally into it', () => {
    const text =
      'A blast in Quetta killed two people on Tuesday. It was the third attack in the city this month; more than 40 people have been killed in Balochistan since January.'
    expect(events(text).filter((e) => e.type === 'ASSAULT')).toEqual([
      { type: 'ASSAULT', actors: [], targets: [], place: 'Quetta', dead: 2 },
    ])
  })

  it('still codes "the second attack" that tells an event of its own', () => {
    const text =
      'Two attacks hit Bannu on Monday. The first attack targeted a checkpoint, killing two. The second attack targeted a police station in Bannu, killing three policemen.'
    expect(
      events(text)
        .filter((e) => e.type === 'ASSAULT')
        .map((e) => e.dead),
    ).toEqual([2, 3])
  })
})

describe('an event dated from another', () => {
  it('codes the second event and dates it from the first, not from the article', () => {
    const record = analyze(
      'A bomb exploded in Quetta last week, killing four people. A week after the blast, gunmen attacked a bus in Kalat, killing six.',
    )
    const name = nameIn(record)
    const found = record.events
      .filter((e) => e.type === 'ASSAULT')
      .map((e) => [name(e.place), e.fatalities?.best, e.date.start, e.date.end])
    expect(found).toEqual([
      ['Quetta', 4, '2025-04-21', '2025-04-27'],
      ['Kalat', 6, '2025-04-28', '2025-05-04'],
    ])
  })
})

describe('the doers’ noun and acts of taking', () => {
  it('codes a kidnapping by gunmen as one COERCE event, no assault', () => {
    expect(events('Gunmen kidnapped a district judge in Dera Ismail Khan on Monday.').map((e) => e.type)).toEqual(['COERCE'])
  })

  it('still codes an attack by gunmen', () => {
    expect(events('Gunmen opened fire on a police van in Bannu on Monday, killing two.').map((e) => e.type)).toEqual(['ASSAULT'])
  })

  it('codes hostage-taking and a track blown up', () => {
    const types = events('The BLA took passengers of the train hostage after blowing up the track near Sibi on Tuesday.').map((e) => e.type)
    expect(types).toContain('COERCE')
    expect(types).toContain('ASSAULT')
  })
})
