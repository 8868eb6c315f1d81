import type { ArticleAnalysis } from '../pipeline/analyze.js'
import type { ClaimRecord, EventRecord } from '../pipeline/record.js'
import { buildArticleView, type Ref } from './article-view.js'
import { findFrames, type Frame } from './attribution.js'
import { draftClaims, reportedAttacks, toClaimRecord } from './claims.js'
import { draftEvents, toEventRecord, type EventDraft } from './events.js'
import { bindSpeakerPronouns } from './speaker-pronouns.js'

export interface Extraction {
  events: EventRecord[]
  claims: ClaimRecord[]
}

/**
 * The extract stage: attribution frames first (who says what), then claims from what they say, then events —
 * material ones from trigger words, speech acts (accuse, reject, request, threaten) from the frames and claims.
 */
/**
 * Whether a claim of responsibility is about this attack. An active claim ("the BLA claimed responsibility")
 * covers the attacks of its sentence, else the last attack told before it (or, with none, the one told next); a passive one names its attack: the event word right before
 * "claimed by" ("a bombing in Kabul claimed by IS"), or, for "It was claimed by", the last attack told before.
 */
function claimsThisEvent(frame: Frame, event: EventDraft, events: EventDraft[]): boolean {
  const assaults = events.filter((e) => e.type === 'ASSAULT')
  if (frame.cue !== 'claimed by') {
    const here = assaults.filter((e) => e.sentence === frame.sentence)
    if (here.length > 0) return here.includes(event)
    const told = assaults.filter((e) => e.sentence.index < frame.sentence.index && frame.sentence.index - e.sentence.index <= 3).pop()
    return told ? told === event : event.sentence.index === frame.sentence.index + 1
  }
  const at = frame.content[0]
  const before = assaults.filter((e) => e.sentence === frame.sentence && e.at < at && at - e.at <= 80).pop()
  if (before) return before === event
  if (!/^\W*(?:it|this|the (?:attack|assault|bombing|blast|explosion|shootout|raid|ambush))\s+(?:was|had been|has been)\s+$/i.test(frame.sentence.masked.slice(0, at))) return false
  return assaults.filter((e) => e.sentence.index < frame.sentence.index).pop() === event
}

export function extract(analysis: ArticleAnalysis): Extraction {
  const view = buildArticleView(analysis)
  const frames = findFrames(view)
  bindSpeakerPronouns(frames)
  let assaults: EventDraft[] = []
  // "X claimed responsibility for the attack": the attack is the one told in this sentence or last before it.
  const responsibilityObject = (frame: Frame): Ref | null => {
    const told = (e: EventDraft) => e.targets.length > 0 || e.place !== null
    const here = assaults.find((e) => e.sentence.index === frame.sentence.index && told(e))
    const before = assaults.filter((e) => e.sentence.index < frame.sentence.index && told(e)).pop()
    const event = here ?? before
    return event?.targets.find((t) => t.id !== frame.claimant?.id) ?? event?.place ?? null
  }
  assaults = draftEvents(view, frames, []).filter((e) => e.type === 'ASSAULT')
  const claims = draftClaims(view, frames, responsibilityObject)
  const events = draftEvents(view, frames, claims)
  for (const event of events) {
    // "X claimed responsibility": the claimant is the actor of the attack it claims.
    if (event.type !== 'ASSAULT' || event.actors.length > 0) continue
    const claim = claims.find((c) => c.frame?.responsibility && c.claimant && claimsThisEvent(c.frame, event, events))
    if (claim?.claimant) event.actors = [claim.claimant]
  }
  return { events: events.map(toEventRecord), claims: reportedAttacks(frames, events, claims).map(toClaimRecord) }
}
