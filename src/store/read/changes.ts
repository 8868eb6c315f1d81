import type { Store } from '../open-store.js'
import { idsForName } from './names.js'
import { eventViews } from './events.js'
import { propositionViews, type PropositionView } from './propositions.js'
import type { PropositionStatus } from '../../resolve/propositions.js'
import type { ChangesView, StatusChange } from '../../contract/index.js'
export type { ChangesView, StatusChange }

/** What the store learned since a moment: new propositions, status changes, new events (by ingest time). */

export interface ChangesFilter {
  /** YYYY-MM-DD or an ISO timestamp: changes recorded at or after it. */
  since: string
  /** Entity name or id: only what is about it (subject or object; actor or target). */
  actor?: string
  limit: number
}

export async function changesSince(store: Store, filter: ChangesFilter): Promise<ChangesView> {
  const empty: ChangesView = {
    since: filter.since,
    newPropositions: { total: 0, items: [] },
    statusChanges: { total: 0, items: [] },
    newEvents: { total: 0, items: [] },
  }
  const actorIds = filter.actor?.trim() ? await idsForName(store, filter.actor.trim()) : null
  if (actorIds?.length === 0) return empty

  let changes = store.db
    .selectFrom('proposition_changes')
    .innerJoin('propositions', 'propositions.id', 'proposition_changes.proposition_id')
    .where('proposition_changes.changed_at', '>=', filter.since)
  if (actorIds)
    changes = changes.where((eb) => eb.or([eb('propositions.subject', 'in', actorIds), eb('propositions.object', 'in', actorIds)]))
  const changed = changes.where('proposition_changes.previous_status', 'is not', null)

  // New propositions as propositions whose first record is recent (proposition_changes_proposition covers the test):
  // each counted once, and the first of them read in rank order (propositions_rank) instead of sorting every new
  // one (a whole store is new since long ago).
  let created = store.db
    .selectFrom('propositions')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('proposition_changes')
          .select('proposition_changes.proposition_id')
          .whereRef('proposition_changes.proposition_id', '=', 'propositions.id')
          .where('proposition_changes.changed_at', '>=', filter.since)
          .where('proposition_changes.previous_status', 'is', null),
      ),
    )
  if (actorIds)
    created = created.where((eb) => eb.or([eb('propositions.subject', 'in', actorIds), eb('propositions.object', 'in', actorIds)]))
  const createdTotal = await created.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const createdRows = await created
    .selectAll('propositions')
    .orderBy('propositions.source_count', 'desc')
    .orderBy('propositions.id')
    .limit(filter.limit)
    .execute()
  const changedTotal = await changed.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const changedRows = await changed
    .select([
      'proposition_changes.proposition_id',
      'proposition_changes.previous_status',
      'proposition_changes.status',
      'proposition_changes.changed_at',
    ])
    .orderBy('proposition_changes.changed_at', 'desc')
    .orderBy('proposition_changes.proposition_id')
    .limit(filter.limit)
    .execute()
  const changedViews = await propositionsById(
    store,
    changedRows.map((row) => row.proposition_id),
  )

  let events = store.db.selectFrom('events').where('created_at', '>=', filter.since)
  if (actorIds)
    events = events.where('id', 'in', store.db.selectFrom('event_parties').select('event_id').where('entity_id', 'in', actorIds))
  const eventTotal = await events.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const eventRows = await events
    .selectAll()
    .orderBy('date_start', (order) => order.desc().nullsLast())
    .orderBy('id')
    .limit(filter.limit)
    .execute()

  return {
    since: filter.since,
    newPropositions: { total: Number(createdTotal.n), items: await propositionViews(store, createdRows) },
    statusChanges: {
      total: Number(changedTotal.n),
      items: changedRows.flatMap((row) => {
        const proposition = changedViews.get(row.proposition_id)
        return proposition
          ? [
              {
                proposition,
                from: row.previous_status as PropositionStatus,
                to: row.status as PropositionStatus,
                changedAt: row.changed_at,
              },
            ]
          : []
      }),
    },
    newEvents: { total: Number(eventTotal.n), items: await eventViews(store, eventRows) },
  }
}

async function propositionsById(store: Store, ids: string[]): Promise<Map<string, PropositionView>> {
  if (ids.length === 0) return new Map()
  const rows = await store.db
    .selectFrom('propositions')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map((await propositionViews(store, rows)).map((view) => [view.id, view]))
}
