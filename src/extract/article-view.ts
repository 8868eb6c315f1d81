import type { KnowledgeBase } from '../kb/load-kb.js'
import type { DateMention, NlpDoc, RecognizedArticle, RecognizedEntity } from '../record/article.js'
import type { EntityType, PlaceKind, Span } from '../record/record.js'
import { lexicon } from '../lexicon/load.js'
import { allMatches, alternativesInOrder } from '../lexicon/pattern.js'
import { AnchorScan, requiredAnchors } from './pattern-anchors.js'

/** A mention of an actor or a place, as the extractors see it. */
export interface Ref extends Span {
  kind: 'entity' | 'place'
  id: string
  /** Entity type, or "place". */
  type: EntityType | 'place'
  placeKind: PlaceKind | null
  country: string | null
  /** The province a place lies in (its own name for a province); null for actors, countries and unknowns. */
  province?: string | null
  /** Where a place lies, when the gazetteer knows. */
  point?: { lat: number; lon: number } | null
  sentence: number
  /** Offsets of the words that referred (for pronouns and descriptions, the pronoun itself). */
  via: string
}

/** One sentence with its references masked as «E0», «P1» so that relation patterns read like plain regexes. */
export interface MaskedSentence {
  index: number
  start: number
  end: number
  text: string
  masked: string
  refs: Ref[]
  /** Offset in `masked` of each ref's placeholder. */
  refAt: number[]
  dates: DateMention[]
}

export interface ArticleView {
  analysis: RecognizedArticle
  doc: NlpDoc
  sentences: MaskedSentence[]
  typeOf: Map<string, EntityType | 'place'>
  /** The country place each ISO-2 code has in this article, if named. */
  countryPlace: Map<string, string>
  /** The acting government of a country place ("Afghanistan" → the Taliban), when the article names it. */
  governmentOf: Map<string, Ref>
  /** The article's entities by id (extractors look actors up per frame; a scan would be quadratic). */
  entityById: Map<string, RecognizedEntity>
  /** The whole knowledge base by id, for actors the article does not name (a spokesperson's unnamed body). */
  knownActors: KnowledgeBase['byId']
}

const ROLES = lexicon('demonym-roles')

const ATTACK_BY_DEMONYM = new RegExp(
  String.raw`\b(${alternativesInOrder(ROLES.attackers)})(?=\s+(?:${ROLES.strikeWords.join('|')})\b)`,
  'g',
)

// "Indian-sponsored", "Iranian-backed": the demonym's state is the backer
const SPONSOR_BY_DEMONYM = new RegExp(
  String.raw`\b(${alternativesInOrder(ROLES.sponsors)})(?=[-‑–](?:${lexicon('actors').partyBackingWords.join('|')})\b)`,
  'g',
)

const SOIL = new RegExp(
  String.raw`\b(${alternativesInOrder(ROLES.territory)})(?:\s+(?:${ROLES.territoryWords.join('|')})\b|(?=-based\b))`,
  'g',
)

