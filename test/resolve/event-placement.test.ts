import { describe, expect, it } from 'vitest'
import { eventCandidateWindow, matchingEvent, type EventCandidate } from '../../src/resolve/event-matching.js'
import { byFrequency, summarizeEvent, type EventReport } from '../../src/resolve/event-summary.js'

describe('event placement', () => {
  it('looks for candidates within a day of the span that began at most a month before it', () => {
    expect(eventCandidateWindow({ start: '2025-03-01', end: '2025-03-02' })).toEqual({
      startNotAfter: '2025-03-03',
      startNotBefore: '2025-01-29',
      endNotBefore: '2025-02-28',
    })
  })

  const candidate = (id: string, start: string, end: string, actors: string[] = [], targets: string[] = []): EventCandidate => ({
    id,
    span: { start, end },
    actors,
    targets,
  })
  const report = { span: { start: '2025-03-10', end: '2025-03-10' }, actors: ['actor:ttp'], targets: ['actor:police'] }
  const cases: Array<[string, EventCandidate[], string | null]> = [
    ['no candidate: a new event', [], null],
    ['the next day, parties unnamed', [candidate('a', '2025-03-11', '2025-03-11')], 'a'],
    ['same parties', [candidate('a', '2025-03-10', '2025-03-10', ['actor:ttp'], ['actor:police'])], 'a'],
    ['another actor named', [candidate('a', '2025-03-10', '2025-03-10', ['actor:bla'])], null],
    ['another target named', [candidate('a', '2025-03-10', '2025-03-10', [], ['actor:army'])], null],
    ['joining would stretch it past one incident', [candidate('a', '2025-03-06', '2025-03-09')], null],
    [
      'the first fitting candidate in the store order',
      [
        candidate('a', '2025-03-10', '2025-03-10', ['actor:bla']),
        candidate('b', '2025-03-09', '2025-03-10'),
        candidate('c', '2025-03-10', '2025-03-10'),
      ],
      'b',
    ],
  ]
  it.each(cases)('%s', (_name, candidates, expected) => {
    expect(matchingEvent(candidates, report)?.id ?? null).toBe(expected)
  })
})

describe('event summary', () => {
  const report = (overrides: Partial<EventReport>): EventReport => ({
    date: { start: null, end: null },
    published: '2025-03-10',
    seen: '2025-03-10',
    sourceGroup: 'a1',
    mode: null,
    actors: [],
    targets: [],
    fatalities: { low: null, best: null, high: null },
    ...overrides,
  })

  it('is nothing without reports', () => {
    expect(summarizeEvent([])).toBeNull()
  })

  it('spans its reports, ranks parties and modes by frequency and counts sources once per group', () => {
    const summary = summarizeEvent([
      report({
        date: { start: '2025-03-09', end: null },
        sourceGroup: 'a1',
        mode: 'bombing',
        actors: ['actor:ttp'],
        fatalities: { low: 10, best: 10, high: 10 },
      }),
      report({ sourceGroup: 'a1', seen: '2025-03-11', published: '2025-03-11', mode: 'bombing', actors: ['actor:ttp', 'actor:jua'] }),
      report({
        date: { start: '2025-03-10', end: '2025-03-10' },
        sourceGroup: 'b7',
        mode: 'suicide',
        targets: ['actor:police'],
        fatalities: { low: 12, best: 14, high: 16 },
      }),
    ])
    expect(summary).toEqual({
      dateStart: '2025-03-09',
      dateEnd: '2025-03-11',
      modes: ['bombing', 'suicide'],
      actors: ['actor:ttp', 'actor:jua'],
      targets: ['actor:police'],
      fatalities: { low: 10, best: 12, high: 16 },
      sourceCount: 2,
      reportCount: 3,
      firstSeen: '2025-03-10',
      lastSeen: '2025-03-11',
    })
  })

  it('has no dates when no report is dated or published', () => {
    const summary = summarizeEvent([report({ published: null, seen: '2025-04-01' })])
    expect(summary).toMatchObject({ dateStart: null, dateEnd: null, firstSeen: '2025-04-01', lastSeen: '2025-04-01' })
  })

  it.each([
    [[], []],
    [
      ['b', 'a', 'b'],
      ['b', 'a'],
    ],
    [
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
    ],
  ])('ranks %o as %o', (values, expected) => {
    expect(byFrequency(values)).toEqual(expected)
  })
})
