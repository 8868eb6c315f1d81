import type { Store } from '../open-store.js'
import { idsForName, namesOf, refOf } from './names.js'
import { listPropositions } from './propositions.js'
import { listEvents } from './events.js'
import type { ActorActivity, EntityProfile, EntityView } from '../../contract/index.js'
export type { ActorActivity, EntityProfile, EntityView }

/** Actors: a profile (names, merges, mentions), what is said about them, the most active ones. */

export async function entityProfile(store: Store, id: string): Promise<EntityProfile | null> {
  const entity = await store.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst()
  if (!entity) return null
  const counts = await store.db
    .selectFrom('entity_mentions')
    .select((eb) => [eb.fn.countAll().as('mentions'), eb.fn.count('article_id').distinct().as('articles')])
    .where('entity_id', '=', id)
    .executeTakeFirstOrThrow()
  const merges = await store.db
    .selectFrom('entity_merges')
    .select(['source_id', 'source_name', 'reason'])
    .where('target_id', '=', id)
    .orderBy('source_id')
    .execute()
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    country: entity.country,
    aliases: JSON.parse(entity.aliases) as string[],
    known: Number(entity.known) === 1,
    articleCount: Number(counts.articles),
    mentionCount: Number(counts.mentions),
    mergedFrom: merges.map((merge) => ({ id: merge.source_id, name: merge.source_name, reason: merge.reason })),
  }
}

/** One entity by name or id (the best-covered one when the name is ambiguous), with what is said about it. */
export async function getEntity(store: Store, name: string, limit = 20, knownIds: string[] = []): Promise<EntityView | null> {
  const ids = [...new Set([...(await idsForName(store, name)), ...knownIds])]
  if (ids.length === 0) return null
  const mentionCounts = await store.db
    .selectFrom('entities')
    .leftJoin('entity_mentions', 'entity_mentions.entity_id', 'entities.id')
    .select((eb) => [
      'entities.id',
      eb.fn.count('entity_mentions.article_id').as('mentions'),
      eb.fn.count('entity_mentions.article_id').distinct().as('articles'),
    ])
    .where('entities.id', 'in', ids)
    .groupBy('entities.id')
    .execute()
  if (mentionCounts.length === 0) return null
  const best = mentionCounts.sort((a, b) => Number(b.articles) - Number(a.articles) || (a.id < b.id ? -1 : 1))[0]
  const profile = best ? await entityProfile(store, best.id) : null
  if (!profile) return null
  return {
    ...profile,
    propositions: (await listPropositions(store, { about: profile.id, limit })).items,
    events: (await listEvents(store, { actor: profile.id, limit })).items,
  }
}

/** Entities named in the most articles. */
export async function mostActiveActors(store: Store, limit: number): Promise<ActorActivity[]> {
  const rows = await store.db
    .selectFrom('entity_mentions')
    .select((eb) => ['entity_id', eb.fn.count('article_id').distinct().as('articles')])
    .groupBy('entity_id')
    .orderBy('articles', 'desc')
    .orderBy('entity_id')
    .limit(limit)
    .execute()
  const names = await namesOf(
    store,
    rows.map((row) => row.entity_id),
  )
  return rows.map((row) => ({
    ...refOf(names, row.entity_id),
    type: names.get(row.entity_id)?.type ?? null,
    articles: Number(row.articles),
  }))
}
