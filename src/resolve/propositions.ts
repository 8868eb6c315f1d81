import type { ClaimRelation, Stance } from '../pipeline/record.js'

/**
 * Claims → propositions. A proposition is (subject, relation, object); every claim about it is
 * one party's stance. Parties are claimants (organisations, states), else the speaker, else the
 * article's own voice, which belongs to its near-duplicate group so syndicated copies speak once.
 */
export type PropositionStatus = 'contested' | 'corroborated' | 'single-source'

export const SYMMETRIC_RELATIONS: ReadonlySet<ClaimRelation> = new Set<ClaimRelation>(['cooperates_with'])

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

/** One claim as the aggregation sees it: who said it, where, when. */
export interface ClaimEvidence {
  claimant: string | null
  speaker: string | null
  stance: Stance
  articleId: string
  /** The article's near-duplicate group: its canonical article id. */
  sourceGroup: string
  outlet: string | null
  /** YYYY-MM-DD: published date, else ingest date. */
  seen: string
}

export interface Party {
  /** Claimant id, else speaker id; null = the articles' own voice. */
  id: string | null
  speakers: string[]
  outlets: string[]
  /** Independent sources (near-duplicate groups) in which this party takes this stance. */
  sources: number
}

export interface PropositionSummary {
  asserters: Party[]
  deniers: Party[]
  noResponse: Party[]
  sourceCount: number
  claimCount: number
  firstSeen: string
  lastSeen: string
  status: PropositionStatus
}

function partyKey(claim: ClaimEvidence): string {
  if (claim.claimant) return claim.claimant
  if (claim.speaker) return claim.speaker
  return `voice:${claim.sourceGroup}`
}

function partiesOf(claims: ClaimEvidence[]): Party[] {
  const byKey = new Map<string, { party: Party; groups: Set<string> }>()
  for (const claim of claims) {
    const key = partyKey(claim)
    let entry = byKey.get(key)
    if (!entry) {
      entry = { party: { id: claim.claimant ?? claim.speaker, speakers: [], outlets: [], sources: 0 }, groups: new Set() }
      byKey.set(key, entry)
    }
    const { party, groups } = entry
    if (claim.speaker && claim.speaker !== party.id && !party.speakers.includes(claim.speaker)) party.speakers.push(claim.speaker)
    if (claim.outlet && !party.outlets.includes(claim.outlet)) party.outlets.push(claim.outlet)
    groups.add(claim.sourceGroup)
    party.sources = groups.size
  }
  return [...byKey.values()].map((entry) => entry.party).sort((a, b) => b.sources - a.sources)
}

export function summarizeProposition(claims: ClaimEvidence[]): PropositionSummary {
  if (claims.length === 0) throw new Error('a proposition needs at least one claim')
  const asserting = claims.filter((claim) => claim.stance === 'asserts')
  const denying = claims.filter((claim) => claim.stance === 'denies')
  const silent = claims.filter((claim) => claim.stance === 'no_response')
  const asserters = partiesOf(asserting)
  const deniers = partiesOf(denying)
  const seen = claims.map((claim) => claim.seen).sort()
  return {
    asserters,
    deniers,
    noResponse: partiesOf(silent),
    sourceCount: new Set(claims.map((claim) => claim.sourceGroup)).size,
    claimCount: claims.length,
    firstSeen: seen[0]!,
    lastSeen: seen[seen.length - 1]!,
    status: statusOf(asserters.length, deniers.length),
  }
}

function statusOf(assertingParties: number, denyingParties: number): PropositionStatus {
  if (assertingParties > 0 && denyingParties > 0) return 'contested'
  if (assertingParties >= 2) return 'corroborated'
  return 'single-source'
}
