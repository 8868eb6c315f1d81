import { describe, expect, it } from 'vitest'
import { claims } from '../support/analyze-text.js'

// A report's author over the report's sentences, on sentences written for these tests.

const REPORT =
  'The UN Security Council’s Analytical Support and Sanctions Monitoring Team released its latest report on Tuesday. ' +
  'The report said the TTP remained the largest foreign terrorist group in Afghanistan. ' +
  'It added that al-Qaeda was providing training to TTP fighters. ' +
  'The monitors also noted that ISKP had recruited fighters in Badakhshan.'

describe('a monitoring team’s report', () => {
  const told = claims(REPORT)
  it.each([
    ['a group that remains "the largest group in" a place', 'Tehreek-e-Taliban Pakistan present_in Afghanistan'],
    ['"it added"', 'al-Qaeda supports Tehreek-e-Taliban Pakistan'],
    ['"the monitors noted", recruiting in a place', 'Islamic State Khorasan Province present_in Badakhshan'],
  ])('%s', (_, claim) => {
    expect(told).toContain(`Analytical Support and Sanctions Monitoring Team asserts ${claim}`)
  })
})

it('reads a state called "the largest … in" nothing', () => {
  expect(claims('Officials said Pakistan was the largest trading partner in the region.')).toEqual([])
})

it('reads "its operations" after a group as the group’s, not the study’s author’s', () => {
  const told = claims('A study by the Pak Institute for Peace Studies found that the BLA had expanded its operations in Kech.')
  expect(told).toContain('Pak Institute for Peace Studies asserts Baloch Liberation Army attacks Kech')
  expect(told).not.toContain('Pak Institute for Peace Studies asserts Pak Institute for Peace Studies attacks Kech')
})

describe('a report’s count of a group’s fighters in a place', () => {
  it.each([
    ['the group had N fighters in', 'The UN report estimated that the TTP had 6,500 fighters in Afghanistan.'],
    ['N of the group’s fighters in', 'The UN report said there were about 6,000 TTP fighters in Afghanistan.'],
    ['a range of fighters', 'The UN report said the TTP had between 5,000 and 6,500 fighters in Afghanistan.'],
  ])('%s', (_, text) => {
    expect(claims(text)).toContain('United Nations asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
  })

  it('reads no presence from fighters lost in a place', () => {
    expect(claims('The UN report said the TTP had lost 300 fighters in Pakistan.')).toEqual([])
  })

  it('lets "according to the report" speak for a body that reported "in its report"', () => {
    const text =
      'The UN monitoring team said in its latest report that the TTP remained strong in Afghanistan. According to the report, ISKP retained a presence in Kunar.'
    expect(claims(text)).toContain(
      'Analytical Support and Sanctions Monitoring Team asserts Islamic State Khorasan Province present_in Kunar',
    )
  })
})

describe('what a report says of a group', () => {
  it('reads the fighters it moved to a place, through "some of its fighters"', () => {
    expect(claims('The UN report said the TTP had relocated some of its fighters to Khost and Paktika provinces.')).toEqual([
      'United Nations asserts Tehreek-e-Taliban Pakistan present_in Khost',
      'United Nations asserts Tehreek-e-Taliban Pakistan present_in Paktika',
    ])
  })

  it('reads no threat to the places where a threat has cells', () => {
    const told = claims('The UN report said ISKP remained the most serious threat in the region, with cells in Kunar.')
    expect(told.filter((c) => c.includes('threatens'))).toEqual([])
    expect(told).toContain('United Nations asserts Islamic State Khorasan Province present_in Kunar')
  })

  it('reads a threat to a party', () => {
    expect(claims('The UN report said ISKP remained a serious threat to Pakistan.')).toContain(
      'United Nations asserts Islamic State Khorasan Province threatens Pakistan',
    )
  })

  it('gives a report "by the UN’s monitoring team" to the team', () => {
    const text =
      'A report by the UN Security Council’s Analytical Support and Sanctions Monitoring Team said the TTP had grown. It noted that ISKP had cells in Kunar.'
    expect(claims(text)).toContain(
      'Analytical Support and Sanctions Monitoring Team asserts Islamic State Khorasan Province present_in Kunar',
    )
  })
})

describe('descriptions of a report’s authors', () => {
  it('never takes "the monitors" or "the team" for a government named before', () => {
    const text =
      'The Taliban government has denied hosting foreign fighters. The monitors said al-Qaeda runs training camps in Paktika. The team also reported that the TTP moved fighters into Kunar.'
    expect(claims(text).filter((c) => c.startsWith('Taliban asserts'))).toEqual([])
  })

  it('still takes "the monitors" for the monitoring team named before', () => {
    const text =
      'The UN Security Council’s Analytical Support and Sanctions Monitoring Team issued its report on Tuesday. The monitors said al-Qaeda runs training camps in Paktika.'
    expect(claims(text)).toContain('Analytical Support and Sanctions Monitoring Team asserts al-Qaeda present_in Paktika')
  })
})

describe('a report’s author through its description and its wordings', () => {
  it('takes the author of "a new United Nations report" for "the report … said"', () => {
    const text =
      'A new United Nations report has warned that the TTP remains a serious threat. The report, submitted to the Security Council this week, said al-Qaeda continued to provide guidance to the TTP.'
    expect(claims(text)).toContain('United Nations asserts al-Qaeda supports Tehreek-e-Taliban Pakistan')
  })

  it('reads "according to the monitors" as the monitors named before', () => {
    const text =
      'The UN’s sanctions monitors said the Taliban continued to host al-Qaeda leaders. According to the monitors, TTP fighters were moving freely between Kunar and Bajaur.'
    const told = claims(text)
    expect(told).toContain('United Nations asserts Taliban harbors al-Qaeda')
    expect(told).toContain('United Nations asserts Tehreek-e-Taliban Pakistan present_in Kunar')
  })

  it('reads attacks launched from a country as presence there', () => {
    const text = 'Pakistan said the TTP had increased its attacks from Afghanistan this year.'
    expect(claims(text)).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
  })
})

describe('proxies', () => {
  it.each([
    ['a proxy of', 'Pakistan says the BLA is a proxy of India.', ['Pakistan asserts India supports Baloch Liberation Army']],
    [
      'coordinated groups as proxies',
      'Pakistan described the BLA and the TTP as India’s proxies.',
      ['Pakistan asserts India supports Baloch Liberation Army', 'Pakistan asserts India supports Tehreek-e-Taliban Pakistan'],
    ],
  ])('%s: the state backs the groups', (_, text, expected) => {
    const told = claims(text)
    for (const claim of expected) expect(told).toContain(claim)
  })
})
