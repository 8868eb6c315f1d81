/**
 * Scoring one analysis record against one gold file (SPEC section 3), and micro-averaging
 * the results over documents. Pure functions: no I/O.
 */
import type { AnalysisRecord, ClaimRecord, EventRecord, PlaceRecord } from '../record/record.js'
import type { GoldClaim, GoldEvent, GoldFile, GoldPlace, NameList } from './gold.js'
import { distanceKm, intersects, matchBy, maximumMatching, nameSet, norm, rangesOverlap } from './match.js'
import type { NameSet } from './match.js'
import { describeGoldClaim, describeGoldEvent, describeSystemClaim, describeSystemEvent } from './labels.js'
import type { RecordIndex } from './record-index.js'
import { indexRecord } from './record-index.js'

export { norm } from './match.js'

export const PLACE_MATCH_KM = 25
export const EVENT_PLACE_MATCH_KM = 50
export const FATALITY_TOLERANCE = 0.1

export interface FragmentTally {
  /** keep: fragments found in the text; remove: fragments absent from it. */
  passed: number
  total: number
  rate: number | null
  /** The fragments that failed, as written in the gold. */
  failed: string[]
}

export interface Prf {
  p: number
  r: number
  f1: number
  tp: number
  fp: number
  fn: number
}

export interface CategoryScore extends Prf {
  /** Gold items left unmatched. */
  misses: string[]
  /** System items left unmatched. */
  spurious: string[]
  /** Claims only: why each missed gold item was missed, parallel to `misses` (see `claimMissReason`). */
  reasons?: ClaimMissReason[]
}

export interface AccuracyScore {
  accuracy: number | null
  correct: number
  total: number
  /** Matched events judged wrong, with what each side said. */
  wrong: string[]
}

export interface DocumentScore {
  cleaning: { keep: FragmentTally; remove: FragmentTally }
  entities: CategoryScore
  places: CategoryScore
  events: CategoryScore
  claims: CategoryScore
  event_actors: AccuracyScore
  event_actors_any: AccuracyScore
  event_targets: AccuracyScore
  event_targets_any: AccuracyScore
  event_fatalities: AccuracyScore
}

export const PRF_CATEGORIES = ['entities', 'places', 'events', 'claims'] as const
export const ACCURACY_MEASURES = ['event_actors', 'event_actors_any', 'event_targets', 'event_targets_any', 'event_fatalities'] as const

/** Scores one document; a null record (missing article, failed analysis) scores as all-miss. */
export function scoreDocument(gold: GoldFile, record: AnalysisRecord | null): DocumentScore {
  const index = indexRecord(record)
  const events = scoreEvents(gold, index)
  return {
    cleaning: scoreCleaning(gold, record),
    entities: scoreEntities(gold, index),
    places: scorePlaces(gold, index),
    events: events.category,
    claims: scoreClaims(gold, index),
    ...events.accuracy,
  }
}

// ── cleaning ────────────────────────────────────────────────────────────────

function scoreCleaning(gold: GoldFile, record: AnalysisRecord | null): DocumentScore['cleaning'] {
  if (record === null) return { keep: tally(gold.keep, () => false), remove: tally(gold.remove, () => false) }
  const text = norm(record.document.text)
  const present = (fragment: string) => text.includes(norm(fragment))
  return { keep: tally(gold.keep, present), remove: tally(gold.remove, (fragment) => !present(fragment)) }
}

function tally(fragments: string[], passes: (fragment: string) => boolean): FragmentTally {
  const failed = fragments.filter((fragment) => !passes(fragment))
  const passed = fragments.length - failed.length
  return { passed, total: fragments.length, rate: ratio(passed, fragments.length), failed }
}

// ── entities and places ─────────────────────────────────────────────────────

function scoreEntities(gold: GoldFile, index: RecordIndex): CategoryScore {
  const goldSets = gold.entities.map((entity) => nameSet(entity.names))
  const systemSets = index.entities.map((entity) => nameSet([entity.name, ...entity.aliases]))
  const matching = matchBy(goldSets.length, systemSets.length, (g, s) => intersects(goldSets[g]!, systemSets[s]!))
  return categoryScore(
    matching,
    gold.entities.map((entity) => entity.names[0]!),
    index.entities.map((entity) => entity.name),
  )
}

function scorePlaces(gold: GoldFile, index: RecordIndex): CategoryScore {
  const goldSets = gold.places.map((place) => nameSet(place.names))
  const matching = matchBy(gold.places.length, index.places.length, (g, s) => placesMatch(gold.places[g]!, goldSets[g]!, index.places[s]!))
  return categoryScore(
    matching,
    gold.places.map((place) => place.names[0]!),
    index.places.map((place) => place.name),
  )
}

