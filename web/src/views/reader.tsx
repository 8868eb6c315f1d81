import { useEffect, useRef, useState } from 'preact/hooks'
import { RefLink, Status } from '../components/common'
import type { Article, ArticleExtraction, NamedRef, Span } from '../api'
import { useApi } from '../use-api'
import { href, safeUrl, type Route } from '../state'
import { primarySpan, segment } from '../highlight'

function spanLink(span: Span): string {
  switch (span.kind) {
    case 'entity':
      return href(['actor', span.ref])
    case 'place':
      return href(['map'], { place: span.ref })
    case 'event':
    case 'date':
      return href(['event', span.ref])
    case 'claim':
      return href(['proposition', span.ref])
  }
}

export function ReaderView({ id, route }: { id: string; route: Route }) {
  const loaded = useApi<Article>(`articles/${encodeURIComponent(id)}`)
  const from = Number(route.query.get('from') ?? NaN)
  const to = Number(route.query.get('to') ?? NaN)
  return (
    <section class="view reader">
      <Status loaded={loaded}>
        {(article) => <ArticleText article={article} focus={Number.isFinite(from) && Number.isFinite(to) ? { from, to } : null} />}
      </Status>
    </section>
  )
}

function ArticleText({ article, focus: linked }: { article: Article; focus: { from: number; to: number } | null }) {
  const body = useRef<HTMLDivElement>(null)
  const [focus, setFocus] = useState(linked)
  useEffect(() => {
    body.current?.querySelector('.focus')?.scrollIntoView({ block: 'center' })
  }, [article.id, focus?.from, focus?.to])
  const weak = article.extraction.claims.filter((claim) => claim.weakCue)
  const url = safeUrl(article.url)
  const counts = { entity: 0, place: 0, date: 0, event: 0, claim: 0 }
  for (const span of article.spans) counts[span.kind]++
  return (
    <div class="reader-layout">
      <article>
        <h1 class="article-title">{article.title ?? 'Untitled article'}</h1>
        <p class="meta">
          {article.source ?? 'unknown outlet'} · {article.published ?? <span class="undated">undated</span>}
          {article.author && ` · ${article.author}`}
          {url && (
            <>
              {' · '}
              <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                original
              </a>
            </>
          )}
          {article.duplicateOf && (
            <>
              {' · near-duplicate of '}
              <a href={href(['article', article.duplicateOf])}>another article</a>
            </>
          )}
        </p>
        <p class="legend">
          <span class="hl-entity">actors ({counts.entity})</span> <span class="hl-place">places ({counts.place})</span>{' '}
          <span class="hl-date">dates ({counts.date})</span> <span class="hl-event">event evidence ({counts.event})</span>{' '}
          <span class="hl-claim">claim evidence ({counts.claim})</span>
        </p>
        <div class="article-text" ref={body}>
          {segment(article.text, article.spans).map((piece) => {
            if (piece.spans.length === 0) return piece.text
            const primary = primarySpan(piece.spans)!
            const kinds = [...new Set(piece.spans.map((span) => `hl-${span.kind}`))].join(' ')
            const focused = focus !== null && piece.start >= focus.from && piece.end <= focus.to
            const doubt = weak.find((claim) => piece.start >= claim.start && piece.end <= claim.end)
            const title = [...piece.spans.map((span) => `${span.kind}: ${span.label}`), ...(doubt ? [`doubt: ${doubt.weakCue}`] : [])].join(
              '\n',
            )
            return (
              <a
                key={piece.start}
                class={`hl ${kinds}${focused ? ' focus' : ''}${doubt ? ' hl-doubt' : ''}`}
                href={spanLink(primary)}
                title={title}
                data-kind={primary.kind}
              >
                {piece.text}
              </a>
            )
          })}
        </div>
        {article.removed.length > 0 && (
          <details class="removed">
            <summary>Removed by cleaning ({article.removed.length} blocks)</summary>
            <ol>
              {article.removed.map((block, i) => (
                <li key={i}>
                  <span class="badge">{block.reason}</span> <span class="removed-text">{block.text}</span>
                </li>
              ))}
            </ol>
          </details>
        )}
      </article>
      <ExtractionPanel extraction={article.extraction} onJump={(from, to) => setFocus({ from, to })} />
    </div>
  )
}

function fatalities(f: { low: number | null; best: number | null; high: number | null }): string {
  if (f.best === null && f.low === null && f.high === null) return ''
  if (f.low !== null && f.high !== null && f.low !== f.high) return `${f.low}–${f.high} killed`
  return `${f.best ?? f.low ?? f.high} killed`
}

const names = (refs: NamedRef[]): string => refs.map((ref) => ref.name).join(', ')

/** What was extracted, beside the text: each entry jumps to its place in the article. */
function ExtractionPanel({ extraction, onJump }: { extraction: ArticleExtraction; onJump: (from: number, to: number) => void }) {
  const jump = (from: number, to: number) => (event: Event) => {
    event.preventDefault()
    onJump(from, to)
  }
  return (
    <aside class="extraction-panel">
      <h2>Events ({extraction.events.length})</h2>
      <ul class="extracted-events">
        {extraction.events.map((e, i) => (
          <li key={i}>
            <a href="#" class="jump" onClick={jump(e.start, e.end)}>
              <span class={`type type-${e.type}`}>{e.type}</span>{' '}
              {e.dateText ?? (e.dateStart ? e.dateStart : <span class="undated">undated</span>)}{' '}
              {fatalities(e.fatalities) && <strong>{fatalities(e.fatalities)}</strong>}
            </a>
            <div class="muted">
              {names(e.actors) || '—'} → {names(e.targets) || '—'} · <a href={href(['event', e.eventId])}>event →</a>
            </div>
          </li>
        ))}
      </ul>
      <h2>Claims ({extraction.claims.length})</h2>
      <ul class="extracted-claims">
        {extraction.claims.map((c, i) => (
          <li key={i} class={c.weakCue ? 'doubt' : ''}>
            <a href="#" class="jump" onClick={jump(c.start, c.end)}>
              <span class={`badge stance-${c.stance}`}>{c.stance}</span> {c.subject.name} {c.relation.replace(/_/g, ' ')}{' '}
              {c.object?.name ?? ''}
            </a>
            <div class="muted">
              by {c.claimant?.name ?? c.speaker?.name ?? 'the article'} · “{c.cue || '—'}”
              {c.weakCue && (
                <span class="doubt-mark" title={c.weakCue}>
                  {' '}
                  ⚠ weak cue
                </span>
              )}{' '}
              · <a href={href(['proposition', c.propositionId])}>proposition →</a>
            </div>
          </li>
        ))}
      </ul>
      <h2>Actors ({extraction.actors.length})</h2>
      <ul class="extracted-names">
        {extraction.actors.map((a) => (
          <li key={a.id}>
            <a href="#" class="jump" onClick={jump(a.start, a.end)}>
              {a.name}
            </a>{' '}
            <span class="muted">×{a.mentions}</span> <RefLink value={{ id: a.id, name: 'profile', kind: a.kind }} />
          </li>
        ))}
      </ul>
      <h2>Places ({extraction.places.length})</h2>
      <ul class="extracted-names">
        {extraction.places.map((p) => (
          <li key={p.id}>
            <a href="#" class="jump" onClick={jump(p.start, p.end)}>
              {p.name}
            </a>{' '}
            <span class="muted">×{p.mentions}</span> <RefLink value={{ id: p.id, name: 'map', kind: p.kind }} />
          </li>
        ))}
      </ul>
    </aside>
  )
}
