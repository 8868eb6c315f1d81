import { analyzeSource } from '../../src/pipeline/analyze.js'
import type { AnalysisRecord } from '../../src/record/record.js'

/** Test sentences of our own, analyzed as a plain-text article. */
export function analyze(text: string, date = '2025-05-01'): AnalysisRecord {
  return analyzeSource({ name: 'test.txt', format: 'text', content: text, meta: {} }, { referenceDate: date })
}

/** An id's name in the record (an entity's or a place's); null is the article itself. */
export function nameIn(record: AnalysisRecord) {
  return (id: string | null) =>
    id === null ? 'article' : (record.entities.find((e) => e.id === id)?.name ?? record.places.find((p) => p.id === id)?.name ?? id)
}

/** Each claim as "claimant stance subject relation object", by name. */
export function claims(text: string): string[] {
  const record = analyze(text)
  const name = nameIn(record)
  return record.claims.map((c) => `${name(c.claimant)} ${c.stance} ${name(c.subject)} ${c.relation} ${name(c.object)}`)
}

/** Each event's type, actors, targets, place and best fatality count, by name. */
export function events(text: string) {
  const record = analyze(text)
  const name = nameIn(record)
  return record.events.map((e) => ({
    type: e.type,
    actors: e.actors.map(name),
    targets: e.targets.map(name),
    place: name(e.place),
    dead: e.fatalities?.best ?? null,
  }))
}
