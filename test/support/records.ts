import { createHash } from 'node:crypto'
import type { AnalysisRecord, ClaimRecord, EntityRecord, EntityType, EventRecord, PlaceRecord } from '../../src/record/record.js'
import { encodeSignature, minhashSignature } from '../../src/resolve/minhash.js'
import type { AnalyzedArticle } from '../../src/store/write-batch.js'

/** Hand-built analysis records for store tests: short, readable, no analyzer involved. */
export function entity(id: string, name: string, type: EntityType = 'armed_group', aliases: string[] = []): EntityRecord {
  return { id, name, type, country: null, aliases, mentions: [{ start: 0, end: 1 }] }
}

export function place(id: string, name: string): PlaceRecord {
  return { id, name, kind: 'city', country: 'PK', admin1: null, lat: 30, lon: 67, mentions: [{ start: 0, end: 1 }] }
}

export function claim(fields: Partial<ClaimRecord> & Pick<ClaimRecord, 'subject' | 'relation'>): ClaimRecord {
  return { claimant: null, speaker: null, cue: 'said', stance: 'asserts', object: null, evidence: { start: 0, end: 10 }, ...fields }
}

export function event(fields: Partial<EventRecord> & Pick<EventRecord, 'type'>): EventRecord {
  return {
    mode: null,
    actors: [],
    targets: [],
    place: null,
    date: { start: null, end: null, text: null },
    fatalities: null,
    reported_by: null,
    evidence: { start: 0, end: 10 },
    ...fields,
  }
}

export interface ArticleSpec {
  text: string
  url?: string | null
  title?: string | null
  source?: string | null
  published?: string | null
  entities?: EntityRecord[]
  places?: PlaceRecord[]
  events?: EventRecord[]
  claims?: ClaimRecord[]
}

export function analyzed(spec: ArticleSpec): AnalyzedArticle {
  const record: AnalysisRecord = {
    schema: 'sitrep.analysis/1',
    document: {
      id: createHash('sha256').update(spec.text).digest('hex').slice(0, 16),
      title: spec.title ?? null,
      source: spec.source ?? null,
      url: spec.url ?? null,
      author: null,
      published: spec.published ?? null,
      text: spec.text,
      removed: [],
    },
    entities: spec.entities ?? [],
    places: spec.places ?? [],
    events: spec.events ?? [],
    claims: spec.claims ?? [],
  }
  return { record, signature: encodeSignature(minhashSignature(spec.text)), inputName: spec.url ?? 'test' }
}

/** A distinct filler text of some length, so unrelated articles are not near-duplicates of each other. */
export function filler(seed: string, words = 60): string {
  const out: string[] = []
  let state = createHash('sha256').update(seed).digest()
  for (let i = 0; i < words; i++) {
    if (i % 16 === 0) state = createHash('sha256').update(state).digest()
    out.push(VOCABULARY[state[i % 32]! % VOCABULARY.length]!)
  }
  return out.join(' ')
}

const VOCABULARY = (
  'officials said the district police province border security attack convoy market checkpoint ' +
  'night morning residents fighters group government spokesman statement killed injured hospital ' +
  'road village camp operation forces militants week talks meeting capital region report local ' +
  'sources added tribal elders highway bridge school mosque vehicle blast firing clash curfew'
).split(' ')