/** Builds the masked sentences once per article; every extractor reads them. */
export function buildArticleView(analysis: RecognizedArticle, kb: KnowledgeBase): ArticleView {
  const { doc } = analysis
  const typeOf = new Map<string, EntityType | 'place'>()
  const countryPlace = new Map<string, string>()
  const refs: Ref[] = []
  for (const entity of analysis.entities) {
    typeOf.set(entity.id, entity.type)
    for (const m of entity.mentions) {
      refs.push({
        kind: 'entity',
        id: entity.id,
        type: entity.type,
        placeKind: null,
        country: entity.country,
        start: m.start,
        end: m.end,
        sentence: -1,
        via: m.via,
      })
    }
  }
  for (const place of analysis.places) {
    typeOf.set(place.id, 'place')
    if (place.kind === 'country' && place.country) countryPlace.set(place.country, place.id)
    for (const m of place.mentions) {
      refs.push({
        kind: 'place',
        id: place.id,
        type: 'place',
        placeKind: place.kind,
        country: place.country,
        province: place.kind === 'admin1' ? place.name : (place.entry?.admin1 ?? null),
        point: place.entry?.lat != null && place.entry.lon != null ? { lat: place.entry.lat, lon: place.entry.lon } : null,
        start: m.start,
        end: m.end,
        sentence: -1,
        via: m.dateline ? 'dateline' : 'name',
      })
    }
  }
  const demonyms = lexicon('demonyms')
  for (const match of doc.text.matchAll(SOIL)) {
    const code = demonyms[match[1]!]
    const placeId = code ? countryPlace.get(code) : undefined
    if (!placeId) continue
    const start = match.index!
    refs.push({
      kind: 'place',
      id: placeId,
      type: 'place',
      placeKind: 'country',
      country: code!,
      start,
      end: start + match[0].length,
      sentence: -1,
      via: 'soil',
    })
  }
  const stateOf = firstStateByCountry(analysis.entities)
  // "Pakistani air strikes", "Iranian missiles": the state of the demonym did it, when the article names that state
  refs.push(...demonymStates(doc.text, ATTACK_BY_DEMONYM, 'demonym-attack', (code) => stateOf.get(code)))
  // "the Indian-sponsored Fitna al-Hindustan": a backer named only by its demonym is its state, named in the article or not
  refs.push(...demonymStates(doc.text, SPONSOR_BY_DEMONYM, 'demonym-sponsor', (code) => stateOf.get(code) ?? knownState(kb, code)))
  refs.sort((a, b) => a.start - b.start || b.end - a.end)
  const sentences: MaskedSentence[] = []
  const datesOf = datesBySentence(doc.sentences, analysis.dates)
  let r = 0
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s]!
    while (r < refs.length && refs[r]!.start < sentence.start) r++
    const inside: Ref[] = []
    let lastEnd = -1
    for (let k = r; k < refs.length && refs[k]!.start < sentence.end; k++) {
      const ref = refs[k]!
      if (ref.end > sentence.end) continue
      if (ref.start < lastEnd) {
        // "The US State Department": a body's longer name wins over the place its first words name
        const last = inside[inside.length - 1]
        if (!last || !overridesPlace(ref, last)) continue
        inside.pop()
      }
      inside.push({ ...ref, sentence: s })
      lastEnd = ref.end
    }
    sentences.push(mask(doc.text, sentence.start, sentence.end, s, inside, datesOf[s]!))
  }
  resolveDescriptions(sentences, typeOf)
  locateByContainment(sentences)
  const entityById = new Map(analysis.entities.map((e) => [e.id, e]))
  const governmentOf = governments(analysis, countryPlace)
  return { analysis, doc, sentences, typeOf, countryPlace, governmentOf, entityById, knownActors: kb.byId }
}

function overridesPlace(ref: Ref, last: Ref): boolean {
  return ref.kind === 'entity' && last.kind === 'place' && ref.end > last.end && ref.end - ref.start > last.end - last.start
}

const PLACE_IN_PLACE = /«P(\d+)»,?\s+(?:in|of)\s+(?:the\s+)?(?:(?:old\s+)?city\s+of\s+)?«P(\d+)»/g

/**
 * "A mosque in Qissa Khwani bazaar in Peshawar": a place the gazetteer cannot locate, told as lying in a city it
 * can, lies there (its mentions take the city's point and province, for merging the mentions of one incident).
 */
function locateByContainment(sentences: MaskedSentence[]): void {
  const within = new Map<string, Ref>()
  for (const sentence of sentences)
    for (const match of sentence.masked.matchAll(PLACE_IN_PLACE)) {
      const inner = sentence.refs[Number(match[1])]
      const city = sentence.refs[Number(match[2])]
      if (inner?.kind !== 'place' || city?.kind !== 'place' || inner.point || city.placeKind !== 'city' || !city.point) continue
      if (inner.placeKind !== 'feature' && inner.placeKind !== 'locality') continue
      if (!within.has(inner.id)) within.set(inner.id, city)
    }
  if (within.size === 0) return
  for (const sentence of sentences)
    for (const ref of sentence.refs) {
      const city = within.get(ref.id)
      if (city && !ref.point) Object.assign(ref, { point: city.point, province: ref.province ?? city.province ?? null })
    }
}

/** The first state entity of each country, in the article's order. */
/** The state refs of the demonyms `pattern` finds (its first group), when `stateOf` knows the demonym's state. */
function demonymStates(text: string, pattern: RegExp, via: string, stateOf: (code: string) => { id: string } | undefined): Ref[] {
  const demonyms = lexicon('demonyms')
  const refs: Ref[] = []
  for (const match of text.matchAll(pattern)) {
    const code = demonyms[match[1]!]
    const state = code ? stateOf(code) : undefined
    if (!code || !state) continue
    const start = match.index!
    refs.push({
      kind: 'entity',
      id: state.id,
      type: 'state',
      placeKind: null,
      country: code,
      start,
      end: start + match[1]!.length,
      sentence: -1,
      via,
    })
  }
  return refs
}

/** A state, its government or its forces: a party that acts for a country. */
export const isOfficial = (r: Ref) => r.type === 'state' || r.type === 'government' || r.type === 'security_force'

/** A state, its government and its forces are one side: what a state says its army did is no accusation. */
export function sameSide(a: Ref, b: Ref): boolean {
  return isOfficial(a) && isOfficial(b) && a.country !== null && a.country === b.country
}

