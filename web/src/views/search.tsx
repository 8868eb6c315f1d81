import { useState } from 'preact/hooks'
import { RefLink, Status } from '../components/common'
import type { SearchResult } from '../api'
import { useApi } from '../use-api'
import { href, type Route } from '../state'

/** Search snippets mark matches with [ and ]; render them as <mark> text, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/)
  return (
    <span class="snippet">
      {parts.map((part, i) => (part.startsWith('[') && part.endsWith(']') ? <mark key={i}>{part.slice(1, -1)}</mark> : part))}
    </span>
  )
}

export function SearchView({ route }: { route: Route }) {
  const q = route.query.get('q') ?? ''
  const [text, setText] = useState(q)
  const result = useApi<SearchResult>(q.trim() ? 'search' : null, { q, limit: 30 })
  return (
    <section class="view search">
      <h1>Search</h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault()
          location.hash = href(['search'], { q: text })
        }}
      >
        <input
          name="q"
          type="search"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder="words, &quot;a phrase&quot;, prefix*"
          size={40}
        />
        <button type="submit">Search</button>
      </form>
      {q.trim() && (
        <Status loaded={result}>
          {(data) => (
            <div class="columns">
              <div>
                <h2>Articles ({data.articles.length})</h2>
                <ol class="hits">
                  {data.articles.map((hit) => (
                    <li key={hit.id}>
                      <a href={href(['article', hit.id])}>{hit.title ?? 'Untitled article'}</a>{' '}
                      <span class="muted">
                        {hit.source ?? ''} {hit.published ?? ''}
                      </span>
                      <div>
                        <Snippet text={hit.snippet} />
                      </div>
                    </li>
                  ))}
                </ol>
              </div>
              <div>
                <h2>Actors ({data.actors.length})</h2>
                <ul>
                  {data.actors.map((actor) => (
                    <li key={actor.id}>
                      <RefLink value={actor} /> <span class="muted">{actor.type}</span>
                    </li>
                  ))}
                </ul>
                <h2>Places ({data.places.length})</h2>
                <ul>
                  {data.places.map((place) => (
                    <li key={place.id}>
                      <RefLink value={place} /> <span class="muted">{place.type}</span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
        </Status>
      )}
    </section>
  )
}
