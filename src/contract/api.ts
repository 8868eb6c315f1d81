import Type, { type Static } from 'typebox'
import type { SourceGrade } from '../resolve/source-grading.js'
import * as S from './shapes.js'
import { CLAIM_RELATIONS, EVENT_TYPES, EVENT_TYPE_SPELLINGS, NETWORK_RELATIONS, PROPOSITION_STATUSES, SOURCE_GRADES } from './vocabulary.js'

/** Each route's query, path, body and answer: the schemas Fastify validates with and @fastify/swagger documents. */

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'
export const DayQuery = (description = 'YYYY-MM-DD') => Type.String({ pattern: DATE_PATTERN, description })
export const NameQuery = (description?: string) => Type.String({ minLength: 1, maxLength: 200, ...(description ? { description } : {}) })
const Id = (description?: string) => Type.String({ minLength: 1, maxLength: 1000, ...(description ? { description } : {}) })
const Limit = (maximum: number, defaultLimit: number) => Type.Integer({ minimum: 1, maximum, default: defaultLimit })
const paging = (maxLimit: number, defaultLimit = 50) => ({
  limit: Limit(maxLimit, defaultLimit),
  offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
})
const Query = <P extends Parameters<typeof Type.Object>[0]>(properties: P) => Type.Object(properties, { additionalProperties: false })
const EventTypeQuery = Type.Enum([...EVENT_TYPES])

export const IdParams = Type.Object({ id: Id() })

export const OverviewQuery = Query({ limit: Type.Optional(Limit(50, 8)) })
export const Overview = Type.Object({
  stats: S.StoreStats,
  contested: Type.Array(S.Proposition),
  latestEvents: Type.Array(S.ServedEvent),
  activeActors: Type.Array(S.ActorActivity),
})
export type Overview = Static<typeof Overview>

export const PropositionsQuery = Query({
  status: Type.Optional(Type.Enum([...PROPOSITION_STATUSES])),
  relation: Type.Optional(Type.Enum([...CLAIM_RELATIONS])),
  actor: Type.Optional(NameQuery('entity name or id: subject, object, claimant or speaker')),
  place: Type.Optional(NameQuery('place name or id: the object')),
  since: Type.Optional(DayQuery('last seen on or after')),
  until: Type.Optional(DayQuery('first seen on or before')),
  ...optionalAll(paging(500)),
})
export type PropositionsQuery = Static<typeof PropositionsQuery>

export const PropositionDetail = Type.Object({ ...S.Proposition.properties, statements: Type.Array(S.StatementView) })
export type PropositionDetail = Static<typeof PropositionDetail>

export const EventsQuery = Query({
  type: Type.Optional(Type.Enum(EVENT_TYPE_SPELLINGS)),
  place: Type.Optional(NameQuery()),
  actor: Type.Optional(NameQuery('entity name or id among actors or targets')),
  since: Type.Optional(DayQuery()),
  until: Type.Optional(DayQuery()),
  bbox: Type.Optional(Type.String({ maxLength: 100, description: 'west,south,east,north in degrees' })),
  ...optionalAll(paging(5000)),
})

export const EventDetail = Type.Object({ ...S.ServedEvent.properties, sources: Type.Array(S.EventReportView) })
export type EventDetail = Static<typeof EventDetail>

export const TimelineQuery = Query({
  type: Type.Optional(EventTypeQuery),
  since: Type.Optional(DayQuery()),
  until: Type.Optional(DayQuery()),
})
export const Timeline = Type.Object({
  buckets: Type.Array(S.TimelineBucket),
  undatedEvents: Type.Integer({ description: 'events without a date: never in the buckets' }),
})

export const PlacesQuery = Query({
  type: Type.Optional(EventTypeQuery),
  since: Type.Optional(DayQuery()),
  until: Type.Optional(DayQuery()),
  ...optionalAll(paging(5000, 500)),
})

export const EntityQuery = Query({ limit: Type.Optional(Limit(200, 30)) })
export const EntityPage = Type.Object({
  ...S.EntityProfile.properties,
  events: Type.Array(S.ServedEvent),
  eventCount: Type.Integer(),
  claimsAbout: Type.Array(S.Proposition),
  claimsAboutCount: Type.Integer(),
  affiliations: Type.Array(S.Proposition, { description: 'member_of and cooperates_with propositions the entity takes part in' }),
  claimsBy: Type.Array(S.Proposition, { description: 'propositions the entity (or its speakers) asserted, denied or did not answer' }),
})
export type EntityPage = Static<typeof EntityPage>

export const NetworkQuery = Query({
  relation: Type.Optional(Type.Enum([...NETWORK_RELATIONS])),
  actor: Type.Optional(NameQuery('entity name or id: only its links (the ego network)')),
  status: Type.Optional(Type.Enum([...PROPOSITION_STATUSES], { description: 'only links of this status' })),
  since: Type.Optional(DayQuery('links last seen (publication dates) on or after; undated links drop out')),
  until: Type.Optional(DayQuery('links first seen on or before')),
  minSources: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  limit: Type.Optional(Limit(2000, 300)),
})
export const Network = Type.Object({ nodes: Type.Array(S.NetworkNode), edges: Type.Array(S.NetworkEdge) })

export const DyadQuery = Query({
  a: NameQuery('first party: entity name or id'),
  b: NameQuery('second party: entity name or id'),
  limit: Type.Optional(Limit(2000, 500)),
})

export const ChangesQuery = Query({
  since: Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?$',
    description: 'YYYY-MM-DD or an ISO timestamp (UTC): what the store learned at or after it',
  }),
  actor: Type.Optional(NameQuery('entity name or id: only what is about it')),
  limit: Type.Optional(Limit(200, 20)),
})

export const SearchQuery = Query({ q: Type.String({ minLength: 1, maxLength: 300 }), limit: Type.Optional(Limit(100, 20)) })
export const SearchResult = Type.Object({
  query: Type.String(),
  articles: Type.Array(S.SearchHit),
  actors: Type.Array(S.NameHit),
  places: Type.Array(S.NameHit),
})
export type SearchResult = Static<typeof SearchResult>

export const SourcesList = Type.Object({
  items: Type.Array(S.SourceView),
  rule: Type.Object(S.CorroborationRule.properties, { description: 'which sources count towards corroborated (`sitrep source rule`)' }),
})
export type SourcesList = Static<typeof SourcesList>

export const SourceParams = Type.Object({ id: Id('the outlet, as GET /api/sources names it') })
export const SourceGradeBody = Type.Object(
  {
    grade: Type.Unsafe<SourceGrade | null>({
      type: 'string',
      enum: [...SOURCE_GRADES, null],
      nullable: true,
      description: 'A completely reliable … E unreliable, F cannot be judged; null clears',
    }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
)
export const SourceGradeResult = Type.Object({ ...S.GradeChange.properties, source: S.SourceView })
export type SourceGradeResult = Static<typeof SourceGradeResult>

export const IngestBody = Type.Object(
  {
    files: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 255 }),
          content: Type.String(),
          encoding: Type.Optional(Type.Enum(['utf8', 'base64'], { default: 'utf8' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    date: Type.Optional(DayQuery('reference date for articles without a publication date')),
  },
  { additionalProperties: false },
)
export type IngestBody = Static<typeof IngestBody>

function optionalAll<T extends Record<string, Parameters<typeof Type.Optional>[0]>>(properties: T) {
  return Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
    [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>>
  }
}
