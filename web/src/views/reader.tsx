import { useEffect, useRef } from 'preact/hooks'
import { Status } from '../components/common'
import type { Article, Span } from '../api'
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
      <Status loaded={loaded}>{(article) => <ArticleText article={article} focus={Number.isFinite(from) && Number.isFinite(to) ? { from, to } : null} />}</Status>
    </section>
  )
}

function ArticleText({ article, focus }: { article: Article; focus: { from: number; to: number } | null }) {
  const body = useRef<HTMLDivElement>(null)
  useEffect(() => {
    body.current?.querySelector('.focus')?.scrollIntoView({ block: 'center' })
  }, [article.id, focus?.from, focus?.to])
  const url = safeUrl(article.url)
  const counts = { entity: 0, place: 0, date: 0, event: 0, claim: 0 }
  for (const span of article.spans) counts[span.kind]++
  return (
    <article>
      <h1 class="article-title">{article.title ?? 'Untitled article'}</h1>
      <p class="meta">
        {article.source ?? 'unknown outlet'} · {article.published ?? 'undated'}
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
        <span class="hl-entity">actors ({counts.entity})</span> <span class="hl-place">places ({counts.place})</span> <span class="hl-date">dates ({counts.date})</span> <span class="hl-event">event evidence ({counts.event})</span>{' '}
        <span class="hl-claim">claim evidence ({counts.claim})</span>
      </p>
      <div class="article-text" ref={body}>
        {segment(article.text, article.spans).map((piece) => {
          if (piece.spans.length === 0) return piece.text
          const primary = primarySpan(piece.spans)!
          const kinds = [...new Set(piece.spans.map((span) => `hl-${span.kind}`))].join(' ')
          const focused = focus !== null && piece.start >= focus.from && piece.end <= focus.to
          const title = piece.spans.map((span) => `${span.kind}: ${span.label}`).join('\n')
          return (
            <a key={piece.start} class={`hl ${kinds}${focused ? ' focus' : ''}`} href={spanLink(primary)} title={title} data-kind={primary.kind}>
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
  )
}
