import { lexicon } from '../lexicon/load.js'
import { phraseAlternatives } from '../lexicon/pattern.js'
import { isOfficial, sameSide, type MaskedSentence, type Ref } from './article-view.js'
import type { RelationMention } from './relations.js'

/**
 * Threats read as a clause, not as a wording: a harm the speaker says its side will or may do ("Pakistan could
 * strike TTP hideouts", "reserved the right to hit", "vowed to carry out more attacks against the Taliban"), or a
 * warning to a party of what will follow ("warned Kabul of serious consequences"). The threat is the speaker's
 * (SPEC: `threatens`); the party is the first actor after the verb of harm. A harm under a negator ("will not
 * strike") threatens no one, and a harm that is only threatened is no report of an attack (`isThreatened`).
 */

let compiled:
  | {
      harm: RegExp
      modalHarm: RegExp
      commissiveHarm: RegExp
      retaliation: RegExp
      warning: RegExp
      consequence: RegExp
      negator: RegExp
    }
  | undefined

function patterns() {
  if (!compiled) {
    const { modals, harmVerbs, harmModifiers, retaliationVerbs, consequenceVerbs, consequenceNouns } = lexicon('relations').threatReading
    const modifier = `(?:(?:${phraseAlternatives(harmModifiers)})\\s+)?`
    // "carry out more attacks on": a modifier may stand at any space of a phrase of harm
    const harm = phraseAlternatives(harmVerbs).replaceAll('\\s+', `\\s+${modifier}`)
    const aimedAt = `(?:\\s+(?:any|the|all|those|its|their)\\b)?(?:\\s+[\\w’'-]+){0,3}?\\s+(?:the\\s+)?«E(\\d+)»`
    const modalHarm = `\\b(?:${phraseAlternatives(modals)})\\s+((?:[\\w’'-]+\\s+){0,2}?)(?:${harm})\\b`
    compiled = {
      harm: new RegExp(`${modalHarm}${aimedAt}`, 'gi'),
      modalHarm: new RegExp(modalHarm, 'i'),
      commissiveHarm: new RegExp(`^\\s*to\\s+((?:[\\w’'-]+\\s+){0,2}?)(?:${harm})\\b${aimedAt}`, 'i'),
      warning: new RegExp(
        `\\bwarn(?:s|ed|ing)?\\s+(?:the\\s+)?«E(\\d+)»(?:\\s*\\(«E\\d+»\\))?\\s+(?:of|against)\\s+(?:[\\w-]+\\s+){0,2}?(?:${phraseAlternatives(consequenceNouns)})\\b`,
        'gi',
      ),
      // "vowed to respond", "vowed to avenge the deaths": a retaliation with no party named after it
      retaliation: new RegExp(`^\\s*to\\s+(?:[\\w’'-]+\\s+){0,2}?(?:${phraseAlternatives(retaliationVerbs)})\\b(?![^.;]{0,40}«E)`, 'i'),
      // "would have dire consequences": what a warning says will follow
      consequence: new RegExp(
        `\\b(?:${phraseAlternatives(modals)})\\s+((?:[\\w’'-]+\\s+){0,2}?)(?:${phraseAlternatives(consequenceVerbs)})\\s+(?:[\\w-]+\\s+){0,2}?(?:${phraseAlternatives(consequenceNouns)})\\b`,
        'i',
      ),
      negator: /\b(?:not|never|no)\b|n[’']t\b/i,
    }
  }
  return compiled
}

/**
 * Threats by `speaker` in `sentence.masked[from, to)`, the content of `cue`: after a commissive cue ("vowed") a bare
 * "to" is the marker, and a warning cue ("warned") may itself address the party warned.
 */
export function readThreats(
  sentence: MaskedSentence,
  from: number,
  to: number,
  speaker: Ref,
  cue: string,
  commissive: boolean,
): RelationMention[] {
  const warns = /^warn/i.test(cue) && sentence.masked.slice(from - cue.length, from).toLowerCase() === cue.toLowerCase()
  if (warns) from -= cue.length
  const content = sentence.masked.slice(from, to)
  const found: RelationMention[] = []
  const add = (index: string, at: number, length: number) => {
    const object = sentence.refs[Number(index)]
    // a party is an actor, or a country its warning names ("outside Pakistan's control")
    const party = object?.kind === 'entity' ? object.type !== 'person' : object?.placeKind === 'country'
    if (!object || !party || object.id === speaker.id || ownSide(speaker, object)) return
    found.push({ subject: speaker, relation: 'threatens', object, negated: false, hedged: false, at: from + at, length })
  }
  const { harm, commissiveHarm, warning, negator } = patterns()
  const opening = commissive ? commissiveHarm.exec(content) : null
  if (opening && !negator.test(opening[1]!)) add(opening[2]!, opening.index, opening[0].length)
  for (const match of content.matchAll(harm)) if (!negator.test(match[1]!)) add(match[2]!, match.index!, match[0].length)
  for (const match of content.matchAll(warning)) add(match[1]!, match.index!, match[0].length)
  // "warned that continued assaults would have dire consequences outside Pakistan's control": the party the warning names
  const consequence = warns || commissive ? patterns().consequence.exec(content) : null
  if (consequence && !negator.test(consequence[1]!)) {
    const party = [...content.matchAll(/«[EP](\d+)»/g)].find((m) => sentence.refs[Number(m[1])]?.id !== speaker.id)
    if (party) add(party[1]!, consequence.index, consequence[0].length)
  }
  return found.filter((r, i) => found.findIndex((o) => o.object.id === r.object.id) === i)
}

/** A state's side (the state, its government, its forces, its country) threatens no part of itself. */
function ownSide(speaker: Ref, object: Ref): boolean {
  return object.placeKind === 'country' ? isOfficial(speaker) && speaker.country === object.country : sameSide(speaker, object)
}

/**
 * "The Taliban said Pakistani strikes killed 10 civilians in Khost, and vowed to respond": a commissive retaliation
 * with no party named is aimed at the attack's doers, when the caller knows them (`attackers`).
 */
export function readRetaliation(sentence: MaskedSentence, from: number, to: number, speaker: Ref, attackers: Ref[]): RelationMention[] {
  const content = sentence.masked.slice(from, to)
  const match = patterns().retaliation.exec(content)
  if (!match) return []
  return attackers
    .filter((a) => a.id !== speaker.id && !ownSide(speaker, a))
    .map((object) => ({
      subject: speaker,
      relation: 'threatens',
      object,
      negated: false,
      hedged: false,
      at: from + match.index,
      length: match[0].length,
    }))
}

/** "reserved the right to hit sanctuaries in Afghanistan", "will not strike": a harm only threatened (or ruled out) is no attack. */
export function isThreatened(stretch: string): boolean {
  return patterns().modalHarm.test(stretch)
}
