import type { KnowledgeBase } from '../kb/load-kb.js'
import type { Extraction, RecognizedArticle } from '../record/article.js'
import type { EntityRecord } from '../record/record.js'
import type { Stage } from '../record/stage.js'
import { buildArticleView, type Ref } from './article-view.js'
import { claimsToldAttack, findFrames, type Frame } from './attribution.js'
import { draftClaims, reportedAttacks, toClaimRecord } from './claims.js'
import type { ClaimDraft, EventDraft } from './drafts.js'
import { draftEvents, draftMaterialEvents, liesInCity, mergedMaterialEvents, toEventRecord } from './events.js'
import { struckFacilities } from './facilities.js'
import { bindSpeakerPronouns } from './speaker-pronouns.js'

/** What extraction reads from the run context: the knowledge base, for actors the article leaves unnamed. */
export interface ExtractNeeds {
  actors: { kb: KnowledgeBase }
}

/**
 * The extract stage: attribution frames first (who says what), then claims from what they say, then events —
 * material ones from trigger words, speech acts (accuse, reject, request, threaten) from the frames and claims.
 */
export const extract: Stage<RecognizedArticle, Extraction, ExtractNeeds> = {
  name: 'extract',
  reads: ['referenceDate', 'doc', 'entities', 'places', 'dates', 'focusCountry'],
  adds: ['events', 'claims', 'bodies'],
  uses: ['actors'],
  run(article, { actors }) {
    const { events, claims } = extractFrom(article, actors.kb)
    return { events, claims, bodies: unnamedBodies(article, events, claims, actors.kb) }
  },
}

/**
 * A spokesperson's body may go unnamed ("Mujahid said"), and so may a backer named by its demonym ("Indian-sponsored"):
 * the claims and events still name it, so the record carries it.
 */
function unnamedBodies(
  article: RecognizedArticle,
  events: Extraction['events'],
  claims: Extraction['claims'],
  kb: KnowledgeBase,
): EntityRecord[] {
  const bodies: EntityRecord[] = []
  const named = new Set(article.entities.map((e) => e.id))
  const parties = [...claims.flatMap((c) => [c.claimant, c.subject, c.object]), ...events.flatMap((e) => [...e.actors, ...e.targets])]
  for (const id of new Set(parties)) {
    const actor = id && !named.has(id) ? kb.byId.get(id) : undefined
    if (!actor) continue
    named.add(actor.id)
    bodies.push({
      id: actor.id,
      name: actor.name,
      type: actor.type,
      country: actor.country,
      aliases: [...actor.aliases],
      mentions: [],
      via: { stage: 'extract', rule: 'spokesperson-body' },
    })
  }
  return bodies
}

/**
 * The attack a passive claim of responsibility names: the event word right before "claimed by" ("a bombing in
 * Kabul claimed by IS"), or, for "It was claimed by" and "Responsibility (for the attack) was claimed by", the last
 * attack told before.
 */
function passivelyClaimed(frame: Frame, assaults: EventDraft[]): EventDraft | undefined {
  const at = frame.content[0]
  const before = assaults.filter((e) => e.sentence === frame.sentence && e.at < at && at - e.at <= 80).pop()
  if (before) return before
  if (
    !/^\W*(?:it|this|the (?:attack|assault|bombing|blast|explosion|shootout|raid|ambush)|responsibility(?:\s+for\s+(?:it|(?:the|this|that)(?:\s+[\w-]+){1,3}))?)\s+(?:was|had been|has been)\s+$/i.test(
      frame.sentence.masked.slice(0, at),
    )
  )
    return undefined
  return assaults.filter((e) => e.sentence.index < frame.sentence.index).pop()
}

/**
 * The place named in the words right before a passive claim ("an attack in Kabul claimed by IS") and the attack told
 * there, as the claim names it.
 */
