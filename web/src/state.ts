import { useEffect, useState } from 'preact/hooks'

/** The date range the timeline brush sets and the map and tables share. */
export interface DateRange {
  since: string | null
  until: string | null
}

let range: DateRange = { since: null, until: null }
const listeners = new Set<(range: DateRange) => void>()

export function setRange(next: DateRange): void {
  range = next
  for (const listener of listeners) listener(range)
}

export function useRange(): DateRange {
  const [value, setValue] = useState(range)
  useEffect(() => {
    listeners.add(setValue)
    setValue(range)
    return () => void listeners.delete(setValue)
  }, [])
  return value
}

/** The current hash route: "#/claims?status=contested" → { path: ['claims'], query }. */
export interface Route {
  path: string[]
  query: URLSearchParams
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '')
  const [pathPart = '', queryPart = ''] = hash.split('?', 2)
  return { path: pathPart.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const onChange = (): void => setRoute(currentRoute())
    addEventListener('hashchange', onChange)
    return () => removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export function href(path: string[], query: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  const text = params.toString()
  return `#/${path.map(encodeURIComponent).join('/')}${text ? `?${text}` : ''}`
}

/** Only http(s) links from article metadata become links: a javascript: URL must never be clickable. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** The "what's new since" moment every view shares (kept across reloads). */
const SINCE_KEY = 'sitrep.whatsNewSince'
let since: string | null = (typeof localStorage !== 'undefined' && localStorage.getItem(SINCE_KEY)) || null
const sinceListeners = new Set<(since: string | null) => void>()

export function setSince(next: string | null): void {
  since = next
  if (next) localStorage.setItem(SINCE_KEY, next)
  else localStorage.removeItem(SINCE_KEY)
  for (const listener of sinceListeners) listener(since)
}

export function useSince(): string | null {
  const [value, setValue] = useState(since)
  useEffect(() => {
    sinceListeners.add(setValue)
    setValue(since)
    return () => void sinceListeners.delete(setValue)
  }, [])
  return value
}
