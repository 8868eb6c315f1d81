import { CLAIM_RELATIONS, EVENT_TYPES, type ClaimRelation, type EventType } from '../record/record.js'
import type { PropositionStatus } from '../resolve/propositions.js'
import { SOURCE_GRADES, UNGRADED_POLICIES } from '../resolve/source-grading.js'

/** The API's closed vocabularies, derived from the record's and the resolve rules' constants. */

/** What each proposition status means: keyed by the type, so a new status fails to compile until it is described. */
export const STATUS_MEANING: Record<PropositionStatus, string> = {
  contested: 'both asserted and denied',
  corroborated: 'asserted by independent sources',
  'single-source': 'asserted by one source',
}
export const PROPOSITION_STATUSES = Object.keys(STATUS_MEANING) as PropositionStatus[]

export { CLAIM_RELATIONS, EVENT_TYPES, SOURCE_GRADES, UNGRADED_POLICIES, type ClaimRelation, type EventType, type PropositionStatus }
export { GRADE_MEANING, type SourceGrade } from '../resolve/source-grading.js'

/** Event types as a query may spell them: upper case (PLOVER) or lower case. */
export const EVENT_TYPE_SPELLINGS: string[] = [...EVENT_TYPES, ...EVENT_TYPES.map((type) => type.toLowerCase())]

/** Whether the actor network draws a claim relation: those between two actors (presence in a place and membership are not edges). */
const DRAWN_IN_NETWORK = {
  attacks: true,
  supports: true,
  harbors: true,
  cooperates_with: true,
  threatens: true,
  present_in: false,
  member_of: false,
} as const satisfies Record<ClaimRelation, boolean>

type DrawnRelation = { [R in ClaimRelation]: (typeof DRAWN_IN_NETWORK)[R] extends true ? R : never }[ClaimRelation]

/** The relations the actor network draws, in legend order: the claim relations between actors, and accusations (ACCUSE events). */
export const NETWORK_RELATIONS = ['attacks', 'supports', 'harbors', 'cooperates_with', 'threatens', 'accuses'] as const
export type NetworkRelation = (typeof NETWORK_RELATIONS)[number]

// A relation drawn in DRAWN_IN_NETWORK but missing from the legend list (or listed but not drawn) fails to compile here.
const networkListsEveryDrawnRelation: [
  Exclude<DrawnRelation, NetworkRelation>,
  Exclude<NetworkRelation, DrawnRelation | 'accuses'>,
] extends [never, never]
  ? true
  : never = true
void networkListsEveryDrawnRelation