function attackAtPlaceBefore(frame: Frame, assaults: EventDraft[]): { attack: EventDraft; place: Ref } | undefined {
  const before = frame.sentence.masked.slice(Math.max(0, frame.content[0] - 60), frame.content[0])
  const named = [...before.matchAll(/«P(\d+)»/g)].pop()
  const place = named ? frame.sentence.refs[Number(named[1])] : undefined
  if (!place) return undefined
  // an attack "in Kabul" is the one told at Kabul airport
  const attack = assaults.find((e) => e.place !== null && (e.place.id === place.id || liesInCity(e.place, place)))
  return attack ? { attack, place } : undefined
}

/**
 * The attacks an active claim ("the BLA claimed responsibility") is about: those of its own sentence, else the last
 * one told (or mentioned again) in the three sentences before it (or at any distance for "the attack"), else the
 * one told next. `bySentence` lists the attacks in sentence order.
 */
function activelyClaimed(frame: Frame, bySentence: EventDraft[]): EventDraft[] {
  const s = frame.sentence.index
  let lo = 0
  let hi = bySentence.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (bySentence[mid]!.sentence.index < s) lo = mid + 1
    else hi = mid
  }
  const here: EventDraft[] = []
  for (let i = lo; i < bySentence.length && bySentence[i]!.sentence.index === s; i++) here.push(bySentence[i]!)
  if (here.length > 0) return here
  const near = (e: EventDraft) => s - lastMention(e) <= 3 || claimsToldAttack(frame)
  const before = bySentence[lo - 1]
  // "… security forces killed three of the attackers. The HGB claimed the attack": not the army's response
  const unclaimed =
    before && before.actors.length > 0
      ? bySentence
          .slice(0, lo)
          .filter((e) => e.actors.length === 0 && near(e))
          .pop()
      : undefined
  if (unclaimed) return [unclaimed]
  if (before && near(before)) return [before]
  const next = bySentence[lo]
  return next && next.sentence.index === s + 1 ? [next] : []
}

const lastMention = (e: EventDraft) => Math.max(e.sentence.index, ...(e.laterMentions ?? []))

/** "The BLA said its fighters ambushed the convoy": a group telling of its own attack claims it as surely as "claimed responsibility". */
const ownsAttack = (c: ClaimDraft) => c.rule === 'attack-reference' && c.stance === 'asserts' && c.subject.id === c.claimant?.id

/** The first claim of responsibility (in claim order) that claims each event. */
function responsibilityClaims(claims: ClaimDraft[], events: EventDraft[]): (event: EventDraft) => ClaimDraft | undefined {
  const assaults = events.filter((e) => e.type === 'ASSAULT')
  const bySentence = [...assaults].sort((a, b) => a.sentence.index - b.sentence.index)
  const claimsOf = new Map<EventDraft, number>()
  claims.forEach((c, at) => {
    if (!c.frame || !c.claimant || !(c.frame.responsibility || ownsAttack(c))) return
    const named =
      c.frame.cue === 'claimed by'
        ? [passivelyClaimed(c.frame, assaults)].filter((e): e is EventDraft => e !== undefined)
        : activelyClaimed(c.frame, bySentence)
    for (const event of named) if (!claimsOf.has(event)) claimsOf.set(event, at)
  })
  return (event) => {
    const at = claimsOf.get(event)
    return at === undefined ? undefined : claims[at]
  }
}

/**
 * "Told" assaults by sentence: the first of a sentence (an attack mentioned again there, merged into one told
 * before, counts for that sentence too) and the last before it, by binary search.
 */
