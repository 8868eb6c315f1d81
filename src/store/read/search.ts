import { sql } from 'kysely'
import type { Store } from '../open-store.js'
import { entityKey } from '../../text/normalize.js'
import type { NameHit, SearchHit } from '../../contract/index.js'
export type { NameHit, SearchHit }

/** Search: articles by full text, actors and places by name. */

/** Full-text search: words are ANDed, "quoted phrases" kept, trailing * a prefix. */
export async function searchArticles(store: Store, query: string, limit = 20): Promise<SearchHit[]> {
  const terms = searchTerms(query)
  if (terms.length === 0) return []
  if (store.dialect === 'sqlite') {
    const match = terms.map((term) => (term.prefix ? `"${term.text}"*` : `"${term.text}"`)).join(' ')
    const result = await sql<RawHit>`
      SELECT a.id, a.title, a.url, a.source, a.published, a.duplicate_of,
             snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
      FROM articles_fts JOIN articles a ON a.doc_no = articles_fts.rowid
      WHERE articles_fts MATCH ${match}
      ORDER BY bm25(articles_fts, 5.0, 1.0), a.doc_no
      LIMIT ${limit}`.execute(store.db)
    return result.rows.map(hitOf)
  }
  const tsquery = terms.map((term) => postgresTerm(term)).join(' & ')
  const result = await sql<RawHit>`
    SELECT a.id, a.title, a.url, a.source, a.published, a.duplicate_of,
           ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=14, MinWords=6') AS snippet
    FROM articles a, to_tsquery('english', ${tsquery}) q
    WHERE a.search @@ q
    ORDER BY ts_rank(a.search, q) DESC, a.doc_no
    LIMIT ${limit}`.execute(store.db)
  return result.rows.map(hitOf)
}

interface RawHit {
  id: string
  title: string | null
  url: string | null
  source: string | null
  published: string | null
  duplicate_of: string | null
  snippet: string
}

function hitOf(row: RawHit): SearchHit {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    source: row.source,
    published: row.published,
    duplicateOf: row.duplicate_of,
    snippet: row.snippet,
  }
}

interface SearchTerm {
  text: string
  prefix: boolean
}

export function searchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  for (const match of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const raw = match[1] ?? match[2] ?? ''
    const prefix = match[2] !== undefined && raw.endsWith('*')
    const text = entityKey(raw)
    if (text !== '') terms.push({ text, prefix })
  }
  return terms
}

function postgresTerm(term: SearchTerm): string {
  const words = term.text.split(' ').map((word) => `'${word}'`)
  const phrase = words.join(' <-> ')
  return term.prefix ? `${phrase}:*` : words.length > 1 ? `(${phrase})` : phrase
}

/** Actors and places whose names contain the query, known names first. */
export async function searchNames(store: Store, query: string, limit: number): Promise<{ actors: NameHit[]; places: NameHit[] }> {
  const key = entityKey(query)
  if (key === '') return { actors: [], places: [] }
  const pattern = `%${key}%`
  const actorRows = await store.db
    .selectFrom('entity_names')
    .innerJoin('entities', 'entities.id', 'entity_names.entity_id')
    .select(['entities.id', 'entities.name', 'entities.type', 'entities.known'])
    .where('entity_names.name_key', 'like', pattern)
    .distinct()
    .orderBy('entities.known', 'desc')
    .orderBy('entities.name')
    .limit(limit)
    .execute()
  const placeRows = await store.db
    .selectFrom('places')
    .select(['id', 'name', 'kind'])
    .where('name_key', 'like', pattern)
    .orderBy('name')
    .limit(limit)
    .execute()
  return {
    actors: actorRows.map((row) => ({ id: row.id, name: row.name, kind: 'entity' as const, type: row.type })),
    places: placeRows.map((row) => ({ id: row.id, name: row.name, kind: 'place' as const, type: row.kind })),
  }
}
