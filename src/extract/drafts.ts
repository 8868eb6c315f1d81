import type { DateRange, EventType, Fatalities, Stance } from '../record/record.js'
import type { MaskedSentence, Ref } from './article-view.js'
import type { Frame } from './attribution.js'
import type { RelationMention } from './relations.js'

// The drafts the extractors hand each other before they become SPEC records: claims read events told in a
// statement, events read the claims an accusation states, so both shapes live apart from either extractor.

/** A claim with the refs it came from, before it becomes a SPEC record. */
export interface ClaimDraft {
  claimant: Ref | null
  speaker: Ref | null
  cue: string
  stance: Stance
  subject: Ref
  relation: RelationMention['relation']
  object: Ref | null
  sentence: number
  evidence: { start: number; end: number }
  hedged: boolean
  frame: Frame | null
  /**
   * The rule that made it (the record's `via.rule`): `attribution` (a relation in what a party says), `sanctuary`
   * (a haven in a country is its government's harbouring), `responsibility`, `attack-reference`, `denial`, `silence`,
   * `unattributed` (the article's own voice), `reported-attack` (an attack told inside a statement), `typed-reading`
   * (a relation word with arguments of its types in what a party says, in a wording no pattern covers),
   * `struck-facility` (where a strike's targeted hideouts lay, or whose they were, told in a later sentence).
   */
  rule: ClaimRule
}

export type ClaimRule =
  | 'attribution'
  | 'sanctuary'
  | 'responsibility'
  | 'attack-reference'
  | 'denial'
  | 'silence'
  | 'unattributed'
  | 'reported-attack'
  | 'typed-reading'
  | 'struck-facility'

/** An event before merging, with the refs that fill it. */
export interface EventDraft {
  type: EventType
  mode: string | null
  actors: Ref[]
  targets: Ref[]
  place: Ref | null
  date: DateRange
  fatalities: Fatalities | null
  reportedBy: Ref | null
  sentence: MaskedSentence
  /** Offset of the trigger in the masked sentence. */
  at: number
  /** The ids of every place its clause names ("air strikes in Khost and Paktika"), besides the one it is placed at. */
  placesNamed?: string[]
  /** The targets its first mention named, before later mentions were merged in. */
  firstTargets?: Ref[]
  /** The sentences of later mentions merged into it (`sentence` is the first). */
  laterMentions?: number[]
  /** Its toll counts dead besides those told before ("three more policemen later died"). */
  moreDead?: boolean
  /** The last sentence right after it that retells it with no event word of its own ("the attack was repulsed"). */
  retoldAt?: number
  /** It stands in a sentence that retells an event told before ("The explosion … was caused by a suicide bomber"). */
  retells?: boolean
  /** The rule that found it (the record's `via.rule`): `trigger`, `speech-act` or `request`. */
  rule: 'trigger' | 'speech-act' | 'request'
}
