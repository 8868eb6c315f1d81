/**
 * The analysis record of SPEC section 1: what `sitrep analyze --json` prints for one article.
 * Field names here are the contract; fields may be added, never renamed or dropped.
 */

export const SCHEMA_ID = 'sitrep.analysis/1'

/** A [start, end) range of JS string indices into `document.text`. */
export interface Span {
  start: number
  end: number
}

/**
 * Which stage emitted a record item and by which rule (`sitrep analyze --explain`). An added field: the store and
 * the eval scorer ignore it. Rule names are short and stable: `kb-alias`, `gazetteer-ranked`, `trigger`, `silence`, …
 */
export interface Via {
  stage: string
  rule: string
}

export type RemovalReason = 'spam' | 'navigation' | 'related' | 'duplicate' | 'cookie' | 'comments' | 'byline' | 'other'

export interface RemovedBlock {
  text: string
  reason: RemovalReason
}

export interface DocumentPart {
  id: string
  title: string | null
  source: string | null
  url: string | null
  author: string | null
  published: string | null
  text: string
  removed: RemovedBlock[]
}

export const ENTITY_TYPES = [
  'armed_group',
  'state',
  'government',
  'security_force',
  'political_party',
  'international_org',
  'organization',
  'media',
  'person',
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

export interface EntityRecord {
  id: string
  name: string
  type: EntityType
  country: string | null
  aliases: string[]
  mentions: Span[]
  via: Via
}

export const PLACE_KINDS = ['country', 'admin1', 'admin2', 'city', 'locality', 'region', 'feature'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

export interface PlaceRecord {
  id: string
  name: string
  kind: PlaceKind
  country: string | null
  admin1: string | null
  lat: number | null
  lon: number | null
  mentions: Span[]
  via: Via
}

export const EVENT_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export interface DateRange {
  start: string | null
  end: string | null
  text: string | null
}

export interface Fatalities {
  low: number | null
  best: number | null
  high: number | null
}

export interface EventRecord {
  type: EventType
  mode: string | null
  actors: string[]
  targets: string[]
  place: string | null
  date: DateRange
  fatalities: Fatalities | null
  reported_by: string | null
  evidence: Span
  via: Via
}

export const CLAIM_RELATIONS = ['present_in', 'supports', 'harbors', 'cooperates_with', 'attacks', 'threatens', 'member_of'] as const
export type ClaimRelation = (typeof CLAIM_RELATIONS)[number]

export const STANCES = ['asserts', 'denies', 'no_response'] as const
export type Stance = (typeof STANCES)[number]

export interface ClaimRecord {
  claimant: string | null
  speaker: string | null
  cue: string
  stance: Stance
  subject: string
  relation: ClaimRelation
  object: string | null
  evidence: Span
  via: Via
}

export interface AnalysisRecord {
  schema: typeof SCHEMA_ID
  document: DocumentPart
  entities: EntityRecord[]
  places: PlaceRecord[]
  events: EventRecord[]
  claims: ClaimRecord[]
}
