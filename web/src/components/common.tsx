import type { ComponentChildren } from 'preact'
import type { EventItem, Loaded, NamedRef, PartyView, Proposition } from './types'
import { href, safeUrl } from '../state'

export function refLink(ref: NamedRef): string {
  if (ref.kind === 'place') return href(['map'], { place: ref.id })
  return href(['actor', ref.id])
}

export function RefLink({ value }: { value: NamedRef | null }) {
  if (!value) return <span class="muted">—</span>
  if (value.kind === 'unknown') return <span>{value.name}</span>
  return (
    <a class={`ref ref-${value.kind}`} href={refLink(value)}>
      {value.name}
    </a>
  )
}

export function relationLabel(relation: string): string {
  return relation.replace(/_/g, ' ')
}

export function PropositionLine({ proposition }: { proposition: Proposition }) {
  return (
    <span class="proposition-line">
      <RefLink value={proposition.subject} />{' '}
      <span class={`relation rel-${proposition.relation}`}>{relationLabel(proposition.relation)}</span>{' '}
      <RefLink value={proposition.object} />
    </span>
  )
}

/** Where a piece of evidence comes from: outlet, date, anything the caller adds, the reader link and the original. */
export function EvidenceSource({
  source,
  readLabel,
  children,
}: {
  source: {
    articleId: string
    title: string | null
    url: string | null
    source: string | null
    published: string | null
    evidence: { start: number; end: number }
  }
  readLabel?: string
  children?: ComponentChildren
}) {
  const original = safeUrl(source.url)
  return (
    <div class="meta">
      {source.source ?? 'unknown outlet'} · {source.published ?? 'undated'}
      {children} ·{' '}
      <a class="to-reader" href={href(['article', source.articleId], { from: source.evidence.start, to: source.evidence.end })}>
        {source.title ?? 'untitled article'}
        {readLabel}
      </a>
      {original && (
        <>
          {' · '}
          <a href={original} rel="noopener noreferrer nofollow" target="_blank">
            original
          </a>
        </>
      )}
    </div>
  )
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{status}</span>
}

export function Parties({ parties, empty }: { parties: PartyView[]; empty?: string }) {
  if (parties.length === 0) return <span class="muted">{empty ?? '—'}</span>
  return (
    <span class="parties">
      {parties.map((party, i) => (
        <span class="party" key={i}>
          {party.party ? <RefLink value={party.party} /> : <em class="anonymous-party">reports (no named source)</em>}
          {party.speakers.length > 0 && (
            <span class="speakers">
              {' via '}
              {party.speakers.map((speaker, j) => (
                <span key={speaker.id}>
                  {j > 0 && ', '}
                  <RefLink value={speaker} />
                </span>
              ))}
            </span>
          )}
          <span class="muted" title="independent sources">
            {' '}
            ({party.party ? party.sources : `${party.sources} source${party.sources === 1 ? '' : 's'}`})
          </span>
        </span>
      ))}
    </span>
  )
}

export function PropositionCard({ proposition }: { proposition: Proposition }) {
  return (
    <div class={`card proposition status-${proposition.status}`} data-proposition={proposition.id}>
      <div class="card-head">
        <PropositionLine proposition={proposition} />
        <a class="detail-link" href={href(['proposition', proposition.id])}>
          evidence →
        </a>
      </div>
      <div class="parties-row">
        <span class="label">asserted by</span> <Parties parties={proposition.asserters} />
      </div>
      {proposition.deniers.length > 0 && (
        <div class="parties-row">
          <span class="label deny">denied by</span> <Parties parties={proposition.deniers} />
        </div>
      )}
      {proposition.noResponse.length > 0 && (
        <div class="parties-row">
          <span class="label">no response from</span> <Parties parties={proposition.noResponse} />
        </div>
      )}
      <div class="meta">
        <StatusBadge status={proposition.status} /> {proposition.sourceCount} source{proposition.sourceCount === 1 ? '' : 's'} ·{' '}
        {proposition.claimCount} statement
        {proposition.claimCount === 1 ? '' : 's'} · <SeenRange proposition={proposition} />
      </div>
    </div>
  )
}

