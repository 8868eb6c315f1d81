import { EventsTable, PropositionCard, Status } from '../components/common'
import type { Profile } from '../api'
import { useApi } from '../use-api'
import { href } from '../state'
import { WhatsNew } from '../components/whats-new'

export function ActorView({ id }: { id: string }) {
  const loaded = useApi<Profile>(`entities/${encodeURIComponent(id)}`)
  return (
    <section class="view actor-profile">
      <Status loaded={loaded}>
        {(actor) => (
          <>
            <h1>{actor.name}</h1>
            <WhatsNew actor={actor.id} />
            <dl>
              <dt>Type</dt>
              <dd>{actor.type.replace(/_/g, ' ')}</dd>
              <dt>Country</dt>
              <dd>{actor.country ?? '—'}</dd>
              <dt>Also called</dt>
              <dd>
                {actor.aliases.length === 0 && '—'}
                {actor.aliases.slice(0, 12).join(' · ')}
                {actor.aliases.length > 12 && (
                  <details>
                    <summary>{actor.aliases.length - 12} more names</summary>
                    {actor.aliases.slice(12).join(' · ')}
                  </details>
                )}
              </dd>
              <dt>Coverage</dt>
              <dd>
                {actor.mentionCount} mentions in {actor.articleCount} articles {actor.known ? '' : '(not in the knowledge base)'}
              </dd>
              {actor.mergedFrom.length > 0 && (
                <>
                  <dt>Merged from</dt>
                  <dd>{actor.mergedFrom.map((m) => `${m.name} (${m.reason})`).join(' · ')}</dd>
                </>
              )}
            </dl>
            <p>
              <a href={href(['network'], { actor: actor.id })}>network around {actor.name} →</a>
            </p>
            <h2>Affiliations</h2>
            {actor.affiliations.length === 0 ? (
              <p class="muted">None recorded.</p>
            ) : (
              actor.affiliations.map((p) => <PropositionCard proposition={p} key={p.id} />)
            )}
            <h2>
              Claims about {actor.name} ({actor.claimsAboutCount})
            </h2>
            {actor.claimsAbout.length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              actor.claimsAbout.map((p) => <PropositionCard proposition={p} key={p.id} />)
            )}
            <h2>Claims made by {actor.name}</h2>
            {actor.claimsBy.length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              actor.claimsBy.map((p) => <PropositionCard proposition={p} key={p.id} />)
            )}
            <h2>Events ({actor.eventCount})</h2>
            <EventsTable events={actor.events} />
          </>
        )}
      </Status>
    </section>
  )
}