function toldAssaults(
  assaults: EventDraft[],
): { here: (s: number) => EventDraft | undefined; before: (s: number) => EventDraft | undefined } | null {
  const told = assaults.filter((e) => e.targets.length > 0 || e.place !== null)
  // merged events keep their first mention's sentence, and material mentions come in sentence order
  if (told.some((e, i) => i > 0 && e.sentence.index < told[i - 1]!.sentence.index)) return null
  const mentionedAgain = new Map<number, EventDraft>()
  for (const e of told) for (const s of e.laterMentions ?? []) if (!mentionedAgain.has(s)) mentionedAgain.set(s, e)
  const lowerBound = (s: number) => {
    let lo = 0
    let hi = told.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (told[mid]!.sentence.index < s) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return {
    here: (s) => (told[lowerBound(s)]?.sentence.index === s ? told[lowerBound(s)] : mentionedAgain.get(s)),
    before: (s) => told[lowerBound(s) - 1],
  }
}

/**
 * "The BLA carried out the attack, police said": the doer the reporter's own account names for an attack told before
 * (in its sentence or the three after) is its actor. A named party's allegation ("Iran said Jaish al-Adl carried it
 * out") stays an allegation: the accused is no actor until it claims the attack.
 */
function doerToldByReporter(event: EventDraft, claims: ClaimDraft[]): Ref[] {
  const s = event.sentence.index
  const object = event.targets[0] ?? event.place
  const told = claims.find(
    (c) =>
      c.claimant === null &&
      c.rule === 'attack-reference' &&
      c.stance === 'asserts' &&
      c.sentence >= s &&
      c.sentence <= s + 3 &&
      c.object?.id === object?.id,
  )
  return told ? [told.subject] : []
}

/**
 * "Security forces killed 12 terrorists … The militants belonged to the HGB, it added": the group a statement
 * says the dead of an operation belonged to (in its sentence or the two after) is whom the operation attacked.
 */
function operationTargets(event: EventDraft, claims: ClaimDraft[]): Ref[] {
  const s = event.sentence.index
  const named = claims.filter(
    (c) =>
      c.rule === 'attack-reference' &&
      c.sentence >= s &&
      c.sentence <= s + 2 &&
      c.object?.type === 'armed_group' &&
      event.actors.some((a) => a.id === c.subject.id),
  )
  return [...new Map(named.map((c) => [c.object!.id, c.object!])).values()]
}

function extractFrom(analysis: RecognizedArticle, kb: KnowledgeBase): Omit<Extraction, 'bodies'> {
  const view = buildArticleView(analysis, kb)
  const frames = findFrames(view)
  bindSpeakerPronouns(frames)
  let assaults: EventDraft[] = []
  let told: ReturnType<typeof toldAssaults> = null
  // "X claimed responsibility for the attack": the attack is the one told in this sentence or last before it.
  const toldAttack = (frame: Frame): EventDraft | undefined => {
    const isTold = (e: EventDraft) => e.targets.length > 0 || e.place !== null
    // "a bombing in Kabul, which … was claimed by IS": the attack right before the passive, not the sentence's first
    const claimed = frame.cue === 'claimed by' ? passivelyClaimed(frame, assaults) : undefined
    if (claimed && isTold(claimed)) return claimed
    // "an attack in Kabul claimed by IS", an attack merged into one told before: the attack at the place named right before
    const placed = frame.cue === 'claimed by' ? attackAtPlaceBefore(frame, assaults) : undefined
    if (placed) return { ...placed.attack, place: placed.place }
    const s = frame.sentence.index
    const here = told ? told.here(s) : assaults.find((e) => e.sentence.index === s && isTold(e))
    return here ?? (told ? told.before(s) : assaults.filter((e) => e.sentence.index < s && isTold(e)).pop())
  }
  const material = draftMaterialEvents(view, frames)
  assaults = mergedMaterialEvents(material).filter((e) => e.type === 'ASSAULT')
  told = toldAssaults(assaults)
  const claims = draftClaims(view, frames, toldAttack)
  const events = draftEvents(view, frames, claims, material)
  const claimOf = responsibilityClaims(claims, events)
  for (const event of events) {
    if (event.type === 'ASSAULT' && event.targets.length === 0) event.targets = operationTargets(event, claims)
    // "X claimed responsibility": the claimant is the actor of the attack it claims.
    if (event.type !== 'ASSAULT' || event.actors.length > 0) continue
    const claim = claimOf(event)
    if (claim?.claimant) event.actors = [claim.claimant]
    else event.actors = doerToldByReporter(event, claims)
  }
  const stated = [...claims, ...struckFacilities(view, frames, events)]
  return { events: events.map(toEventRecord), claims: reportedAttacks(frames, events, stated).map(toClaimRecord) }
}
