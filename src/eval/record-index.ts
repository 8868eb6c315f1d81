/** Look-ups over one analysis record: the ids that events and claims use, resolved to names. */
import type { AnalysisRecord, ClaimRecord, EntityRecord, EventRecord, PlaceRecord } from '../record/record.js'
import { nameSet } from './match.js'
import type { NameSet } from './match.js'

export interface RecordIndex {
  entities: EntityRecord[]
  places: PlaceRecord[]
  events: EventRecord[]
  claims: ClaimRecord[]
  placeById: ReadonlyMap<string, PlaceRecord>
  /** An id's normalized name set: an entity's name and aliases, a place's name; empty when unknown or null. */
  namesOf(id: string | null): NameSet
  /** A readable name for an id, falling back to the id itself. */
  displayName(id: string | null): string
}

const NO_NAMES: NameSet = new Set()

export function indexRecord(record: AnalysisRecord | null): RecordIndex {
  const entities = record?.entities ?? []
  const places = record?.places ?? []
  const entityById = new Map(entities.map((entity) => [entity.id, entity]))
  const placeById = new Map(places.map((place) => [place.id, place]))
  const names = new Map<string, NameSet>()
  for (const entity of entities) names.set(entity.id, nameSet([entity.name, ...(entity.aliases ?? [])]))
  for (const place of places) names.set(place.id, new Set([...(names.get(place.id) ?? []), ...nameSet([place.name])]))
  return {
    entities,
    places,
    events: record?.events ?? [],
    claims: record?.claims ?? [],
    placeById,
    namesOf: (id) => (id === null ? NO_NAMES : (names.get(id) ?? NO_NAMES)),
    displayName: (id) => (id === null ? '—' : (entityById.get(id)?.name ?? placeById.get(id)?.name ?? id)),
  }
}
