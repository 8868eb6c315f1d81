import { describe, expect, it } from 'vitest'
import { analyzeSource } from '../../src/pipeline/analyze.js'
import type { AnalysisRecord } from '../../src/record/record.js'

function analyze(text: string, date = '2025-04-02'): AnalysisRecord {
  return analyzeSource({ name: 'test.txt', format: 'text', content: text, meta: {} }, { referenceDate: date })
}

/** Claims as readable strings: "claimant stance subject relation object". */
function claims(text: string): string[] {
  const record = analyze(text)
  const name = (id: string | null) =>
    id === null ? 'article' : (record.entities.find((e) => e.id === id)?.name ?? record.places.find((p) => p.id === id)?.name ?? id)
  return record.claims.map((c) => `${name(c.claimant)} ${c.stance} ${name(c.subject)} ${c.relation} ${name(c.object)}`)
}

function events(text: string, date?: string) {
  const record = analyze(text, date)
  const name = (id: string | null) => record.entities.find((e) => e.id === id)?.name ?? record.places.find((p) => p.id === id)?.name ?? id
  return record.events.map((e) => ({
    type: e.type,
    mode: e.mode,
    actors: e.actors.map(name),
    targets: e.targets.map(name),
    place: name(e.place),
    dead: e.fatalities?.best ?? null,
    date: e.date.start,
  }))
}

describe('attribution: where the cue stands', () => {
  it.each([
    [
      'cue before the content',
      'Zabihullah Mujahid, the Taliban spokesman, alleged that ISKP has set up training camps in Mastung.',
      'Taliban asserts Islamic State Khorasan Province present_in Mastung',
    ],
    [
      'cue after the content',
      '“ISKP fighters have moved their camps to Mastung,” Zabihullah Mujahid said.',
      'Taliban asserts Islamic State Khorasan Province present_in Mastung',
    ],
    [
      'according to',
      'According to the Pakistani military, TTP commanders operate from Afghanistan.',
      'Pakistan Armed Forces asserts Tehreek-e-Taliban Pakistan present_in Afghanistan',
    ],
    [
      'a pronoun across sentences',
      'Pakistan’s Foreign Office spokesperson Shafqat Ali Khan spoke to reporters on Friday. He alleged that India has been backing the Baloch Liberation Army.',
      'Pakistan asserts India supports Baloch Liberation Army',
    ],
    [
      'a participle after the main clause',
      'Pakistan summoned the Afghan envoy on Monday, accusing Kabul of sheltering TTP fighters.',
      'Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan',
    ],
  ])('%s', (_name, text, expected) => {
    expect(claims(text)).toContain(expected)
  })
})

describe('attribution: stance', () => {
  it('reads a denial of a negated proposition', () => {
    expect(claims('The Taliban government claimed that ISKP no longer holds any bases inside Afghanistan.')).toContain(
      'Taliban denies Islamic State Khorasan Province present_in Afghanistan',
    )
  })

  it('turns a rejection of earlier allegations into denials of them', () => {
    const found = claims('Pakistan says the TTP uses havens in Afghanistan. The Taliban have rejected such allegations.')
    expect(found).toContain('Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan')
    expect(found).toContain('Taliban denies Taliban harbors Tehreek-e-Taliban Pakistan')
  })

  it('records a party that has not responded to an allegation about it', () => {
    const found = claims(
      'Zabihullah Mujahid alleged that Pakistan is providing support to ISKP. Pakistan has yet to respond to the allegations.',
    )
    expect(found).toContain('Taliban asserts Pakistan supports Islamic State Khorasan Province')
    expect(found).toContain('Pakistan no_response Pakistan supports Islamic State Khorasan Province')
  })

  it('gives the reporter’s own statements a null claimant', () => {
    expect(claims('The TTP has been operating from bases in Kunar for years.')).toContain(
      'article asserts Tehreek-e-Taliban Pakistan present_in Kunar',
    )
  })
})

