import type { PlaceEntry } from './place-entry.js'

/** The place index the stages query: built from data/gazetteer or read from the snapshot `npm run build` wrote. */
export interface Gazetteer {
  /** All candidates whose name or alternate name normalizes to `name` (placeKey), curated records first. */
  candidates(name: string): PlaceEntry[]
  get(id: string): PlaceEntry | undefined
  /** The country record for an ISO 3166-1 alpha-2 code. */
  country(code: string): PlaceEntry | undefined
  /** The province record containing a place (undefined for countries, provinces and unknown admin1 names). */
  admin1Of(entry: PlaceEntry): PlaceEntry | undefined
  /** Longest number of tokens in any indexed name (for n-gram scanning). */
  readonly maxNameTokens: number
  readonly size: number
}
