import type { Store } from '../open-store.js'
import { namesOf, refOf } from './names.js'
import { articleExtraction } from './article-extraction.js'
import type { ArticleView, HighlightSpan } from '../../contract/index.js'
export type { ArticleView, HighlightSpan }

/** One article as the reader shows it: cleaned text, removed blocks, highlight spans and the side panel. */

/** The store keeps an event's date words but not where they are: found again inside the event's evidence. */
function dateSpan(
  text: string,
  event: {
    event_id: string
    evidence_start: number
    evidence_end: number
    date_text: string | null
    date_start: string | null
    date_end: string | null
  },
): HighlightSpan[] {
  if (!event.date_text) return []
  const from = Number(event.evidence_start)
  const at = text.slice(from, Number(event.evidence_end)).indexOf(event.date_text)
  if (at < 0) return []
  const resolved = event.date_start
    ? event.date_end && event.date_end !== event.date_start
      ? `${event.date_start} – ${event.date_end}`
      : event.date_start
    : 'unresolved'
  return [
    {
      start: from + at,
      end: from + at + event.date_text.length,
      kind: 'date',
      ref: event.event_id,
      label: `${event.date_text} (${resolved})`,
    },
  ]
}

export async function getArticle(store: Store, id: string): Promise<ArticleView | null> {
  const article = await store.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!article) return null
  const [entities, places, events, claims] = await Promise.all([
    store.db.selectFrom('entity_mentions').select(['entity_id', 'start', 'end']).where('article_id', '=', id).execute(),
    store.db.selectFrom('place_mentions').select(['place_id', 'start', 'end']).where('article_id', '=', id).execute(),
    store.db
      .selectFrom('event_sources')
      .innerJoin('events', 'events.id', 'event_sources.event_id')
      .select([
        'event_sources.event_id',
        'events.type',
        'event_sources.evidence_start',
        'event_sources.evidence_end',
        'event_sources.date_text',
        'event_sources.date_start',
        'event_sources.date_end',
      ])
      .where('event_sources.article_id', '=', id)
      .execute(),
    store.db
      .selectFrom('claims')
      .select(['proposition_id', 'relation', 'stance', 'evidence_start', 'evidence_end'])
      .where('article_id', '=', id)
      .execute(),
  ])
  const names = await namesOf(store, [...entities.map((m) => m.entity_id), ...places.map((m) => m.place_id)])
  const spans: HighlightSpan[] = [
    ...entities.map((m) => ({
      start: Number(m.start),
      end: Number(m.end),
      kind: 'entity' as const,
      ref: m.entity_id,
      label: refOf(names, m.entity_id).name,
    })),
    ...places.map((m) => ({
      start: Number(m.start),
      end: Number(m.end),
      kind: 'place' as const,
      ref: m.place_id,
      label: refOf(names, m.place_id).name,
    })),
    ...events.map((e) => ({
      start: Number(e.evidence_start),
      end: Number(e.evidence_end),
      kind: 'event' as const,
      ref: e.event_id,
      label: e.type,
    })),
    ...claims.map((c) => ({
      start: Number(c.evidence_start),
      end: Number(c.evidence_end),
      kind: 'claim' as const,
      ref: c.proposition_id,
      label: `${c.stance} ${c.relation}`,
    })),
    ...events.flatMap((e) => dateSpan(article.text, e)),
  ]
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    author: article.author,
    published: article.published,
    inputName: article.input_name,
    ingestedAt: article.ingested_at,
    duplicateOf: article.duplicate_of,
    text: article.text,
    removed: JSON.parse(article.removed) as { text: string; reason: string }[],
    spans,
    extraction: await articleExtraction(store, article.id),
  }
}
