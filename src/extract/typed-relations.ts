import type { ClaimRelation, EntityType } from '../record/record.js'
import { lexicon } from '../lexicon/load.js'
import { allMatches } from '../lexicon/pattern.js'
import { entriesOf } from '../lexicon/schema.js'
import type { MaskedSentence, Ref } from './article-view.js'
import type { RelationMention } from './relations.js'

/**
 * The second reading of an attributed clause. The patterns of relations.json fix the word order around a relation's
 * words; unseen outlets word the same relations in orders no pattern was written for ("the TTP, which it says enjoys
 * the patronage of the Afghan Taliban"). Here a relation is a trigger word with arguments of the right types close
 * to it, and the types, not the order, give the direction: a state backs a group, a group is in a place. It is
 * looser than the patterns, so it reads only attributed content (a speaker vouches for it), only relations no
 * pattern found there, and never across a clause boundary or a verb of fighting.
 */

interface TypedRelation {
  relation: ClaimRelation
  subject: Set<EntityType>
  object: Set<EntityType | 'place'>
  trigger: RegExp
}

/** How far (in characters of masked text) an argument may stand from its trigger. */
const REACH = 70
/** A group standing for a noun trigger ("TTP hideouts", "hideouts of the TTP") stands right beside it. */
const NOUN_REACH = 30

const CLAUSE_BREAK = /;|\s+(?:but|while|whereas|although|though)\s+|\s+–\s+|\s+—\s+/giu
const LOCATIVE = /\b(?:in|inside|within|from|across|into|near|along|at|out\s+of)\b/iu
const NOUN_TRIGGER = /(?:s|y|ies|presence|refuge|foothold|footprint|nexus|alliance|protection|blessing|pads?)$/iu

let compiled: { typed: TypedRelation[]; negation: RegExp; opposing: RegExp } | undefined

function readings() {
  if (!compiled) {
    const lex = lexicon('relations')
    compiled = {
      typed: entriesOf(lex.typedReading).map(([relation, spec]) => ({
        relation,
        subject: new Set(spec.subject),
        object: new Set(spec.object),
        // the triggers are regex alternatives (stems with their endings), like the patterns of the same file
        // not inside a compound: an "intelligence-based operation" is based nowhere
        trigger: new RegExp(`(?<![\\w-])(?:${spec.triggers.join('|')})\\b`, 'giu'),
      })),
      negation: new RegExp(lex.negation, 'iu'),
      // the stretch is about fighting or acting against the group, not about backing it or where it is
      opposing: new RegExp(`\\b(?:${lex.opposingWords.join('|')})\\b`, 'iu'),
    }
  }
  return compiled
}

interface Placed {
  ref: Ref
  at: number
  end: number
}

/** Relations read by trigger and argument types in `sentence.masked[from, to)`, except those in `already`. */
export function readTypedRelations(sentence: MaskedSentence, from: number, to: number, already: RelationMention[]): RelationMention[] {
  const found: RelationMention[] = []
  const content = sentence.masked.slice(from, to)
  if ((content.match(/«[EP]\d+»/g)?.length ?? 0) < 2) return found
  for (const [start, end] of clauses(content)) {
    const clause = content.slice(start, end)
    const refs = placedRefs(sentence, clause)
    if (refs.length < 2) continue
    for (const spec of readings().typed) {
      if (already.some((r) => r.relation === spec.relation) || found.some((r) => r.relation === spec.relation)) continue
      const mention = readOne(spec, clause, refs)
      if (!mention) continue
      // "the BLA and the TTP as India's proxies": the object's coordinated partners take the same relation
      for (const object of [mention.object, ...coordinatedWith(mention.object, clause, refs)])
        found.push({ ...mention, object, at: from + start + mention.at })
    }
  }
  return found
}

function readOne(spec: TypedRelation, clause: string, refs: Placed[]): RelationMention | null {
  for (const trigger of allMatches(spec.trigger, clause)) {
    const at = trigger.index!
    const triggerEnd = at + trigger[0].length
    const near = (p: Placed, reach: number) => p.end >= at - reach && p.at <= triggerEnd + reach
    const subjects = refs.filter((p) => p.ref.kind === 'entity' && spec.subject.has(p.ref.type as EntityType))
    const objects = refs.filter((p) => (p.ref.kind === 'place' ? spec.object.has('place') : spec.object.has(p.ref.type as EntityType)))
    const reach = NOUN_TRIGGER.test(trigger[0]) && spec.object.has('place') ? NOUN_REACH : REACH
    const subject = nearest(
      subjects.filter((p) => near(p, reach)),
      at,
    )
    // a place is where the trigger puts the group: after it ("based in Kunar"); a party may stand on either side
    const object = nearest(
      objects.filter((p) => p.ref.id !== subject?.ref.id && near(p, REACH) && (p.ref.kind !== 'place' || p.at >= triggerEnd)),
      at,
    )
    if (!subject || !object) continue
    // "bases in Kunar", "hiding in the mountains of Nuristan": a place is where only through a word of place
    if (object.ref.kind === 'place' && !LOCATIVE.test(withoutRefs(clause.slice(triggerEnd, object.at)))) continue
    const span = clause.slice(Math.min(subject.at, object.at, at), Math.max(subject.end, object.end, triggerEnd))
    if (readings().opposing.test(withoutRefs(span))) continue
    const before = clause.slice(Math.max(0, Math.min(subject.at, at) - 25), Math.min(subject.at, at))
    return {
      subject: subject.ref,
      relation: spec.relation,
      object: object.ref,
      negated: readings().negation.test(`${before} ${span}`),
      hedged: false,
      at: Math.min(subject.at, object.at, at),
      length: span.length,
    }
  }
  return null
}

/** The refs of the same kind and type joined to `ref` by "and" or commas, on either side of it. */
function coordinatedWith(ref: Ref, clause: string, refs: Placed[]): Ref[] {
  const at = refs.findIndex((p) => p.ref === ref)
  const joined: Ref[] = []
  const joins = (a: Placed, b: Placed) => /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/.test(clause.slice(a.end, b.at))
  const alike = (p: Placed) => p.ref.kind === ref.kind && p.ref.type === ref.type && p.ref.id !== ref.id
  for (let k = at; k + 1 < refs.length && joins(refs[k]!, refs[k + 1]!) && alike(refs[k + 1]!); k++) joined.push(refs[k + 1]!.ref)
  for (let k = at; k - 1 >= 0 && joins(refs[k - 1]!, refs[k]!) && alike(refs[k - 1]!); k--) joined.push(refs[k - 1]!.ref)
  return joined
}

function nearest(candidates: Placed[], at: number): Placed | undefined {
  let best: Placed | undefined
  const distance = (p: Placed) => (p.end <= at ? at - p.end : p.at - at)
  for (const p of candidates) if (!best || distance(p) < distance(best)) best = p
  return best
}

function clauses(text: string): [number, number][] {
  const spans: [number, number][] = []
  let start = 0
  for (const brk of allMatches(CLAUSE_BREAK, text)) {
    spans.push([start, brk.index!])
    start = brk.index! + brk[0].length
  }
  spans.push([start, text.length])
  return spans
}

function placedRefs(sentence: MaskedSentence, clause: string): Placed[] {
  return allMatches(/«[EP](\d+)»/g, clause).map((m) => ({ ref: sentence.refs[Number(m[1])]!, at: m.index!, end: m.index! + m[0].length }))
}

/** Names are masked: what is left between the arguments are the words themselves. */
function withoutRefs(text: string): string {
  return text.replace(/«[EP]\d+»/g, ' ')
}
