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

/** The relations the actor network draws: the claim relations between actors, and accusations (ACCUSE events). */
export const NETWORK_RELATIONS = ['attacks', 'supports', 'harbors', 'cooperates_with', 'threatens', 'accuses'] as const
export type NetworkRelation = (typeof NETWORK_RELATIONS)[number]
