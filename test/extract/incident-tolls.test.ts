import { describe, expect, it } from 'vitest'
import { events } from '../support/analyze-text.js'

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