function placesMatch(gold: GoldPlace, goldNames: NameSet, system: PlaceRecord): boolean {
  if (goldNames.has(norm(system.name))) return true
  return (
    gold.country !== null &&
    gold.country === system.country &&
    gold.lat !== null &&
    gold.lon !== null &&
    system.lat !== null &&
    system.lon !== null &&
    distanceKm(gold.lat, gold.lon, system.lat, system.lon) < PLACE_MATCH_KM
  )
}

// ── claims ──────────────────────────────────────────────────────────────────

function scoreClaims(gold: GoldFile, index: RecordIndex): CategoryScore {
  const counted = index.claims.filter((claim) => claim.claimant !== null)
  const goldKeys = gold.claims.map(claimKeyOfGold)
  const systemKeys = counted.map((claim) => claimKeyOfSystem(claim, index))
  const matching = matchBy(goldKeys.length, systemKeys.length, (g, s) => claimsMatch(goldKeys[g]!, systemKeys[s]!))
  const score = categoryScore(
    matching,
    gold.claims.map(describeGoldClaim),
    counted.map((claim) => describeSystemClaim(claim, index)),
  )
  const everyKey = index.claims.map((claim) => claimKeyOfSystem(claim, index))
  const reasons = goldKeys.filter((_, g) => matching[g] === -1).map((key) => claimMissReason(key, everyKey))
  return { ...score, reasons }
}

export const CLAIM_MISS_REASONS = [
  'stance wrong',
  'relation wrong',
  'claimant not found',
  'answer not linked',
  'object wrong',
  'relation not read',
] as const
export type ClaimMissReason = (typeof CLAIM_MISS_REASONS)[number]

/**
 * The nearest thing the system said instead of a missed gold claim, as a family of error: the same statement
 * with the other stance or relation, the right content with no or another claimant (the article's voice included),
 * an answer (denial, silence) whose party answered something else, the right parties with another object, or
 * nothing at all about the pair ("relation not read").
 */
export function claimMissReason(gold: ClaimKey, system: ClaimKey[]): ClaimMissReason {
  const same = (a: NameSet | null, b: NameSet | null) => (a === null || b === null ? a === b : intersects(a, b))
  const content = (k: ClaimKey) => same(gold.subject, k.subject) && same(gold.object, k.object)
  const byClaimant = (k: ClaimKey) => intersects(gold.claimant, k.claimant)
  if (system.some((k) => content(k) && byClaimant(k) && k.relation === gold.relation)) return 'stance wrong'
  if (system.some((k) => content(k) && byClaimant(k))) return 'relation wrong'
  if (system.some((k) => content(k) && k.relation === gold.relation && k.stance === gold.stance)) return 'claimant not found'
  if (gold.stance !== 'asserts' && system.some((k) => byClaimant(k) && k.stance === gold.stance)) return 'answer not linked'
  if (system.some((k) => byClaimant(k) && same(gold.subject, k.subject) && k.relation === gold.relation)) return 'object wrong'
  return 'relation not read'
}

export interface ClaimKey {
  claimant: NameSet
  subject: NameSet
  object: NameSet | null
  relation: string
  stance: string
}

function claimKeyOfGold(claim: GoldClaim): ClaimKey {
  return {
    claimant: nameSet(claim.claimant),
    subject: nameSet(claim.subject),
    object: claim.object === null ? null : nameSet(claim.object),
    relation: claim.relation,
    stance: claim.stance,
  }
}

function claimKeyOfSystem(claim: ClaimRecord, index: RecordIndex): ClaimKey {
  return {
    claimant: new Set([...index.namesOf(claim.claimant), ...index.namesOf(claim.speaker)]),
    subject: index.namesOf(claim.subject),
    object: claim.object === null ? null : index.namesOf(claim.object),
    relation: claim.relation,
    stance: claim.stance,
  }
}

function claimsMatch(gold: ClaimKey, system: ClaimKey): boolean {
  if (gold.relation !== system.relation || gold.stance !== system.stance) return false
  if (!intersects(gold.claimant, system.claimant) || !intersects(gold.subject, system.subject)) return false
  if (gold.object === null || system.object === null) return gold.object === system.object
  return intersects(gold.object, system.object)
}

// ── events ──────────────────────────────────────────────────────────────────

interface EventAgreement {
  actors: boolean
  actorsAny: boolean
  targets: boolean
  targetsAny: boolean
  /** null when neither side gives a number, so the event does not count. */
  fatalities: boolean | null
}