/** The knowledge base's state of a country code. */
function knownState(kb: KnowledgeBase, code: string): { id: string } | undefined {
  return kb.actors.find((a) => a.type === 'state' && a.country === code)
}

function firstStateByCountry(entities: readonly RecognizedEntity[]): Map<string | null, RecognizedEntity> {
  const result = new Map<string | null, RecognizedEntity>()
  for (const e of entities) if (e.type === 'state' && !result.has(e.country)) result.set(e.country, e)
  return result
}

/**
 * The dates lying wholly inside each sentence, in the order of `dates`. Sentences do not overlap, so a date
 * belongs to the sentence its start falls in, found by binary search (one pass instead of one per sentence).
 */
function datesBySentence(sentences: readonly { start: number; end: number }[], dates: readonly DateMention[]): DateMention[][] {
  const result: DateMention[][] = sentences.map(() => [])
  for (const date of dates) {
    let lo = 0
    let hi = sentences.length - 1
    let at = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (sentences[mid]!.start <= date.start) {
        at = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    const sentence = sentences[at]
    if (sentence && date.end <= sentence.end) result[at]!.push(date)
  }
  return result
}

/** Which actor of the article governs each named country: the one the country's name stands for, else its state. */
function governments(analysis: RecognizedArticle, countryPlace: Map<string, string>): Map<string, Ref> {
  const result = new Map<string, Ref>()
  for (const [code, placeId] of countryPlace) {
    const place = analysis.places.find((p) => p.id === placeId)!
    const owner =
      analysis.entities.find((e) => e.kb?.metonyms?.some((m) => m.toLowerCase() === place.name.toLowerCase())) ??
      analysis.entities.find((e) => e.type === 'state' && e.country === code)
    if (!owner) continue
    const m = owner.mentions[0]!
    result.set(placeId, {
      kind: 'entity',
      id: owner.id,
      type: owner.type,
      placeKind: null,
      country: owner.country,
      start: m.start,
      end: m.end,
      sentence: -1,
      via: 'government',
    })
  }
  return result
}

function mask(text: string, start: number, end: number, index: number, refs: Ref[], dates: DateMention[]): MaskedSentence {
  let masked = ''
  let at = start
  const refAt: number[] = []
  refs.forEach((ref, i) => {
    masked += text.slice(at, ref.start)
    refAt.push(masked.length)
    masked += `«${ref.kind === 'entity' ? 'E' : 'P'}${i}»`
    at = ref.end
  })
  masked += text.slice(at, end)
  return { index, start, end, text: text.slice(start, end), masked, refs, refAt, dates }
}

/** Definite descriptions and pronouns that refer back to an actor ("the group", "its leaders"), from the lexicon. */
const DESCRIPTIONS = lexicon('relations').descriptions.map(({ pattern, refersTo, plural }) => {
  const types = new Set<EntityType | 'place'>(refersTo)
  return { pattern: new RegExp(pattern, 'gi'), fits: (t: EntityType | 'place') => types.has(t), plural: plural ?? false }
})
/** The descriptions' required words, found in one scan: a sentence holding none of a pattern's cannot match it. */
const DESCRIPTION_ANCHORS = new AnchorScan(DESCRIPTIONS.map(({ pattern }) => requiredAnchors(pattern.source)))

/**
 * "the group", "the outfit": a definite description of an armed group refers to the group named last before it.
 * Its mask becomes that group's reference, so patterns read "the group has camps in Mastung" like a name.
 */
function resolveDescriptions(sentences: MaskedSentence[], typeOf: Map<string, EntityType | 'place'>): void {
  const lastOf = new Map<string, Ref>()
  let lastGroups: Ref[] = []
  const lastOfKind = new Map<string, Ref[]>()
  for (const sentence of sentences) {
    const additions: { at: number; length: number; refs: Ref[] }[] = []
    const open = DESCRIPTION_ANCHORS.candidates(sentence.masked)
    for (const [n, { pattern, fits, plural }] of DESCRIPTIONS.entries()) {
      if (!open[n]) continue
      for (const match of allMatches(pattern, sentence.masked)) {
        if (plural) {
          // "the banned outfits", "these groups": every group named in this sentence or, failing that, the last one.
          const groups = sentence.refs.filter((r, i) => sentence.refAt[i]! < match.index! && fits(r.type))
          const earlier = [...lastOfKind.values()].flat().filter((r) => fits(r.type))
          const pool = groups.length >= 2 ? groups : lastGroups.some((r) => fits(r.type)) ? lastGroups.filter((r) => fits(r.type)) : earlier
          const distinct = pool.filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i)
          if (distinct.length >= 2)
            additions.push({
              at: match.index!,
              length: match[0].length,
              refs: distinct.map((r) => ({ ...r, sentence: sentence.index, via: 'description' })),
            })
          continue
        }
        const before = sentence.refs.filter((r, i) => sentence.refAt[i]! < match.index! && fits(r.type))
        const textBefore = sentence.masked.slice(0, match.index!)
        // "X refuted Y's accusation that it …": "it" is the sentence's subject, not the accuser.
        // (a pronoun right after another word is its object: "providing it with", unless that word is "that")
        const afterVerb = /[a-z]\s+$/i.test(textBefore) && !/\bthat\s+$/i.test(textBefore)
        const subjectPronoun = /^(?:it|they)$/i.test(match[0]) && !afterVerb
        // "al-Qaeda was providing it with training": an object pronoun is not the subject of its own verb
        const objectPronoun = /^(?:it|them)$/i.test(match[0]) && !subjectPronoun
        const verbSubject = objectPronoun ? lastRefBefore(sentence, textBefore) : undefined
        const candidates = verbSubject ? before.filter((r) => r.id !== verbSubject.id) : before
        const earlier = [...lastOf.values()].filter((r) => fits(r.type) && r.id !== verbSubject?.id).pop()
        const antecedent = (subjectPronoun ? candidates[0] : candidates[candidates.length - 1]) ?? earlier
        if (!antecedent || !typeOf.has(antecedent.id)) continue
        additions.push({
          at: match.index!,
          length: match[0].length,
          refs: [{ ...antecedent, sentence: sentence.index, via: 'description' }],
        })
      }
    }
    for (const ref of sentence.refs) {
      lastOf.delete(ref.type)
      lastOf.set(ref.type, ref)
    }
    const groupsHere = sentence.refs.filter((r) => r.type === 'armed_group')
    if (groupsHere.length >= 2) lastGroups = groupsHere
    const partiesHere = sentence.refs.filter((r) => r.type === 'state' || r.type === 'government')
    if (partiesHere.length >= 2) lastOfKind.set('parties', partiesHere)
    if (additions.length === 0) continue
    additions.sort((a, b) => b.at - a.at)
    for (const addition of additions) {
      const placeholders = addition.refs.map((_, n) => `«E${sentence.refs.length + n}»`)
      const replacement = placeholders.join(' and ')
      sentence.masked = sentence.masked.slice(0, addition.at) + replacement + sentence.masked.slice(addition.at + addition.length)
      const delta = replacement.length - addition.length
      for (let k = 0; k < sentence.refAt.length; k++) if (sentence.refAt[k]! > addition.at) sentence.refAt[k]! += delta
      let offset = addition.at
      addition.refs.forEach((ref, n) => {
        sentence.refs.push(ref)
        sentence.refAt.push(offset)
        offset += placeholders[n]!.length + ' and '.length
      })
    }
  }
}

