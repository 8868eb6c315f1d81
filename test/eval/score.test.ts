import { describe, expect, it } from 'vitest'
import { fatalitiesAgree, prfOf, scoreDocument, totalScores } from '../../src/eval/score.js'
import { analysis, claim, entity, event, goldFile, place } from './fixtures.js'

describe('cleaning', () => {
  it('counts keep fragments found and remove fragments absent, after normalizing both sides', () => {
    const gold = goldFile({
      keep: ['The convoy was hit near Zhob.', 'Nobody claimed it', 'missing sentence'],
      remove: ['Subscribe to our newsletter', 'Read more: Quetta'],
    })
    const record = analysis({ text: 'The convoy was hit — near ZHOB! Nobody   claimed it. Read more: Quetta today' })
    const { keep, remove } = scoreDocument(gold, record).cleaning
    expect(keep).toMatchObject({ passed: 2, total: 3, failed: ['missing sentence'] })
    expect(remove).toMatchObject({ passed: 1, total: 2, failed: ['Read more: Quetta'] })
  })

  it('gives no credit at all for a document without a record', () => {
    const { keep, remove } = scoreDocument(goldFile({ keep: ['a'], remove: ['b'] }), null).cleaning
    expect([keep.passed, remove.passed]).toEqual([0, 0])
  })

  it('averages rates over all fragments of all documents', () => {
    const first = scoreDocument(goldFile({ keep: ['alpha', 'beta', 'gamma'] }), analysis({ text: 'alpha beta gamma' }))
    const second = scoreDocument(goldFile({ keep: ['delta'] }), analysis({ text: 'nothing' }))
    expect(totalScores([first, second]).cleaning.keep).toBe(0.75)
  })
})

describe('entities', () => {
  it('matches by any shared normalized name, one-to-one', () => {
    const gold = goldFile({
      entities: [
        { names: ['ISKP', 'Islamic State Khorasan'], type: 'armed_group' },
        { names: ['TTP', 'Pakistani Taliban'], type: 'armed_group' },
        { names: ['Baloch Liberation Army'], type: 'armed_group' },
      ],
    })
    const record = analysis({
      entities: [
        entity('a', 'Islamic State–Khorasan'),
        entity('b', 'Tehrik-i-Taliban Pakistan', ['ttp']),
        entity('c', 'IS-K', ['iskp']),
        entity('d', 'Jaish al-Adl'),
      ],
    })
    const score = scoreDocument(gold, record).entities
    expect(score).toMatchObject({ tp: 2, fp: 2, fn: 1, misses: ['Baloch Liberation Army'] })
    expect(score.spurious).toContain('Jaish al-Adl')
  })

  it('pairs items so that the count is maximal where greedy pairing would lose one', () => {
    // "Taliban" fits both gold entities; the greedy pairing of the first gold item with it would leave the second unmatched.
    const gold = goldFile({
      entities: [
        { names: ['Taliban', 'Afghan Taliban'], type: 'government' },
        { names: ['TTP', 'Pakistani Taliban', 'Taliban'], type: 'armed_group' },
      ],
    })
    const record = analysis({ entities: [entity('x', 'Taliban'), entity('y', 'Afghan Taliban')] })
    expect(scoreDocument(gold, record).entities).toMatchObject({ tp: 2, fp: 0, fn: 0 })
  })
})

describe('places', () => {
  const gold = goldFile({
    places: [
      { names: ['Mastung'], lat: 29.8, lon: 66.85, country: 'PK' },
      { names: ['Torkham'], lat: 34.1, lon: 71.09, country: 'PK' },
      { names: ['Chaman'], lat: 30.92, lon: 66.45, country: 'PK' },
    ],
  })

  it.each([
    ['same name, no coordinates', place('p', 'Mastung'), 1],
    ['different name within 25 km, same country', place('p', 'Mastung District HQ', { lat: 29.9, lon: 66.9, country: 'PK' }), 1],
    ['within 25 km but other country', place('p', 'Spin Boldak', { lat: 30.92, lon: 66.5, country: 'AF' }), 0],
    ['same country, over 25 km away', place('p', 'Quetta', { lat: 30.18, lon: 67.0, country: 'PK' }), 0],
    ['country unknown', place('p', 'Mastung town', { lat: 29.8, lon: 66.85 }), 0],
  ])('%s → tp %d', (_, systemPlace, tp) => {
    expect(scoreDocument(gold, analysis({ places: [systemPlace] })).places.tp).toBe(tp)
  })
})

