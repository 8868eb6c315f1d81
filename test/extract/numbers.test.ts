import { describe, expect, it } from 'vitest'
import { fatalitiesIn, readCount } from '../../src/extract/numbers.js'

describe('counts in words and digits', () => {
  it.each([
    ['30 people', 30, 30, 30],
    ['1,200 homes', 1200, 1200, 1200],
    ['thirty-five fighters', 35, 35, 35],
    ['a dozen attackers', 12, 12, 12],
    ['dozens of people', 12, 12, 36],
    ['hundreds of families', 100, 100, 900],
    ['tens of soldiers', 10, 10, 90],
    ['at least 12 soldiers', 12, 12, null],
    ['nearly 30 fighters', 30, null, null],
    ['up to 40 people', 40, null, 40],
    ['10 to 15 people', 10, 10, 15],
  ])('%s', (text, best, low, high) => {
    expect(readCount(text)).toMatchObject({ best, low, high })
  })
})

describe('fatalities of a sentence', () => {
  it.each([
    ['Nearly 30 ISKP members were killed in the clash.', 30],
    ['The blast killed at least 12 people and wounded 40.', 12],
    ['The 2021 attack had killed 183 people, including 13 U.S. troops.', 183],
    ['Two officers and two insurgents were killed in the exchange.', 4],
    ['The death toll rose to 62 on Saturday.', 62],
    ['Dozens were killed when the market was shelled.', 12],
    ['The assault resulted in six casualties, including three women.', 6],
    ['Four policemen were martyred.', 4],
    ['Seven guards, including a driver who had worked there for years, were killed.', 7],
    ['The raid left four soldiers and six fighters dead.', 10],
    ['Two soldiers were martyred while three attackers were killed.', 5],
    ['The shelling claimed nine lives.', 9],
  ])('%s', (text, best) => {
    expect(fatalitiesIn(text)?.best).toBe(best)
  })

  it.each([
    ['Over the past four years the group grew.'],
    ['The 36-minute video was released in 2024.'],
    ['Mastung lies 55 kilometers southeast of Quetta.'],
    ['Some 6,000 fighters remain active.'],
    ['Two firefighters who risked their lives were honoured.'],
    ['The blast left two policemen and three passers-by injured.'],
  ])('finds no deaths in "%s"', (text) => {
    expect(fatalitiesIn(text)).toBeNull()
  })
})
