import { CLAIM_RELATIONS, type ClaimRelation, type Stance } from '../record/record.js'
import type { SourceGrade } from './source-grading.js'

/**
 * Claims → propositions. A proposition is (subject, relation, object); every claim about it is
 * one party's stance. Parties are claimants (organisations, states), else the speaker, else the
 * article's own voice, which belongs to its near-duplicate group so syndicated copies speak once.
 */
export type PropositionStatus = 'contested' | 'corroborated' | 'single-source'

/** Relations that read the same both ways ("A cooperates with B" = "B cooperates with A"). */
const SYMMETRIC = {
  present_in: false,
  supports: false,
  harbors: false,
  cooperates_with: true,
  attacks: false,
  threatens: false,
  member_of: false,
} as const satisfies Record<ClaimRelation, boolean>

export const SYMMETRIC_RELATIONS: ReadonlySet<ClaimRelation> = new Set(CLAIM_RELATIONS.filter((relation) => SYMMETRIC[relation]))

export interface PropositionKey {
  id: string
  subject: string
  relation: ClaimRelation
  object: string | null
}

/** Symmetric relations are stored with subject ≤ object so "A cooperates with B" and "B with A" meet. */
export function propositionKey(subject: string, relation: ClaimRelation, object: string | null): PropositionKey {
  let [first, second] = [subject, object]
  if (SYMMETRIC_RELATIONS.has(relation) && second !== null && second < first) [first, second] = [second, first]
  return { id: `${first}|${relation}|${second ?? ''}`, subject: first, relation, object: second }
}

/**
 * Who a claim speaks for: the claimant, else the speaker, else the article's own voice, keyed by its
 * near-duplicate group so that syndicated copies speak once.
 */
export function partyKeyOf(claimant: string | null, speaker: string | null, sourceGroup: string): string {
  return claimant ?? speaker ?? `voice:${sourceGroup}`
}

/** The entity a party key stands for; null for the articles' own voice. */
export function partyIdOf(partyKey: string): string | null {
  return partyKey.startsWith('voice:') ? null : partyKey
}

export interface Party {
  /** Claimant id, else speaker id; null = the articles' own voice. */
  id: string | null
  speakers: string[]
  outlets: string[]
  /** Independent sources (near-duplicate groups) in which this party takes this stance. */
  sources: number
}

/** One party's stance on a proposition, aggregated over all its claims. */
export interface PartyStance {
  stance: Stance
  party: Party
  /**
   * Of the party's independent sources, how many come from outlets that count towards corroboration
   * under the analyst's rule (resolve/source-grading.ts); absent when every source counts.
   */
  creditedSources?: number
}

export interface PropositionTotals {
  /** Independent sources: near-duplicate groups with at least one claim on the proposition. */
  sourceCount: number
  claimCount: number
  /** YYYY-MM-DD: published date, else ingest date. */
  firstSeen: string
  lastSeen: string
  /** YYYY-MM-DD: publication dates only; null when no statement was dated. */
  firstDated: string | null
  lastDated: string | null
  /** Statements from articles without a publication date. */
  undatedClaims: number
}

export interface PropositionSummary extends PropositionTotals {
  asserters: Party[]
  deniers: Party[]
  noResponse: Party[]
  status: PropositionStatus
  /** The best grade among the outlets of its claims; null when none is graded. */
  bestGrade: SourceGrade | null
}

export function summarizeProposition(
  stances: PartyStance[],
  totals: PropositionTotals,
  bestGrade: SourceGrade | null = null,
): PropositionSummary {
  const partiesTaking = (stance: Stance): Party[] =>
    stances
      .filter((entry) => entry.stance === stance)
      .map((entry) => entry.party)
      // Stable: equal parties keep the order they came in (the store sorts them by party key).
      .sort((a, b) => b.sources - a.sources || (a.id ?? '').localeCompare(b.id ?? ''))
  const asserters = partiesTaking('asserts')
  const deniers = partiesTaking('denies')
  const credited = stances.filter((entry) => entry.stance === 'asserts' && (entry.creditedSources ?? entry.party.sources) > 0).length
  return {
    ...totals,
    asserters,
    deniers,
    noResponse: partiesTaking('no_response'),
    status: propositionStatus(asserters.length, credited, deniers.length),
    bestGrade,
  }
}

/**
 * The status rule. Contested: some party asserts and some party denies (whatever the outlets' grades: a
 * denial is a denial). Corroborated: at least two asserting parties each carried by at least one
 * independent source that counts under the grading rule (by default every ungraded source counts and a
 * graded one counts from C up, so a store without grades keeps the plain two-parties rule). Otherwise
 * single-source.
 */
export function propositionStatus(assertingParties: number, creditedAssertingParties: number, denyingParties: number): PropositionStatus {
  if (assertingParties > 0 && denyingParties > 0) return 'contested'
  if (creditedAssertingParties >= 2) return 'corroborated'
  return 'single-source'
}