describe('claims', () => {
  const entities = [
    entity('taliban', 'Taliban government', ['Islamic Emirate']),
    entity('mujahid', 'Zabihullah Mujahid'),
    entity('iskp', 'ISKP', ['ISIS-K']),
    entity('pak', 'Pakistan'),
    entity('india', 'India'),
  ]
  const places = [place('mastung', 'Mastung'), place('pak-place', 'Pakistan')]
  const goldClaims = goldFile({
    claims: [
      { claimant: ['Zabihullah Mujahid'], stance: 'asserts', subject: ['ISIS-K'], relation: 'present_in', object: ['Mastung'] },
      { claimant: ['India'], stance: 'denies', subject: ['India'], relation: 'supports', object: ['BLA'] },
    ],
  })

  it('matches the claimant through the speaker’s names and the object as a place', () => {
    const record = analysis({
      entities,
      places,
      claims: [claim({ claimant: 'taliban', speaker: 'mujahid', subject: 'iskp', relation: 'present_in', object: 'mastung' })],
    })
    expect(scoreDocument(goldClaims, record).claims).toMatchObject({ tp: 1, fp: 0, fn: 1 })
  })

  it('ignores system claims with a null claimant', () => {
    const record = analysis({
      entities,
      places,
      claims: [claim({ claimant: null, speaker: 'mujahid', subject: 'iskp', relation: 'present_in', object: 'mastung' })],
    })
    expect(scoreDocument(goldClaims, record).claims).toMatchObject({ tp: 0, fp: 0, fn: 2 })
  })

  it.each([
    ['stance differs', { stance: 'denies' as const }],
    ['relation differs', { relation: 'attacks' as const }],
    ['object differs', { object: 'pak-place' }],
    ['object missing', { object: null }],
    ['claimant differs', { claimant: 'pak', speaker: null }],
  ])('rejects a claim whose %s', (_, change) => {
    const record = analysis({
      entities,
      places,
      claims: [claim({ claimant: 'taliban', speaker: 'mujahid', subject: 'iskp', relation: 'present_in', object: 'mastung', ...change })],
    })
    expect(scoreDocument(goldClaims, record).claims.tp).toBe(0)
  })

  it('matches a null object only to a null object', () => {
    const gold = goldFile({
      claims: [{ claimant: ['Pakistan'], stance: 'asserts', subject: ['ISKP'], relation: 'threatens', object: null }],
    })
    const withNull = analysis({ entities, claims: [claim({ claimant: 'pak', subject: 'iskp', relation: 'threatens' })] })
    const withObject = analysis({ entities, claims: [claim({ claimant: 'pak', subject: 'iskp', relation: 'threatens', object: 'india' })] })
    expect(scoreDocument(gold, withNull).claims.tp).toBe(1)
    expect(scoreDocument(gold, withObject).claims.tp).toBe(0)
  })
})

