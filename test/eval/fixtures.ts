/** Small builders for hand-made gold files and analysis records. */
import type { GoldFile } from '../../src/eval/gold.js'
import type { AnalysisRecord, ClaimRecord, EntityRecord, EventRecord, PlaceRecord } from '../../src/record/record.js'

export function goldFile(parts: Partial<GoldFile> = {}): GoldFile {
  return { doc: 'a.txt', published: null, keep: [], remove: [], entities: [], places: [], events: [], claims: [], ...parts }
}

export function analysis(parts: Partial<Omit<AnalysisRecord, 'document'>> & { text?: string } = {}): AnalysisRecord {
  const { text = '', ...rest } = parts
  return {
    schema: 'sitrep.analysis/1',
    document: { id: 'doc', title: null, source: null, url: null, author: null, published: null, text, removed: [] },
    entities: [],
    places: [],
    events: [],
    claims: [],
    ...rest,
  }
}

export function entity(id: string, name: string, aliases: string[] = []): EntityRecord {
  return { id, name, type: 'organization', country: null, aliases, mentions: [] }
}

export function place(
  id: string,
  name: string,
  at: { lat?: number | null; lon?: number | null; country?: string | null } = {},
): PlaceRecord {
  return {
    id,
    name,
    kind: 'city',
    country: at.country ?? null,
    admin1: null,
    lat: at.lat ?? null,
    lon: at.lon ?? null,
    mentions: [],
  }
}

export function event(parts: Partial<EventRecord> & Pick<EventRecord, 'type'>): EventRecord {
  return {
    mode: null,
    actors: [],
    targets: [],
    place: null,
    date: { start: null, end: null, text: null },
    fatalities: null,
    reported_by: null,
    evidence: { start: 0, end: 0 },
    ...parts,
  }
}

export function claim(parts: Partial<ClaimRecord> & Pick<ClaimRecord, 'subject' | 'relation'>): ClaimRecord {
  return { claimant: null, speaker: null, cue: 'said', stance: 'asserts', object: null, evidence: { start: 0, end: 0 }, ...parts }
}
