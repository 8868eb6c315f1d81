import type { Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { EntityRecord, PlaceRecord, Span } from '../record/record.js'
import { entityKey } from '../text/normalize.js'
import type { NamesakeEntity } from '../resolve/entity-identity.js'
import { insertInChunks } from './insert-chunks.js'

type Db = Kysely<Database>

export async function insertEntity(db: Db, entity: EntityRecord, known: boolean): Promise<void> {
  await db
    .insertInto('entities')
    .values({
      id: entity.id,
      name: entity.name,
      type: entity.type,
      country: entity.country,
      aliases: JSON.stringify(entity.aliases),
      name_key: entityKey(entity.name),
      known: known ? 1 : 0,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await addEntityNames(db, entity.id, [entity.name, ...entity.aliases])
}

export async function addEntityNames(db: Db, entityId: string, names: string[]): Promise<void> {
  const keys = [...new Set(names.map(entityKey).filter((key) => key !== ''))]
  if (keys.length === 0) return
  await db
    .insertInto('entity_names')
    .values(keys.map((name_key) => ({ name_key, entity_id: entityId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Entities of one type known under a normalized name: known (knowledge-base) ones first. */
export async function findNamesakes(db: Db, nameKey: string, type: string): Promise<NamesakeEntity[]> {
  const rows = await db
    .selectFrom('entity_names')
    .innerJoin('entities', 'entities.id', 'entity_names.entity_id')
    .select(['entities.id', 'entities.known'])
    .where('entity_names.name_key', '=', nameKey)
    .where('entities.type', '=', type)
    .orderBy('entities.known', 'desc')
    .orderBy('entities.id')
    .execute()
  return rows.map((row) => ({ id: row.id, known: Number(row.known) === 1 }))
}

export async function findMergeTarget(db: Db, sourceId: string): Promise<string | null> {
  const row = await db.selectFrom('entity_merges').select('target_id').where('source_id', '=', sourceId).executeTakeFirst()
  return row?.target_id ?? null
}

export interface MergeDecision {
  sourceId: string
  targetId: string
  sourceName: string
  reason: string
  articleId: string
}

export async function recordMerge(db: Db, decision: MergeDecision): Promise<void> {
  await db
    .insertInto('entity_merges')
    .values({
      source_id: decision.sourceId,
      target_id: decision.targetId,
      source_name: decision.sourceName,
      reason: decision.reason,
      article_id: decision.articleId,
      decided_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('source_id').doNothing())
    .execute()
}

/** All mentions of one article's entities, in as few statements as the chunk size allows. */
export async function insertEntityMentions(db: Db, articleId: string, mentions: Array<{ entityId: string; spans: Span[] }>): Promise<void> {
  await insertInChunks(
    db,
    'entity_mentions',
    mentions.flatMap(({ entityId, spans }) =>
      spans.map((span) => ({ article_id: articleId, entity_id: entityId, start: span.start, end: span.end })),
    ),
  )
}

export async function upsertPlace(db: Db, place: PlaceRecord): Promise<void> {
  await db
    .insertInto('places')
    .values({
      id: place.id,
      name: place.name,
      name_key: entityKey(place.name),
      kind: place.kind,
      country: place.country,
      admin1: place.admin1,
      lat: place.lat,
      lon: place.lon,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

export async function insertPlaceMentions(db: Db, articleId: string, mentions: Array<{ placeId: string; spans: Span[] }>): Promise<void> {
  await insertInChunks(
    db,
    'place_mentions',
    mentions.flatMap(({ placeId, spans }) =>
      spans.map((span) => ({ article_id: articleId, place_id: placeId, start: span.start, end: span.end })),
    ),
  )
}

/**
 * Knowledge-base entities already stored get the names, type and country the knowledge now gives them
 * (an analyst's folder may rename or extend a base actor). Returns how many rows changed.
 * (Names a base actor had are kept in entity_names: a store keeps answering to what it once printed.)
 */
export async function syncKnownEntities(db: Db, lookup: (id: string) => EntityRecord | undefined): Promise<number> {
  const rows = await db.selectFrom('entities').select(['id', 'name', 'type', 'country', 'aliases']).where('known', '=', 1).execute()
  let changed = 0
  for (const row of rows) {
    const entity = lookup(row.id)
    if (!entity) continue
    // The stored aliases also hold the spellings articles used: the knowledge's are added, none dropped.
    const stored = JSON.parse(row.aliases) as string[]
    const added = entity.aliases.filter((alias) => !stored.includes(alias) && alias !== entity.name)
    if (entity.name === row.name && entity.type === row.type && entity.country === row.country && added.length === 0) continue
    const aliases = JSON.stringify([...stored.filter((alias) => alias !== entity.name), ...added])
    await db
      .updateTable('entities')
      .set({ name: entity.name, type: entity.type, country: entity.country, aliases, name_key: entityKey(entity.name) })
      .where('id', '=', row.id)
      .execute()
    await addEntityNames(db, row.id, [entity.name, ...entity.aliases])
    changed++
  }
  return changed
}

/** Stored places of these ids take the given names and coordinates (an analyst's own place records). */
export async function syncPlaces(db: Db, places: PlaceRecord[]): Promise<void> {
  for (const place of places) {
    await db
      .updateTable('places')
      .set({
        name: place.name,
        name_key: entityKey(place.name),
        kind: place.kind,
        country: place.country,
        admin1: place.admin1,
        lat: place.lat,
        lon: place.lon,
      })
      .where('id', '=', place.id)
      .execute()
  }
}

/**
 * After a reanalysis: entities no article mentions and no claim names any more, that the knowledge does
 * not hold (names the recognizer minted before the analyst's folder knew them), go with their names and
 * the merge decisions that pointed at them. Returns how many went.
 */
export async function removeOrphanEntities(db: Db, isKnown: (id: string) => boolean): Promise<number> {
  const unmentioned = await db
    .selectFrom('entities')
    .select(['id', 'known'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('entity_mentions').select('entity_id').whereRef('entity_mentions.entity_id', '=', 'entities.id'))),
    )
    .execute()
  const candidates = unmentioned.filter((row) => Number(row.known) === 0 || !isKnown(row.id)).map((row) => row.id)
  let removed = 0
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500)
    const referenced = new Set<string>()
    for (const column of ['subject', 'object'] as const) {
      for (const row of await db.selectFrom('propositions').select(column).where(column, 'in', chunk).execute())
        referenced.add(row[column]!)
    }
    for (const row of await db.selectFrom('claims').select('claimant').where('claimant', 'in', chunk).execute())
      referenced.add(row.claimant!)
    const orphans = chunk.filter((id) => !referenced.has(id))
    if (orphans.length === 0) continue
    await db.deleteFrom('entity_names').where('entity_id', 'in', orphans).execute()
    await db.deleteFrom('entity_merges').where('target_id', 'in', orphans).execute()
    await db.deleteFrom('entities').where('id', 'in', orphans).execute()
    removed += orphans.length
  }
  return removed
}
