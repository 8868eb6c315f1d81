import type { NlpDoc, Token } from '../nlp/nlp-doc.js'
import type { PlaceEntry } from '../gazetteer/place-entry.js'
import type { Gazetteer } from '../gazetteer/gazetteer.js'
import type { PlaceMention, ResolvedPlace } from '../record/article.js'
import type { PlaceKind } from '../record/record.js'
import { lexicon } from '../lexicon/load.js'
import { placeKey, plainSpelling, slug } from '../text/normalize.js'
import type { LexiconOf } from '../lexicon/files.js'

type PlaceLexicon = LexiconOf<'places'>

export type { PlaceMention, ResolvedPlace } from '../record/article.js'

export interface PlaceContext {
  /** ISO-2 codes of countries the article names or implies (demonyms), with counts. */
  countries: Map<string, number>
}

const MAX_PLACE_TOKENS = 6

/** The lowercase words of a lexicon list, built once per list (the lexicon is loaded once). */
const lowercaseSets = new WeakMap<readonly string[], Set<string>>()
function lowercaseSet(words: readonly string[]): Set<string> {
  let set = lowercaseSets.get(words)
  if (!set) {
    set = new Set(words.map((w) => w.toLowerCase()))
    lowercaseSets.set(words, set)
  }
  return set
}

function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text)
}

/**
 * Finds toponyms: capitalized token runs whose name is in the gazetteer (longest first), and unknown capitalized
 * names that a place word follows ("Nurmak area"). Spans taken by actor names ("Balochistan Liberation Army")
 * are skipped.
 */
export function findPlaceMentions(doc: NlpDoc, gazetteer: Gazetteer, isTaken: (start: number, end: number) => boolean): PlaceMention[] {
  const words = lexicon('places')
  const notPlaces = lowercaseSet(words.notPlaces)
  const mentions: PlaceMention[] = []
  const { tokens } = doc
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!isCapitalized(token)) continue
    const found = longestPlaceAt(doc, gazetteer, i)
    if (!found) {
      const unknown = unknownPlaceAt(doc, i, words, notPlaces, gazetteer)
      if (unknown && !isTaken(unknown.start, unknown.end)) {
        mentions.push(unknown)
        i = unknown.endToken - 1
      }
      continue
    }
    let { endToken, candidates } = found
    // "Mastung district" is the place "Mastung" with a kind word: keep the name, let the word be the hint.
    if (endToken - i >= 2 && words.kindAfter[tokens[endToken - 1]!.folded]) {
      const shorter = gazetteer.candidates(doc.text.slice(token.start, tokens[endToken - 2]!.end)).filter((c) => !isLinearFeature(c))
      if (shorter.length > 0) {
        endToken--
        candidates = shorter
      }
    }
    const start = token.start
    const end = tokens[endToken - 1]!.end
    const surface = doc.text.slice(start, end)
    if (isTaken(start, end)) continue
    if (endToken - i === 1 && notPlaces.has(token.text.toLowerCase())) continue
    if (endToken - i === 1 && token.text.length < 3 && !isAllCaps(token.text)) continue
    if (
      endToken - i === 1 &&
      insideLongerName(tokens, i) &&
      !SITE_WORDS.has(tokens[endToken]?.folded ?? '') &&
      !candidates.some((c) => c.kind === 'country' || c.kind === 'admin1') &&
      !kindHint(tokens, i, endToken, words)
    )
      continue
    mentions.push({
      start,
      end,
      firstToken: i,
      endToken,
      surface,
      kindHint: kindHint(tokens, i, endToken, words),
      locative: isLocative(tokens, i, words),
      candidates,
      dateline: isDateline(doc.text, start, end),
    })
    i = endToken - 1
  }
  return mentions.filter((m) => plausible(m, tokens))
}

/** Datelines open one of the first lines of the body; a report filed from several places has one per story. */
const DATELINE_LINES = 3
/** After the place: more capitalized words, a date, an agency in brackets, then ":" or a dash. */
const DATELINE_TAIL = /^(?:\s*(?:,|\[[^\]\n]{1,30}\]|\([^)\n]{1,30}\)|\p{Lu}[\p{L}.]*|\d{1,4}(?:st|nd|rd|th)?))*\s*(?::|[-–—]{1,2}\s|—)/u

