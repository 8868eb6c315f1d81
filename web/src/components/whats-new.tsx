import type { ChangesView } from '../api'
import { useApi } from '../use-api'
import { setSince, useSince } from '../state'
import { EventsTable, PropositionLine, StatusBadge } from './common'
import { href } from '../state'

/**
 * "What's new since" a moment the reader picks (shared by every view): propositions the store did not know,
 * status changes (single-source → corroborated or contested…) and new events, optionally about one actor.
 * Times are ingest times: what sitrep learned, not when it happened.
 */
export function WhatsNew({ actor }: { actor?: string }) {
  const since = useSince()
  const changes = useApi<ChangesView>(since ? 'changes' : null, { since, actor, limit: 10 })
  const data = since ? changes.data : null
  return (
    <details class="whats-new" open={!!data && hasAny(data)}>
      <summary>
        <span class="whats-new-title">What’s new</span>{' '}
        <label onClick={(e) => e.stopPropagation()}>
          since{' '}
          <input
            type="date"
            name="whats-new-since"
            value={since?.slice(0, 10) ?? ''}
            onChange={(e) => setSince(e.currentTarget.value || null)}
          />
        </label>{' '}
        {data && (
          <span class="whats-new-counts">
            {data.newPropositions.total} new propositions · {data.statusChanges.total} status changes · {data.newEvents.total} new events
            {actor ? ' about this actor' : ''}
          </span>
        )}
        {!since && <span class="muted">pick a date to see what the store learned since then</span>}
        {changes.error && <span class="error">{changes.error}</span>}
      </summary>
      {data && (
        <div class="whats-new-body">
          {data.statusChanges.items.length > 0 && (
            <>
              <h3>Status changes</h3>
              <ul class="status-changes">
                {data.statusChanges.items.map((change, i) => (
                  <li key={i}>
                    <PropositionLine proposition={change.proposition} /> <StatusBadge status={change.from} /> →{' '}
                    <StatusBadge status={change.to} /> <span class="muted">{change.changedAt.slice(0, 16).replace('T', ' ')}</span>{' '}
                    <a href={href(['proposition', change.proposition.id])}>evidence →</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.newPropositions.items.length > 0 && (
            <>
              <h3>New propositions</h3>
              <ul class="new-propositions">
                {data.newPropositions.items.map((p) => (
                  <li key={p.id}>
                    <PropositionLine proposition={p} /> <StatusBadge status={p.status} />{' '}
                    <a href={href(['proposition', p.id])}>evidence →</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.newEvents.items.length > 0 && (
            <>
              <h3>New events</h3>
              <EventsTable events={data.newEvents.items} />
            </>
          )}
        </div>
      )}
    </details>
  )
}

function hasAny(data: ChangesView): boolean {
  return data.newPropositions.total + data.statusChanges.total + data.newEvents.total > 0
}
