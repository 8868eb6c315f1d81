import { EvidenceSource, fatalitiesText, formatDate, Names, RefLink, Status } from '../components/common'
import type { EventDetail } from '../api'
import { useApi } from '../use-api'

export function EventView({ id }: { id: string }) {
  const loaded = useApi<EventDetail>(`events/${encodeURIComponent(id)}`)
  return (
    <section class="view event-detail">
      <Status loaded={loaded}>
        {(event) => (
          <>
            <h1>
              <span class={`type type-${event.type}`}>{event.type}</span> {event.place ? event.place.name : 'place unknown'} ·{' '}
              {formatDate(event)}
            </h1>
            <dl>
              <dt>Actors</dt>
              <dd>
                <Names refs={event.actors} />
              </dd>
              <dt>Targets</dt>
              <dd>
                <Names refs={event.targets} />
              </dd>
              <dt>Place</dt>
              <dd>
                <RefLink value={event.place} />
              </dd>
              <dt>Mode</dt>
              <dd>{event.modes.join(', ') || '—'}</dd>
              <dt>Fatalities</dt>
              <dd>{fatalitiesText(event) || '—'}</dd>
            </dl>
            <h2>Sources ({event.sources.length})</h2>
            <ol class="statements">
              {event.sources.map((source, i) => (
                <li key={i}>
                  <blockquote>{source.evidence.text}</blockquote>
                  <EvidenceSource source={source}>
                    {source.reportedBy && (
                      <>
                        {' · reported by '}
                        <RefLink value={source.reportedBy} />
                      </>
                    )}
                  </EvidenceSource>
                </li>
              ))}
            </ol>
          </>
        )}
      </Status>
    </section>
  )
}