function scoreEvents(
  gold: GoldFile,
  index: RecordIndex,
): { category: CategoryScore; accuracy: Pick<DocumentScore, (typeof ACCURACY_MEASURES)[number]> } {
  const systemEvents = index.events
  const agreements = gold.events.map((goldEvent) => systemEvents.map((systemEvent) => eventAgreement(goldEvent, systemEvent, index)))
  // Among equally large matchings, prefer pairing events whose participants also agree.
  const matching = maximumMatching(gold.events.length, systemEvents.length, (g) =>
    systemEvents
      .map((_, s) => s)
      .filter((s) => eventsCompatible(gold.events[g]!, systemEvents[s]!, gold.places, index))
      .sort((a, b) => agreementWeight(agreements[g]![b]!) - agreementWeight(agreements[g]![a]!) || a - b),
  )
  const category = categoryScore(
    matching,
    gold.events.map(describeGoldEvent),
    systemEvents.map((event) => describeSystemEvent(event, index)),
  )

  const accuracy = {
    event_actors: emptyAccuracy(),
    event_actors_any: emptyAccuracy(),
    event_targets: emptyAccuracy(),
    event_targets_any: emptyAccuracy(),
    event_fatalities: emptyAccuracy(),
  }
  matching.forEach((s, g) => {
    if (s === -1) return
    const agreement = agreements[g]![s]!
    const pair = () => `${describeGoldEvent(gold.events[g]!)}  ⇄  ${describeSystemEvent(systemEvents[s]!, index)}`
    record(accuracy.event_actors, agreement.actors, pair)
    record(accuracy.event_actors_any, agreement.actorsAny, pair)
    record(accuracy.event_targets, agreement.targets, pair)
    record(accuracy.event_targets_any, agreement.targetsAny, pair)
    if (agreement.fatalities !== null) record(accuracy.event_fatalities, agreement.fatalities, pair)
  })
  for (const measure of Object.values(accuracy)) measure.accuracy = ratio(measure.correct, measure.total)
  return { category, accuracy }
}

function eventsCompatible(gold: GoldEvent, system: EventRecord, goldPlaces: GoldPlace[], index: RecordIndex): boolean {
  if (gold.type !== system.type) return false
  if (gold.place !== null && !eventPlaceMatches(gold.place, system.place, goldPlaces, index)) return false
  if (gold.date === null) return true
  return rangesOverlap({ start: gold.date[0], end: gold.date[1] }, { start: system.date?.start ?? null, end: system.date?.end ?? null })
}

/** Gold event places carry names only; their coordinates come from the gold place list of the same file. */
function eventPlaceMatches(goldNames: NameList, systemPlaceId: string | null, goldPlaces: GoldPlace[], index: RecordIndex): boolean {
  const system = systemPlaceId === null ? undefined : index.placeById.get(systemPlaceId)
  if (system === undefined) return false
  const names = nameSet(goldNames)
  if (names.has(norm(system.name))) return true
  if (system.lat === null || system.lon === null) return false
  const { lat, lon } = system
  return goldPlaces.some(
    (place) =>
      place.lat !== null &&
      place.lon !== null &&
      intersects(nameSet(place.names), names) &&
      distanceKm(place.lat, place.lon, lat, lon) < EVENT_PLACE_MATCH_KM,
  )
}

function eventAgreement(gold: GoldEvent, system: EventRecord, index: RecordIndex): EventAgreement {
  const goldActors = gold.actors.map((names) => nameSet(names))
  const goldTargets = gold.targets.map((names) => nameSet(names))
  const systemActors = system.actors.map((id) => index.namesOf(id))
  const systemTargets = system.targets.map((id) => index.namesOf(id))
  return {
    actors: participantsAgree(goldActors, systemActors),
    actorsAny: participantsOverlap(goldActors, systemActors),
    targets: participantsAgree(goldTargets, systemTargets),
    targetsAny: participantsOverlap(goldTargets, systemTargets),
    fatalities: fatalitiesAgree(gold.fatalities, systemFatalities(system)),
  }
}

/** Every gold participant is found among the system's and vice versa; both empty agree. */
function participantsAgree(gold: NameSet[], system: NameSet[]): boolean {
  return gold.every((g) => system.some((s) => intersects(g, s))) && system.every((s) => gold.some((g) => intersects(g, s)))
}

/** Some participant is shared, or both sides have none. */
function participantsOverlap(gold: NameSet[], system: NameSet[]): boolean {
  if (gold.length === 0 && system.length === 0) return true
  return gold.some((g) => system.some((s) => intersects(g, s)))
}

