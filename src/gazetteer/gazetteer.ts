import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PLACE_KINDS, type PlaceKind } from '../record/record.js'
import { placeKey } from '../text/normalize.js'
import type { PlaceEntry } from './place-entry.js'
import type { Gazetteer } from './gazetteer-index.js'
import { readSnapshot } from '../snapshot/snapshot-file.js'
import { SnapshotGazetteer, type GazetteerSnapshot, type PlaceIndexParts } from './snapshot.js'

export type { Gazetteer } from './gazetteer-index.js'

export const GEONAMES_FILE = 'geonames-derived.json'
export const CURATED_FILE = 'region.json'

export class GazetteerError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`)
    this.name = 'GazetteerError'
  }
}

/** data/gazetteer, found from src/gazetteer/ (vitest, tsx) and from dist/gazetteer/ alike. */
export function defaultGazetteerDir(): string {
  return fileURLToPath(new URL('../../data/gazetteer/', import.meta.url))
}

const loaded = new Map<string, Gazetteer>()

export const GAZETTEER_SNAPSHOT = 'gazetteer'

/**
 * Loads data/gazetteer once per directory and keeps it for the life of the process. The package's own
 * gazetteer comes from the snapshot `npm run build` wrote, when it is current (src/snapshot/).
 */
export function loadGazetteer(dataDir: string = defaultGazetteerDir()): Gazetteer {
  let gazetteer = loaded.get(dataDir)
  if (!gazetteer) {
    const snapshot = dataDir === defaultGazetteerDir() ? readSnapshot<GazetteerSnapshot>(GAZETTEER_SNAPSHOT) : undefined
    gazetteer = snapshot ? new SnapshotGazetteer(snapshot) : buildGazetteer(dataDir)
    loaded.set(dataDir, gazetteer)
  }
  return gazetteer
}

/**
 * The gazetteer with an analyst's own place records added after the curated ones (not cached: one
 * per process, see context/run-context.ts). A record with a curated record's id replaces it; one
 * naming GeoNames ids in `replaces` (or of the same kind and name) absorbs them, like a curated one.
 */
export function loadGazetteerWith(extra: CuratedEntry[], dataDir: string = defaultGazetteerDir()): Gazetteer {
  const geonames = readGeonamesDerived(join(dataDir, GEONAMES_FILE))
  const replaced = new Set(extra.map((record) => record.id))
  const curated = readCurated(join(dataDir, CURATED_FILE)).filter((record) => !replaced.has(record.id))
  return new PlaceIndex(geonames, [...curated, ...extra])
}

/** The index derived from the data files, with the parts a snapshot stores. */
export function buildGazetteer(dataDir: string = defaultGazetteerDir()): Gazetteer & { parts(): PlaceIndexParts } {
  return new PlaceIndex(readGeonamesDerived(join(dataDir, GEONAMES_FILE)), readCurated(join(dataDir, CURATED_FILE)))
}

// ---------- reading the files ----------

const KINDS = new Set<string>(PLACE_KINDS)
const COUNTRY_CODE = /^[A-Z]{2}$/
const CURATED_ID = /^sitrep:[a-z0-9]+(?:-[a-z0-9]+)*$/
const GEONAMES_COLUMNS = ['id', 'name', 'kind', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'featureCode', 'altNames']

export interface CuratedEntry extends PlaceEntry {
  replaces: string[]
}

function readJson(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new GazetteerError(file, `cannot read (${(error as Error).message}); rebuild with node scripts/build-gazetteer.mjs`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new GazetteerError(file, `not valid JSON (${(error as Error).message})`)
  }
}

type GeonamesRow = [
  string,
  string,
  PlaceKind,
  string | null,
  string | null,
  string | null,
  number | null,
  number | null,
  number,
  string | null,
  string,
]

function readGeonamesDerived(file: string): PlaceEntry[] {
  const data = readJson(file) as { meta?: { columns?: unknown }; rows?: unknown }
  if (JSON.stringify(data?.meta?.columns) !== JSON.stringify(GEONAMES_COLUMNS) || !Array.isArray(data.rows)) {
    throw new GazetteerError(file, `expected {meta: {columns: ${GEONAMES_COLUMNS.join(',')}}, rows: [...]}`)
  }
  return (data.rows as unknown[]).map((row, i) => {
    if (!Array.isArray(row) || row.length !== GEONAMES_COLUMNS.length || !KINDS.has(row[2])) {
      throw new GazetteerError(file, `row ${i} is malformed: ${JSON.stringify(row).slice(0, 120)}`)
    }
    const [id, name, kind, country, admin1, admin2, lat, lon, population, featureCode, altNames] = row as GeonamesRow
    return { id, name, kind, country, admin1, admin2, lat, lon, population, featureCode, altNames: altNames ? altNames.split('|') : [] }
  })
}

function readCurated(file: string): CuratedEntry[] {
  const data = readJson(file) as { records?: unknown }
  if (!Array.isArray(data?.records)) throw new GazetteerError(file, 'expected {records: [...]}')
  const ids = new Set<string>()
  return data.records.map((raw, i) => {
    const record = checkCurated(file, raw, i)
    if (ids.has(record.id)) throw new GazetteerError(file, `duplicate id ${record.id}`)
    ids.add(record.id)
    return record
  })
}

function checkCurated(file: string, raw: unknown, index: number): CuratedEntry {
  const problems = curatedRecordProblems(raw)
  const id = (raw as Record<string, unknown> | null)?.id
  if (problems.length > 0) {
    const { field, problem } = problems[0]!
    throw new GazetteerError(
      file,
      `record ${index} (${typeof id === 'string' ? id : 'no id'}): ${field ? `field "${field}": ` : ''}${problem}`,
    )
  }
  return toCuratedEntry(raw as Record<string, unknown>)
}

/** Everything wrong with one curated place record, field by field (shared with the analyst's own place files). */
export function curatedRecordProblems(raw: unknown): Array<{ field: string | null; problem: string }> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ field: null, problem: 'not an object' }]
  const r = raw as Record<string, unknown>
  const problems: Array<{ field: string | null; problem: string }> = []
  const add = (field: string | null, problem: string): void => {
    problems.push({ field, problem })
  }
  if (typeof r.id !== 'string' || !CURATED_ID.test(r.id)) add('id', 'must look like sitrep:some-slug')
  if (typeof r.name !== 'string' || !placeKey(r.name)) add('name', 'must be a non-empty string')
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) add('kind', `must be one of ${PLACE_KINDS.join('|')}`)
  if (r.country !== null && (typeof r.country !== 'string' || !COUNTRY_CODE.test(r.country))) add('country', 'must be ISO alpha-2 or null')
  for (const key of ['admin1', 'admin2'] as const) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== 'string') add(key, 'must be a string or null')
  }
  const hasPoint = typeof r.lat === 'number' && typeof r.lon === 'number'
  if (hasPoint && Math.abs(r.lat as number) > 90) add('lat', 'out of range (-90…90)')
  if (hasPoint && Math.abs(r.lon as number) > 180) add('lon', 'out of range (-180…180)')
  if (!hasPoint && (r.lat !== null || r.lon !== null))
    add(typeof r.lat === 'number' ? 'lon' : 'lat', 'lat and lon must both be numbers, or both null')
  else if (!hasPoint && r.kind !== 'region') add('lat', 'only a region may have no point')
  if (r.population !== undefined && typeof r.population !== 'number') add('population', 'must be a number')
  for (const key of ['altNames', 'replaces'] as const) {
    const value = r[key]
    if (value !== undefined && !(Array.isArray(value) && value.every((s) => typeof s === 'string'))) add(key, 'must be an array of strings')
  }
  return problems
}

/** A checked record (curatedRecordProblems found nothing) as an index entry. */
export function toCuratedEntry(r: Record<string, unknown>): CuratedEntry {
  const hasPoint = typeof r.lat === 'number' && typeof r.lon === 'number'
  return {
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as PlaceKind,
    country: (r.country as string | null) ?? null,
    admin1: (r.admin1 as string | null | undefined) ?? null,
    admin2: (r.admin2 as string | null | undefined) ?? null,
    lat: hasPoint ? (r.lat as number) : null,
    lon: hasPoint ? (r.lon as number) : null,
    population: typeof r.population === 'number' ? r.population : 0,
    featureCode: null,
    altNames: (r.altNames as string[] | undefined) ?? [],
    replaces: (r.replaces as string[] | undefined) ?? [],
  }
}

// ---------- the index ----------

/** Kinds that may stand for the same real place when names agree. */
const MERGE_GROUP: Record<PlaceKind, string> = {
  country: 'country',
  admin1: 'admin1',
  admin2: 'admin2',
  city: 'settlement',
  locality: 'settlement',
  feature: 'settlement',
  region: 'region',
}
/** A curated town or feature absorbs a GeoNames settlement of the same name this close to it. */
const SAME_PLACE_KM = 15

class PlaceIndex implements Gazetteer {
  // Most names belong to one place: a bare entry, an array only when shared (saves ~100k arrays).
  private readonly byKey = new Map<string, PlaceEntry | PlaceEntry[]>()
  private readonly byId = new Map<string, PlaceEntry>()
  private readonly countries = new Map<string, PlaceEntry>()
  private readonly admin1ByName = new Map<string, PlaceEntry>()
  private readonly curated = new Set<PlaceEntry>()
  private readonly primaryKey = new Map<PlaceEntry, string>()
  maxNameTokens = 1
  size = 0

  constructor(geonames: PlaceEntry[], curated: CuratedEntry[]) {
    for (const entry of geonames) this.add(entry)
    for (const record of curated) this.addCurated(record)
    this.indexAdmin1s()
    for (const [key, list] of this.byKey) if (Array.isArray(list)) list.sort((a, b) => this.compare(key, a, b))
  }

  candidates(name: string): PlaceEntry[] {
    return this.entriesAt(placeKey(name)).slice()
  }

  get(id: string): PlaceEntry | undefined {
    return this.byId.get(id)
  }

  parts(): PlaceIndexParts {
    const { byKey, byId, countries, admin1ByName, maxNameTokens, size } = this
    return { byKey, byId, countries, admin1ByName, maxNameTokens, size }
  }

  country(code: string): PlaceEntry | undefined {
    return this.countries.get(code.toUpperCase())
  }

  admin1Of(entry: PlaceEntry): PlaceEntry | undefined {
    if (!entry.country || !entry.admin1 || entry.kind === 'country' || entry.kind === 'admin1') return undefined
    return this.admin1ByName.get(admin1Key(entry.country, entry.admin1))
  }

  private add(entry: PlaceEntry): void {
    this.byId.set(entry.id, entry)
    this.size++
    if (entry.kind === 'country' && entry.country) this.countries.set(entry.country, entry)
    const primary = placeKey(entry.name)
    this.primaryKey.set(entry, primary)
    this.addKey(primary, entry)
    for (const alt of entry.altNames) this.addKey(placeKey(alt), entry)
  }

  private addKey(key: string, entry: PlaceEntry): void {
    if (!key) return
    const current = this.byKey.get(key)
    if (current === undefined) this.byKey.set(key, entry)
    else if (current === entry) return
    else if (!Array.isArray(current)) this.byKey.set(key, [current, entry])
    else if (!current.includes(entry)) current.push(entry)
    const tokens = countTokens(key)
    if (tokens > this.maxNameTokens) this.maxNameTokens = tokens
  }

  private entriesAt(key: string): readonly PlaceEntry[] {
    const found = this.byKey.get(key)
    return found === undefined ? [] : Array.isArray(found) ? found : [found]
  }

  private remove(entry: PlaceEntry): void {
    this.size--
    for (const key of keysOf(entry)) {
      const rest = this.entriesAt(key).filter((e) => e !== entry)
      if (rest.length === 0) this.byKey.delete(key)
      else this.byKey.set(key, rest.length === 1 ? rest[0]! : rest)
    }
    if (entry.kind === 'country' && entry.country && this.countries.get(entry.country) === entry) this.countries.delete(entry.country)
  }

  /** A curated record wins: GeoNames records it corresponds to are folded into it and leave the index. */
  private addCurated(record: CuratedEntry): void {
    const { replaces, ...entry } = record
    const absorbed = [...new Set([...replaces.map((id) => this.byId.get(id)), ...this.sameRealPlace(entry)])].filter(
      (e): e is PlaceEntry => e !== undefined && !this.curated.has(e),
    )
    for (const old of absorbed) this.remove(old)
    for (const old of absorbed) {
      entry.altNames = mergeNames(entry, old, (key) => this.isClaimed(key, entry.country))
      entry.population = Math.max(entry.population, old.population)
      entry.featureCode ??= old.featureCode ?? null
      if (entry.kind === 'locality' && old.kind === 'city') entry.kind = 'city'
      if (MERGE_GROUP[old.kind] === MERGE_GROUP[entry.kind]) entry.admin2 ??= old.admin2 ?? null
      if (old.kind === 'admin1' && old.country && old.name) this.admin1ByName.set(admin1Key(old.country, old.name), entry)
    }
    this.add(entry)
    this.curated.add(entry)
    for (const old of absorbed) this.byId.set(old.id, entry)
  }

  /**
   * Whether `key` is the main name of another record in the same country: a province absorbing
   * GeoNames' "Islamabad" division must not take the capital city's own name with it.
   */
  private isClaimed(key: string, country: string | null): boolean {
    return this.entriesAt(key).some((e) => e.country === country && this.primaryKey.get(e) === key)
  }

  /** GeoNames records of the same kind group and country that share the curated record's main name. */
  private sameRealPlace(entry: PlaceEntry): PlaceEntry[] {
    const curatedKeys = new Set(keysOf(entry))
    const curatedPrimary = placeKey(entry.name)
    const found: PlaceEntry[] = []
    for (const key of curatedKeys) {
      for (const candidate of this.entriesAt(key)) {
        if (this.curated.has(candidate) || candidate.country !== entry.country) continue
        const candidatePrimary = this.primaryKey.get(candidate)
        if (key !== curatedPrimary && key !== candidatePrimary) continue
        if (candidate.kind === entry.kind && (entry.kind !== 'region' || key === curatedPrimary)) found.push(candidate)
        else if (
          MERGE_GROUP[candidate.kind] === 'settlement' &&
          MERGE_GROUP[entry.kind] === 'settlement' &&
          within(entry, candidate, SAME_PLACE_KM)
        ) {
          found.push(candidate)
        }
      }
    }
    return found
  }

  /** Curated records keep every name; GeoNames admin1 names are indexed unless a curated record claims them. */
  private indexAdmin1s(): void {
    for (const entry of this.byId.values()) {
      if (entry.kind !== 'admin1' || !entry.country) continue
      for (const name of [entry.name, ...entry.altNames]) {
        const key = admin1Key(entry.country, name)
        const current = this.admin1ByName.get(key)
        if (!current || (!this.curated.has(current) && this.curated.has(entry))) this.admin1ByName.set(key, entry)
      }
    }
  }

  /** Curated first, then records whose main name (not an alternate) is the key, then the more populous. */
  private compare(key: string, a: PlaceEntry, b: PlaceEntry): number {
    return (
      Number(this.curated.has(b)) - Number(this.curated.has(a)) ||
      Number(this.primaryKey.get(b) === key) - Number(this.primaryKey.get(a) === key) ||
      b.population - a.population
    )
  }
}

function keysOf(entry: PlaceEntry): string[] {
  return [...new Set([entry.name, ...entry.altNames].map(placeKey).filter(Boolean))]
}

function mergeNames(entry: PlaceEntry, old: PlaceEntry, isClaimed: (key: string) => boolean): string[] {
  const seen = new Set(keysOf(entry))
  const merged = [...entry.altNames]
  for (const name of [old.name, ...old.altNames]) {
    const key = placeKey(name)
    if (key && !seen.has(key) && !isClaimed(key)) {
      seen.add(key)
      merged.push(name)
    }
  }
  return merged
}

function admin1Key(country: string, name: string): string {
  return `${country}|${placeKey(name)}`
}

function countTokens(key: string): number {
  let tokens = 1
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) tokens++
  return tokens
}

function within(a: PlaceEntry, b: PlaceEntry, km: number): boolean {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false
  return distanceKm(a.lat, a.lon, b.lat, b.lon) <= km
}

/** Great-circle distance (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}
