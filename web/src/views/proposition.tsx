import { EvidenceSource, Parties, PropositionLine, RefLink, SeenRange, Status, StatusBadge } from '../components/common'
import type { PropositionDetail } from '../api'
import { useApi } from '../use-api'
import { BestGradeBadge, SourceGradeBadge } from '../components/source-grade'

export function PropositionView({ id }: { id: string }) {
  const loaded = useApi<PropositionDetail>(`propositions/${encodeURIComponent(id)}`)
  return (
    <section class="view proposition-detail">
      <Status loaded={loaded}>
        {(p) => (
          <>
            <h1>
              <PropositionLine proposition={p} />
            </h1>
            <p class="meta">
              <StatusBadge status={p.status} /> <BestGradeBadge grade={p.bestGrade} /> {p.sourceCount} independent source
              {p.sourceCount === 1 ? '' : 's'} · {p.claimCount} statement{p.claimCount === 1 ? '' : 's'} ·{' '}
              <SeenRange proposition={p} long />
            </p>
            <dl class="sides">
              <dt>Asserted by</dt>
              <dd>
                <Parties parties={p.asserters} />
              </dd>
              <dt>Denied by</dt>
              <dd>
                <Parties parties={p.deniers} empty="nobody" />
              </dd>
              {p.noResponse.length > 0 && (
                <>
                  <dt>No response from</dt>
                  <dd>
                    <Parties parties={p.noResponse} />
                  </dd>
                </>
              )}
            </dl>
            <h2>Statements</h2>
            <ol class="statements">
              {p.statements.map((s, i) => (
                <li class={`statement stance-${s.stance}`} key={i}>
                  <div class="who">
                    <span class={`badge stance-${s.stance}`}>{s.stance}</span>{' '}
                    {s.claimant ? <RefLink value={s.claimant} /> : <em>the article</em>}
                    {s.speaker && (
                      <>
                        {' via '}
                        <RefLink value={s.speaker} />
                      </>
                    )}{' '}
                    <span class="cue">“{s.cue}”</span>
                  </div>
                  <blockquote>{s.evidence.text}</blockquote>
                  <EvidenceSource source={s} readLabel=" (read in context)">
                    {' '}
                    <SourceGradeBadge value={s.sourceGrade} />
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