describe('events', () => {
  const goldPlaces = [
    { names: ['Mastung'], lat: 29.8, lon: 66.85, country: 'PK' },
    { names: ['Kabul airport', 'Kabul'], lat: 34.56, lon: 69.21, country: 'AF' },
  ]
  const base = { place: ['Mastung'], actors: [], targets: [], fatalities: null, date: null }

  it.each([
    ['type and place name agree', { type: 'ASSAULT' as const, place: 'mastung' }, 1],
    ['type differs', { type: 'COERCE' as const, place: 'mastung' }, 0],
    ['place within 50 km under another name', { type: 'ASSAULT' as const, place: 'near' }, 1],
    ['place too far', { type: 'ASSAULT' as const, place: 'quetta-far' }, 0],
    ['place missing', { type: 'ASSAULT' as const, place: null }, 0],
  ])('%s → tp %d', (_, systemEvent, tp) => {
    const gold = goldFile({ places: goldPlaces, events: [{ type: 'ASSAULT', ...base }] })
    const record = analysis({
      places: [
        place('mastung', 'Mastung'),
        place('near', 'Kanak', { lat: 30.1, lon: 66.9, country: 'PK' }),
        place('quetta-far', 'Kalat', { lat: 29.03, lon: 66.59, country: 'PK' }),
      ],
      events: [event(systemEvent)],
    })
    expect(scoreDocument(gold, record).events.tp).toBe(tp)
  })

  it('puts no place constraint when the gold place is null', () => {
    const gold = goldFile({ events: [{ type: 'REJECT', ...base, place: null }] })
    const record = analysis({ places: [place('x', 'Anywhere')], events: [event({ type: 'REJECT', place: 'x' })] })
    expect(scoreDocument(gold, record).events.tp).toBe(1)
  })

  it.each([
    ['overlapping ranges', ['2025-03-10', '2025-03-20'], { start: '2025-03-18', end: '2025-03-22', text: null }, 1],
    ['disjoint ranges', ['2025-03-10', '2025-03-20'], { start: '2025-04-01', end: '2025-04-01', text: null }, 0],
    ['gold date unknown', null, { start: '2025-04-01', end: '2025-04-01', text: null }, 1],
    ['system date unknown', ['2025-03-10', '2025-03-20'], { start: null, end: null, text: 'last week' }, 1],
  ])('%s → tp %d', (_, goldDate, systemDate, tp) => {
    const gold = goldFile({ events: [{ type: 'ASSAULT', ...base, place: null, date: goldDate as [string, string] | null }] })
    const record = analysis({ events: [event({ type: 'ASSAULT', date: systemDate })] })
    expect(scoreDocument(gold, record).events.tp).toBe(tp)
  })

  it('reports actor and target accuracy over matched events, exact and any-overlap', () => {
    const gold = goldFile({
      events: [
        { type: 'ASSAULT', place: null, actors: [['BLA']], targets: [['Pakistan Army'], ['FC']], fatalities: null, date: null },
        { type: 'ACCUSE', place: null, actors: [], targets: [], fatalities: null, date: null },
      ],
    })
    const record = analysis({
      entities: [entity('bla', 'Baloch Liberation Army', ['BLA']), entity('army', 'Pakistan Army')],
      events: [event({ type: 'ASSAULT', actors: ['bla'], targets: ['army'] }), event({ type: 'ACCUSE' })],
    })
    const score = scoreDocument(gold, record)
    expect(score.event_actors).toMatchObject({ correct: 2, total: 2 })
    expect(score.event_targets).toMatchObject({ correct: 1, total: 2 })
    expect(score.event_targets_any).toMatchObject({ correct: 2, total: 2 })
  })

  it('prefers, among equally large matchings, the pairing whose actors agree', () => {
    const gold = goldFile({
      events: [{ type: 'ASSAULT', place: null, actors: [['TTP']], targets: [], fatalities: null, date: null }],
    })
    const record = analysis({
      entities: [entity('bla', 'BLA'), entity('ttp', 'TTP')],
      events: [event({ type: 'ASSAULT', actors: ['bla'] }), event({ type: 'ASSAULT', actors: ['ttp'] })],
    })
    expect(scoreDocument(gold, record).event_actors).toMatchObject({ correct: 1, total: 1 })
  })

  it('counts fatalities only where a side gives a number', () => {
    const gold = goldFile({
      events: [
        { type: 'ASSAULT', place: null, actors: [], targets: [], fatalities: 30, date: null },
        { type: 'COERCE', place: null, actors: [], targets: [], fatalities: null, date: null },
        { type: 'PROTEST', place: null, actors: [], targets: [], fatalities: null, date: null },
      ],
    })
    const record = analysis({
      events: [
        event({ type: 'ASSAULT', fatalities: { low: 28, best: 28, high: 30 } }),
        event({ type: 'COERCE', fatalities: { low: 0, best: 0, high: 0 } }),
        event({ type: 'PROTEST' }),
      ],
    })
    expect(scoreDocument(gold, record).event_fatalities).toMatchObject({ correct: 2, total: 2 })
  })
})

describe('fatalitiesAgree', () => {
  it.each([
    [30, 27, true],
    [30, 33, true],
    [30, 26, false],
    [30, null, false],
    [null, 0, true],
    [null, 2, false],
    [0, 0, true],
    [null, null, null],
  ])('gold %s vs system %s → %s', (gold, system, expected) => {
    expect(fatalitiesAgree(gold, system)).toBe(expected)
  })
})

describe('all-miss documents and totals', () => {
  it('counts every gold item as a miss when there is no record', () => {
    const gold = goldFile({
      entities: [{ names: ['TTP'], type: 'armed_group' }],
      events: [{ type: 'ASSAULT', place: null, actors: [], targets: [], fatalities: null, date: null }],
    })
    const score = scoreDocument(gold, null)
    expect(score.entities).toMatchObject({ tp: 0, fp: 0, fn: 1 })
    expect(score.events).toMatchObject({ tp: 0, fp: 0, fn: 1 })
  })

  it('micro-averages by summing counts', () => {
    const gold = goldFile({
      entities: [
        { names: ['A'], type: 'person' },
        { names: ['B'], type: 'person' },
      ],
    })
    const first = scoreDocument(gold, analysis({ entities: [entity('a', 'A')] }))
    const second = scoreDocument(gold, analysis({ entities: [entity('a', 'A'), entity('b', 'B'), entity('c', 'C')] }))
    expect(totalScores([first, second]).entities).toEqual(prfOf(3, 1, 1))
    expect(prfOf(3, 1, 1)).toMatchObject({ p: 0.75, r: 0.75, f1: 0.75 })
  })
})