describe('relations: coordination and voice', () => {
  it('expands coordinated subjects', () => {
    const found = claims('Pakistan says the TTP and the BLA are operating from Afghanistan.')
    expect(found).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
    expect(found).toContain('Pakistan asserts Baloch Liberation Army present_in Afghanistan')
  })

  it('reads support in the passive', () => {
    expect(claims('Islamabad claims the BLA is backed by India.')).toContain('Pakistan asserts India supports Baloch Liberation Army')
  })

  it('makes a claim of responsibility the group’s assertion that it attacked', () => {
    expect(claims('Gunmen attacked a police post in Bannu on Tuesday. The TTP claimed responsibility for the attack.')).toContainEqual(
      expect.stringMatching(/^Tehreek-e-Taliban Pakistan asserts Tehreek-e-Taliban Pakistan attacks /),
    )
  })

  it('reads a claim of responsibility in the passive, describing words before the group included', () => {
    const text =
      'Gunmen stormed a police station in Turbat overnight, killing three policemen. It was claimed by the separatist Baloch Liberation Army, officials said.'
    expect(claims(text)).toContainEqual(expect.stringMatching(/^Baloch Liberation Army asserts Baloch Liberation Army attacks /))
    expect(events(text)).toContainEqual(expect.objectContaining({ type: 'ASSAULT', actors: ['Baloch Liberation Army'], place: 'Turbat' }))
  })

  it('gives a passive claim to the attack it follows, not to another attack of the sentence', () => {
    const found = events(
      'Four people died in a blast in Quetta on Monday, two days after a bombing in Turbat claimed by the Baloch Liberation Army.',
    )
    expect(found).toContainEqual(expect.objectContaining({ type: 'ASSAULT', actors: ['Baloch Liberation Army'], place: 'Turbat' }))
    expect(found).toContainEqual(expect.objectContaining({ type: 'ASSAULT', actors: [], place: 'Quetta' }))
  })
})

describe('events', () => {
  it('reads the actor of an active sentence and the target of its object', () => {
    expect(events('TTP militants attacked a Frontier Corps checkpost in Bannu on Tuesday, killing four soldiers.')).toContainEqual(
      expect.objectContaining({ type: 'ASSAULT', actors: ['Tehreek-e-Taliban Pakistan'], place: 'Bannu', dead: 4, date: '2025-04-01' }),
    )
  })

  it('reads the actor of a passive sentence', () => {
    expect(
      events('A police checkpost was attacked by Baloch Liberation Army fighters in Turbat, leaving two policemen dead.'),
    ).toContainEqual(expect.objectContaining({ type: 'ASSAULT', actors: ['Baloch Liberation Army'], place: 'Turbat', dead: 2 }))
  })

  it('keeps an unnamed perpetrator as the unidentified armed group', () => {
    expect(events('Unknown gunmen shot dead a shopkeeper in Quetta on Sunday.')).toContainEqual(
      expect.objectContaining({ type: 'ASSAULT', actors: ['Unidentified armed group'], place: 'Quetta', dead: 1 }),
    )
  })

  it('codes arrests as COERCE with the arrested as target', () => {
    expect(events('Taliban forces arrested three TTP commanders in Kunar province.')).toContainEqual(
      expect.objectContaining({ type: 'COERCE', mode: 'arrest', place: 'Kunar' }),
    )
  })

  it('merges mentions of one incident and keeps its toll', () => {
    const found = events('A suicide bomber struck a market in Peshawar on Friday. The blast killed at least 12 people.').filter(
      (e) => e.type === 'ASSAULT',
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ mode: 'suicide', place: 'Peshawar', dead: 12 })
  })

  it('codes an accusation as ACCUSE and a denial as REJECT', () => {
    const found = events('Pakistan accused India of backing the BLA. India rejected the allegations.')
    expect(found).toContainEqual(expect.objectContaining({ type: 'ACCUSE', actors: ['Pakistan'], targets: ['India'] }))
    expect(found).toContainEqual(expect.objectContaining({ type: 'REJECT', actors: ['India'] }))
  })

  it('does not code a pattern of many attacks as one event', () => {
    expect(events('The group has carried out numerous attacks over the past four years.').filter((e) => e.type === 'ASSAULT')).toEqual([])
  })
})
