import type { Store } from '../open-store.js'
import { entityKey } from '../../text/normalize.js'
import type { NamedRef, Page, PlaceRef } from '../../contract/index.js'
export type { NamedRef, Page, PlaceRef }

/** How every read names what it points at: entity and place ids to names, and user names to ids. */

/** A name with what the views need beside it: the entity type or place kind, and a place's coordinates. */
export interface NameInfo extends NamedRef {
  type: string | null
  lat: number | null
  lon: number | null
  country?: string | null
  admin1?: string | null
}

/** Entity and place ids a user's name stands for: exact id, exact normalized name, else names containing it. */
export async function idsForName(store: Store, name: string): Promise<string[]> {
  const key = entityKey(name)
  const exact = await store.db
    .selectFrom('entity_names')
    .select('entity_id as id')
    .where('name_key', '=', key)
    .union(store.db.selectFrom('places').select('id').where('name_key', '=', key))
    .union(store.db.selectFrom('entities').select('id').where('id', '=', name))
    .union(store.db.selectFrom('places').select('id').where('id', '=', name))
    .execute()
  if (exact.length > 0 || key === '') return exact.map((row) => row.id)
  const pattern = `%${key}%`
  const partial = await store.db
    .selectFrom('entity_names')
    .select('entity_id as id')
    .where('name_key', 'like', pattern)
    .union(store.db.selectFrom('places').select('id').where('name_key', 'like', pattern))
    .limit(50)
    .execute()
  return partial.map((row) => row.id)
}

/**
 * The ids a filter's name-or-id stands for: null when the filter is absent or blank (no narrowing),
 * [] when it names nothing (nothing matches). `extraIds` are ids the name also stands for elsewhere
 * (an analyst's knowledge folder knows names the store does not); given alone, they are the filter.
 */
export async function filterIds(store: Store, value: string | undefined, extraIds?: readonly string[]): Promise<string[] | null> {
  if (value === undefined || value.trim() === '') return extraIds ? [...new Set(extraIds)] : null
  return [...new Set([...(await idsForName(store, value.trim())), ...(extraIds ?? [])])]
}

/** Names (and coordinates of places) for entity and place ids, in chunks the databases accept. */
export async function namesOf(store: Store, ids: Iterable<string>): Promise<Map<string, NameInfo>> {
  const wanted = [...new Set(ids)]
  const names = new Map<string, NameInfo>()
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500)
    const entities = await store.db.selectFrom('entities').select(['id', 'name', 'type']).where('id', 'in', chunk).execute()
    for (const row of entities) names.set(row.id, { id: row.id, name: row.name, kind: 'entity', type: row.type, lat: null, lon: null })
    const places = await store.db
      .selectFrom('places')
      .select(['id', 'name', 'kind', 'lat', 'lon', 'country', 'admin1'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of places) {
      if (!names.has(row.id))
        names.set(row.id, {
          id: row.id,
          name: row.name,
          kind: 'place',
          type: row.kind,
          lat: numberOrNull(row.lat),
          lon: numberOrNull(row.lon),
          country: row.country,
          admin1: row.admin1,
        })
    }
  }
  return names
}

export function refOf(names: Map<string, NamedRef>, id: string): NamedRef {
  const info = names.get(id)
  return info ? { id, name: info.name, kind: info.kind } : { id, name: id, kind: 'unknown' }
}

export function placeRefOf(names: Map<string, NameInfo>, id: string): PlaceRef {
  const info = names.get(id)
  return info
    ? {
        id,
        name: info.name,
        kind: info.kind,
        lat: info.lat,
        lon: info.lon,
        placeKind: info.kind === 'place' ? info.type : null,
        country: info.country ?? null,
        admin1: info.admin1 ?? null,
      }
    : { id, name: id, kind: 'unknown', lat: null, lon: null, placeKind: null, country: null, admin1: null }
}

/** PostgreSQL returns bigint and numeric columns as strings. */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}

export interface Paging {
  limit: number
  offset: number
}

export function emptyPage<T>(paging: Paging): Page<T> {
  return { items: [], total: 0, limit: paging.limit, offset: paging.offset }
}

/** The persons among some entity ids: only a person speaks for a claimant. */
export async function personIds(store: Store, ids: string[]): Promise<string[]> {
  const rows = await store.db.selectFrom('entities').select('id').where('id', 'in', ids).where('type', '=', 'person').execute()
  return rows.map((row) => row.id)
}
