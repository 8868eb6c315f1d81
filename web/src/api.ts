/** Types the API returns (see /api/openapi.json) and a small fetch wrapper. */

export interface NamedRef {
  id: string
  name: string
  kind: 'entity' | 'place' | 'unknown'
}

export interface PartyView {
  party: NamedRef | null
  speakers: NamedRef[]
  outlets: string[]
  sources: number
}

export type Status = 'contested' | 'corroborated' | 'single-source'

export interface Proposition {
  id: string
  subject: NamedRef
  relation: string
  object: NamedRef | null
  objectPoint: { lat: number; lon: number } | null
  status: Status
  sourceCount: number
  claimCount: number
  firstSeen: string
  lastSeen: string
  asserters: PartyView[]
  deniers: PartyView[]
  noResponse: PartyView[]
}

export interface Evidence {
  start: number
  end: number
  text: string
}

export interface Statement {
  articleId: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  stance: string
  cue: string
  claimant: NamedRef | null
  speaker: NamedRef | null
  evidence: Evidence
}

export interface PlaceRef extends NamedRef {
  lat: number | null
  lon: number | null
}

export interface Fatalities {
  low: number | null
  best: number | null
  high: number | null
}

export interface EventItem {
  id: string
  type: string
  place: PlaceRef | null
  dateStart: string | null
  dateEnd: string | null
  modes: string[]
  actors: NamedRef[]
  targets: NamedRef[]
  fatalities: Fatalities
  sourceCount: number
  reportCount: number
}

export interface EventReport {
  articleId: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  mode: string | null
  dateText: string | null
  fatalities: Fatalities
  reportedBy: NamedRef | null
  evidence: Evidence
}

export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}

export interface Stats {
  articles: number
  nearDuplicates: number
  entities: number
  entityMerges: number
  places: number
  events: number
  eventReports: number
  claims: number
  propositions: number
}

export interface ActorActivity extends NamedRef {
  type: string | null
  articles: number
}

export interface Overview {
  stats: Stats
  contested: Proposition[]
  latestEvents: EventItem[]
  activeActors: ActorActivity[]
}

export interface TimelineBucket {
  date: string
  type: string
  events: number
  fatalities: number
}

export interface PlaceItem extends PlaceRef {
  placeKind: string
  country: string | null
  admin1: string | null
  events: number
  fatalities: number
}

export interface NetworkNode extends NamedRef {
  type: string | null
  weight: number
}

export interface NetworkEdge {
  id: string
  source: string
  target: string
  relation: string
  weight: number
  stance: 'asserted' | 'contested'
  ref: { kind: 'proposition' | 'event'; id: string }
}

export interface Profile {
  id: string
  name: string
  type: string
  country: string | null
  aliases: string[]
  known: boolean
  articleCount: number
  mentionCount: number
  mergedFrom: { id: string; name: string; reason: string }[]
  events: EventItem[]
  eventCount: number
  claimsAbout: Proposition[]
  claimsAboutCount: number
  affiliations: Proposition[]
  claimsBy: Proposition[]
}

export interface Span {
  start: number
  end: number
  kind: 'entity' | 'place' | 'event' | 'claim' | 'date'
  ref: string
  label: string
}

export interface Article {
  id: string
  title: string | null
  url: string | null
  source: string | null
  author: string | null
  published: string | null
  inputName: string | null
  duplicateOf: string | null
  text: string
  removed: { text: string; reason: string }[]
  spans: Span[]
}

export interface SearchResult {
  query: string
  articles: { id: string; title: string | null; source: string | null; published: string | null; snippet: string }[]
  actors: (NamedRef & { type: string | null })[]
  places: (NamedRef & { type: string | null })[]
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export type Query = Record<string, string | number | undefined | null>

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  const text = params.toString()
  return `api/${path}${text ? `?${text}` : ''}`
}

export async function getJson<T>(path: string, query: Query = {}): Promise<T> {
  const response = await fetch(apiUrl(path, query), { headers: { accept: 'application/json' } })
  return readJson<T>(response)
}

export async function postJson<T>(path: string, body: unknown, token: string): Promise<T> {
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  return readJson<T>(response)
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & { message?: string }) | null
  if (!response.ok) throw new ApiError(response.status, body?.message ?? `${response.status} ${response.statusText}`)
  return body as T
}
