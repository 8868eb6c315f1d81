import { describe, expect, it } from 'vitest'
import { distanceKm, loadGazetteer } from '../../src/gazetteer/gazetteer.js'
import type { PlaceEntry } from '../../src/gazetteer/place-entry.js'

const gazetteer = loadGazetteer()

function near(entry: PlaceEntry, lat: number, lon: number, km: number): boolean {
  return entry.lat !== null && entry.lon !== null && distanceKm(entry.lat, entry.lon, lat, lon) <= km
}

describe('loadGazetteer', () => {
  it('is a cached singleton with a sensible size', () => {
    expect(loadGazetteer()).toBe(gazetteer)
    expect(gazetteer.size).toBeGreaterThan(30_000)
    expect(gazetteer.maxNameTokens).toBeGreaterThanOrEqual(4)
    expect(gazetteer.maxNameTokens).toBeLessThanOrEqual(10)
  })
})

describe('candidates: top candidate', () => {
  const cases: Array<[name: string, kinds: string[], country: string | null, lat: number | null, lon: number | null, km: number]> = [
    ['Mastung', ['admin2', 'city'], 'PK', 29.8, 66.85, 10],
    ['Quetta', ['admin2', 'city'], 'PK', 30.18, 67.0, 10],
    ['Khyber Pakhtunkhwa', ['admin1'], 'PK', 34.5, 71.9, 150],
    ['KP', ['admin1'], 'PK', 34.5, 71.9, 150],
    ['KPK', ['admin1'], 'PK', 34.5, 71.9, 150],
    ['NWFP', ['admin1'], 'PK', 34.5, 71.9, 150],
    ['Sindh', ['admin1'], 'PK', 25.9, 68.5, 150],
    ['Islamabad', ['city'], 'PK', 33.72, 73.04, 10],
    ['Pakistan', ['country'], 'PK', 30, 69.3, 300],
    ['Afghanistan', ['country'], 'AF', 33.9, 66, 300],
    ['Iran', ['country'], 'IR', 32.5, 54.3, 400],
    ['Islamic Republic of Iran', ['country'], 'IR', null, null, 0],
    ['Oman', ['country'], 'OM', 21, 57, 300],
    ['United States', ['country'], 'US', null, null, 0],
    ['U.S.', ['country'], 'US', null, null, 0],
    ['USA', ['country'], 'US', null, null, 0],
    ['America', ['country'], 'US', null, null, 0],
    ['UK', ['country'], 'GB', null, null, 0],
    ['Britain', ['country'], 'GB', null, null, 0],
    ['UAE', ['country'], 'AE', null, null, 0],
    ['Shah Wali Kot', ['admin2'], 'AF', 31.97, 65.92, 30],
    ['Shahwalikot', ['admin2'], 'AF', 31.97, 65.92, 30],
    ['Shāh Walī Kōṯ', ['admin2'], 'AF', 31.97, 65.92, 30],
    ['Shorabak', ['admin2'], 'AF', 30.2, 66.0, 40],
    ['Spin Boldak', ['admin2'], 'AF', 31.0, 66.4, 20],
    ['Nimroz', ['admin1'], 'AF', 31.0, 62.4, 100],
    ['Nimruz', ['admin1'], 'AF', 31.0, 62.4, 100],
    ['Badakhshan', ['admin1'], 'AF', 36.7, 70.8, 100],
    ['Bamiyan', ['admin1', 'city'], 'AF', 34.8, 67.8, 30],
    ['Paktiya', ['admin1'], 'AF', 33.7, 69.4, 60],
    ['Sistan-Baluchestan', ['admin1'], 'IR', 27.5, 60.6, 200],
    ['Sistan and Baluchistan', ['admin1'], 'IR', 27.5, 60.6, 200],
    ['Waziristan', ['region'], 'PK', 32.6, 69.9, 60],
    ['North Waziristan', ['admin2'], 'PK', 33.0, 70.1, 30],
    ['Torkham', ['feature'], 'PK', 34.12, 71.09, 5],
    ['Kabul airport', ['feature'], 'AF', 34.57, 69.21, 5],
    ['Lashkargah', ['city'], 'AF', 31.59, 64.37, 5],
    ['Durand Line', ['region'], null, null, null, 0],
  ]
  it.each(cases)('%s', (name, kinds, country, lat, lon, km) => {
    const [top] = gazetteer.candidates(name)
    expect(top, name).toBeDefined()
    expect(kinds).toContain(top!.kind)
    expect(top!.country).toBe(country)
    if (lat !== null && lon !== null) expect(near(top!, lat, lon, km), `${top!.lat},${top!.lon}`).toBe(true)
  })
})

