import Type, { type TSchema } from 'typebox'
import * as C from '../contract/index.js'
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
import type { SourceGrade } from '../resolve/source-grading.js'

/** One endpoint: its contract schemas drive both request validation and the OpenAPI document. */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  summary: string
  params?: TSchema
  querystring?: TSchema
  body?: TSchema
  /** The answer's shape (JSON answers only): documentation and the handler's type, never a filter of the answer. */
  response?: TSchema
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

const idParam = C.IdParams

/** The export route's query: the formats and layers are the export stage's own vocabularies. */
const ExportQuery = Type.Object(
  {
    format: Type.Enum([...EXPORT_FORMATS]),
    since: Type.Optional(C.DayQuery('events ending, propositions last seen, articles published on or after')),
    until: Type.Optional(C.DayQuery('events starting, propositions first seen, articles published on or before')),
    about: Type.Optional(C.NameQuery('entity or place name or id: what involves it')),
    status: Type.Optional(Type.Enum([...C.PROPOSITION_STATUSES], { description: 'propositions of this status only' })),
    layer: Type.Optional(Type.Enum([...GEOJSON_LAYERS], { default: 'both', description: 'geojson: events, presences or both' })),
    bom: Type.Optional(Type.Boolean({ default: false, description: 'acled-csv: start with a UTF-8 byte order mark' })),
  },
  { additionalProperties: false },
)

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
    response: C.StoreStats,
    handler: ({ store }) => storeStats(store),
  },
  {
    method: 'GET',
    url: '/api/overview',
    cached: true,
    summary: 'Counts, the most contested propositions, latest events and most active actors',
    querystring: C.OverviewQuery,
    response: C.Overview,
    handler: async ({ store, query: q }): Promise<C.Overview> => {
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
    querystring: C.PropositionsQuery,
    response: C.PageOf(C.Proposition),
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
    response: C.PropositionDetail,
    handler: async ({ store, params }): Promise<C.PropositionDetail> => {
      const proposition = found(await getProposition(store, params['id']!), 'proposition', params['id']!)
      return { ...proposition, statements: await propositionStatements(store, proposition.id) }
    },
  },
  {
    method: 'GET',
    url: '/api/events',
    summary: 'Events, latest first',
    querystring: C.EventsQuery,
    response: C.PageOf(C.ServedEvent),
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
    response: C.EventDetail,
    handler: async ({ store, params }): Promise<C.EventDetail> => {
      const event = found(await getEvent(store, params['id']!), 'event', params['id']!)
      return { ...event, sources: await eventReports(store, event.id) }
    },
  },
  {
    method: 'GET',
    url: '/api/timeline',
    cached: true,
    summary: 'Event counts and fatalities per start day and type',
    querystring: C.TimelineQuery,
    response: C.Timeline,
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
    querystring: C.PlacesQuery,
    response: C.PageOf(C.PlaceView),
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
    querystring: C.EntityQuery,
    response: C.EntityPage,
    handler: async ({ store, params, query: q }): Promise<C.EntityPage> => {
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
    querystring: C.NetworkQuery,
    response: C.Network,
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
    querystring: C.DyadQuery,
    response: C.DyadView,
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
    querystring: C.ChangesQuery,
    response: C.ChangesView,
    handler: ({ store, query: q }) =>
      changesSince(store, { since: q['since'] as string, actor: optionalString(q['actor']), limit: q['limit'] as number }),
  },
  {
    method: 'GET',
    url: '/api/articles/:id',
    summary: 'An article: cleaned text, removed blocks and highlight spans (entities, places, event and claim evidence)',
    params: idParam,
    response: C.ArticleView,
    handler: async ({ store, params }) => found(await getArticle(store, params['id']!), 'article', params['id']!),
  },
  {
    method: 'GET',
    url: '/api/search',
    summary: 'Search articles (full text), actors and places (names)',
    querystring: C.SearchQuery,
    response: C.SearchResult,
    handler: async ({ store, query: q }): Promise<C.SearchResult> => {
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
    querystring: ExportQuery,
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
    response: C.SourcesList,
    handler: async ({ store }): Promise<C.SourcesList> => ({ items: await listSources(store), rule: await corroborationRule(store) }),
  },
  {
    method: 'PUT',
    url: '/api/sources/:id',
    summary:
      "Set (or with grade null, clear) an outlet's reliability grade and note; refreshes the status of the propositions it reported. Needs the bearer token",
    write: true,
    params: C.SourceParams,
    body: C.SourceGradeBody,
    response: C.SourceGradeResult,
    handler: async ({ store, params, body, afterWrite }): Promise<C.SourceGradeResult> => {
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
    body: C.IngestBody,
    response: C.UploadSummary,
    handler: async ({ store, body, afterWrite }) => {
      const { files, date } = body as { files: UploadedFile[]; date?: string }
      try {
        return await ingestUploads(store, files, { referenceDate: date ?? null })
      } finally {
        afterWrite()
      }
    },
  },
]
