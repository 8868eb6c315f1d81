import Type, { type Static, type TSchema } from 'typebox'
import { PROPOSITION_STATUSES, SOURCE_GRADES, UNGRADED_POLICIES } from './vocabulary.js'

/**
 * The shapes the read layer returns and the API serves, written once: each is a JSON schema (for the
 * OpenAPI document and validation) and, through Static, the TypeScript type the store, the routes and
 * the web UI use.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Str = Type.String()
const Int = Type.Integer()
const Num = Type.Number()
const NullableStr = Nullable(Str)
const Day = Nullable(Type.String({ description: 'YYYY-MM-DD' }))

export const Grade = Type.Enum([...SOURCE_GRADES], {
  description: 'Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged',
})
export const Status = Type.Enum([...PROPOSITION_STATUSES])
const Direction = Type.Enum(['ab', 'ba'], { description: 'ab: from a to b' })
const Precision = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)])

export const NamedRef = Type.Object({ id: Str, name: Str, kind: Type.Enum(['entity', 'place', 'unknown']) })
export type NamedRef = Static<typeof NamedRef>

export const PlaceRef = Type.Object({
  ...NamedRef.properties,
  lat: Nullable(Num),
  lon: Nullable(Num),
  placeKind: Nullable(Type.String({ description: 'the gazetteer kind: city, admin1, country…' })),
  country: NullableStr,
  admin1: NullableStr,
})
export type PlaceRef = Static<typeof PlaceRef>

export const Fatalities = Type.Object({ low: Nullable(Int), best: Nullable(Int), high: Nullable(Int) })
export type Fatalities = Static<typeof Fatalities>

const Evidence = Type.Object({ start: Int, end: Int, text: Str })

export const SourceGradeNote = Type.Object({ grade: Grade, note: NullableStr })

export const PartyView = Type.Object({
  party: Nullable(NamedRef),
  speakers: Type.Array(NamedRef),
  outlets: Type.Array(Str),
  sources: Int,
})
export type PartyView = Static<typeof PartyView>

/** A claim behind a proposition as the CLI prints it (`claims --evidence`, `--json`). */
export const ClaimEvidenceView = Type.Object({
  articleId: Str,
  title: NullableStr,
  url: NullableStr,
  published: NullableStr,
  stance: Str,
  cue: Str,
  claimant: NullableStr,
  speaker: NullableStr,
  text: Str,
  outlet: NullableStr,
  sourceGrade: Nullable(SourceGradeNote),
})
export type ClaimEvidenceView = Static<typeof ClaimEvidenceView>

const propositionFields = {
  id: Str,
  subject: NamedRef,
  relation: Str,
  object: Nullable(NamedRef),
  status: Status,
  sourceCount: Int,
  claimCount: Int,
  firstSeen: Nullable(Type.String({ description: 'publication date of the first statement; null when no statement is dated' })),
  lastSeen: Nullable(Type.String({ description: 'publication date of the last statement; null when no statement is dated' })),
  undatedClaims: Type.Integer({ description: 'statements from articles without a publication date (kept out of date ranges)' }),
  asserters: Type.Array(PartyView),
  deniers: Type.Array(PartyView),
  noResponse: Type.Array(PartyView),
  objectPoint: Nullable(Type.Object({ lat: Num, lon: Num }, { description: 'where the object is a place with coordinates' })),
  bestGrade: Nullable(Type.Enum([...SOURCE_GRADES], { description: 'the best grade among its outlets; null when none is graded' })),
}
/** A proposition as the API serves it. */
export const Proposition = Type.Object(propositionFields)
/** A proposition as the read layer returns it: the CLI adds its claims' evidence. */
export const PropositionView = Type.Object({ ...propositionFields, evidence: Type.Optional(Type.Array(ClaimEvidenceView)) })
export type PropositionView = Static<typeof PropositionView>

export const StatementView = Type.Object({
  articleId: Str,
  title: NullableStr,
  url: NullableStr,
  source: NullableStr,
  published: Day,
  stance: Str,
  cue: Str,
  claimant: Nullable(NamedRef),
  speaker: Nullable(NamedRef),
  evidence: Evidence,
  sourceGrade: Nullable(SourceGradeNote),
})
export type StatementView = Static<typeof StatementView>

export const EventSourceView = Type.Object({
  articleId: Str,
  title: NullableStr,
  url: NullableStr,
  published: NullableStr,
  fatalities: Fatalities,
  text: Str,
})
export type EventSourceView = Static<typeof EventSourceView>