/** "PESHAWAR: …", "Quetta, March 3 (Reuters) - …", "KABUL — …": the place the report was filed from. */
export function isDateline(text: string, start: number, end: number): boolean {
  if (start > 0 && text[start - 1] !== '\n') return false
  if (
    text
      .slice(0, start)
      .split('\n')
      .filter((line) => line.trim()).length >= DATELINE_LINES
  )
    return false
  const tail = DATELINE_TAIL.exec(text.slice(end, end + 60))
  return tail !== null
}

/**
 * "Sheikh Rashid", "Khan Abad Bandar": one word of a longer capitalized name is not a place of its own (but a town
 * before a site word, "the Bannu Cantonment", is where the site is).
 */
function insideLongerName(tokens: readonly Token[], i: number): boolean {
  const nameWord = (t: Token | undefined) =>
    t !== undefined && t.sentence === tokens[i]!.sentence && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(t.text)
  const sentenceStart = i === 0 || tokens[i - 1]!.sentence !== tokens[i]!.sentence
  return (!sentenceStart && nameWord(tokens[i - 1])) || nameWord(tokens[i + 1])
}

function isAllCaps(text: string): boolean {
  return /^\p{Lu}+$/u.test(text)
}

function longestPlaceAt(doc: NlpDoc, gazetteer: Gazetteer, from: number): { endToken: number; candidates: PlaceEntry[] } | undefined {
  const { tokens } = doc
  const sentence = tokens[from]!.sentence
  const limit = Math.min(tokens.length, from + Math.min(MAX_PLACE_TOKENS, gazetteer.maxNameTokens + 2))
  // A place name is a run of capitalized words, joined by hyphens or by "and"/"of"/"e"/"al" ("Sistan and
  // Baluchestan", "Dera Ismail Khan"), with at most one kind word after it ("Mastung district").
  let endOfRun = from
  while (endOfRun < limit && tokens[endOfRun]!.sentence === sentence) {
    const token = tokens[endOfRun]!
    const joins = /^(?:and|of|e|i|al|ul|o|va|-|–|’s|'s)$/.test(token.text) && endOfRun > from
    if (!/^[\p{Lu}\p{N}]/u.test(token.text) && !joins) {
      if (/^[\p{Ll}]/u.test(token.text) && endOfRun > from) endOfRun++
      break
    }
    endOfRun++
  }
  for (let end = endOfRun; end > from; end--) {
    const last = tokens[end - 1]!
    if (!/[\p{L}\p{N}]/u.test(last.text)) continue
    const surface = doc.text.slice(tokens[from]!.start, last.end)
    const candidates = gazetteer.candidates(surface).filter((c) => !isLinearFeature(c))
    if (candidates.length > 0) return { endToken: end, candidates }
  }
  return undefined
}

/** Roads, corridors and border lines are not places an event happens at: they have no point. */
function isLinearFeature(entry: PlaceEntry): boolean {
  return (
    (entry.kind === 'feature' || entry.kind === 'region') &&
    /\b(highway|road|corridor|line|motorway|route|railway|expressway|border)$/i.test(entry.name)
  )
}

const UNKNOWN_KIND_WORDS = new Set(lexicon('places').unknownKindWords)
/** Sites named with their kind word, which belongs to the name: "Id Gah mosque", "Qissa Khwani bazaar". */
const SITE_WORDS = new Set(lexicon('places').siteWords)

function unknownPlaceAt(
  doc: NlpDoc,
  from: number,
  words: PlaceLexicon,
  notPlaces: Set<string>,
  gazetteer: Gazetteer,
): PlaceMention | undefined {
  const { tokens } = doc
  let end = from
  while (
    end < tokens.length &&
    end - from < 3 &&
    tokens[end]!.sentence === tokens[from]!.sentence &&
    isCapitalized(tokens[end]!) &&
    tokens[end]!.pos === 'PROPN'
  )
    end++
  if (end === from || end >= tokens.length) return undefined
  const next = tokens[end]!
  const site = SITE_WORDS.has(next.folded) && next.sentence === tokens[from]!.sentence
  if ((!UNKNOWN_KIND_WORDS.has(next.folded) && !site) || !isLocative(tokens, from, words)) return undefined
  if (site) end++
  if (tokens.slice(from, end).some((t) => notPlaces.has(t.text.toLowerCase()))) return undefined
  const surface = doc.text.slice(tokens[from]!.start, tokens[end - 1]!.end)
  if (gazetteer.candidates(surface).length > 0) return undefined
  return {
    start: tokens[from]!.start,
    end: tokens[end - 1]!.end,
    firstToken: from,
    endToken: end,
    surface,
    kindHint: site ? 'feature' : (words.kindAfter[next.folded] ?? 'locality'),
    locative: true,
    candidates: [],
    // an unknown place needs "in/at" before it, so it never opens a line as a dateline does
    dateline: false,
  }
}

function kindHint(tokens: readonly Token[], first: number, end: number, words: PlaceLexicon): PlaceKind | null {
  const after = tokens[end]
  if (after && after.sentence === tokens[first]!.sentence && words.kindAfter[after.folded]) return words.kindAfter[after.folded]!
  const before = tokens
    .slice(Math.max(0, first - 2), first)
    .map((t) => t.folded)
    .join(' ')
  for (const [phrase, kind] of Object.entries(words.kindBefore)) if (before.endsWith(phrase)) return kind
  return null
}

function isLocative(tokens: readonly Token[], first: number, words: PlaceLexicon): boolean {
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const t = tokens[i]!
    if (words.locativeBefore.includes(t.folded)) return true
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'PUNCT') return false
  }
  return false
}

