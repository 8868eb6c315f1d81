import type { Store } from '../store/open-store.js'
import type { PropositionStatus } from '../resolve/propositions.js'
import {
  actorNetwork,
  changesSince,
  dyadView,
  entityAffiliations,
  entityProfile,
  eventReports,
  eventTimeline,
  getArticle,
  getEvent,
  getProposition,
  listEvents,
  listPropositions,
  mostActiveActors,
  NETWORK_RELATIONS,
  placesWithEvents,
  propositionStatements,
  resolveActor,
  searchArticles,
  searchNames,
  storeStats,
  undatedEventCount,
  corroborationRule,
  findOutlet,
  listSources,
  type ActorActivity,
  type EntityProfile,
  type EventReportView,
  type GradeChange,
  type NameHit,
  type PropositionView,
  type SearchHit,
  type ServedEvent,
  type SourceView,
  type StatementView,
  type StoreStats,
} from '../store/read/index.js'
import { ingestUploads, type UploadedFile } from './ingest-uploads.js'
import { HttpError } from './http-error.js'
import { StreamedAnswer } from './streamed-answer.js'
import {
  EXPORT_FORMATS,
  EXPORTERS,
  GEOJSON_LAYERS,
  exportFileName,
  writeExport,
  type ExportFormat,
  type GeoJsonLayer,
} from '../export/index.js'
import { gradeSource } from '../store/grades-repo.js'
import { SOURCE_GRADES, type CorroborationRule, type SourceGrade } from '../resolve/source-grading.js'

/** The answers the routes build themselves (the others are store-views types); the web UI reads these types too. */
export interface Overview {
  stats: StoreStats
  contested: PropositionView[]
  latestEvents: ServedEvent[]
  activeActors: ActorActivity[]
}

export interface EntityPage extends EntityProfile {
  /** member_of and cooperates_with propositions the entity takes part in. */
  affiliations: PropositionView[]
  /** Propositions the entity (or its speakers) asserted, denied or did not answer. */
  claimsBy: PropositionView[]
  events: ServedEvent[]
  eventCount: number
  claimsAbout: PropositionView[]
  claimsAboutCount: number
}

export interface PropositionDetail extends PropositionView {
  statements: StatementView[]
}

export interface EventDetail extends ServedEvent {
  sources: EventReportView[]
}

export interface SourcesList {
  items: SourceView[]
  /** Which sources count towards `corroborated` (`sitrep source rule`). */
  rule: CorroborationRule
}

export interface SourceGradeResult extends GradeChange {
  source: SourceView
}

export interface SearchResult {
  query: string
  articles: SearchHit[]
  actors: NameHit[]
  places: NameHit[]
}

/** One endpoint: its schemas drive both request validation and the OpenAPI document. */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  summary: string
  params?: ObjectSchema
  querystring?: ObjectSchema
  body?: ObjectSchema
  /** Needs the bearer token. */
  write?: boolean
  /** The answer is a streamed download (a StreamedAnswer) in one of these media types, not JSON. */
  downloads?: string[]
  /** A whole-table aggregate: answers are cached until the store changes (response-cache.ts). */
  cached?: boolean
  handler(context: RouteContext): Promise<unknown>
}

export interface RouteContext {
  store: Store
  params: Record<string, string>
  query: Record<string, unknown>
  body: unknown
  /** Serializes writes and clears cached reads. */
  afterWrite(): void
}

export interface ObjectSchema {
  type: 'object'
  properties: Record<string, Record<string, unknown>>
  required?: string[]
  additionalProperties?: boolean
}

const EVENT_TYPES = [
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
]
const RELATIONS = ['present_in', 'supports', 'harbors', 'cooperates_with', 'attacks', 'threatens', 'member_of']
const STATUSES: PropositionStatus[] = ['contested', 'corroborated', 'single-source']
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }
const NAME = { type: 'string', minLength: 1, maxLength: 200 }
const ID = { type: 'string', minLength: 1, maxLength: 1000 }
const SINCE_MOMENT = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?$',
  description: 'YYYY-MM-DD or an ISO timestamp (UTC): what the store learned at or after it',
}

function paging(maxLimit: number, defaultLimit = 50): Record<string, Record<string, unknown>> {
  return {
    limit: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
  }
}

function query(properties: Record<string, Record<string, unknown>>): ObjectSchema {
  return { type: 'object', properties, additionalProperties: false }
}

const idParam: ObjectSchema = { type: 'object', properties: { id: ID }, required: ['id'] }

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function checkRange(since: unknown, until: unknown): void {
  if (typeof since === 'string' && typeof until === 'string' && since > until)
    throw new HttpError(400, `since (${since}) is after until (${until})`)
}