const eventFields = {
  id: Str,
  type: Str,
  place: Nullable(PlaceRef),
  dateStart: Day,
  dateEnd: Day,
  modes: Type.Array(Str),
  actors: Type.Array(NamedRef),
  targets: Type.Array(NamedRef),
  fatalities: Fatalities,
  sourceCount: Int,
  reportCount: Int,
  geoPrecision: Nullable(
    Type.Union(Precision.anyOf, {
      description: 'ACLED-style: 1 a town or site, 2 a district or province, 3 a country or wider region; null without a place',
    }),
  ),
  timePrecision: Nullable(
    Type.Union(Precision.anyOf, { description: 'ACLED-style: 1 the day, 2 within a week, 3 within a month or wider; null when undated' }),
  ),
}
/** An event as the API serves it: its reports come with /api/events/:id, not with every list item. */
export const ServedEvent = Type.Object(eventFields)
export type ServedEvent = Static<typeof ServedEvent>
/** An event as the read layer returns it: the CLI adds its sources. */
export const EventView = Type.Object({ ...eventFields, sources: Type.Optional(Type.Array(EventSourceView)) })
export type EventView = Static<typeof EventView>

export const EventReportView = Type.Object({
  articleId: Str,
  title: NullableStr,
  url: NullableStr,
  source: NullableStr,
  published: Day,
  mode: NullableStr,
  dateText: NullableStr,
  fatalities: Fatalities,
  reportedBy: Nullable(NamedRef),
  evidence: Evidence,
})
export type EventReportView = Static<typeof EventReportView>

export const StoreStats = Type.Object({
  articles: Int,
  nearDuplicates: Int,
  entities: Int,
  entityMerges: Int,
  places: Int,
  events: Int,
  eventReports: Int,
  claims: Int,
  propositions: Int,
})
export type StoreStats = Static<typeof StoreStats>

export const EntityProfile = Type.Object({
  id: Str,
  name: Str,
  type: Str,
  country: NullableStr,
  aliases: Type.Array(Str),
  known: Type.Boolean(),
  articleCount: Int,
  mentionCount: Int,
  mergedFrom: Type.Array(Type.Object({ id: Str, name: Str, reason: Str })),
})
export type EntityProfile = Static<typeof EntityProfile>

/** `sitrep entity`: a profile with what is said about the entity and the events it took part in. */
export const EntityView = Type.Object({
  ...EntityProfile.properties,
  propositions: Type.Array(PropositionView),
  events: Type.Array(EventView),
})
export type EntityView = Static<typeof EntityView>

export const ActorActivity = Type.Object({ ...NamedRef.properties, type: NullableStr, articles: Int })
export type ActorActivity = Static<typeof ActorActivity>

export const PlaceView = Type.Object({
  ...PlaceRef.properties,
  placeKind: Str,
  events: Int,
  fatalities: Int,
})
export type PlaceView = Static<typeof PlaceView>

export const TimelineBucket = Type.Object({ date: Str, type: Str, events: Int, fatalities: Int })
export type TimelineBucket = Static<typeof TimelineBucket>

export const NetworkNode = Type.Object({ ...NamedRef.properties, type: NullableStr, weight: Int })
export type NetworkNode = Static<typeof NetworkNode>

export const NetworkEdge = Type.Object({
  id: Str,
  source: Str,
  target: Str,
  relation: Str,
  weight: Type.Integer({ description: 'independent sources' }),
  status: Status,
  stance: Type.Enum(['asserted', 'contested']),
  firstSeen: Day,
  lastSeen: Day,
  ref: Type.Object({ kind: Type.Enum(['proposition', 'event']), id: Str }),
})
export type NetworkEdge = Static<typeof NetworkEdge>

export const HighlightSpan = Type.Object({
  start: Int,
  end: Int,
  kind: Type.Enum(['entity', 'place', 'event', 'claim', 'date']),
  ref: Type.String({ description: 'the entity, place, event or proposition id the span links to (a date links to its event)' }),
  label: Str,
})
export type HighlightSpan = Static<typeof HighlightSpan>

export const ExtractedEvent = Type.Object({
  eventId: Str,
  type: Str,
  dateText: NullableStr,
  dateStart: Day,
  dateEnd: Day,
  fatalities: Fatalities,
  actors: Type.Array(NamedRef),
  targets: Type.Array(NamedRef),
  start: Int,
  end: Int,
})
export type ExtractedEvent = Static<typeof ExtractedEvent>

const statementParts = {
  propositionId: Str,
  stance: Str,
  cue: Str,
  weakCue: Nullable(Type.String({ description: 'why the stance or claimant may be doubted' })),
  claimant: Nullable(NamedRef),
  speaker: Nullable(NamedRef),
  subject: NamedRef,
  relation: Str,
  object: Nullable(NamedRef),
}
export const StatementParts = Type.Object(statementParts)
export type StatementParts = Static<typeof StatementParts>

