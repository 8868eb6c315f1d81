import fs from 'node:fs'
import path from 'node:path'
import type { AnalysisRecord } from '../../src/record/record.js'
import { analyzed, claim, entity, event, filler, place } from './records.js'

/**
 * A generated corpus of hand-built analysis records: varied claimants, places and dates, every
 * fifth article a syndicated copy of the one before, so that events merge and propositions aggregate.
 */
const ACTORS = [
  entity('actor:pakistan', 'Pakistan', 'state'),
  entity('actor:taliban', 'Taliban government', 'government'),
  entity('actor:ttp', 'TTP', 'armed_group'),
  entity('actor:bla', 'BLA', 'armed_group'),
  entity('actor:iskp', 'ISKP', 'armed_group'),
  entity('actor:india', 'India', 'state'),
]
const PLACES = ['Quetta', 'Bannu', 'Kalat', 'Mastung', 'Khost'].map((name, i) => place(`geonames:${100 + i}`, name))
const RELATIONS = ['harbors', 'supports', 'attacks', 'present_in'] as const

export function corpusRecord(n: number): AnalysisRecord {
  const original = n % 5 === 4 ? n - 1 : n
  const pick = <T>(list: readonly T[], salt: number): T => list[(original * 7 + salt * 13) % list.length]!
  const [subject, object, claimant] = [pick(ACTORS, 1), pick(ACTORS, 2), pick(ACTORS, 3)]
  const where = pick(PLACES, 4)
  const day = String(1 + ((original * 3) % 28)).padStart(2, '0')
  const base = `${filler(`article ${original}`, 90)} ${where.name} ${subject.name}`
  const text = n === original ? base : `${base} This report was syndicated.`
  return analyzed({
    text,
    url: `https://example.invalid/${n}`,
    source: n === original ? 'Wire' : 'Mirror',
    published: `2025-03-${day}`,
    entities: [subject, object, claimant],
    places: [where],
    events: [
      event({
        type: 'ASSAULT',
        place: where.id,
        actors: [subject.id],
        date: { start: `2025-03-${day}`, end: `2025-03-${day}`, text: null },
        fatalities: { low: n % 9, best: n % 9, high: n % 9 },
      }),
    ],
    claims: [
      claim({
        subject: subject.id,
        relation: pick(RELATIONS, 5),
        object: object.id,
        claimant: claimant.id,
        stance: original % 11 === 0 ? 'denies' : 'asserts',
      }),
    ],
  }).record
}

/** Writes `count` records as JSON Lines files of `perFile` records each; returns the folder. */
export function writeRecordCorpus(folder: string, count: number, perFile = 500): string {
  fs.mkdirSync(folder, { recursive: true })
  for (let start = 0; start < count; start += perFile) {
    const lines: string[] = []
    for (let n = start; n < Math.min(count, start + perFile); n++) lines.push(JSON.stringify(corpusRecord(n)))
    fs.writeFileSync(path.join(folder, `part-${String(start / perFile).padStart(4, '0')}.jsonl`), `${lines.join('\n')}\n`)
  }
  return folder
}
