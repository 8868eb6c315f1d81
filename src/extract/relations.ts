import type { ClaimRelation } from '../record/record.js'
import { lexicon } from '../lexicon/load.js'
import { allMatches, alternativesInOrder, phraseAlternatives } from '../lexicon/pattern.js'
import { entriesOf } from '../lexicon/schema.js'
import { refsIn, type MaskedSentence, type Ref } from './article-view.js'
import { AnchorSetsScan, requiredAnchorSets } from './pattern-anchors.js'
import { readSnapshot } from '../snapshot/snapshot-file.js'
import type { LexiconOf } from '../lexicon/files.js'

type RelationLexicon = LexiconOf<'relations'>

/** The object of a presence introduced as an origin ("… from Afghanistan", "… out of the Kunar province"). */
const FROM_PLACE = /\b(?:from|out of)\s+(?:the\s+)?(?:«P\d+»(?:’s|'s)\s+)?«P\d+»[^«]*(?:(?:,\s*|\s+and\s+)«P\d+»[^«]*)*$/

/** A relation read from a stretch of text: subject, relation, object, and whether the text negates it. */
export interface RelationMention {
  subject: Ref
  relation: ClaimRelation
  object: Ref
  negated: boolean
  hedged: boolean
  /** Offsets of the match in the masked sentence. */
  at: number
  length: number
}

interface CompiledRelation {
  relation: ClaimRelation
  objectKind: 'E' | 'P' | 'EP'
  subjectTypes: Set<string> | null
  symmetric: boolean
  patterns: Pattern[]
}

/** A compiled pattern and its number in the prefilter (`open[slot]`: the text holds one of its required words). */
interface Pattern {
  regex: RegExp
  slot: number
  groupOnly?: boolean
  /** A membership of an attack's people ("the militants belonged to X"), not a deed. */
  members?: boolean
}

type SpeakerPattern = { relation: ClaimRelation; pattern: Pattern }
let compiled:
  | {
      relations: CompiledRelation[]
      speaker: SpeakerPattern[]
      responsibility: SpeakerPattern[]
      eventObject: Pattern[]
      negation: RegExp
      hedge: RegExp
      opposing: RegExp
      prefilter: AnchorSetsScan
    }
  | undefined

/** A coordinated list of references: "«E1» («E2») and «E3»"; place lists may go on "specifically in «P4», «P5»". */
function list(kind: string): string {
  // "in Barmal district, Paktika, and Spera district, Khost": a place may keep its kind word after it
  const kindWord = kind.includes('P') ? `(?:\\s+(?:${alternativesInOrder(Object.keys(lexicon('places').kindAfter))})\\b)?` : ''
  const possessor = kind.includes('P') ? `(?:«P\\d+»(?:’s|'s)\\s+)?` : ''
  const one = `${possessor}«${kind}\\d+»${kindWord}(?:\\s*\\((?:«${kind}\\d+»[\\s/,]*)+\\))?`
  const more = `(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s+as well as\\s+)(?:the\\s+)?${one})*`
  const places = kind.includes('P')
    ? `(?:,?\\s+(?:specifically|particularly|especially|including|mainly|notably|such as|like)\\s+(?:in\\s+)?(?:\\w+\\s+){0,2}?(?:like\\s+|such as\\s+)?«P\\d+»(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)«P\\d+»)*)?`
    : ''
  return `${one}${more}${places}`
}

/**
 * "ties to terrorist organisations, including the TTP": a general head with named examples; the examples are the
 * objects. Only a few plain words may form the head, so a clause cannot slip in.
 */
const EXEMPLIFIED = `(?:(?:[\\w-]+\\s+){0,2}[\\w-]+,?\\s+(?:including|such as|like|notably|particularly|especially)\\s+(?:the\\s+)?)?`

function patterns() {
  if (!compiled) {
    const lex = lexicon('relations')
    const all: RegExp[] = []
    const pattern = (source: string): Pattern => {
      all.push(new RegExp(source, 'giu'))
      return { regex: all[all.length - 1]!, slot: all.length - 1 }
    }
    const relations = entriesOf(lex.relations).map(([relation, spec]) => ({
      relation,
      objectKind: spec.object,
      subjectTypes: spec.subjectTypes ? new Set(spec.subjectTypes) : null,
      symmetric: spec.symmetric ?? false,
      patterns: [
        ...spec.patterns.map((source) => pattern(relationSource(source, spec.object))),
        ...(spec.groupOnlyPatterns ?? []).map((source) => ({ ...pattern(relationSource(source, spec.object)), groupOnly: true })),
      ],
    }))
    function relationSource(source: string, object: 'E' | 'P' | 'EP'): string {
      return source
        .replaceAll('{S}', `(?<S>${list('E')})`)
        .replaceAll('{O}', `${object === 'P' ? '' : EXEMPLIFIED}(?<O>${list(object === 'EP' ? '[EP]' : object)})`)
        .replaceAll('{G}', lex.gap)
        .replaceAll('{V}', lex.verbGap)
        .replaceAll('{H}', lex.shortGap)
    }
    const compileSpeaker = (table: RelationLexicon['speakerPatterns']) =>
      entriesOf(table).flatMap(([relation, sources]) =>
        sources.map((source) => ({
          relation,
          pattern: pattern(source.replaceAll('{O}', `(?<O>${list('[EP]')})`).replaceAll('{G}', lex.gap)),
        })),
      )
    const speaker = compileSpeaker(lex.speakerPatterns)
    const responsibility = compileSpeaker(lex.responsibilityPatterns)
    const attackNoun = `(?:${phraseAlternatives([...lexicon('attribution').responsibility.attackNouns, 'incident', 'massacre'])})`
    const eventObjectSource = (source: string) =>
      source
        .replaceAll('{S}', `(?<S>${list('E')})`)
        .replaceAll('{A}', attackNoun)
        .replaceAll('{G}', lex.gap)
        .replaceAll('{V}', lex.verbGap)
    const eventObject = [
      ...(lex.eventObjectPatterns.attacks ?? []).map((source) => pattern(eventObjectSource(source))),
      ...lex.membershipPatterns.patterns.map((source) => ({ ...pattern(eventObjectSource(source)), members: true })),
    ]
    compiled = {
      relations,
      speaker,
      responsibility,
      eventObject,
      negation: new RegExp(lex.negation, 'i'),
      opposing: new RegExp(`\\b(?:${lex.opposingWords.join('|')})\\b`, 'i'),
      hedge: new RegExp(`\\b(?:${lex.hedges.join('|')})\\b`, 'i'),
      // Every pattern's required words in one scan: a pattern runs only on text holding one word of each of its sets.
      prefilter: new AnchorSetsScan(anchorSetsOf(all.map((regex) => regex.source))),
    }
  }
  return compiled
}

export const ANCHORS_SNAPSHOT = 'relation-anchor-sets'

/** Required words by pattern source: from the build's snapshot when current, else read from the sources. */
function anchorSetsOf(sources: string[]): string[][][] {
  const known = readSnapshot<Map<string, string[][]>>(ANCHORS_SNAPSHOT)
  return sources.map((source) => telling(known?.has(source) ? known.get(source)! : requiredAnchorSets(source)))
}

/**
 * The sets worth scanning for: a placeholder's marks («E, ») stand in nearly every text read (readRelations reads
 * none without an actor), so a set holding one rules next to nothing out and only slows the scan. Leaving a set
 * out only lets more patterns run.
 */
function telling(sets: string[][]): string[][] {
  return sets.filter((set) => !set.some((anchor) => anchor === '«E' || anchor === '»'))
}

/** The same content is read by the relation, speaker and attack passes in a row: scan it once. */
let lastScanned: { text: string; open: boolean[] } | undefined

function openPatterns(text: string): boolean[] {
  if (lastScanned?.text !== text) lastScanned = { text, open: patterns().prefilter.candidates(text) }
  return lastScanned.open
}

/** For tests and the snapshot: the patterns and the sets of required words found for each. */
export function relationPatternAnchors(): { source: string; anchorSets: string[][] }[] {
  const { relations, speaker, responsibility, eventObject } = patterns()
  return [
    ...relations.flatMap((r) => r.patterns),
    ...speaker.map((s) => s.pattern),
    ...responsibility.map((s) => s.pattern),
    ...eventObject,
  ]
    .sort((a, b) => a.slot - b.slot)
    .map(({ regex }) => ({ source: regex.source, anchorSets: requiredAnchorSets(regex.source) }))
}

/**
 * Reads the relations a stretch of a masked sentence states ("«E0» has set up a camp in «P1»" → present_in).
 * Coordinated subjects and objects expand: "«E0» and «E1» operate from «P2»" gives two relations.
 */
export function readRelations(sentence: MaskedSentence, from: number, to: number): RelationMention[] {
  const { relations, negation, hedge, opposing } = patterns()
  const content = sentence.masked.slice(from, to)
  // A relation needs an actor and a second reference: most sentences are ruled out before any pattern runs.
  if (!content.includes('«E') || (content.match(/«[EP]\d+»/g)?.length ?? 0) < 2) return []
  const found: RelationMention[] = []
  const open = openPatterns(content)
  // the loose patterns read only of an armed group: without one named here they cannot match
  const namesGroup = refsIn(sentence, content).some((r) => r.type === 'armed_group')
  for (const spec of relations) {
    for (const { regex: pattern, slot, groupOnly } of spec.patterns) {
      if (!open[slot] || (groupOnly && !namesGroup)) continue
      for (const match of allMatches(pattern, content)) {
        if (!match.groups?.S || !match.groups.O) continue
        const subjects = refsIn(sentence, match.groups.S)
        // "camps in Pakistan's Balochistan province": the possessive country only says where the province is
        const named = refsIn(sentence, match.groups.O.replace(/«P\d+»(?:’s|'s)\s+(?=«P)/g, ''))
        const objects = spec.relation === 'attacks' ? withoutQualifiers(named) : named
        // "the TTP attacked a police station located in Bannu": the place is the target's, not the group's
        // ("attacks from Afghanistan": a place the attacks come from is where the group is)
        if (spec.relation === 'present_in' && opposing.test(match[0]) && !FROM_PLACE.test(match[0])) continue
        const negated = negation.test(match[0])
        const hedged = hedge.test(content)
        // "BLA, including its suicide wing, the Majeed Brigade": a wing belongs to the last group named.
        const targets = spec.relation === 'member_of' && objects.length > 1 ? objects.slice(-1) : objects
        for (const subject of subjects) {
          if ((spec.subjectTypes && !spec.subjectTypes.has(subject.type)) || (groupOnly && subject.type !== 'armed_group')) continue
          for (const object of targets) {
            if (object.id === subject.id || isSelfRelation(subject, object, spec.relation)) continue
            if (spec.objectKind === 'P' && object.kind !== 'place') continue
            if (spec.objectKind === 'E' && object.kind !== 'entity') continue
            found.push({ subject, relation: spec.relation, object, negated, hedged, at: from + match.index!, length: match[0].length })
          }
        }
      }
    }
  }
  return dedupe(found)
}

/** "A study found that the BLA had expanded its operations in Kech": "its" is the group named before it, not the speaker's. */
function possessiveOfAnother(sentence: MaskedSentence, before: string, matched: string, speaker: Ref): boolean {
  if (!/^(?:its|their)\b/i.test(matched)) return false
  return refsIn(sentence, before).some((ref) => ref.kind === 'entity' && ref.id !== speaker.id && ref.type === 'armed_group')
}

/**
 * Relations whose subject is the speaker and is left unsaid in the content ("«E0» will now be legitimate targets",
 * "its attacks in «P1»"): read only when the content names no subject of its own for that relation.
 */
export function readSpeakerRelations(
  sentence: MaskedSentence,
  from: number,
  to: number,
  speaker: Ref,
  already: RelationMention[],
  responsibility = false,
): RelationMention[] {
  const { speaker: general, responsibility: claimed, negation, hedge, relations } = patterns()
  const specs = responsibility ? [...general, ...claimed] : general
  // "the Taliban deny harbouring the TTP": only a state or government harbours, whoever's words name it
  const allowed = (relation: ClaimRelation) => relations.find((r) => r.relation === relation)?.subjectTypes?.has(speaker.type) ?? true
  const content = sentence.masked.slice(from, to)
  const found: RelationMention[] = []
  const open = openPatterns(content)
  for (const { relation, pattern: compiledPattern } of specs) {
    if (already.some((r) => r.relation === relation) || !open[compiledPattern.slot] || !allowed(relation)) continue
    const pattern = compiledPattern.regex
    for (const match of allMatches(pattern, content)) {
      if (!match.groups?.O || possessiveOfAnother(sentence, content.slice(0, match.index), match[0], speaker)) continue
      const named = refsIn(sentence, match.groups.O)
      for (const object of relation === 'attacks' ? withoutQualifiers(named) : named) {
        if (object.id === speaker.id || isSelfRelation(speaker, object, relation)) continue
        found.push({
          subject: speaker,
          relation,
          object,
          negated: negation.test(match[0]),
          hedged: hedge.test(content),
          at: from + match.index!,
          length: match[0].length,
        })
      }
    }
  }
  return dedupe(found)
}

/** A party named with an attack the article told: its doer, or (`members`) the group its people belonged to. */
export interface AttackReference {
  doer: Ref
  negated: boolean
  place: Ref | null
  members: boolean
}

/**
 * Who the content names as the doer of an attack it refers back to ("X carried out the bombings", "its fighters
 * attacked"): subjects whose object the caller takes from that attack. An empty subject group means the speaker.
 */
export function readAttackReferences(sentence: MaskedSentence, from: number, to: number, speaker: Ref | null): AttackReference[] {
  const { eventObject, negation } = patterns()
  const content = sentence.masked.slice(from, to)
  const doers: AttackReference[] = []
  const open = openPatterns(content)
  for (const { regex: pattern, slot, members = false } of eventObject) {
    if (!open[slot]) continue
    for (const match of allMatches(pattern, content)) {
      const named = match.groups?.S ? refsIn(sentence, match.groups.S) : []
      // "it was not involved in the attack", "had nothing to do with the blast": the speaker denies the attack
      const negated = negation.test(match[0]) || /\bnothing\b/i.test(match[0])
      // "the attack on the mosque in «P2»": where the words that name the attack put it
      const at = /^\s+(?:on|in|at|near|targeting)\s+[^«.;,]{0,40}?«P(\d+)»/.exec(content.slice(match.index! + match[0].length))
      const place = at ? (sentence.refs[Number(at[1])] ?? null) : null
      for (const doer of named.length > 0 ? named : speaker ? [speaker] : []) doers.push({ doer, negated, place, members })
    }
  }
  return doers.filter((r, i) => doers.findIndex((o) => o.doer.id === r.doer.id) === i)
}

/**
 * "Pakistan attacks Pakistan", "Pakistan present_in Pakistan": a state and its own country are one party. A state's
 * or government's forces being in a place of their own country is no allegation either ("Taliban forces operating
 * in Nimroz"); presence is claimed of those who are somewhere they are not the authority.
 */
function isSelfRelation(subject: Ref, object: Ref, relation: ClaimRelation): boolean {
  if (object.kind !== 'place' || subject.country === null || subject.country !== object.country) return false
  const authority =
    subject.type === 'state' || subject.type === 'government' || (relation === 'present_in' && subject.type === 'security_force')
  return authority && (object.placeKind === 'country' || relation === 'present_in')
}

/**
 * "Strikes on Barmal district, Paktika, and Spera district, Khost", "an attack in Kabul, Afghanistan": a province or
 * country named beside a place inside it says where the attack was; it is no target of its own. (Presence is
 * different: camps in Mastung, Balochistan are camps in Balochistan too.)
 */
function withoutQualifiers(objects: Ref[]): Ref[] {
  const places = objects.filter((o) => o.kind === 'place')
  const qualifies = (o: Ref) =>
    (o.placeKind === 'admin1' &&
      places.some((p) => p !== o && p.placeKind !== 'admin1' && p.placeKind !== 'country' && p.province === o.province)) ||
    (o.placeKind === 'country' && places.some((p) => p !== o && p.placeKind !== 'country' && p.country === o.country))
  return objects.filter((o) => o.kind !== 'place' || !qualifies(o))
}

function dedupe(found: RelationMention[]): RelationMention[] {
  const seen = new Set<string>()
  return found.filter((r) => {
    const key = `${r.subject.id}|${r.relation}|${r.object.id}|${r.negated}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
