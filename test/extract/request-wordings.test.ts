import { describe, expect, it } from 'vitest'
import { events } from '../support/analyze-text.js'

// Demands and requests in two more wordings (issue 23), each on sentences written for these tests.

const requests = (text: string) =>
  events(text)
    .filter((e) => e.type === 'REQUEST')
    .map((e) => [e.actors, e.targets])

describe('a demand made of the party after "from"', () => {
  it.each([
    ['Iran demanded an immediate explanation from Pakistan over the strikes.', 'Iran', 'Pakistan'],
    ['China sought assurances from Pakistan on the safety of its engineers.', 'China', 'Pakistan'],
  ])('%s', (text, actor, target) => {
    expect(requests(text)).toEqual([[[actor], [target]]])
  })

  it('is no request when only a report comes from the party', () => {
    expect(requests('Iran received a report from Pakistan on the strikes.')).toEqual([])
  })
})

describe('a request by the speaker named before', () => {
  const said = 'Interior Minister Rana Sanaullah said on Sunday that Afghan forces had fired on civilians in Chaman. '

  it.each(['The minister', 'He'])('%s requested …', (subject) => {
    expect(requests(`${said}${subject} requested the Balochistan government to support the affected.`)).toEqual([
      [['Rana Sanaullah'], ['Government of Balochistan']],
    ])
  })

  it('takes no speaker for a subject that is not one told before', () => {
    expect(requests(`${said}Residents requested the Balochistan government to support the affected.`)).toEqual([])
  })
})

describe('a statement denying something of the speaker itself', () => {
  const rejects = (text: string) =>
    events(text)
      .filter((e) => e.type === 'REJECT')
      .map((e) => [e.actors, e.targets])

  it('is a rejection of whoever alleged it', () => {
    const text =
      'Pakistan said its strikes hit hideouts of the Balochistan Liberation Front in Iran. The BLF said it does not have any hideouts in Iran.'
    expect(rejects(text)).toEqual([[['Balochistan Liberation Front'], ['Pakistan']]])
  })

  it('is no rejection when what is denied is of others', () => {
    expect(rejects('The army said no soldiers were killed in the attack in Zhob.')).toEqual([])
  })
})

describe('a demand made of the party the speaker turned to', () => {
  it.each([
    ['Islamabad approached the Taliban government in Kabul and demanded the handover of TTP leaders.', 'Pakistan', 'Taliban'],
    [
      'China’s foreign ministry wrote to Pakistan’s interior ministry and urged better protection for its engineers.',
      'Ministry of Foreign Affairs of China',
      'Ministry of Interior of Pakistan',
    ],
  ])('%s', (text, actor, target) => {
    expect(requests(text)).toContainEqual([[actor], [target]])
  })

  it('is no request when the demand is not coordinated with the turn', () => {
    expect(requests('Pakistan approached the Taliban government. Separately, protesters demanded jobs.')).toEqual([])
  })
})
