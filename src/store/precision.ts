import type { PlaceKind } from '../record/record.js'

/**
 * ACLED-style precision codes, so a reader can tell an exact place or day from a coarse one.
 * geo: 1 = a named town, village or site; 2 = only a district, province or sub-national region; 3 = only a
 * country or a wider region. time: 1 = the day is known; 2 = within a week; 3 = within a month or wider.
 */
export type PrecisionCode = 1 | 2 | 3

export const GEO_PRECISION: Record<PlaceKind, PrecisionCode> = {
  city: 1,
  locality: 1,
  feature: 1,
  admin2: 2,
  admin1: 2,
  region: 3,
  country: 3,
}

export function geoPrecisionOf(placeKind: string | null | undefined): PrecisionCode | null {
  return placeKind ? (GEO_PRECISION[placeKind as PlaceKind] ?? null) : null
}

const DAY_MS = 86_400_000

/** null when the event is undated. */
export function timePrecisionOf(start: string | null, end: string | null): PrecisionCode | null {
  if (!start) return null
  const days = end ? Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) : 0
  if (!Number.isFinite(days) || days <= 0) return 1
  return days <= 7 ? 2 : 3
}
