import { useEffect, useState } from 'preact/hooks'
import { getJson, type Query } from './api'

export interface Loaded<T> {
  data: T | null
  error: string | null
  loading: boolean
}

/** Fetches a GET endpoint whenever its path or query changes. */
export function useApi<T>(path: string | null, query: Query = {}): Loaded<T> {
  const key = path === null ? null : `${path}?${JSON.stringify(query)}`
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: path !== null })
  useEffect(() => {
    if (path === null) return
    let live = true
    setState((previous) => ({ data: previous.data, error: null, loading: true }))
    getJson<T>(path, query).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false }),
    )
    return () => {
      live = false
    }
  }, [key])
  return state
}