export const ExtractedClaim = Type.Object({ ...statementParts, start: Int, end: Int })
export type ExtractedClaim = Static<typeof ExtractedClaim>

export const ExtractedName = Type.Object({ ...NamedRef.properties, mentions: Int, start: Int, end: Int })
export type ExtractedName = Static<typeof ExtractedName>

export const ArticleExtraction = Type.Object({
  events: Type.Array(ExtractedEvent),
  claims: Type.Array(ExtractedClaim),
  actors: Type.Array(ExtractedName),
  places: Type.Array(ExtractedName),
})
export type ArticleExtraction = Static<typeof ArticleExtraction>

export const ArticleView = Type.Object({
  id: Str,
  title: NullableStr,
  url: NullableStr,
  source: NullableStr,
  author: NullableStr,
  published: Day,
  inputName: NullableStr,
  ingestedAt: Str,
  duplicateOf: NullableStr,
  text: Str,
  removed: Type.Array(Type.Object({ text: Str, reason: Str })),
  spans: Type.Array(HighlightSpan),
  extraction: ArticleExtraction,
})
export type ArticleView = Static<typeof ArticleView>

export const SearchHit = Type.Object({
  id: Str,
  title: NullableStr,
  url: NullableStr,
  source: NullableStr,
  published: Day,
  duplicateOf: NullableStr,
  snippet: Str,
})
export type SearchHit = Static<typeof SearchHit>

export const NameHit = Type.Object({ ...NamedRef.properties, type: NullableStr })
export type NameHit = Static<typeof NameHit>

export const DyadEvidence = Type.Object({
  articleId: Str,
  title: NullableStr,
  source: NullableStr,
  published: Day,
  start: Int,
  end: Int,
  text: Str,
})
export type DyadEvidence = Static<typeof DyadEvidence>

export const DyadEvent = Type.Object({
  ...eventFields,
  direction: Type.Enum(['ab', 'ba'], { description: 'ab: a is an actor, b a target' }),
  evidence: Nullable(DyadEvidence),
})
export type DyadEvent = Static<typeof DyadEvent>

export const DyadStatement = Type.Object({
  ...statementParts,
  direction: Type.Enum(['ab', 'ba'], { description: 'ab: a said it about b' }),
  evidence: DyadEvidence,
})
export type DyadStatement = Static<typeof DyadStatement>

export const DyadMonth = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  direction: Direction,
  accuse: Int,
  reject: Int,
  events: Int,
})
export type DyadMonth = Static<typeof DyadMonth>

export const DyadView = Type.Object({
  a: NamedRef,
  b: NamedRef,
  events: Type.Array(DyadEvent),
  statements: Type.Array(DyadStatement),
  months: Type.Array(DyadMonth),
  undatedEvents: Int,
  undatedStatements: Int,
})
export type DyadView = Static<typeof DyadView>

export const StatusChange = Type.Object({ proposition: Proposition, from: Status, to: Status, changedAt: Str })
export type StatusChange = Static<typeof StatusChange>

export const ChangesView = Type.Object({
  since: Str,
  newPropositions: Type.Object({ total: Int, items: Type.Array(Proposition) }),
  statusChanges: Type.Object({ total: Int, items: Type.Array(StatusChange) }),
  newEvents: Type.Object({ total: Int, items: Type.Array(ServedEvent) }),
})
export type ChangesView = Static<typeof ChangesView>

export const SourceView = Type.Object({
  id: Type.String({ description: "the outlet's name as articles give it; also its id in the API" }),
  outlet: Str,
  articles: Int,
  grade: Nullable(Grade),
  note: NullableStr,
  gradedAt: NullableStr,
})
export type SourceView = Static<typeof SourceView>

export type GradeChange = Static<typeof GradeChange>
export const CorroborationRule = Type.Object({
  minGrade: Type.Enum([...SOURCE_GRADES], { description: 'the worst grade that still counts towards corroborated (F never counts)' }),
  ungraded: Type.Enum([...UNGRADED_POLICIES], { description: 'whether sources from ungraded outlets count' }),
})

export const GradeChange = Type.Object({
  outlet: Str,
  grade: Nullable(Grade),
  note: NullableStr,
  refreshed: Type.Integer({ description: 'propositions refreshed: those with a statement from this outlet' }),
})

export const UploadSummary = Type.Object({
  added: Int,
  replaced: Int,
  unchanged: Int,
  failed: Int,
  failures: Type.Array(Type.Object({ name: Str, error: Str })),
  seconds: Num,
})
export type UploadSummary = Static<typeof UploadSummary>

export const ErrorBody = Type.Object({ statusCode: Int, error: Str, message: Str })

/** One page of a list: the items, how many the filter selects in all, and where the page starts. */
export const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Int, limit: Int, offset: Int })
export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}
