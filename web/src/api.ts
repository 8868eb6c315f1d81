/**
 * The API's answer types, imported from the API contract (src/contract: type-only, nothing of the server is
 * bundled), under the names the views use; and a small fetch wrapper.
 */
import type {
  ArticleExtraction,
  ArticleView,
  ChangesView,
  DyadEvent,
  DyadMonth,
  DyadStatement,
  DyadView,
  EntityPage,
  EventDetail,
  HighlightSpan,
  NamedRef,
  NetworkEdge,
  NetworkNode,
  Overview,
  Page,
  PartyView,
  PropositionDetail,
  PropositionStatus,
  PropositionView,
  SearchResult,
  ServedEvent,
  TimelineBucket,
  UploadSummary,
} from '../../src/contract/index.js'

export type { ArticleExtraction, ChangesView, DyadEvent, DyadMonth, DyadStatement, DyadView }

export type {
  EventDetail,
  NamedRef,
  NetworkEdge,
  NetworkNode,
  Overview,
  Page,
  PartyView,
  PropositionDetail,
  SearchResult,
  TimelineBucket,
  UploadSummary,
}
export type Status = PropositionStatus
export type Proposition = PropositionView
export type EventItem = ServedEvent
export type Profile = EntityPage
export type Span = HighlightSpan
export type Article = ArticleView

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
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
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
