import { useState } from 'preact/hooks'
import { CLAIM_RELATIONS, PROPOSITION_STATUSES } from '../../../src/contract/vocabulary'
import { Pager, PropositionCard, Status } from '../components/common'
import type { Page, Proposition, Status as PropositionStatus } from '../api'
import { useApi } from '../use-api'
import { WhatsNew } from '../components/whats-new'
import { setRange, useRange, type Route } from '../state'
import { ExportControl, type ExportChoice } from '../components/export-control'

const CLAIM_EXPORTS: ExportChoice[] = [
  { format: 'stix', label: 'STIX 2.1 bundle' },
  { format: 'graphml', label: 'GraphML actor network' },
  { format: 'geojson', label: 'GeoJSON presences', options: { layer: 'presences' } },
]

const RELATIONS = CLAIM_RELATIONS
const GROUPS: PropositionStatus[] = PROPOSITION_STATUSES

export function ClaimsView({ route }: { route: Route }) {
  const range = useRange()
  const [actor, setActor] = useState(route.query.get('actor') ?? '')
  const [relation, setRelation] = useState(route.query.get('relation') ?? '')
  const [place, setPlace] = useState(route.query.get('place') ?? '')
  const [applied, setApplied] = useState({ actor, relation, place })
  const submit = (event: Event): void => {
    event.preventDefault()
    setApplied({ actor, relation, place })
  }
  return (
    <section class="view claims">
      <h1>Claims board</h1>
      <WhatsNew actor={applied.actor || undefined} />
      <form class="filters" onSubmit={submit}>
        <label>
          actor <input name="actor" value={actor} onInput={(e) => setActor(e.currentTarget.value)} placeholder="name or id" />
        </label>
        <label>
          relation{' '}
          <select name="relation" value={relation} onChange={(e) => setRelation(e.currentTarget.value)}>
            <option value="">any</option>
            {RELATIONS.map((r) => (
              <option value={r} key={r}>
                {r.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          place <input name="place" value={place} onInput={(e) => setPlace(e.currentTarget.value)} placeholder="name or id" />
        </label>
        <label>
          since{' '}
          <input type="date" value={range.since ?? ''} onChange={(e) => setRange({ ...range, since: e.currentTarget.value || null })} />
        </label>
        <label>
          until{' '}
          <input type="date" value={range.until ?? ''} onChange={(e) => setRange({ ...range, until: e.currentTarget.value || null })} />
        </label>
        <button type="submit">Filter</button>
        <ExportControl choices={CLAIM_EXPORTS} filter={{ about: applied.actor || applied.place, since: range.since, until: range.until }} />
      </form>
      <div class="board">
        {GROUPS.map((status) => (
          <ClaimColumn key={status} status={status} filters={{ ...applied, since: range.since, until: range.until }} />
        ))}
      </div>
    </section>
  )
}

interface Filters {
  actor: string
  relation: string
  place: string
  since: string | null
  until: string | null
}

function ClaimColumn({ status, filters }: { status: PropositionStatus; filters: Filters }) {
  const [offset, setOffset] = useState(0)
  const limit = 25
  const page = useApi<Page<Proposition>>('propositions', { status, ...filters, limit, offset })
  return (
    <div class={`board-column column-${status}`} data-status={status}>
      <h2>
        {status} {page.data && <span class="muted">({page.data.total})</span>}
      </h2>
      <Status loaded={page}>
        {(data) => (
          <>
            {data.items.length === 0 && <p class="muted">None.</p>}
            {data.items.map((p) => (
              <PropositionCard proposition={p} key={p.id} />
            ))}
            <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} />
          </>
        )}
      </Status>
    </div>
  )
}
