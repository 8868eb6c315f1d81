import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import type { EntityRecord, PlaceRecord } from '../../record/record.js'
import { chooseMergeTarget, identityNameKey, isProvisionalId } from '../../resolve/entity-identity.js'
import { addEntityNames, findMergeTarget, findNamesakes, insertEntity, recordMerge, upsertPlace } from '../entities-repo.js'
import type { StoredIds } from '../stored-ids.js'

type Db = Kysely<Database>

/**
 * Maps each entity of one article to its identity across the store (the rule: resolve/entity-identity.ts).
 * Knowledge-base ids are global already. A provisional id keeps the merge decided for it before, else joins
 * the namesake the rule chooses, and the decision is recorded in entity_merges.
 */
export async function resolveEntities(
  db: Db,
  entities: EntityRecord[],
  articleId: string,
  stored: StoredIds,
): Promise<Map<string, string>> {
  const identity = new Map<string, string>()
  for (const entity of entities) identity.set(entity.id, await resolveEntity(db, entity, articleId, stored))
  return identity
}

async function resolveEntity(db: Db, entity: EntityRecord, articleId: string, stored: StoredIds): Promise<string> {
  if (!isProvisionalId(entity.id)) return storeKnownEntity(db, entity, stored)
  const decided = await findMergeTarget(db, entity.id)
  if (decided) return joinEntity(db, entity, decided)
  const choice = chooseMergeTarget(entity, await findNamesakes(db, identityNameKey(entity.name), entity.type))
  if (!choice) {
    await insertEntity(db, entity, false)
    return entity.id
  }
  await recordMerge(db, { sourceId: entity.id, targetId: choice.target, sourceName: entity.name, reason: choice.reason, articleId })
  return joinEntity(db, entity, choice.target)
}

async function storeKnownEntity(db: Db, entity: EntityRecord, stored: StoredIds): Promise<string> {
  if (!stored.has(entity.id)) {
    await insertEntity(db, entity, true)
    stored.add(entity.id)
  }
  return entity.id
}

/** The target answers to the names the article used too. */
async function joinEntity(db: Db, entity: EntityRecord, target: string): Promise<string> {
  await addEntityNames(db, target, [entity.name, ...entity.aliases])
  return target
}

/** Places are written once per process (their ids are the gazetteer's). */
export async function storePlaces(db: Db, places: PlaceRecord[], stored: StoredIds): Promise<void> {
  for (const place of places) {
    if (stored.has(place.id)) continue
    await upsertPlace(db, place)
    stored.add(place.id)
  }
}
