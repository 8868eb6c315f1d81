import { fatalitiesText, formatDate, Names, RefLink, Status } from '../components/common'
import type { EventDetail } from '../api'
import { useApi } from '../use-api'
import { href, safeUrl } from '../state'

export function EventView({ id }: { id: string }) {
  const loaded = useApi<EventDetail>(`events/${encodeURIComponent(id)}`)
  return (
    <section class="view event-detail">
      <Status loaded={loaded}>
        {(event) => (
          <>
            <h1>
              <span class={`type type-${event.type}`}>{event.type}</span> {event.place ? event.place.name : 'place unknown'} · {formatDate(event)}
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
                  <div class="meta">
                    {source.source ?? 'unknown outlet'} · {source.published ?? 'undated'}
                    {source.reportedBy && (
                      <>
                        {' · reported by '}
                        <RefLink value={source.reportedBy} />
                      </>
                    )}{' '}
                    ·{' '}
                    <a class="to-reader" href={href(['article', source.articleId], { from: source.evidence.start, to: source.evidence.end })}>
                      {source.title ?? 'untitled article'}
                    </a>
                    {safeUrl(source.url) && (
                      <>
                        {' · '}
                        <a href={safeUrl(source.url)!} rel="noopener noreferrer nofollow" target="_blank">
                          original
                        </a>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </Status>
    </section>
  )
}
