import { lexicon } from '../lexicon/load.js'
import { alternativesInOrder } from '../lexicon/pattern.js'
import type { ArticleView, MaskedSentence, Ref } from './article-view.js'
import type { Frame } from './attribution.js'
import type { ClaimDraft, EventDraft } from './drafts.js'

/**
 * "Missiles destroyed two bases belonging to Jaish al-Adl in Pakistan. The targeted bases were located in
 * Balochistan, according to Nournews." / "Pakistan struck what it called militant hideouts inside Iran. … The
 * hideouts targeted in the operation were allegedly those of the BLA." A definite reference to the facilities a
 * strike hit ("the targeted bases") points back to their last mention; together they tell whose facilities they
 * were and where they lay. The presence is claimed by whoever speaks in the referring sentence, else by whoever
 * spoke in the antecedent's, else by the teller of the last strike before it. Written by hand: it is coreference
 * between sentences, which no sentence pattern can see.
 */

/** How many sentences back the antecedent of "the targeted bases" may be. */
const REACH = 8

interface Mention {
  owners: Ref[]
  place: Ref | null
}

let compiled: { reference: RegExp; facility: RegExp; ownedBy: RegExp; ownedAfter: RegExp; locatedIn: RegExp; hedge: RegExp } | undefined

function patterns() {
  if (!compiled) {
    const { facilityNouns, strikeParticiples } = lexicon('relations').struckFacilities
    const nouns = alternativesInOrder(facilityNouns)
    const struck = alternativesInOrder(strikeParticiples)
    compiled = {
      // "the targeted bases", "the hideouts targeted in the operation", "the camps that were hit"
      reference: new RegExp(`\\bthe\\s+(?:(?:${struck})\\s+(?:${nouns})|(?:${nouns})\\s+(?:that\\s+were\\s+)?(?:${struck}))\\b`, 'i'),
      facility: new RegExp(`(?<![\\w-])(?:${nouns})(?![\\w-])`, 'gi'),
      // "«E0» hideouts", "«E0»'s camps"
      ownedBy: /«E(\d+)»(?:’s|'s)?\s+(?:\w+\s+)?$/,
      // "… belonging to the Balochi group, «E0»", "… of the BLA", "were (allegedly) those of «E0» and «E1»"
      ownedAfter:
        /^(?:\s*|[^«.;]{0,40}?\b(?:were|was|are|is)\s+(?:\w+ly\s+)?(?:those\s+)?|[^«.;]{0,40}?\b(?=belong))(?:of|belonging\s+to|belong(?:ed|s)?\s+to|used\s+by|run\s+by|operated\s+by)\s+[^«.;]{0,40}?«E\d+»(?:\s*\(«E\d+»\))?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[\w-]+\s+){0,2}?«E\d+»(?:\s*\(«E\d+»\))?)*/i,
      // "… in Pakistan", "… were reportedly located inside «P1»'s «P2» province"
      locatedIn: /^(?:[^«.;]|«E\d+»){0,60}?\b(?:in|inside|within)\s+(?:the\s+)?(?:«P\d+»(?:’s|'s)\s+)?«P(\d+)»/i,
      hedge: new RegExp(`\\b(?:${lexicon('relations').hedges.join('|')})\\b`, 'i'),
    }
  }
  return compiled
}

export function struckFacilities(view: ArticleView, frames: Frame[], events: EventDraft[]): ClaimDraft[] {
  const drafts: ClaimDraft[] = []
  const references = view.sentences.map((s) => patterns().reference.exec(s.masked))
  // most articles refer to no struck facility: their mentions are never read
  if (!references.some((r) => r !== null)) return drafts
  const mentions = view.sentences.map((s) => facilityMentions(s))
  const strikes = events.filter((e) => e.type === 'ASSAULT')
  for (const sentence of view.sentences) {
    const reference = references[sentence.index]
    if (!reference) continue
    const here = readMention(sentence, reference.index, reference.index + reference[0].length)
    const wanted = here.owners.length > 0 ? 'place' : here.place ? 'owners' : null
    if (!wanted) continue
    const antecedent = antecedentOf(mentions, sentence.index, wanted)
    if (!antecedent) continue
    const owners = here.owners.length > 0 ? here.owners : antecedent.mention.owners
    const place = here.place ?? antecedent.mention.place
    const strike = strikes.filter((e) => e.sentence.index < sentence.index).pop()
    const teller =
      voiceOf(sentence, frames) ??
      voiceOf(view.sentences[antecedent.sentence]!, frames) ??
      (strike && voiceOf(strike.sentence, frames, strike.at))
    const hedged = patterns().hedge.test(sentence.masked)
    for (const subject of owners.filter((o) => o.type === 'armed_group'))
      drafts.push({
        claimant: teller?.claimant ?? null,
        speaker: teller?.speaker ?? null,
        cue: teller?.cue ?? '',
        stance: 'asserts',
        subject,
        relation: 'present_in',
        object: place!,
        sentence: sentence.index,
        evidence: { start: sentence.start, end: sentence.end },
        hedged,
        frame: teller ?? null,
        rule: 'struck-facility',
      })
  }
  return drafts
}

/** The last mention before `index`, within reach, that tells the part a reference lacks. */
function antecedentOf(
  mentions: Mention[][],
  index: number,
  wanted: 'place' | 'owners',
): { mention: Mention; sentence: number } | undefined {
  for (let s = index - 1; s >= Math.max(0, index - REACH); s--) {
    const found = [...mentions[s]!].reverse().find((m) => (wanted === 'place' ? m.place !== null : m.owners.length > 0))
    if (found) return { mention: found, sentence: s }
  }
  return undefined
}

function facilityMentions(sentence: MaskedSentence): Mention[] {
  const { facility } = patterns()
  facility.lastIndex = 0
  return [...sentence.masked.matchAll(facility)]
    .map((m) => readMention(sentence, m.index!, m.index! + m[0].length))
    .filter((m) => m.owners.length > 0 || m.place !== null)
}

/** Whose facilities a mention names (right before or after the noun) and where it puts them. */
function readMention(sentence: MaskedSentence, at: number, end: number): Mention {
  const { ownedBy, ownedAfter, locatedIn } = patterns()
  const before = ownedBy.exec(sentence.masked.slice(Math.max(0, at - 40), at))
  const after = ownedAfter.exec(sentence.masked.slice(end))
  const owners = before
    ? [sentence.refs[Number(before[1])]!]
    : after
      ? [...after[0].matchAll(/«E(\d+)»/g)].map((m) => sentence.refs[Number(m[1])]!)
      : []
  const rest = sentence.masked.slice(end + (after?.[0].length ?? 0))
  const located = locatedIn.exec(rest)
  return { owners: owners.filter((o) => o?.kind === 'entity'), place: located ? (sentence.refs[Number(located[1])] ?? null) : null }
}

/** The frame with a claimant that covers `at` in the sentence (any of its frames when `at` is not given). */
function voiceOf(sentence: MaskedSentence, frames: Frame[], at?: number): Frame | undefined {
  return frames.find(
    (f) =>
      f.sentence === sentence &&
      f.claimant !== null &&
      f.stance === 'asserts' &&
      (at === undefined || (at >= f.content[0] && at < f.content[1])),
  )
}