/** Small or far places need a place cue; countries and the region's provinces stand on their own. */
function plausible(mention: PlaceMention, tokens: readonly Token[]): boolean {
  if (mention.candidates.length === 0) return true
  const strong = mention.candidates.some(
    (c) => c.kind === 'country' || c.kind === 'admin1' || c.kind === 'region' || c.id.startsWith('sitrep:') || c.population >= 50_000,
  )
  if (strong) return true
  if (mention.kindHint || mention.locative) return true
  const single = mention.endToken - mention.firstToken === 1
  return !single && tokens[mention.firstToken]!.pos === 'PROPN'
}

const KIND_PRIOR: Record<PlaceKind, number> = { country: 3, admin1: 1.2, admin2: 0.8, region: 0.8, city: 1, locality: 0, feature: 0.6 }

/**
 * Ranks each mention's candidates (Mordecai-style: candidates, features, then a choice, where "none" wins when
 * nothing fits) and groups the mentions of one place. Features: the kind the context names, the countries the
 * article is about, a province named in the article, curated over derived records, and population.
 */
/** The mentions of an article's places that are its datelines, for extraction to pass over as event places. */
export function datelineMentions(places: readonly ResolvedPlace[]): PlaceMention[] {
  return places.flatMap((place) => place.mentions.filter((mention) => mention.dateline))
}

