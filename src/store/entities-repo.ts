import type { Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { EntityRecord, PlaceRecord, Span } from '../pipeline/record.js'
import { normalizeName } from '../resolve/normalize-name.js'
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
      name_key: normalizeName(entity.name),
      known: known ? 1 : 0,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await addEntityNames(db, entity.id, [entity.name, ...entity.aliases])
}

export async function addEntityNames(db: Db, entityId: string, names: string[]): Promise<void> {
  const keys = [...new Set(names.map(normalizeName).filter((key) => key !== ''))]
  if (keys.length === 0) return
  await db
    .insertInto('entity_names')
    .values(keys.map((name_key) => ({ name_key, entity_id: entityId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Entities of one type known under a normalized name: known (knowledge-base) ones first. */
export async function findEntitiesByName(db: Db, nameKey: string, type?: string): Promise<string[]> {
  let query = db
    .selectFrom('entity_names')
    .innerJoin('entities', 'entities.id', 'entity_names.entity_id')
    .select('entities.id')
    .where('entity_names.name_key', '=', nameKey)
  if (type) query = query.where('entities.type', '=', type)
  const rows = await query.orderBy('entities.known', 'desc').orderBy('entities.id').execute()
  return rows.map((row) => row.id)
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
    mentions.flatMap(({ entityId, spans }) => spans.map((span) => ({ article_id: articleId, entity_id: entityId, start: span.start, end: span.end }))),
  )
}

export async function upsertPlace(db: Db, place: PlaceRecord): Promise<void> {
  await db
    .insertInto('places')
    .values({
      id: place.id,
      name: place.name,
      name_key: normalizeName(place.name),
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
    mentions.flatMap(({ placeId, spans }) => spans.map((span) => ({ article_id: articleId, place_id: placeId, start: span.start, end: span.end }))),
  )
}