function parseBbox(value: unknown): [number, number, number, number] | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const parts = value.split(',').map(Number)
  const [west, south, east, north] = parts
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || west! > east! || south! > north! || south! < -90 || north! > 90) {
    throw new HttpError(400, `bbox must be west,south,east,north in degrees with west <= east and south <= north, got "${value}"`)
  }
  return [west!, south!, east!, north!]
}

function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new HttpError(404, `no ${what} with id "${id}"`)
  return value
}

export const apiRoutes: ApiRoute[] = [
  {
    method: 'GET',
    url: '/api/stats',
    cached: true,
    summary: 'Counts of what the store holds',
    handler: ({ store }) => storeStats(store),
  },
  {
    method: 'GET',
    url: '/api/overview',
    cached: true,
    summary: 'Counts, the most contested propositions, latest events and most active actors',
    querystring: query({ limit: { type: 'integer', minimum: 1, maximum: 50, default: 8 } }),
    handler: async ({ store, query: q }): Promise<Overview> => {
      const limit = q['limit'] as number
      return {
        stats: await storeStats(store),
        contested: (await listPropositions(store, { status: 'contested', limit, offset: 0 })).items,
        latestEvents: (await listEvents(store, { limit, offset: 0 })).items,
        activeActors: await mostActiveActors(store, limit),
      }
    },
  },
  {
    method: 'GET',
    url: '/api/propositions',
    summary: 'Propositions (who is said to do what to whom), most sourced first',
    querystring: query({
      status: { type: 'string', enum: STATUSES },
      relation: { type: 'string', enum: RELATIONS },
      actor: { ...NAME, description: 'entity name or id: subject, object, claimant or speaker' },
      place: { ...NAME, description: 'place name or id: the object' },
      since: { ...DATE, description: 'last seen on or after' },
      until: { ...DATE, description: 'first seen on or before' },
      ...paging(500),
    }),
    handler: ({ store, query: q }) => {
      checkRange(q['since'], q['until'])
      return listPropositions(store, {
        status: q['status'] as PropositionStatus | undefined,
        relation: optionalString(q['relation']),
        actor: optionalString(q['actor']),
        place: optionalString(q['place']),
        since: optionalString(q['since']),
        until: optionalString(q['until']),
        limit: q['limit'] as number,
        offset: q['offset'] as number,
      })
    },
  },
  {
    method: 'GET',
    url: '/api/propositions/:id',
    summary: 'One proposition with every attributed statement and its evidence sentence',
    params: idParam,
    handler: async ({ store, params }): Promise<PropositionDetail> => {
      const proposition = found(await getProposition(store, params['id']!), 'proposition', params['id']!)
      return { ...proposition, statements: await propositionStatements(store, proposition.id) }
    },
  },
  {
    method: 'GET',
    url: '/api/events',
    summary: 'Events, latest first',
    querystring: query({
      type: { type: 'string', enum: [...EVENT_TYPES, ...EVENT_TYPES.map((t) => t.toLowerCase())] },
      place: NAME,
      actor: { ...NAME, description: 'entity name or id among actors or targets' },
      since: DATE,
      until: DATE,
      bbox: { type: 'string', maxLength: 100, description: 'west,south,east,north in degrees' },
      ...paging(5000),
    }),
    handler: ({ store, query: q }) => {
      checkRange(q['since'], q['until'])
      const bbox = parseBbox(q['bbox'])
      return listEvents(store, {
        type: optionalString(q['type']),
        place: optionalString(q['place']),
        actor: optionalString(q['actor']),
        since: optionalString(q['since']),
        until: optionalString(q['until']),
        ...(bbox ? { bbox } : {}),
        limit: q['limit'] as number,
        offset: q['offset'] as number,
      })
    },
  },
  {
    method: 'GET',
    url: '/api/events/:id',
    summary: 'One event with the reports (articles and evidence) behind it',
    params: idParam,
    handler: async ({ store, params }): Promise<EventDetail> => {
      const event = found(await getEvent(store, params['id']!), 'event', params['id']!)
      return { ...event, sources: await eventReports(store, event.id) }
    },
  },
  {
    method: 'GET',
    url: '/api/timeline',
    cached: true,
    summary: 'Event counts and fatalities per start day and type',
    querystring: query({ type: { type: 'string', enum: EVENT_TYPES }, since: DATE, until: DATE }),
    handler: async ({ store, query: q }) => {
      checkRange(q['since'], q['until'])
      const type = optionalString(q['type'])
      return {
        buckets: await eventTimeline(store, { type, since: optionalString(q['since']), until: optionalString(q['until']) }),
        undatedEvents: await undatedEventCount(store, type),
      }
    },
  },
  {
    method: 'GET',
    url: '/api/places',
    cached: true,
    summary: 'Places with events, with event counts and summed fatalities',
    querystring: query({ type: { type: 'string', enum: EVENT_TYPES }, since: DATE, until: DATE, ...paging(5000, 500) }),
    handler: ({ store, query: q }) => {
      checkRange(q['since'], q['until'])
      return placesWithEvents(store, {
        type: optionalString(q['type']),
        since: optionalString(q['since']),
        until: optionalString(q['until']),
        limit: q['limit'] as number,
        offset: q['offset'] as number,
      })
    },
  },
  {
    method: 'GET',
    url: '/api/entities/:id',
    summary: 'An actor profile: aliases, type, country, affiliations, events, claims by and about it',
    params: idParam,
    querystring: query({ limit: { type: 'integer', minimum: 1, maximum: 200, default: 30 } }),
    handler: async ({ store, params, query: q }): Promise<EntityPage> => {
      const limit = q['limit'] as number
      const entity = found(await entityProfile(store, params['id']!), 'entity', params['id']!)
      const about = await listPropositions(store, { aboutIds: [entity.id], limit, offset: 0 })
      const events = await listEvents(store, { actor: entity.id, limit, offset: 0 })
      return {
        ...entity,
        events: events.items,
        eventCount: events.total,
        claimsAbout: about.items,
        claimsAboutCount: about.total,
        ...(await entityAffiliations(store, entity.id, limit)),
      }
    },
  },
  {
    method: 'GET',
    url: '/api/network',
    cached: true,
    summary: 'Actor network: nodes, and edges weighted by sources and styled by stance',
    querystring: query({
      relation: { type: 'string', enum: [...NETWORK_RELATIONS] },
      actor: { ...NAME, description: 'entity name or id: only its links (the ego network)' },
      status: { type: 'string', enum: STATUSES, description: 'only links of this status' },
      since: { ...DATE, description: 'links last seen (publication dates) on or after; undated links drop out' },
      until: { ...DATE, description: 'links first seen on or before' },
      minSources: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
      limit: { type: 'integer', minimum: 1, maximum: 2000, default: 300 },
    }),
    handler: ({ store, query: q }) => {
      checkRange(q['since'], q['until'])
      return actorNetwork(store, {
        relation: optionalString(q['relation']),
        actor: optionalString(q['actor']),
        status: q['status'] as PropositionStatus | undefined,
        since: optionalString(q['since']),
        until: optionalString(q['until']),
        minSources: q['minSources'] as number,
        limit: q['limit'] as number,
      })
    },
  },
  {
    method: 'GET',
    url: '/api/dyad',
    summary:
      'Two parties face to face: events between them in both directions, the statements each made about the other, ACCUSE/REJECT per month',
    querystring: {
      ...query({
        a: { ...NAME, description: 'first party: entity name or id' },
        b: { ...NAME, description: 'second party: entity name or id' },
        limit: { type: 'integer', minimum: 1, maximum: 2000, default: 500 },
      }),
      required: ['a', 'b'],
    },
    handler: async ({ store, query: q }) => {
      const a = await resolveActor(store, q['a'] as string)
      if (!a) throw new HttpError(404, `no actor named "${q['a'] as string}"`)
      const b = await resolveActor(store, q['b'] as string)
      if (!b) throw new HttpError(404, `no actor named "${q['b'] as string}"`)
      if (a.id === b.id) throw new HttpError(400, `a and b are the same actor (${a.name})`)
      return dyadView(store, a, b, q['limit'] as number)
    },
  },
  {
    method: 'GET',
    url: '/api/changes',
    summary: "What's new since a moment: new propositions, status changes (single-source → corroborated or contested…), new events",
    querystring: {
      ...query({
        since: SINCE_MOMENT,
        actor: { ...NAME, description: 'entity name or id: only what is about it' },
        limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
      }),
      required: ['since'],
    },
    handler: ({ store, query: q }) =>
      changesSince(store, { since: q['since'] as string, actor: optionalString(q['actor']), limit: q['limit'] as number }),
  },
  {
    method: 'GET',
    url: '/api/articles/:id',
    summary: 'An article: cleaned text, removed blocks and highlight spans (entities, places, event and claim evidence)',
    params: idParam,
    handler: async ({ store, params }) => found(await getArticle(store, params['id']!), 'article', params['id']!),
  },
  {
    method: 'GET',
    url: '/api/search',
    summary: 'Search articles (full text), actors and places (names)',
    querystring: {
      ...query({ q: { type: 'string', minLength: 1, maxLength: 300 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }),
      required: ['q'],
    },
    handler: async ({ store, query: q }): Promise<SearchResult> => {
      const text = q['q'] as string
      if (text.trim() === '') throw new HttpError(400, 'q must not be blank')
      const limit = q['limit'] as number
      return { query: text, articles: await searchArticles(store, text, limit), ...(await searchNames(store, text, limit)) }
    },
  },
  {
    method: 'GET',
    url: '/api/export',
    summary:
      'The store (or what the filters select) as STIX 2.1, ACLED-style CSV, PLOVER JSON Lines, GeoJSON or GraphML, streamed as a download',
    downloads: [...new Set(Object.values(EXPORTERS).map((exporter) => exporter.mediaType))],
    querystring: {
      ...query({
        format: { type: 'string', enum: [...EXPORT_FORMATS] },
        since: { ...DATE, description: 'events ending, propositions last seen, articles published on or after' },
        until: { ...DATE, description: 'events starting, propositions first seen, articles published on or before' },
        about: { ...NAME, description: 'entity or place name or id: what involves it' },
        status: { type: 'string', enum: STATUSES, description: 'propositions of this status only' },
        layer: { type: 'string', enum: [...GEOJSON_LAYERS], default: 'both', description: 'geojson: events, presences or both' },
        bom: { type: 'boolean', default: false, description: 'acled-csv: start with a UTF-8 byte order mark' },
      }),
      required: ['format'],
    },
    handler: async ({ store, query: q }) => {
      checkRange(q['since'], q['until'])
      const format = q['format'] as ExportFormat
      const options = { layer: q['layer'] as GeoJsonLayer, bom: q['bom'] === true }
      const filter = {
        ...(optionalString(q['since']) ? { since: q['since'] as string } : {}),
        ...(optionalString(q['until']) ? { until: q['until'] as string } : {}),
        ...(optionalString(q['about']) ? { about: q['about'] as string } : {}),
        ...(q['status'] ? { status: q['status'] as PropositionStatus } : {}),
      }
      return new StreamedAnswer(EXPORTERS[format].mediaType, exportFileName(format, options), (out) =>
        writeExport(store, format, filter, out, options),
      )
    },
  },
  {
    method: 'GET',
    url: '/api/sources',
    summary: "Outlets with their article counts and the analyst's reliability grades (Admiralty A–F), and the corroboration rule",
    handler: async ({ store }): Promise<SourcesList> => ({ items: await listSources(store), rule: await corroborationRule(store) }),
  },
  {
    method: 'PUT',
    url: '/api/sources/:id',
    summary:
      "Set (or with grade null, clear) an outlet's reliability grade and note; refreshes the status of the propositions it reported. Needs the bearer token",
    write: true,
    params: { type: 'object', properties: { id: { ...ID, description: 'the outlet, as GET /api/sources names it' } }, required: ['id'] },
    body: {
      type: 'object',
      properties: {
        grade: {
          type: 'string',
          enum: [...SOURCE_GRADES, null],
          nullable: true,
          description: 'A completely reliable … E unreliable, F cannot be judged; null clears',
        },
        note: { type: 'string', maxLength: 2000, nullable: true },
      },
      required: ['grade'],
      additionalProperties: false,
    },
    handler: async ({ store, params, body, afterWrite }): Promise<SourceGradeResult> => {
      const outlet = found(await findOutlet(store, params['id']!), 'outlet', params['id']!)
      const { grade, note } = body as { grade: SourceGrade | null; note?: string | null }
      try {
        const change = await gradeSource(store, outlet, grade, note ?? null)
        const source = (await listSources(store)).find((s) => s.outlet === outlet)!
        return { ...change, source }
      } finally {
        afterWrite()
      }
    },
  },
  {
    method: 'POST',
    url: '/api/ingest',
    summary: 'Analyse and store uploaded articles (text, HTML, JSON Lines, feeds); needs the bearer token',
    write: true,
    body: {
      type: 'object',
      properties: {
        files: {
          type: 'array',
          minItems: 1,
          maxItems: 200,
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 255 },
              content: { type: 'string' },
              encoding: { type: 'string', enum: ['utf8', 'base64'], default: 'utf8' },
            },
            required: ['name', 'content'],
            additionalProperties: false,
          },
        },
        date: { ...DATE, description: 'reference date for articles without a publication date' },
      },
      required: ['files'],
      additionalProperties: false,
    },
    handler: async ({ store, body, afterWrite }) => {
      const { files, date } = body as { files: UploadedFile[]; date?: string }
      try {
        return await ingestUploads(store, files, date ?? null)
      } finally {
        afterWrite()
      }
    },
  },
]
