import type { Store } from '../open-store.js'
import { idsForName, namesOf, refOf } from './names.js'
import type { PropositionStatus } from '../../resolve/propositions.js'
import { NETWORK_RELATIONS, type NetworkEdge, type NetworkNode } from '../../contract/index.js'
export type { NetworkEdge, NetworkNode }

/** The actor network: who attacks, supports, harbors, cooperates with, threatens or accuses whom. */

export { NETWORK_RELATIONS }

export interface NetworkFilter {
  relation?: string
  /** Entity name or id: only its edges (the ego network). */
  actor?: string
  status?: PropositionStatus
  /** YYYY-MM-DD: edges dated within the range (undated edges drop out when a range is set). */
  since?: string
  until?: string
  minSources: number
  limit: number
}

export async function actorNetwork(store: Store, filter: NetworkFilter): Promise<{ nodes: NetworkNode[]; edges: NetworkEdge[] }> {
  const actorIds = filter.actor?.trim() ? await idsForName(store, filter.actor.trim()) : null
  if (actorIds?.length === 0) return { nodes: [], edges: [] }
  const edges: NetworkEdge[] = []
  if (filter.relation !== 'accuses') edges.push(...(await propositionEdges(store, actorIds, filter)))
  if (!filter.relation || filter.relation === 'accuses') edges.push(...(await accusationEdges(store, actorIds, filter)))
  const weights = new Map<string, number>()
  for (const edge of edges) for (const id of [edge.source, edge.target]) weights.set(id, (weights.get(id) ?? 0) + edge.weight)
  const names = await namesOf(store, weights.keys())
  const nodes = [...weights].map(([id, weight]) => ({ ...refOf(names, id), type: names.get(id)?.type ?? null, weight }))
  return { nodes, edges }
}

async function propositionEdges(store: Store, actorIds: string[] | null, filter: NetworkFilter): Promise<NetworkEdge[]> {
  const relations = filter.relation ? [filter.relation] : NETWORK_RELATIONS.filter((relation) => relation !== 'accuses')
  const ranked = () => {
    let query = store.db
      .selectFrom('propositions')
      .innerJoin('entities', 'entities.id', 'propositions.object')
      .select([
        'propositions.id',
        'propositions.subject',
        'propositions.object',
        'propositions.relation',
        'propositions.source_count',
        'propositions.status',
        'propositions.first_dated',
        'propositions.last_dated',
      ])
      .where('propositions.relation', 'in', relations)
      .where('propositions.source_count', '>=', filter.minSources)
    if (filter.status) query = query.where('propositions.status', '=', filter.status)
    if (filter.since) query = query.where('propositions.last_dated', '>=', filter.since)
    if (filter.until) query = query.where('propositions.first_dated', '<=', filter.until)
    return query.orderBy('propositions.source_count', 'desc').orderBy('propositions.id').limit(filter.limit)
  }
  // An actor's edges as the best of its edges as subject and of those as object: each side is read in the order
  // of its ranked index and stops at the limit (one query with `subject OR object` would sort all of them).
  const rows = actorIds
    ? await store.db
        .selectFrom(
          store.db
            .selectFrom(ranked().where('propositions.subject', 'in', actorIds).as('as_subject'))
            .selectAll()
            .union(store.db.selectFrom(ranked().where('propositions.object', 'in', actorIds).as('as_object')).selectAll())
            .as('edges'),
        )
        .selectAll()
        .orderBy('source_count', 'desc')
        .orderBy('id')
        .limit(filter.limit)
        .execute()
    : await ranked().execute()
  return rows.map((row) => ({
    id: row.id,
    source: row.subject,
    target: row.object!,
    relation: row.relation,
    weight: Number(row.source_count),
    status: row.status as PropositionStatus,
    stance: row.status === 'contested' ? 'contested' : 'asserted',
    firstSeen: row.first_dated,
    lastSeen: row.last_dated,
    ref: { kind: 'proposition', id: row.id },
  }))
}

/** ACCUSE events as accuser → accused edges, one per pair; found through event_parties when an actor is given. */
async function accusationEdges(store: Store, actorIds: string[] | null, filter: NetworkFilter): Promise<NetworkEdge[]> {
  if (filter.status === 'contested') return []
  let query = store.db
    .selectFrom('events')
    .select(['id', 'actors', 'targets', 'source_count', 'date_start', 'date_end'])
    .where('source_count', '>=', filter.minSources)
  if (filter.since) query = query.where((eb) => eb(eb.fn.coalesce('date_end', 'date_start'), '>=', filter.since!))
  if (filter.until) query = query.where('date_start', '<=', filter.until)
  // An actor's ACCUSE events come from its typed rows of event_parties (migration 0007), read through the events'
  // ids; without an actor, the ACCUSE events in rank order (events_rank) until the limit. No `events.type` test
  // with an actor: SQLite would then walk every ACCUSE event in rank order probing the actor's list.
  query = actorIds
    ? query.where(
        'id',
        'in',
        store.db.selectFrom('event_parties').select('event_id').where('entity_id', 'in', actorIds).where('type', '=', 'ACCUSE'),
      )
    : query.where('type', '=', 'ACCUSE')
  const rows = await query.orderBy('source_count', 'desc').orderBy('id').limit(filter.limit).execute()
  const byPair = new Map<string, NetworkEdge>()
  for (const row of rows) {
    for (const accuser of JSON.parse(row.actors) as string[]) {
      for (const accused of JSON.parse(row.targets) as string[]) {
        if (accuser === accused) continue
        const key = `${accuser}|accuses|${accused}`
        const edge = byPair.get(key) ?? {
          id: key,
          source: accuser,
          target: accused,
          relation: 'accuses',
          weight: 0,
          status: 'single-source',
          stance: 'asserted',
          firstSeen: null,
          lastSeen: null,
          ref: { kind: 'event', id: row.id },
        }
        edge.weight += Number(row.source_count)
        if (row.date_start && (!edge.firstSeen || row.date_start < edge.firstSeen)) edge.firstSeen = row.date_start
        const end = row.date_end ?? row.date_start
        if (end && (!edge.lastSeen || end > edge.lastSeen)) edge.lastSeen = end
        byPair.set(key, edge)
      }
    }
  }
  for (const edge of byPair.values()) if (edge.weight >= 2) edge.status = 'corroborated'
  // Only actors that are entities: an accusation against a place is no network edge.
  const names = await namesOf(
    store,
    [...byPair.values()].flatMap((edge) => [edge.source, edge.target]),
  )
  const isEntity = (id: string): boolean => names.get(id)?.kind === 'entity'
  const edges = [...byPair.values()].filter((edge) => isEntity(edge.source) && isEntity(edge.target))
  if (filter.status) return edges.filter((edge) => edge.status === filter.status)
  return edges
}
