import type { Gazetteer } from '../gazetteer/gazetteer.js'
import { foldText } from '../text/normalize.js'
import type { NlpDoc, ParsedArticle, Recognition } from '../record/article.js'
import type { Stage } from '../record/stage.js'
import type { ActorIndex } from './actor-index.js'
import { recognizeDates } from './dates.js'
import { matchKnownActors, recognizeEntities } from './entities.js'
import { lexicon } from '../lexicon/load.js'
import { findPlaceMentions, resolvePlaces } from './places.js'

/** What recognition reads from the run context. */
export interface RecognizeNeeds {
  actors: ActorIndex
  gazetteer: Gazetteer
  referenceDate: string | null
}

/** The recognize stage: known actors first, then the places they leave free, then the other actors and the dates. */
export const recognize: Stage<ParsedArticle, Recognition, RecognizeNeeds> = {
  name: 'recognize',
  reads: ['cleaned', 'doc'],
  adds: ['referenceDate', 'entities', 'places', 'dates', 'focusCountry'],
  uses: ['actors', 'gazetteer', 'referenceDate'],
  run({ cleaned, doc }, { actors, gazetteer, referenceDate: runDate }) {
    const referenceDate = cleaned.published ?? runDate
    const known = matchKnownActors(doc, actors, referenceDate).filter(
      ({ mention, actors: found }) => !isPlaceName(mention.surface, found, actors, gazetteer),
    )
    // actors other than states and governments keep their words from the place finder ("Quetta Shura")
    const blocking = known.filter(({ actors: found }) => !isStateLike(found))
    const mentions = findPlaceMentions(doc, gazetteer, overlapTest(blocking.map(({ mention }) => mention)))
    const countries = countryContext(
      doc,
      mentions,
      known.flatMap((k) => k.actors.map((a) => a.country)),
    )
    const places = resolvePlaces(mentions, { countries })
    const focusCountry = topCountry(countries)
    const entities = recognizeEntities({ doc, index: actors, places, focusCountry, referenceDate }, known)
    const dates = recognizeDates(cleaned.text, referenceDate)
    return { referenceDate, entities, places, dates, focusCountry }
  },
}

function isStateLike(found: readonly { type: string }[]): boolean {
  return found.every((a) => a.type === 'state' || a.type === 'government')
}

/** A bare country or capital name is a place first; it becomes a party only where it acts (recognizeEntities). */
function isPlaceName(surface: string, found: readonly { type: string }[], actors: ActorIndex, gazetteer: Gazetteer): boolean {
  return isStateLike(found) && (actors.metonyms.has(foldText(surface)) || gazetteer.candidates(surface).some((c) => c.kind === 'country'))
}

/**
 * Whether a span overlaps any of `spans`, in log time: spans sorted by start with the running maximum of their
 * ends, so "some span starting before `end` ends after `start`" is one binary search.
 */
function overlapTest(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const maxEnd: number[] = []
  for (const span of sorted) maxEnd.push(Math.max(span.end, maxEnd[maxEnd.length - 1] ?? -Infinity))
  return (start, end) => {
    let lo = 0
    let hi = sorted.length - 1
    let last = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]!.start < end) {
        last = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return last >= 0 && maxEnd[last]! > start
  }
}

/** The countries the article is about, weighted: named countries, places of one country, demonyms, known actors. */
function countryContext(
  doc: NlpDoc,
  mentions: { candidates: { kind: string; country: string | null }[] }[],
  actorCountries: (string | null)[],
): Map<string, number> {
  const counts = new Map<string, number>()
  const bump = (code: string | null | undefined, by: number) => {
    if (code) counts.set(code, (counts.get(code) ?? 0) + by)
  }
  for (const mention of mentions) {
    const country = mention.candidates.find((c) => c.kind === 'country')
    if (country) bump(country.country, 1)
    else if (mention.candidates.length > 0 && new Set(mention.candidates.map((c) => c.country)).size === 1)
      bump(mention.candidates[0]!.country, 0.5)
  }
  const demonyms = lexicon('demonyms')
  for (const token of doc.tokens) bump(demonyms[token.text], 0.5)
  for (const code of actorCountries) bump(code, 0.5)
  return counts
}

function topCountry(counts: Map<string, number>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code
      bestCount = count
    }
  }
  return best
}
