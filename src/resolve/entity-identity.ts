import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import type { EntityRecord } from '../record/record.js'
import { entityKey } from '../text/normalize.js'
import { addEntityNames, findEntitiesByName, findMergeTarget, insertEntity, recordMerge } from '../store/entities-repo.js'

/** Ids the analyzer mints for names outside the knowledge base ("actor:x-<slug>"). */
export function isProvisionalId(id: string): boolean {
  return /^actor:x-/.test(id)
}

/**
 * Maps each entity of one article to its identity across the store. Knowledge-base ids are global
 * already. A provisional id joins an existing entity of the same type known under the same
 * normalized name (a knowledge-base entity first), and the decision is recorded in entity_merges.
 */
export async function resolveEntities(
  db: Kysely<Database>,
  entities: EntityRecord[],
  articleId: string,
  stored: StoredIds = { has: () => false, add: () => undefined },
): Promise<Map<string, string>> {
  const identity = new Map<string, string>()
  for (const entity of entities) {
    identity.set(entity.id, await resolveEntity(db, entity, articleId, stored))
  }
  return identity
}

/** Knowledge-base entities already in the store: their rows need no second write. */
export interface StoredIds {
  has(id: string): boolean
  add(id: string): void
}

async function resolveEntity(db: Kysely<Database>, entity: EntityRecord, articleId: string, stored: StoredIds): Promise<string> {
  if (!isProvisionalId(entity.id)) {
    if (!stored.has(entity.id)) {
      await insertEntity(db, entity, true)
      stored.add(entity.id)
    }
    return entity.id
  }
  const decided = await findMergeTarget(db, entity.id)
  if (decided) {
    await addEntityNames(db, decided, [entity.name, ...entity.aliases])
    return decided
  }
  const nameKey = entityKey(entity.name)
  const sameName = (await findEntitiesByName(db, nameKey, entity.type)).filter((id) => id !== entity.id)
  const target = sameName[0]
  if (!target) {
    await insertEntity(db, entity, false)
    return entity.id
  }
  await recordMerge(db, {
    sourceId: entity.id,
    targetId: target,
    sourceName: entity.name,
    reason: `${isProvisionalId(target) ? 'same name' : 'name of a known entity'} "${nameKey}", type ${entity.type}`,
    articleId,
  })
  await addEntityNames(db, target, [entity.name, ...entity.aliases])
  return target
}
