import { describe, expect, it } from 'vitest'
import { analyzeSource } from '../../src/pipeline/analyze.js'

// Tolls, re-typing by object and aggregates (issue 21), each on sentences written for these tests.

function events(text: string) {
  const record = analyzeSource({ name: 'test.txt', format: 'text', content: text, meta: {} }, { referenceDate: '2025-05-01' })
  return record.events.map((e) => ({ type: e.type, mode: e.mode, dead: e.fatalities?.best ?? null }))
}

const assaultTolls = (text: string) =>
  events(text)
    .filter((e) => e.type === 'ASSAULT')
    .map((e) => e.dead)

describe('a toll spread across an aside on the victims', () => {
  it.each([
    [
      'A dozen labourers, including a contractor who had worked at the site for years, were killed when gunmen stormed a camp in Kech on Tuesday.',
      12,
    ],
    ['Five soldiers, among them a major who led the patrol, were martyred in an ambush in Zhob on Monday.', 5],
    ['Gunmen opened fire on a police van in Tank on Monday, killing five people, including an inspector, and wounding seven others.', 5],
  ])('%s', (text, dead) => {
    expect(assaultTolls(text)).toEqual([dead])
  })

  it('takes no event from what the aside tells of a victim', () => {
    const found = events('Six soldiers, including a captain who had led a raid on a hideout, were killed in a bombing in Bajaur on Friday.')
    expect(found.filter((e) => e.type === 'ASSAULT')).toHaveLength(1)
  })
})

describe('the dead of both sides add up', () => {
  it.each([
    ['Two policemen and four attackers died in the gunfight in Lakki Marwat on Monday.', 6],
    ['The clash in Kurram on Sunday left three soldiers and seven militants dead.', 10],
    ['Three soldiers were martyred while five terrorists were killed in the exchange of fire in Zhob on Monday.', 8],
    ['Four khwarij were killed and two soldiers were martyred in a clash in Tank on Sunday.', 6],
  ])('%s', (text, dead) => {
    expect(assaultTolls(text)).toEqual([dead])
  })

  it('does not add the wounded', () => {
    expect(assaultTolls('The blast in Quetta on Friday left two policemen and three passers-by injured.')).not.toContain(5)
  })
})

describe('lives lost and tolls told apart from the trigger', () => {
  it.each([
    ['Militants attacked a police post in Bannu on Monday. Twelve lives were lost in the attack.', 12],
    ['Airstrikes in Paktika on Sunday led to the loss of eight lives.', 8],
    ['In an exchange of fire in South Waziristan on Friday, eight khwarij were sent to hell.', 8],
    [
      'A suicide bomber blew himself up at a rally in Bajaur on Sunday, killing 40 people. Officials said on Monday the death toll had climbed to 54.',
      54,
    ],
    ['A bomb went off in Mastung on Friday, killing 30 people. By Saturday the number of dead had risen to 52.', 52],
    ["Gunmen attacked a bus in Kurram on Thursday, killing 20 people. The death toll from Thursday's attack has risen to 42.", 42],
  ])('%s', (text, dead) => {
    expect(assaultTolls(text)).toEqual([dead])
  })
})

describe('the object of a trigger retells it', () => {
  it('expelling an ambassador is a sanction', () => {
    const found = events('Islamabad expelled the Iranian ambassador on Wednesday.')
    expect(found.map((e) => e.type)).toEqual(['SANCTION'])
  })

  it('releasing a video or a statement is no retreat', () => {
    expect(events('The Tehreek-e-Taliban Pakistan released a video of its fighters in Kurram.').map((e) => e.type)).not.toContain('RETREAT')
    expect(events('The Baloch Liberation Army released a statement to the press in Turbat.').map((e) => e.type)).not.toContain('RETREAT')
  })

  it('striking a deal is no attack', () => {
    expect(events('Pakistan and China struck a deal in Islamabad on Monday.').map((e) => e.type)).not.toContain('ASSAULT')
  })
})

describe('tallies are no events', () => {
  it.each([
    ['Militants have carried out more than 300 attacks in Khyber Pakhtunkhwa this year, according to police data.'],
    ['Since 2021, the Tehreek-e-Taliban Pakistan has killed hundreds of policemen in Khyber Pakhtunkhwa.'],
    ['Balochistan saw 150 attacks in the first half of the year, a think tank reported.'],
  ])('%s', (text) => {
    expect(events(text).filter((e) => e.type === 'ASSAULT')).toEqual([])
  })
})

describe('a toll keeps its count whatever the victims are called', () => {
  it.each([
    ['Security forces killed six khwarij in an operation in North Waziristan on Monday.', 6],
    ['Security forces killed six militants in an operation in North Waziristan on Monday.', 6],
    ['Troops killed 12 khawarij during an operation in Bannu district on Tuesday.', 12],
  ])('%s', (text, dead) => {
    expect(assaultTolls(text)).toEqual([dead])
  })
})

describe('one incident over several places, told twice', () => {
  it('merges a mention naming every place of an earlier one', () => {
    const text =
      'A spokesman said drone strikes in Kunar and Nangarhar had killed four people. He said the attack was condemned by elders. ' +
      'Residents were angry. He said drones hit two houses in Dangam district, Kunar, and Achin district, Nangarhar, on Sunday night.'
    expect(events(text).filter((e) => e.type === 'ASSAULT')).toHaveLength(1)
  })

  it('keeps apart attacks in two places told in one sentence each', () => {
    const text =
      'A bomb exploded in Quetta on Monday. Police said the blast killed four people. In a separate incident, gunmen shot dead two policemen in Turbat on Monday.'
    expect(events(text).filter((e) => e.type === 'ASSAULT')).toHaveLength(2)
  })
})

describe('a count of things destroyed before the killing', () => {
  it('is not the toll', () => {
    const told = events(
      'The Taliban’s defence ministry said its forces had destroyed several Pakistani posts near Kurram and killed 19 Pakistani soldiers.',
    )
    expect(told.find((e) => e.type === 'ASSAULT')?.dead).toBe(19)
  })
})

describe('the manner of an event told before', () => {
  it('is no event of its own: arrests "in raids" are no attack', () => {
    const told = events('The Counter Terrorism Department arrested 13 suspected terrorists belonging to the TTP in raids across Punjab.')
    expect(told.map((e) => e.type)).toEqual(['COERCE'])
  })

  it('keeps one attack for "killed 12 militants in an operation"', () => {
    const told = events('Security forces killed 12 militants in an operation in Khyber district on Monday.')
    expect(told.filter((e) => e.type === 'ASSAULT')).toHaveLength(1)
  })
})
