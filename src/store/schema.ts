import type { Generated } from 'kysely'

/** Table types for Kysely; the DDL lives in migrations/. JSON columns hold JSON text. */
export interface ArticlesTable {
  doc_no: Generated<number>
  id: string
  url: string | null
  title: string | null
  source: string | null
  author: string | null
  published: string | null
  input_name: string | null
  ingested_at: string
  text: string
  removed: string
  signature: string
  duplicate_of: string | null
  similarity: number | null
}

export interface ArticleBandsTable {
  band_key: string
  article_id: string
}

export interface EntitiesTable {
  id: string
  name: string
  type: string
  country: string | null
  aliases: string
  name_key: string
  known: number
}

export interface EntityNamesTable {
  name_key: string
  entity_id: string
}

export interface EntityMergesTable {
  source_id: string
  target_id: string
  source_name: string
  reason: string
  article_id: string
  decided_at: string
}

export interface EntityMentionsTable {
  article_id: string
  entity_id: string
  start: number
  end: number
}

export interface PlacesTable {
  id: string
  name: string
  name_key: string
  kind: string
  country: string | null
  admin1: string | null
  lat: number | null
  lon: number | null
}

export interface PlaceMentionsTable {
  article_id: string
  place_id: string
  start: number
  end: number
}

export interface EventsTable {
  id: string
  type: string
  place_id: string | null
  date_start: string | null
  date_end: string | null
  modes: string
  actors: string
  targets: string
  fatalities_low: number | null
  fatalities_best: number | null
  fatalities_high: number | null
  source_count: number
  report_count: number
  first_seen: string
  last_seen: string
  /** ISO timestamp of the ingest that created it. */
  created_at: string | null
}

export interface EventSourcesTable {
  article_id: string
  ordinal: number
  event_id: string
  mode: string | null
  actors: string
  targets: string
  date_start: string | null
  date_end: string | null
  date_text: string | null
  fatalities_low: number | null
  fatalities_best: number | null
  fatalities_high: number | null
  reported_by: string | null
  evidence_start: number
  evidence_end: number
  evidence_text: string
}

export interface ClaimsTable {
  article_id: string
  ordinal: number
  proposition_id: string
  claimant: string | null
  speaker: string | null
  cue: string
  stance: string
  subject: string
  relation: string
  object: string | null
  evidence_start: number
  evidence_end: number
  evidence_text: string
  /** Denormalized for aggregation: resolve/propositions.ts partyKeyOf, the article's near-duplicate group, its date and outlet. */
  party_key: string
  source_group: string
  seen: string
  outlet: string | null
  /** 0 when the article had no publication date: `seen` is then its ingest day, not a date of the statement. */
  dated: Generated<number>
}

export interface PropositionsTable {
  id: string
  subject: string
  relation: string
  object: string | null
  asserters: string
  deniers: string
  no_response: string
  source_count: number
  claim_count: number
  first_seen: string
  last_seen: string
  status: string
  /** The best Admiralty grade among the outlets of its claims (resolve/source-grading.ts); null when none is graded. */
  best_grade: string | null
  /** First and last publication dates of its statements; null when none was dated. */
  first_dated: string | null
  last_dated: string | null
  undated_claims: Generated<number>
}

export interface PropositionChangesTable {
  proposition_id: string
  status: string
  /** null: the proposition was created. */
  previous_status: string | null
  /** ISO timestamp of the ingest that changed it. */
  changed_at: string
}

export interface EventPartiesTable {
  entity_id: string
  event_id: string
  role: 'actor' | 'target'
  /** The event's type (migration 0007; null only where an event was gone when it ran). */
  type: string | null
}

/** Set by the analyst, never by analysis. */
export interface SourceGradesTable {
  /** The outlet as articles name it (articles.source, claims.outlet). */
  outlet: string
  grade: string
  note: string | null
  graded_at: string
}

export interface AnalystSettingsTable {
  key: string
  /** JSON. */
  value: string
}

export interface Database {
  articles: ArticlesTable
  article_bands: ArticleBandsTable
  entities: EntitiesTable
  entity_names: EntityNamesTable
  entity_merges: EntityMergesTable
  entity_mentions: EntityMentionsTable
  places: PlacesTable
  place_mentions: PlaceMentionsTable
  events: EventsTable
  event_sources: EventSourcesTable
  claims: ClaimsTable
  propositions: PropositionsTable
  source_grades: SourceGradesTable
  analyst_settings: AnalystSettingsTable
  proposition_changes: PropositionChangesTable
  event_parties: EventPartiesTable
  dirty_propositions: DirtyPropositionsTable
}

/** Propositions whose summary waits to be recomputed (migration 0005). */
export interface DirtyPropositionsTable {
  id: string
  version: Generated<number>
}
