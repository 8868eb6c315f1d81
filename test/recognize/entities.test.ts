import { describe, expect, it } from 'vitest'
import { analyzeSource } from '../../src/pipeline/analyze.js'

function recognize(text: string, date: string | null = '2025-04-02') {
  const record = analyzeSource({ name: 't.txt', format: 'text', content: text, meta: {} }, { referenceDate: date })
  return {
    entities: record.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      said: e.mentions.map((m) => text.slice(m.start, m.end)),
    })),
    places: record.places.map((p) => ({ id: p.id, name: p.name, kind: p.kind, country: p.country, lat: p.lat })),
  }
}

describe('knowledge-base names in all their spellings', () => {
  it.each([
    ['IS-KP fighters crossed the border.', 'actor:iskp'],
    ['ISIS–Khorasan claimed the attack.', 'actor:iskp'],
    ['The Islamic State-Khorasan Province has grown.', 'actor:iskp'],
    ['Tehrik-i-Taliban Pakistan denied it.', 'actor:ttp'],
    ['Zabiullah Mujahid spoke on Monday.', 'actor:zabihullah-mujahid'],
    ['The Majid Brigade was blamed.', 'actor:majeed-brigade'],
  ])('%s', (text, id) => {
    expect(recognize(text).entities.map((e) => e.id)).toContain(id)
  })
})

describe('countries and capitals acting as parties', () => {
  it('makes an acting capital its government', () => {
    const { entities, places } = recognize('Islamabad accused Kabul of sheltering militants.')
    expect(entities.map((e) => e.id)).toEqual(expect.arrayContaining(['actor:pakistan', 'actor:taliban']))
    expect(places.map((p) => p.name)).toEqual(expect.arrayContaining(['Islamabad', 'Kabul']))
  })

  it('keeps a country that is only a place out of the actors', () => {
    const { entities, places } = recognize('Floods hit villages in Pakistan last week.')
    expect(entities.map((e) => e.id)).not.toContain('actor:pakistan')
    expect(places.map((p) => p.name)).toContain('Pakistan')
  })

  it('reads demonym phrases as the state', () => {
    expect(recognize('U.S. and Pakistani officials said the suspect was arrested.').entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['actor:united-states', 'actor:pakistan']),
    )
  })
})

describe('names the knowledge base does not hold', () => {
  it('finds a titled person and links the surname back', () => {
    const { entities } = recognize('Commander Gul Zaman Wazir said the road was closed. Wazir added that talks would resume.')
    const person = entities.find((e) => e.name === 'Gul Zaman Wazir')
    expect(person?.type).toBe('person')
    expect(person?.said).toContain('Wazir')
  })

  it('finds an organisation by its head word and its acronym', () => {
    const { entities } = recognize('The Baloch Students Unity Forum (BSUF) called a strike. BSUF leaders were arrested.')
    const org = entities.find((e) => e.name === 'Baloch Students Unity Forum')
    expect(org?.said).toEqual(['Baloch Students Unity Forum', 'BSUF', 'BSUF'])
  })

  it('never reports page furniture as an actor', () => {
    expect(recognize('Must Read\n\nLatest News\n\nThe army said two soldiers died.').entities.map((e) => e.name)).not.toContain(
      'Latest News',
    )
  })

  it('gives unnamed attackers the unidentified armed group', () => {
    expect(recognize('Unidentified gunmen opened fire on a bus.').entities.map((e) => e.id)).toContain('actor:unidentified-armed-group')
  })
})

describe('places', () => {
  it('prefers the province when the text says province', () => {
    expect(recognize('Fighting spread across Kandahar province.').places[0]).toMatchObject({
      name: 'Kandahar',
      kind: 'admin1',
      country: 'AF',
    })
  })

  it('prefers the city when the text names it bare', () => {
    expect(recognize('A blast shook Kandahar city on Friday.').places[0]).toMatchObject({ kind: 'city', country: 'AF' })
  })

  it('resolves spelling variants to one place', () => {
    const { places } = recognize('Baluchistan and Balochistan are two spellings; Shahwalikot lies in Kandahar.')
    expect(places.filter((p) => p.id === places[0]!.id)).toHaveLength(1)
    expect(places.map((p) => p.kind)).toContain('admin2')
  })

  it('keeps an unknown place named by its kind word, without coordinates', () => {
    expect(recognize('The convoy was hit in the Zarkhel area of Kalat.').places).toContainEqual(
      expect.objectContaining({ name: 'Zarkhel', lat: null }),
    )
  })

  it('never turns a demonym into a place', () => {
    expect(recognize('Afghan officials met Pakistani diplomats.').places).toEqual([])
  })
})
