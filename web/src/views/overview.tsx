import { EventsTable, PropositionCard, RefLink, Status } from '../components/common'
import { WeeklyChart, weekly } from '../components/weekly-chart'
import { WhatsNew } from '../components/whats-new'
import type { Overview, TimelineBucket } from '../api'
import { useApi } from '../use-api'
import { href } from '../state'

export function OverviewView() {
  const overview = useApi<Overview>('overview', { limit: 8 })
  const timeline = useApi<{ buckets: TimelineBucket[]; undatedEvents: number }>('timeline')
  return (
    <section class="view overview">
      <h1>Overview</h1>
      <WhatsNew />
      <Status loaded={overview}>
        {(data) => (
          <>
            <div class="stat-cards">
              {(
                [
                  ['articles', data.stats.articles, 'search'],
                  ['actors', data.stats.entities, 'network'],
                  ['places', data.stats.places, 'map'],
                  ['events', data.stats.events, 'timeline'],
                  ['claims', data.stats.claims, 'claims'],
                  ['propositions', data.stats.propositions, 'claims'],
                ] as const
              ).map(([label, value, target]) => (
                <a class="stat" href={href([target])} key={label}>
                  <span class="value">{value.toLocaleString()}</span>
                  <span class="label">{label}</span>
                </a>
              ))}
            </div>
            <div class="sparkline-box">
              <h2>Events by week</h2>
              <Status loaded={timeline}>
                {(t) => (
                  <>
                    {t.buckets.length > 0 ? (
                      <WeeklyChart series={weekly(t.buckets, 5)} height={220} />
                    ) : (
                      <p class="muted">No dated events.</p>
                    )}
                    {t.undatedEvents > 0 && <p class="undated undated-note">{t.undatedEvents} undated events are not on the chart.</p>}
                  </>
                )}
              </Status>
            </div>
            <div class="columns">
              <div>
                <h2>Most contested</h2>
                {data.contested.length === 0 ? (
                  <p class="muted">No contested propositions yet.</p>
                ) : (
                  data.contested.map((p) => <PropositionCard proposition={p} key={p.id} />)
                )}
                <a href={href(['claims'])}>all claims →</a>
              </div>
              <div>
                <h2>Most active actors</h2>
                <ol class="actors">
                  {data.activeActors.map((actor) => (
                    <li key={actor.id}>
                      <RefLink value={actor} />{' '}
                      <span class="muted">
                        {actor.type} · {actor.articles} articles
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            </div>
            <h2>Latest events</h2>
            <EventsTable events={data.latestEvents} />
          </>
        )}
      </Status>
    </section>
  )
}
