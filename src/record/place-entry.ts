import type { PlaceKind } from './record.js'

/** One gazetteer record (data/gazetteer/*): a place with every name it goes by. */
export interface PlaceEntry {
  /** "geonames:ID" for GeoNames-derived records, "sitrep:SLUG" for hand-curated ones. */
  id: string
  name: string
  kind: PlaceKind
  /** ISO 3166-1 alpha-2 country code, null for regions spanning countries. */
  country: string | null
  /** Name of the first-level division (province/state), null for countries and admin1s themselves. */
  admin1: string | null
  /** Name of the second-level division (district), when known. */
  admin2?: string | null
  lat: number | null
  lon: number | null
  population: number
  /** GeoNames feature code when derived from GeoNames (PPLA, PPLC, ADM1, …). */
  featureCode?: string | null
  /** Alternate names and spellings (not including `name`). */
  altNames: string[]
}
