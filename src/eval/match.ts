/** The matching primitives of SPEC section 3: name normalisation, name sets, distance, date overlap, one-to-one matching. */

import { textKey } from '../text/normalize.js'

/** SPEC's `norm(s)` on composed text (NFC), so a decomposed "é" is the same letter as the composed one. */
export function norm(text: string): string {
  return textKey(text, { composed: true })
}

export type NameSet = ReadonlySet<string>

/** The normalized, non-empty forms of some names. */
export function nameSet(names: Iterable<string>): Set<string> {
  const set = new Set<string>()
  for (const name of names) {
    const normalized = norm(name)
    if (normalized !== '') set.add(normalized)
  }
  return set
}

export function intersects(a: NameSet, b: NameSet): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const name of small) if (large.has(name)) return true
  return false
}

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = toRadians(lat2 - lat1)
  const dLon = toRadians(lon2 - lon1)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Inclusive date bounds as ISO strings; null = unbounded on that side. */
export interface DateBounds {
  start: string | null
  end: string | null
}

/**
 * Whether two date ranges can overlap. Unknown bounds do not constrain, so a fully unknown
 * range overlaps everything. Partial dates ("2025", "2025-03") are widened to whole periods.
 */
export function rangesOverlap(a: DateBounds, b: DateBounds): boolean {
  const aStart = a.start === null ? null : periodStart(a.start)
  const aEnd = a.end === null ? null : periodEnd(a.end)
  const bStart = b.start === null ? null : periodStart(b.start)
  const bEnd = b.end === null ? null : periodEnd(b.end)
  if (aStart !== null && bEnd !== null && aStart > bEnd) return false
  if (bStart !== null && aEnd !== null && bStart > aEnd) return false
  return true
}

function periodStart(date: string): string {
  const day = date.slice(0, 10)
  if (day.length === 4) return `${day}-01-01`
  if (day.length === 7) return `${day}-01`
  return day
}

function periodEnd(date: string): string {
  const day = date.slice(0, 10)
  if (day.length === 4) return `${day}-12-31`
  // A day past any month's last day is still below the next month's first, which is all the comparison needs.
  if (day.length === 7) return `${day}-31`
  return day
}

/**
 * A maximum one-to-one matching between gold items and system items (augmenting paths,
 * Kuhn's algorithm), so the number of matches never depends on list order.
 * `candidates(g)` lists the system items compatible with gold item g, preferred first;
 * the preference decides which of equally large matchings is chosen.
 * Returns, for each gold index, the matched system index or -1.
 */
export function maximumMatching(goldCount: number, systemCount: number, candidates: (gold: number) => number[]): number[] {
  const adjacency = Array.from({ length: goldCount }, (_, gold) => candidates(gold))
  const ownerOfSystem = new Array<number>(systemCount).fill(-1)

  const augment = (gold: number, visited: boolean[]): boolean => {
    for (const system of adjacency[gold]!) {
      if (visited[system]) continue
      visited[system] = true
      const owner = ownerOfSystem[system]!
      if (owner === -1 || augment(owner, visited)) {
        ownerOfSystem[system] = gold
        return true
      }
    }
    return false
  }

  for (let gold = 0; gold < goldCount; gold++) augment(gold, new Array<boolean>(systemCount).fill(false))

  const systemOfGold = new Array<number>(goldCount).fill(-1)
  ownerOfSystem.forEach((gold, system) => {
    if (gold !== -1) systemOfGold[gold] = system
  })
  return systemOfGold
}

/** Convenience: the compatible pairs as a predicate, candidates in index order. */
export function matchBy(goldCount: number, systemCount: number, compatible: (gold: number, system: number) => boolean): number[] {
  return maximumMatching(goldCount, systemCount, (gold) => {
    const list: number[] = []
    for (let system = 0; system < systemCount; system++) if (compatible(gold, system)) list.push(system)
    return list
  })
}