describe('candidates: one record per real place', () => {
  it.each([
    ['Balochistan', 'Baluchistan'],
    ['Khyber Pakhtunkhwa', 'KP'],
    ['Khyber Pakhtunkhwa', 'Khyber-Pakhtunkhwa'],
    ['Shah Wali Kot', 'Shahwalikot'],
    ['Nimroz', 'Nimruz'],
    ['Paktia', 'Paktiya'],
    ['Bamyan', 'Bamiyan'],
    ['Sistan and Baluchestan', 'Sistan-Baluchistan'],
  ])('%s and %s → the same record', (a, b) => {
    expect(gazetteer.candidates(a)[0]!.id).toBe(gazetteer.candidates(b)[0]!.id)
  })

  it.each(['Balochistan', 'Khyber Pakhtunkhwa', 'Sindh', 'Nimroz', 'Kandahar', 'Sistan and Baluchestan'])(
    '%s: a curated province replaces the GeoNames division of the same name',
    (name) => {
      const admin1s = gazetteer.candidates(name).filter((e) => e.kind === 'admin1' && e.country === gazetteer.candidates(name)[0]!.country)
      expect(admin1s.map((e) => e.id)).toHaveLength(1)
      expect(admin1s[0]!.id).toMatch(/^sitrep:/)
    },
  )

  it('get() of a replaced GeoNames id returns the curated record', () => {
    expect(gazetteer.get('geonames:PK.02')?.id).toBe('sitrep:pk-balochistan')
  })
})

describe('candidates: ambiguity', () => {
  it('Kandahar yields a province and a city', () => {
    const kinds = gazetteer
      .candidates('Kandahar')
      .filter((e) => e.country === 'AF')
      .map((e) => e.kind)
    expect(kinds).toContain('admin1')
    expect(kinds).toContain('city')
  })

  it('Islamabad: the capital first, Chattogram never at the top', () => {
    const candidates = gazetteer.candidates('Islamabad')
    expect(candidates[0]!.featureCode).toBe('PPLC')
    expect(candidates[0]!.country).toBe('PK')
    expect(candidates.some((e) => e.name === 'Chattogram')).toBe(false)
  })

  it('Pishin: the Balochistan district and the Iranian town are both candidates', () => {
    const countries = new Set(gazetteer.candidates('Pishin').map((e) => e.country))
    expect(countries).toEqual(new Set(['PK', 'IR']))
  })

  it('curated records come first', () => {
    const [first, ...rest] = gazetteer.candidates('Quetta')
    expect(first!.id).toMatch(/^sitrep:/)
    expect(rest.every((e) => e.id.startsWith('geonames:'))).toBe(true)
  })

  it.each(['police', 'Police', 'mission', 'north', 'the', 'security', 'army'])('"%s" is no place', (word) => {
    expect(gazetteer.candidates(word)).toEqual([])
  })

  it('returns a copy: callers cannot damage the index', () => {
    gazetteer.candidates('Mastung').length = 0
    expect(gazetteer.candidates('Mastung').length).toBeGreaterThan(0)
  })
})

describe('country and admin1Of', () => {
  it.each([
    ['PK', 'Pakistan'],
    ['af', 'Afghanistan'],
    ['IR', 'Iran'],
    ['US', 'United States'],
  ])('country(%s) → %s', (code, name) => {
    expect(gazetteer.country(code)?.name).toBe(name)
  })

  it.each([
    ['Mastung', 'PK', 'Balochistan'],
    ['Peshawar', 'PK', 'Khyber Pakhtunkhwa'],
    ['Islamabad', 'PK', 'Islamabad Capital Territory'],
    ['Shah Wali Kot', 'AF', 'Kandahar'],
    ['Chaghcharan', 'AF', 'Ghor'],
    ['Zahedan', 'IR', 'Sistan and Baluchestan'],
  ])('admin1Of(%s) → %s', (name, country, province) => {
    const place = gazetteer.candidates(name).find((e) => e.country === country && e.kind !== 'admin1')!
    expect(gazetteer.admin1Of(place)?.name).toBe(province)
  })

  it('admin1Of is undefined for a country and for a province', () => {
    expect(gazetteer.admin1Of(gazetteer.country('PK')!)).toBeUndefined()
    expect(gazetteer.admin1Of(gazetteer.candidates('Balochistan')[0]!)).toBeUndefined()
  })
})

describe('records', () => {
  it('every record has a point unless it is a region', () => {
    for (const name of ['Mastung', 'Kandahar', 'Torkham', 'Gwadar', 'Pakistan', 'Oman']) {
      for (const entry of gazetteer.candidates(name)) {
        if (entry.kind !== 'region' && entry.kind !== 'admin2') expect(entry.lat, entry.id).not.toBeNull()
      }
    }
  })

  it('cities carry admin names, feature code and Latin-only alternate names', () => {
    const peshawar = gazetteer.candidates('Peshawar').find((e) => e.kind === 'city')!
    expect(peshawar.admin1).toBe('Khyber Pakhtunkhwa')
    expect(peshawar.admin2).toBe('Peshawar District')
    expect(peshawar.featureCode).toBe('PPLA')
    expect(peshawar.population).toBeGreaterThan(1_000_000)
    expect(peshawar.altNames.every((n) => !/[\u0600-\u06ff\u0400-\u04ff\u3040-\u9fff]/.test(n))).toBe(true)
  })
})