/** The system's best estimate, or its only bound when no best is given ("at least 10" → low 10). */
function systemFatalities(event: EventRecord): number | null {
  const counts = event.fatalities
  if (counts === null || counts === undefined) return null
  return counts.best ?? counts.low ?? counts.high ?? null
}

/** Within 10 % of the gold figure; an unknown count equals zero. null when neither side has a number. */
export function fatalitiesAgree(gold: number | null, system: number | null): boolean | null {
  if (gold === null && system === null) return null
  const goldCount = gold ?? 0
  return Math.abs((system ?? 0) - goldCount) <= FATALITY_TOLERANCE * goldCount
}

function agreementWeight(agreement: EventAgreement): number {
  return (
    Number(agreement.actors) +
    Number(agreement.actorsAny) +
    Number(agreement.targets) +
    Number(agreement.targetsAny) +
    Number(agreement.fatalities === true)
  )
}

function emptyAccuracy(): AccuracyScore {
  return { accuracy: null, correct: 0, total: 0, wrong: [] }
}

function record(measure: AccuracyScore, correct: boolean, describePair: () => string): void {
  measure.total++
  if (correct) measure.correct++
  else measure.wrong.push(describePair())
}

// ── totals ──────────────────────────────────────────────────────────────────

export interface Totals {
  cleaning: {
    keep: number | null
    remove: number | null
    keep_passed: number
    keep_total: number
    remove_passed: number
    remove_total: number
  }
  entities: Prf
  places: Prf
  events: Prf
  claims: Prf
  event_actors: Omit<AccuracyScore, 'wrong'>
  event_actors_any: Omit<AccuracyScore, 'wrong'>
  event_targets: Omit<AccuracyScore, 'wrong'>
  event_targets_any: Omit<AccuracyScore, 'wrong'>
  event_fatalities: Omit<AccuracyScore, 'wrong'>
}

/** Micro-averages: counts are summed over documents before rates are taken. */
export function totalScores(documents: DocumentScore[]): Totals {
  const sum = (pick: (document: DocumentScore) => number) => documents.reduce((total, d) => total + pick(d), 0)
  const prf = (category: (typeof PRF_CATEGORIES)[number]) =>
    prfOf(
      sum((d) => d[category].tp),
      sum((d) => d[category].fp),
      sum((d) => d[category].fn),
    )
  const accuracy = (measure: (typeof ACCURACY_MEASURES)[number]) => {
    const correct = sum((d) => d[measure].correct)
    const total = sum((d) => d[measure].total)
    return { accuracy: ratio(correct, total), correct, total }
  }
  const keepPassed = sum((d) => d.cleaning.keep.passed)
  const keepTotal = sum((d) => d.cleaning.keep.total)
  const removePassed = sum((d) => d.cleaning.remove.passed)
  const removeTotal = sum((d) => d.cleaning.remove.total)
  return {
    cleaning: {
      keep: ratio(keepPassed, keepTotal),
      remove: ratio(removePassed, removeTotal),
      keep_passed: keepPassed,
      keep_total: keepTotal,
      remove_passed: removePassed,
      remove_total: removeTotal,
    },
    entities: prf('entities'),
    places: prf('places'),
    events: prf('events'),
    claims: prf('claims'),
    event_actors: accuracy('event_actors'),
    event_actors_any: accuracy('event_actors_any'),
    event_targets: accuracy('event_targets'),
    event_targets_any: accuracy('event_targets_any'),
    event_fatalities: accuracy('event_fatalities'),
  }
}

// ── shared helpers ──────────────────────────────────────────────────────────

function categoryScore(systemOfGold: number[], goldLabels: string[], systemLabels: string[]): CategoryScore {
  const matchedSystem = new Set(systemOfGold.filter((s) => s !== -1))
  const misses = goldLabels.filter((_, g) => systemOfGold[g] === -1)
  const spurious = systemLabels.filter((_, s) => !matchedSystem.has(s))
  return { ...prfOf(matchedSystem.size, spurious.length, misses.length), misses, spurious }
}

/** Precision, recall and F1; with nothing on either side the category is perfect, with nothing on one side it scores 0. */
export function prfOf(tp: number, fp: number, fn: number): Prf {
  if (tp + fp + fn === 0) return { p: 1, r: 1, f1: 1, tp, fp, fn }
  const p = tp + fp === 0 ? 0 : tp / (tp + fp)
  const r = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r)
  return { p, r, f1, tp, fp, fn }
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}