/** The last actor named in a masked prefix of the sentence. */
function lastRefBefore(sentence: MaskedSentence, prefix: string): Ref | undefined {
  const all = [...prefix.matchAll(/«E(\d+)»/g)]
  const last = all[all.length - 1]
  return last ? sentence.refs[Number(last[1])] : undefined
}

const PLACEHOLDER = /«[EP](\d+)»/g

/** The refs named by placeholders in a masked fragment, in order. */
export function refsIn(sentence: MaskedSentence, fragment: string): Ref[] {
  const refs: Ref[] = []
  for (const match of allMatches(PLACEHOLDER, fragment)) refs.push(sentence.refs[Number(match[1])]!)
  return refs
}

/** The party and the bodies it stands for or belongs to: a ministry answers for its state and the reverse. */
export function partyFamily(id: string, view: ArticleView): Set<string> {
  const family = new Set([id])
  const entity = view.entityById.get(id)
  if (entity?.kb?.parent) family.add(entity.kb.parent)
  for (const other of childrenOf(view).get(id) ?? []) if (other.type !== 'person') family.add(other.id)
  return family
}

const childrenByView = new WeakMap<ArticleView, Map<string, RecognizedEntity[]>>()

/** The article's entities by their knowledge-base parent, built once per article. */
function childrenOf(view: ArticleView): Map<string, RecognizedEntity[]> {
  let children = childrenByView.get(view)
  if (!children) {
    children = new Map()
    for (const e of view.analysis.entities) {
      const parent = e.kb?.parent
      if (!parent) continue
      const list = children.get(parent)
      if (list) list.push(e)
      else children.set(parent, [e])
    }
    childrenByView.set(view, children)
  }
  return children
}