export function resolvePlaces(mentions: PlaceMention[], context: PlaceContext): ResolvedPlace[] {
  const admin1Named = new Set<string>()
  for (const m of mentions) for (const c of m.candidates) if (c.kind === 'admin1') admin1Named.add(`${c.country}:${c.name}`)
  const totalCountry = [...context.countries.values()].reduce((a, b) => a + b, 0) || 1
  // One sense per article: every mention of a name resolves to the same place, decided with all their cues.
  const byName = new Map<string, PlaceMention[]>()
  for (const mention of mentions) {
    const key = placeKey(mention.surface)
    byName.set(key, [...(byName.get(key) ?? []), mention])
  }
  const byId = new Map<string, ResolvedPlace>()
  for (const group of byName.values()) {
    const { entry, via } = choose(group, context, admin1Named, totalCountry)
    if (entry === undefined) continue
    const id = entry?.id ?? `place:x-${slug(group[0]!.surface)}`
    let place = byId.get(id)
    if (!place) {
      place = {
        id,
        entry,
        name: entry ? preferredName(entry, group) : group[0]!.surface,
        kind: entry?.kind ?? group[0]!.kindHint ?? 'locality',
        country: entry?.country ?? null,
        mentions: [],
        via,
      }
      byId.set(id, place)
    }
    place.mentions.push(...group)
  }
  for (const place of byId.values()) place.mentions.sort((a, b) => a.start - b.start)
  return [...byId.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
}

/**
 * Ranks a name's candidates (Mordecai-style: candidates, features, then a choice, where "none" wins when nothing
 * fits; `undefined` = not a place at all). Features: the kind the context names, the countries the article is
 * about, a province named in the article, a match on the main name rather than an alternate one, curated over
 * derived records, and population.
 */
function choose(
  group: PlaceMention[],
  context: PlaceContext,
  admin1Named: Set<string>,
  totalCountry: number,
): { entry: PlaceEntry | null | undefined; via: ResolvedPlace['via'] } {
  const candidates = group[0]!.candidates
  if (candidates.length === 0) return { entry: null, via: 'kind-word' }
  const country = candidates.find((c) => c.kind === 'country')
  if (country) return { entry: country, via: 'gazetteer-country' }
  const hints = new Set(group.map((m) => m.kindHint).filter((h): h is PlaceKind => h !== null))
  const surface = placeKey(group[0]!.surface)
  let best: PlaceEntry | undefined
  let bestScore = -Infinity
  for (const candidate of candidates) {
    const inContext = candidate.country !== null && context.countries.has(candidate.country)
    const mainName = placeKey(candidate.name) === surface
    // A far-away place known here only by an alternate name ("Bandar" for an Indian port) is not what the text means.
    if (!mainName && !inContext && !candidate.id.startsWith('sitrep:') && candidate.kind !== 'admin1') continue
    let score = KIND_PRIOR[candidate.kind] + Math.log10(candidate.population + 10) / 2
    if ([...hints].some((hint) => kindFits(hint, candidate.kind))) score += 4
    if (candidate.country) score += (3 * (context.countries.get(candidate.country) ?? 0)) / totalCountry
    if (candidate.admin1 && admin1Named.has(`${candidate.country}:${candidate.admin1}`)) score += 1.5
    if (candidate.id.startsWith('sitrep:')) score += 0.5
    if (mainName) score += 1.5
    // A bare "Kabul" or "Quetta" is the city: the province or district of the same name needs its word.
    if (
      hints.size === 0 &&
      (candidate.kind === 'city' || candidate.kind === 'locality') &&
      candidates.some((c) => c !== candidate && c.country === candidate.country && (c.kind === 'admin1' || c.kind === 'admin2'))
    )
      score += 2
    if (score > bestScore) {
      bestScore = score
      best = candidate
    }
  }
  return best ? { entry: best, via: 'gazetteer-ranked' } : { entry: undefined, via: 'kind-word' }
}

/** The name the article uses when it is one of the place's names ("China", not "People's Republic of China"). */
function preferredName(entry: PlaceEntry, group: PlaceMention[]): string {
  const names = new Map([entry.name, ...entry.altNames].map((n) => [placeKey(n), n]))
  const counts = new Map<string, number>()
  for (const m of group) {
    const key = placeKey(m.surface)
    if (names.has(key) && /^\p{Lu}/u.test(m.surface) && m.surface !== m.surface.toUpperCase())
      counts.set(m.surface, (counts.get(m.surface) ?? 0) + 1)
  }
  const used = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  return used ?? displayName(entry)
}

function kindFits(hint: PlaceKind, kind: PlaceKind): boolean {
  if (hint === kind) return true
  if (hint === 'city') return kind === 'locality'
  if (hint === 'locality') return kind === 'city' || kind === 'feature'
  return false
}

/** Gazetteer names carry diacritics ("Kandahār"); analysts and matching expect the plain English spelling. */
export function displayName(entry: PlaceEntry): string {
  return plainSpelling(entry.name)
}
