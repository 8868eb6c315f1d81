import type { Store } from '../open-store.js'
import { namesOf, refOf, numberOrNull, type NamedRef } from './names.js'
import { weakCueReason } from '../cue-strength.js'
import type { ArticleExtraction, ExtractedClaim, ExtractedEvent, ExtractedName, StatementParts } from '../../contract/index.js'
export type { ArticleExtraction, ExtractedClaim, ExtractedEvent, ExtractedName, StatementParts }

/** What was extracted from one article, listed for the reader's side panel, each with where it sits in the text. */

/** A stored claim row with its parties named (`names` from namesOf). */
export function statementParts(
  row: {
    proposition_id: string
    stance: string
    cue: string
    claimant: string | null
    speaker: string | null
    subject: string
    relation: string
    object: string | null
  },
  names: Map<string, NamedRef>,
): StatementParts {
  return {
    propositionId: row.proposition_id,
    stance: row.stance,
    cue: row.cue,
    weakCue: weakCueReason(row.cue),
    claimant: row.claimant ? refOf(names, row.claimant) : null,
    speaker: row.speaker ? refOf(names, row.speaker) : null,
    subject: refOf(names, row.subject),
    relation: row.relation,
    object: row.object ? refOf(names, row.object) : null,
  }
}

export async function articleExtraction(store: Store, articleId: string): Promise<ArticleExtraction> {
  const [events, claims, entityMentions, placeMentions] = await Promise.all([
    store.db
      .selectFrom('event_sources')
      .innerJoin('events', 'events.id', 'event_sources.event_id')
      .select([
        'event_sources.event_id',
        'events.type',
        'event_sources.date_text',
        'event_sources.date_start',
        'event_sources.date_end',
        'event_sources.fatalities_low',
        'event_sources.fatalities_best',
        'event_sources.fatalities_high',
        'event_sources.actors',
        'event_sources.targets',
        'event_sources.evidence_start',
        'event_sources.evidence_end',
      ])
      .where('event_sources.article_id', '=', articleId)
      .orderBy('event_sources.evidence_start')
      .execute(),
    store.db
      .selectFrom('claims')
      .select(['proposition_id', 'stance', 'cue', 'claimant', 'speaker', 'subject', 'relation', 'object', 'evidence_start', 'evidence_end'])
      .where('article_id', '=', articleId)
      .orderBy('evidence_start')
      .orderBy('ordinal')
      .execute(),
    store.db
      .selectFrom('entity_mentions')
      .select(['entity_id as id', 'start', 'end'])
      .where('article_id', '=', articleId)
      .orderBy('start')
      .execute(),
    store.db
      .selectFrom('place_mentions')
      .select(['place_id as id', 'start', 'end'])
      .where('article_id', '=', articleId)
      .orderBy('start')
      .execute(),
  ])
  const parsed = events.map((row) => ({ row, actors: JSON.parse(row.actors) as string[], targets: JSON.parse(row.targets) as string[] }))
  const ids = [
    ...parsed.flatMap(({ actors, targets }) => [...actors, ...targets]),
    ...claims.flatMap((row) => [row.claimant, row.speaker, row.subject, row.object].filter((id): id is string => id !== null)),
    ...entityMentions.map((row) => row.id),
    ...placeMentions.map((row) => row.id),
  ]
  const names = await namesOf(store, ids)
  return {
    events: parsed.map(({ row, actors, targets }) => ({
      eventId: row.event_id,
      type: row.type,
      dateText: row.date_text,
      dateStart: row.date_start,
      dateEnd: row.date_end,
      fatalities: {
        low: numberOrNull(row.fatalities_low),
        best: numberOrNull(row.fatalities_best),
        high: numberOrNull(row.fatalities_high),
      },
      actors: actors.map((id) => refOf(names, id)),
      targets: targets.map((id) => refOf(names, id)),
      start: Number(row.evidence_start),
      end: Number(row.evidence_end),
    })),
    claims: claims.map((row) => ({
      ...statementParts(row, names),
      start: Number(row.evidence_start),
      end: Number(row.evidence_end),
    })),
    actors: namesWithMentions(entityMentions, names),
    places: namesWithMentions(placeMentions, names),
  }
}

function namesWithMentions(mentions: { id: string; start: number; end: number }[], names: Map<string, NamedRef>): ExtractedName[] {
  const byId = new Map<string, ExtractedName>()
  for (const mention of mentions) {
    const entry = byId.get(mention.id)
    if (entry) entry.mentions++
    else byId.set(mention.id, { ...refOf(names, mention.id), mentions: 1, start: Number(mention.start), end: Number(mention.end) })
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.start - b.start)
}