/** First and last publication dates; statements from undated articles are counted, never dated by their ingest day. */
export function SeenRange({
  proposition,
  long,
}: {
  proposition: Pick<Proposition, 'firstSeen' | 'lastSeen' | 'undatedClaims'>
  long?: boolean
}) {
  const undated = proposition.undatedClaims > 0 && (
    <span class="undated" title="statements from articles without a publication date: kept out of date ranges">
      {proposition.firstSeen ? ` · ${proposition.undatedClaims} undated` : 'undated'}
    </span>
  )
  if (!proposition.firstSeen) return <span class="seen-range">{undated || <span class="undated">undated</span>}</span>
  const first = long ? 'first seen' : 'first'
  const last = long ? 'last seen' : 'last'
  return (
    <span class="seen-range">
      {first} {proposition.firstSeen} · {last} {proposition.lastSeen}
      {undated}
    </span>
  )
}

const GEO_PRECISION_LABEL: Record<number, string> = { 1: 'exact place', 2: 'district/province', 3: 'country/region' }
const TIME_PRECISION_LABEL: Record<number, string> = { 1: 'day', 2: 'week', 3: 'month+' }

/** ACLED-style precision beside a place or date: how much of it the sources actually give. */
export function PrecisionBadge({ kind, code }: { kind: 'geo' | 'time'; code: number | null }) {
  if (code === null) return null
  const label = (kind === 'geo' ? GEO_PRECISION_LABEL : TIME_PRECISION_LABEL)[code] ?? String(code)
  return (
    <span
      class={`precision precision-${kind} precision-${code}`}
      data-precision={`${kind}-${code}`}
      title={`${kind === 'geo' ? 'geo_precision' : 'time_precision'} ${code}: ${label}`}
    >
      {label}
    </span>
  )
}

export function formatDate(event: Pick<EventItem, 'dateStart' | 'dateEnd'>): string {
  if (!event.dateStart) return 'undated'
  return event.dateEnd && event.dateEnd !== event.dateStart ? `${event.dateStart} – ${event.dateEnd}` : event.dateStart
}

export function fatalitiesText(event: EventItem): string {
  const { low, best, high } = event.fatalities
  if (best === null && low === null && high === null) return ''
  if (low !== null && high !== null && low !== high) return `${low}–${high} killed`
  return `${best ?? low ?? high} killed`
}

export function Names({ refs }: { refs: NamedRef[] }) {
  if (refs.length === 0) return <span class="muted">—</span>
  return (
    <>
      {refs.map((ref, i) => (
        <span key={ref.id}>
          {i > 0 && ', '}
          <RefLink value={ref} />
        </span>
      ))}
    </>
  )
}

export function EventsTable({ events }: { events: EventItem[] }) {
  if (events.length === 0) return <p class="muted">No events.</p>
  return (
    <table class="events-table">
      <thead>
        <tr>
          <th>Date</th>
          <th>Type</th>
          <th>Place</th>
          <th>Actors</th>
          <th>Targets</th>
          <th>Toll</th>
          <th>Sources</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td class={event.dateStart ? '' : 'undated'}>
              <a href={href(['event', event.id])}>{formatDate(event)}</a> <PrecisionBadge kind="time" code={event.timePrecision} />
            </td>
            <td>
              <span class={`type type-${event.type}`}>{event.type}</span>
            </td>
            <td>
              <RefLink value={event.place} /> <PrecisionBadge kind="geo" code={event.geoPrecision} />
            </td>
            <td>
              <Names refs={event.actors} />
            </td>
            <td>
              <Names refs={event.targets} />
            </td>
            <td>{fatalitiesText(event)}</td>
            <td>{event.sourceCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <div class="error">Error: {loaded.error}</div>
  if (!loaded.data) return <div class="loading">Loading…</div>
  return <>{children(loaded.data)}</>
}

export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number
  limit: number
  offset: number
  onChange: (offset: number) => void
}) {
  if (total <= limit) return null
  return (
    <div class="pager">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        ← previous
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + limit)} of {total}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        next →
      </button>
    </div>
  )
}

/** An inline SVG sparkline: few points, no library needed. */
export function Sparkline({ values, labels }: { values: number[]; labels: string[] }) {
  if (values.length === 0) return <span class="muted">no dated events</span>
  const width = 320
  const height = 48
  const max = Math.max(...values, 1)
  const step = values.length > 1 ? width / (values.length - 1) : width
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${(height - (value / max) * (height - 4) - 2).toFixed(1)}`).join(' ')
  return (
    <svg class="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label="events per week">
      <title>{`events per week, ${labels[0]} to ${labels[labels.length - 1]}`}</title>
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  )
}
