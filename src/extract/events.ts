import type { ClaimRelation, DateRange, EntityType, EventRecord, EventType, Fatalities, PlaceKind } from '../record/record.js'
import { lexicon } from '../lexicon/load.js'
import { UNIDENTIFIED_ARMED_GROUP } from '../record/actor-entry.js'
import { inflections } from './inflect.js'
import { allMatches, alternativesInOrder, PhraseScanner, phraseAlternatives } from '../lexicon/pattern.js'
import { isOfficial, partyFamily, refsIn, sameSide, type ArticleView, type MaskedSentence, type Ref } from './article-view.js'
import { isStatementVerb, referencesAttack, refersBackBefore, type Frame } from './attribution.js'
import type { ClaimDraft, EventDraft } from './drafts.js'
import { distanceKm } from '../gazetteer/gazetteer.js'
import { locatedFatalitiesIn, otherTollsIn, readCount, victimAsides } from './numbers.js'

/** Event types of material acts (told by a trigger word), as against verbal ones (read from what a party says). */
const MATERIAL = {
  AGREE: true,
  CONSULT: true,
  SUPPORT: false,
  CONCEDE: false,
  COOPERATE: false,
  AID: true,
  RETREAT: true,
  REQUEST: false,
  ACCUSE: false,
  REJECT: false,
  THREATEN: false,
  PROTEST: true,
  SANCTION: true,
  MOBILIZE: true,
  COERCE: true,
  ASSAULT: true,
} as const satisfies Record<EventType, boolean>
/** Entity types that act in events (media only report them). */
const ACTING_TYPES = {
  armed_group: true,
  state: true,
  government: true,
  security_force: true,
  political_party: true,
  international_org: true,
  organization: true,
  media: false,
  person: true,
} as const satisfies Record<EntityType, boolean>
const isActingType = (type: EntityType | 'place') => type !== 'place' && ACTING_TYPES[type]
/** Triggers that name an event only with a count, a place or a named party beside them. */
const WEAK: ReadonlySet<string> = new Set(lexicon('events').weakTriggers)
const SINGLE_EVENT_PLURALS: ReadonlySet<string> = new Set(lexicon('events').singleEventPlurals)
const PROSCRIPTION: ReadonlySet<string> = new Set(lexicon('events').proscriptionWords)
const PATIENT_WORDS: ReadonlySet<string> = new Set(lexicon('events').patientWords)
const POSSESSED_EVENT_NOUNS: ReadonlySet<string> = new Set(lexicon('events').possessedEventNouns)
const CLASH_WORDS: ReadonlySet<string> = new Set(lexicon('events').clashWords)
const MODAL_BEFORE =
  /\b(?:could|would|might|may|will|plan(?:s|ned|ning)?(?: to)?|planning|threaten(?:s|ed|ing)? to|vow(?:s|ed)? to|prevent(?:ing)?|aim(?:s|ed)? to|against|counter|fight(?:ing)? against|any|future|potential|possible|such|of|no)\s+(?:\w+\s+)?$|\bto\s+(?:carry out|launch|conduct|stage|mount|commit|plan|execute|perpetrate|prevent|stop|avoid)\s+(?:[\w-]+\s+){0,3}$/i

/**
 * "used by terrorists to attack Pakistan", "trained to strike": a bare verb after "to" tells a purpose, not an act
 * that happened; only after a verb of beginning or trying ("began to shell", "tried to storm") did it take place.
 */
function isPurpose(before: string, word: string): boolean {
  if (/(?:s|ed|ing)$/i.test(word) || !/\bto\s+$/i.test(before)) return false
  return !AFTER_ONSET.test(before)
}

const AFTER_ONSET = new RegExp(`\\b(?:${phraseAlternatives(lexicon('events').onsetVerbs)})\\s+to\\s+$`, 'i')

let compiled: { scanner: PhraseScanner; byWord: Map<string, { type: EventType; mode: string | null }> } | undefined

function triggers() {
  if (!compiled) {
    const lex = lexicon('events')
    const byWord = new Map<string, { type: EventType; mode: string | null }>()
    for (const group of lex.triggers)
      for (const word of [...group.words, ...(group.lemmas ?? []).flatMap(inflections)])
        if (!byWord.has(word)) byWord.set(word, { type: group.type, mode: group.mode })
    compiled = { scanner: new PhraseScanner([...byWord.keys()]), byWord }
  }
  return compiled
}

/**
 * The material events of every sentence, told by trigger words, with their slots filled: they depend on the
 * sentences and frames alone, so extraction drafts them once and `draftEvents` merges them with each pass's speech acts.
 */
export function draftMaterialEvents(view: ArticleView, frames: Frame[]): EventDraft[] {
  const drafts: EventDraft[] = []
  const framesOf = groupBy(frames, (f) => f.sentence)
  const typesTold = new Set<EventType>()
  for (const sentence of view.sentences) {
    if (updatesToll(sentence, drafts)) continue
    tollOfToldAttack(sentence, drafts)
    const found = materialEvents(sentence, framesOf.get(sentence) ?? [], typesTold)
    for (const event of found) {
      strikesBack(event, drafts)
      answersInPlace(event, drafts)
    }
    // "The army said the attack was repulsed": the toll may follow a sentence retelling the attack
    const last = drafts.filter((e) => e.type === 'ASSAULT').pop()
    if (last && found.length === 0 && sentence.index - (last.retoldAt ?? last.sentence.index) === 1 && retellsAttack(sentence))
      last.retoldAt = sentence.index
    if (found.length === 0) countsFor(sentence, drafts)
    drafts.push(...found)
    for (const e of found) typesTold.add(e.type)
  }
  datesFromAnchors(drafts)
  return drafts
}

/**
 * The events of an article: its material events (from `draftMaterialEvents`) and the speech acts of its frames and
 * claims, the mentions of one incident merged. Merging rewrites the drafts it keeps, so it works on copies of the
 * material ones (their fields are replaced, never changed in place).
 */
export function draftEvents(view: ArticleView, frames: Frame[], claims: ClaimDraft[], material: readonly EventDraft[]): EventDraft[] {
  return codable(mergeEvents([...material.map((e) => ({ ...e })), ...speechEvents(frames, claims, view)]))
}

/**
 * The material events alone, merged as `draftEvents` merges them: a speech act never merges with a material event
 * (nor changes the order of those before it), so these are the material events of `draftEvents`, before any claim.
 */
export function mergedMaterialEvents(material: readonly EventDraft[]): EventDraft[] {
  return codable(mergeEvents(material.map((e) => ({ ...e }))))
}

/** An event with neither a place nor a party is no codable event (ACLED codes none without a location). */
function codable(events: EventDraft[]): EventDraft[] {
  return events.filter((e) => (!MATERIAL[e.type] || e.place !== null || e.actors.length > 0 || e.targets.length > 0) && !isTally(e))
}

const DAY_MS = 86_400_000
/** The longest an attack told with a date of its own may span: ACLED codes events to the day, or the month at worst. */
const MAX_EVENT_DAYS = 31

/**
 * "Last year, militants killed more than 1,000 people across Khyber Pakhtunkhwa": attacks dated only by a year or a
 * season, somewhere in a province or a country, are a tally of many. "In 2021, a bombing in Dasu killed 13" is one.
 */
function isTally(e: EventDraft): boolean {
  if (e.type !== 'ASSAULT' || !e.date.start || !e.date.end) return false
  const days = (Date.parse(e.date.end) - Date.parse(e.date.start)) / DAY_MS + 1
  const broad = e.place === null || e.place.placeKind === 'country' || e.place.placeKind === 'admin1' || e.place.placeKind === 'region'
  return days > MAX_EVENT_DAYS && broad
}

const TOLL_UPDATE = new RegExp(lexicon('numbers').tollUpdate, 'i')

/**
 * "The death toll rose to 22 on Tuesday": an update raises the toll of the last attack told, and is no event of
 * its own (its date is the day of the update, not of the attack). ACLED codes the latest figure.
 */
function updatesToll(sentence: MaskedSentence, earlier: EventDraft[]): boolean {
  const update = TOLL_UPDATE.exec(sentence.text)
  if (!update) return false
  const attack = earlier.filter((e) => e.type === 'ASSAULT' && sentence.index - e.sentence.index <= 4).pop()
  const count = readCount(sentence.text.slice(update.index + update[0].length).trimStart())
  if (!attack || !count) return false
  const raised = { low: count.low, best: count.best, high: count.high }
  if (!attack.fatalities || (raised.best ?? 0) > (attack.fatalities.best ?? 0)) attack.fatalities = raised
  return true
}

const DIED_IN_THE =
  /\b(?:(?:were|was|have been|had been)\s+(?:killed|martyred|slain)|died|lost their lives|perished)\s+(?:in|during)\s+(?:the|these|those|this|that)\b/i
const lastMentioned = (e: EventDraft) => Math.max(e.sentence.index, ...(e.laterMentions ?? []))

/**
 * "Ten people were killed in the strikes, the agency reported": a toll that names its attack only by a definite
 * description, with no place of its own, is the toll of the last attack told without one, however far back.
 */
function tollOfToldAttack(sentence: MaskedSentence, earlier: EventDraft[]): boolean {
  if (/«P\d+»/.test(sentence.masked) || !DIED_IN_THE.test(sentence.text) || !referencesAttack(sentence.text)) return false
  const attack = earlier.filter((e) => e.type === 'ASSAULT').pop()
  // nearer mentions merge with the attack by themselves
  if (!attack || attack.fatalities || sentence.index - lastMentioned(attack) < 3) return false
  const toll = locatedFatalitiesIn(sentence.text)
  if (!toll) return false
  attack.fatalities = toll.fatalities
  return true
}

/**
 * "A bomb exploded near a police van. Two policemen lost their lives …": a toll told in the sentence after an
 * attack, with no event word of its own, is that attack's toll.
 */
function countsFor(sentence: MaskedSentence, earlier: EventDraft[]): void {
  // "Gunmen stormed a bus and abducted its passengers. Nine bodies were recovered": the toll skips the other event words
  const last = earlier.filter((e) => e.type === 'ASSAULT').pop()
  if (!last || last.fatalities || sentence.index - (last.retoldAt ?? last.sentence.index) !== 1) return
  const toll = locatedFatalitiesIn(sentence.text)
  if (toll) last.fatalities = toll.fatalities
}

/**
 * "Terrorists attacked a post in North Waziristan, martyring seven soldiers. Security forces responded and killed four
 * terrorists": the attacked side's answer, told right after with no place of its own, is fought where it was attacked.
 */
function answersInPlace(event: EventDraft, earlier: EventDraft[]): void {
  if (event.type !== 'ASSAULT' || event.place !== null || event.actors.length === 0) return
  const attack = earlier.filter((e) => e.type === 'ASSAULT' && e.place !== null).pop()
  if (!attack || event.sentence.index - lastMentioned(attack) !== 1) return
  // the mentions of one sentence are merged later ("soldiers were martyred when terrorists attacked a post")
  const attacked = earlier.filter((e) => e.type === 'ASSAULT' && e.sentence === attack.sentence).flatMap((e) => e.targets)
  if (attacked.some((t) => event.actors.some((a) => a.id === t.id || sameSide(a, t)))) event.place = attack.place
}

/** A sentence with no event word of its own that speaks of "the attack", "the blast" … told before. */
function retellsAttack(sentence: MaskedSentence): boolean {
  const { scanner, byWord } = triggers()
  return scanner
    .matches(sentence.masked)
    .some(
      (m) =>
        byWord.get(m[0].toLowerCase().replace(/\s+/g, ' '))?.type === 'ASSAULT' &&
        /\b(?:the|this|that)\s+$/i.test(sentence.masked.slice(Math.max(0, m.index - 6), m.index)),
    )
}

/**
 * "Its forces killed around 200 of the attackers": a side's counter-attack on "the attackers" targets the actors of
 * the attack on that side told in the sentences before. "Our troops gave a befitting response against the
 * aggression": an answer told by its own word targets the last other side that attacked.
 */
function strikesBack(event: EventDraft, earlier: EventDraft[]): void {
  if (event.type !== 'ASSAULT' || event.actors.length === 0 || event.targets.length > 0) return
  const words = participantWords()
  const answer = words.counterAttack.test(event.sentence.masked.slice(event.at))
  if (!answer && !words.attackers.test(event.sentence.masked.slice(event.at))) return
  const ours = (r: Ref) => event.actors.some((a) => a.id === r.id || sameSide(a, r))
  // The mentions of one sentence are merged later ("soldiers were killed repelling a Taliban attack" is two drafts).
  for (let i = earlier.length - 1; i >= 0; i--) {
    const told = earlier[i]!.sentence
    if (event.sentence.index - told.index > 3) return
    const attacks = earlier.filter((e) => e.sentence === told && e.type === 'ASSAULT')
    if (!answer && !attacks.some((e) => e.targets.some(ours))) continue
    const attackers = uniqueRefs(attacks.flatMap((e) => e.actors)).filter((a) => !ours(a))
    if (attackers.length > 0) {
      event.targets = attackers
      // an answer with no place of its own is given where the attack came
      if (answer) event.place ??= attacks.find((e) => e.place !== null)?.place ?? null
      return
    }
    if (!answer) return
  }
}

/**
 * "foiled an infiltration bid by TTP militants, killing 16 of them": those killed are the attackers, so the killing
 * is the defenders' (the first official party of the clause, or the state whose statement it is), aimed at them.
 */
function defendersKilling(
  sentence: MaskedSentence,
  at: number,
  word: string,
  scope: [number, number],
  read: { actors: Ref[]; targets: Ref[] },
  frame: Frame | undefined,
): { actors: Ref[]; targets: Ref[] } {
  if (!participantWords().ofTheAttackers.test(sentence.masked.slice(at + word.length, at + word.length + 60))) return read
  const attackers = read.actors.filter((a) => a.type === 'armed_group')
  if (attackers.length === 0) return read
  const official = refsIn(sentence, sentence.masked.slice(scope[0], at)).find(isOfficial)
  const defender = official ?? (frame?.claimant && isOfficial(frame.claimant) ? frame.claimant : undefined)
  return defender ? { actors: [defender], targets: uniqueRefs([...attackers, ...read.targets]) } : read
}

const NEGATED_BEFORE = /\b(?:no|not|never|without|denied|deny|denies|no public confirmation of)\b[^«.;]{0,30}$/i

/** Groups items by a key, keeping their order within each group. */
function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

const OTHER_TIME = new RegExp(`\\b(?:${lexicon('events').otherTimeWords.join('|')})\\b`, 'i')
/**
 * "five days after an attack in Kabul", "three days after ten people died in a similar attack in Mastung": an event
 * told as the time of another happened on a day of its own.
 */
const OTHER_TIME_BEFORE = new RegExp(
  `\\b(?:days?|weeks?|months?|years?|hours?)\\s+(?:${lexicon('events').timeLinkers.join('|')})\\s+(?:(?:an?|the|its|their)\\s+(?:[\\w-]+\\s+){0,2}|[^,;.]{0,60}?\\b(?:in|during)\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2})$`,
  'i',
)

/** "A week after the blast", "three days before": a span of time from another event, as a date mention gives it. */
const SPAN_FROM_EVENT = /^(an?|[\w-]+)\s+(day|week|month)s?\s+(after|later|before|earlier)$/i
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 }

/**
 * "A bomb exploded in Quetta last week. A week after the blast, gunmen attacked a bus in Kalat": an event dated by a
 * span from an event told before is dated from that event's date, not from the article's (which chrono cannot know).
 * The span keeps the anchor's uncertainty: a week after "last week" is the week after it.
 */
function datesFromAnchors(drafts: EventDraft[]): void {
  for (const event of drafts) {
    const span = event.date.start === null && event.date.text ? SPAN_FROM_EVENT.exec(event.date.text.trim()) : null
    if (!span) continue
    const anchor = drafts.filter((e) => e.sentence.index < event.sentence.index && e.date.start && e.date.end).pop()
    if (!anchor) continue
    const count = /^an?$/i.test(span[1]!) ? 1 : readCount(span[1]!)?.best
    if (!count) continue
    const days = count * UNIT_DAYS[span[2]!.toLowerCase()]! * (/after|later/i.test(span[3]!) ? 1 : -1)
    event.date = { start: shiftDays(anchor.date.start!, days), end: shiftDays(anchor.date.end!, days), text: event.date.text }
  }
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

const AGENT_NOUNS = new Set(lexicon('events').agentNouns)

/** A trigger of another material type within a few words after an agent noun: what the agents did. */
function doesOtherKind(
  matches: readonly RegExpMatchArray[],
  byWord: ReadonlyMap<string, { type: EventType }>,
  agent: RegExpMatchArray,
  type: EventType,
): boolean {
  const end = agent.index! + agent[0].length
  return matches.some((m) => {
    if (m.index! < end || m.index! > end + 30) return false
    const other = byWord.get(m[0].toLowerCase().replace(/\s+/g, ' '))
    return other !== undefined && other.type !== type && MATERIAL[other.type]
  })
}

/** "after the blast", "days before this attack": an event named only as the time of another. */
const TIME_ANCHOR_BEFORE = new RegExp(`\\b(?:${lexicon('events').timeLinkers.join('|')})\\s+(?:the|this|that)\\s+$`, 'i')

/** `sentenceFrames`: the frames of this sentence; `typesTold`: the event types of the sentences before it. */
function materialEvents(sentence: MaskedSentence, sentenceFrames: Frame[], typesTold: ReadonlySet<EventType>): EventDraft[] {
  const { scanner, byWord } = triggers()
  const triggerMatches = scanner.matches(sentence.masked)
  // the sentence's toll, read once: every assault of the sentence asks for it
  let toll: ReturnType<typeof locatedFatalitiesIn> | undefined
  const sentenceToll = () => {
    if (toll === undefined) toll = locatedFatalitiesIn(sentence.text)
    return toll
  }
  const found: EventDraft[] = []
  const asides = victimAsides(sentence.masked)
  const referredBack = new Map<EventType, number>()
  const aggregated = new Set<EventType>()
  for (const match of triggerMatches) {
    const word = match[0].toLowerCase().replace(/\s+/g, ' ')
    const at = match.index
    const retyped = retypedByObject(word, sentence.masked.slice(at + match[0].length))
    const spec = retyped === undefined ? byWord.get(word) : retyped
    if (!spec || !MATERIAL[spec.type]) continue
    if (asides.some(([start, end]) => at >= start && at < end)) continue
    // "Gunmen kidnapped a judge": the doers' noun names no event of its own when their verb tells another kind
    if (AGENT_NOUNS.has(word) && doesOtherKind(triggerMatches, byWord, match, spec.type)) continue
    if (spec.type === 'ASSAULT' && isAggregate(sentence.masked, at, word)) {
      aggregated.add(spec.type)
      continue
    }
    // "the Doha Agreement", "Operation Zarb-e-Azb": a capitalized trigger inside a name is no event; nor is "non-aggression".
    if (/^\p{Lu}/u.test(match[0]) && at > 0 && !/[.!?“"]\s*$/.test(sentence.masked.slice(0, at))) continue
    if (/(?:non|anti|counter)[-‑]$/i.test(sentence.masked.slice(Math.max(0, at - 8), at))) continue
    if (
      (MODAL_BEFORE.test(sentence.masked.slice(Math.max(0, at - 30), at)) ||
        isPurpose(sentence.masked.slice(Math.max(0, at - 30), at), word)) &&
      !/\b(?:at least|killing)\b/.test(sentence.masked.slice(at, at + 40))
    )
      continue
    if (found.some((e) => e.type === spec.type && Math.abs(e.at - at) < 25)) {
      const same = found.find((e) => e.type === spec.type)!
      if (!same.mode && spec.mode) same.mode = spec.mode
      continue
    }
    // ", killing four soldiers": a participle after the main clause continues its event.
    const continued = found.find((e) => e.type === spec.type)
    // "attacked a camp and killed six personnel": a second verb of the same subject continues it too
    const prefix = sentence.masked.slice(0, at)
    const continues = (/ing$/.test(word) && /,\s*$/.test(prefix)) || /\band\s+$/.test(prefix)
    // "repeated attacks since 2007, killing hundreds", "a string of attacks in Kech has killed 40": what continues a
    // tally is the tally
    if ((continues || /\b(?:has|have|had)\s+(?:\w+\s+)?$/i.test(prefix)) && aggregated.has(spec.type)) continue
    if (continued && continues) {
      const counted = spec.type === 'ASSAULT' ? sentenceToll() : null
      if (counted && !continued.fatalities) continued.fatalities = counted.fatalities
      continue
    }
    const frame = sentenceFrames.find((f) => at >= f.content[0] && at < f.content[1])
    const scope: [number, number] = frame ? frame.content : [0, sentence.masked.length]
    const read = participants(sentence, at, word, scope, spec.type)
    const { actors, targets } = spec.type === 'ASSAULT' ? defendersKilling(sentence, at, word, scope, read, frame) : read
    // "ISKP's media wing confirmed a clash with Baloch militants": in a party's own account, it fought the other side.
    const claimant = frame?.claimant
    if (
      spec.mode === 'clash' &&
      targets.length === 0 &&
      claimant &&
      isActingType(claimant.type) &&
      actors.length > 0 &&
      !actors.some((a) => a.id === claimant.id)
    )
      targets.push(claimant)
    if (actors.length === 0 && claimant && frame.stance === 'asserts' && actsAgainstOwnInsurgents(claimant, targets)) actors.push(claimant)
    const place = placeOf(sentence, at, scope)
    const counted = spec.type === 'ASSAULT' ? sentenceToll() : null
    const fatalities = counted && nearestTrigger(sentence, triggerMatches, at, counted.at, found) ? counted.fatalities : null
    const moreDead = fatalities !== null && MORE_DEAD.test(sentence.text.slice(counted!.at))
    const specificPlace = place !== null && place.placeKind !== 'country'
    // "the hideouts targeted were those of the BLA": a weak word naming whose things were hit continues an attack told before
    const continuesAttack =
      spec.type === 'ASSAULT' &&
      typesTold.has('ASSAULT') &&
      heldThingOwners(sentence.masked.slice(0, at), sentence.masked.slice(at + word.length)) !== null
    const grounded =
      fatalities !== null || specificPlace || continuesAttack || ((actors.length > 0 || targets.length > 0) && !WEAK.has(word))
    // "drones struck a market in Panjgur": a weak word that names what it hit, somewhere, tells an attack
    const hitsObject = specificPlace && spec.type === 'ASSAULT' && participantWords().struckObject.test(afterWord(sentence, at, word))
    if (WEAK.has(word) && !(fatalities !== null || (specificPlace && actors.length + targets.length > 0) || continuesAttack || hitsObject))
      continue
    if (!grounded && WEAK.has(word)) continue
    if ((spec.type === 'RETREAT' || spec.type === 'AID') && targets.length === 0) continue
    // "ISIS attacks in Afghanistan": plural attacks with no toll and no place smaller than a country are a pattern, not an event.
    if (spec.type === 'ASSAULT' && /s$/.test(word) && !SINGLE_EVENT_PLURALS.has(word) && !fatalities && !specificPlace) continue
    if (NEGATED_BEFORE.test(sentence.masked.slice(Math.max(0, at - 45), at))) continue
    if (PROSCRIPTION.has(word) && /^\s+(?:«E|outfits?|groups?|organi[sz]ations?|militant)/.test(sentence.masked.slice(at + word.length)))
      continue
    // "the attack", "the arrest" refer back to an event already told, unless they bring a death toll.
    if (/\b(?:the|this|that)\s+$/i.test(sentence.masked.slice(Math.max(0, at - 6), at)) && !fatalities && typesTold.has(spec.type)) {
      // "A week after the blast, gunmen attacked a bus": the event told as the time of the sentence's own is no retelling
      if (!TIME_ANCHOR_BEFORE.test(sentence.masked.slice(Math.max(0, at - 30), at))) referredBack.set(spec.type, at)
      continue
    }
    // "The explosion in the mosque was caused by a suicide bomber": the rest of a sentence that retells an event is that event.
    const retold = referredBack.get(spec.type)
    const retells = retold !== undefined && !fatalities && !OTHER_TIME.test(sentence.masked.slice(retold, at))
    const otherTime = OTHER_TIME_BEFORE.test(sentence.masked.slice(Math.max(0, at - 90), at))
    // the same incident told again in the sentence: "airstrikes in Paktika, which (the Taliban said) killed 46
    // civilians", "arrested 13 suspects in raids across Punjab"
    const host = incidentBefore(sentence.masked, at, spec.type, found)
    if (host) {
      if (host.type === spec.type) host.fatalities ??= fatalities
      continue
    }
    found.push({
      type: spec.type,
      mode: spec.mode,
      actors,
      targets,
      place,
      placesNamed: placesIn(sentence, scope),
      date: otherTime ? { start: null, end: null, text: null } : dateOf(sentence, at),
      fatalities,
      ...(retells ? { retells } : {}),
      ...(moreDead ? { moreDead } : {}),
      reportedBy: frame?.claimant ?? null,
      sentence,
      at,
      rule: 'trigger',
    })
  }
  giveOtherTolls(sentence, found)
  return found
}

/**
 * "The attack, the deadliest since a 2023 bombing that killed 84 people, left 12 soldiers dead": a second toll of the
 * sentence belongs to the one attack of it with none, told apart from those with a toll by its place or its date.
 */
function giveOtherTolls(sentence: MaskedSentence, found: EventDraft[]): void {
  const assaults = found.filter((e) => e.type === 'ASSAULT')
  const counted = assaults.filter((e) => e.fatalities !== null)
  if (counted.length === 0) return
  const taken = new Set(counted.map((e) => e.fatalities!.best))
  for (const toll of otherTollsIn(sentence.text)) {
    if (taken.has(toll.fatalities.best)) continue
    const apart = assaults.filter((e) => e.fatalities === null && counted.every((c) => placesConflict(c, e) || datesApart(c.date, e.date)))
    if (apart.length !== 1) return
    apart[0]!.fatalities = toll.fatalities
    counted.push(apart[0]!)
    taken.add(toll.fatalities.best)
  }
}

const datesApart = (a: DateRange, b: DateRange) => !!(a.start && b.start && (a.end! < b.start || b.end! < a.start))

const RELATIVE_EVENT = /,\s*which\s+(?:(?:the\s+)?«E\d+»\s+(?:said|says|claimed|claims)\s+)?(?:\w+\s+)?$/i
const MANNER_BEFORE = /\bin\s+(?:(?:an?|the|a\s+series\s+of|several|multiple|joint|overnight|separate)\s+)?$/i

/**
 * The event of the sentence that an event word only retells: the antecedent of ", which … killed 46" (same type), or
 * the event right before a word of manner after "in" ("arrested 13 suspects in raids", "killed 12 in an operation").
 */
function incidentBefore(masked: string, at: number, type: EventType, found: EventDraft[]): EventDraft | undefined {
  if (RELATIVE_EVENT.test(masked.slice(Math.max(0, at - 50), at))) return found.filter((e) => e.type === type).pop()
  if (MANNER_BEFORE.test(masked.slice(Math.max(0, at - 30), at))) return found.filter((e) => e.at < at && at - e.at < 120).pop()
  return undefined
}

const blank = (text: string) => ' '.repeat(text.length)

let objectRetypes: { words: ReadonlySet<string>; object: RegExp; spec: { type: EventType; mode: string | null } | null }[] | undefined

/**
 * "expelled the Iranian ambassador" is a SANCTION, "released a video" no event: the object right after a trigger may
 * retell it (data/lexicon/events.json objectRetypes). null: no event; undefined: the trigger's own reading.
 */
function retypedByObject(word: string, after: string): { type: EventType; mode: string | null } | null | undefined {
  objectRetypes ??= lexicon('events').objectRetypes.map((r) => ({
    words: new Set(r.words),
    object: new RegExp(`^\\s+(?:(?:[\\w’'-]+|«[EP]\\d+»(?:’s|'s)?)\\s+){0,3}?(?:${phraseAlternatives(r.objects)})\\b`, 'i'),
    spec: r.type ? { type: r.type, mode: r.mode } : null,
  }))
  const retype = objectRetypes.find((r) => r.words.has(word) && r.object.test(after))
  return retype?.spec
}

/**
 * A count of the dead belongs to the event word nearest to it ("the attack has drawn comparisons to the 2014
 * massacre, in which 130 were killed" gives 130 to the massacre). Offsets compare in proportion, since the masked
 * sentence is shorter than the text.
 */
function nearestTrigger(
  sentence: MaskedSentence,
  triggerMatches: readonly RegExpExecArray[],
  at: number,
  countAt: number,
  found: EventDraft[],
): boolean {
  const scale = sentence.text.length / Math.max(1, sentence.masked.length)
  const distance = (maskedAt: number) => Math.abs(maskedAt * scale - countAt)
  const { byWord } = triggers()
  let best = at
  for (const match of triggerMatches) {
    if (byWord.get(match[0].toLowerCase().replace(/\s+/g, ' '))?.type !== 'ASSAULT') continue
    if (distance(match.index) < distance(best)) best = match.index
  }
  return Math.abs(best - at) < 25 && !found.some((e) => e.fatalities !== null)
}

/** "attacks over the past four years in four countries": a count of many events is no event. */
function isAggregate(masked: string, at: number, word: string): boolean {
  const before = masked.slice(Math.max(0, at - 40), at)
  if (/\b(?:several|many|some|most|all|each) of (?:these|those|the|its|their)\s+(?:\w+\s+)?$/i.test(before.slice(-30))) return true
  if (inPerfectOfTally(masked, at)) return true
  if (seriesOrdinal().test(before)) return true
  if (!/s$/.test(word) || SINGLE_EVENT_PLURALS.has(word)) return false
  if (countsMany(before) || manyEventsOpener().test(before)) return true
  // "Attacks by the BLA in Turbat have killed dozens": plural attacks as the subject of a perfect tell a record
  if (/^[^.;]{0,60}?\b(?:have|had)\s+(?:\w+\s+)?(?:killed|claimed|left|cost|taken)\b/i.test(masked.slice(at + word.length))) return true
  const around = masked.slice(Math.max(0, at - 40), at + 80)
  if (aggregateFrame().test(around)) return true
  return /\b(?:numerous|several|many|multiple|separate|persistent|repeatedly|past \w+ (?:years|months)|over the (?:past|last)|in the (?:past|last) (?:\w+ )?(?:month|months|year|years|week|weeks)|since|repeated|frequent|recent|campaign|deadliest|such)\b/i.test(
    around,
  )
}

let manyEventsPattern: RegExp | undefined
/** "a string of attacks", "a spate of bombings": the words that open a count of many events. */
const manyEventsOpener = () => {
  manyEventsPattern ??= new RegExp(`\\b(?:${phraseAlternatives(lexicon('events').manyEventsOpeners)})\\s+(?:[\\w-]+\\s+)?$`, 'i')
  return manyEventsPattern
}

let seriesOrdinalPattern: RegExp | undefined
/**
 * "It was the third attack in the city this month", "the latest such bombing": an event word placed in a series by
 * a copula or "such". ("The second attack targeted a school" tells an event, and stays.)
 */
const seriesOrdinal = () => {
  if (!seriesOrdinalPattern) {
    const { seriesOrdinals, seriesModifiers } = lexicon('events')
    const ordinal = `(?:${phraseAlternatives(seriesOrdinals)})`
    const modifier = `(?:(?:${phraseAlternatives(seriesModifiers)})\\s+)?`
    seriesOrdinalPattern = new RegExp(
      `(?:\\b(?:was|is|were|are|marks|marked|became|becomes)\\s+(?:the|its|their)\\s+${ordinal}\\s+(?:such\\s+)?${modifier}|\\b(?:the|a|its|their)\\s+${ordinal}\\s+such\\s+${modifier})$`,
      'i',
    )
  }
  return seriesOrdinalPattern
}

let aggregateFramePattern: RegExp | undefined
const aggregateFrame = () => {
  aggregateFramePattern ??= new RegExp(`\\b(?:${lexicon('events').aggregateFrames.join('|')})\\b`, 'i')
  return aggregateFramePattern
}

/** "more than 300 attacks", "150 attacks": a count of three or more before a plural event word. */
function countsMany(before: string): boolean {
  const counted = /(?:^|\s)((?:more than |over |at least |nearly |some |about |around )?[\w,]+)\s+(?:[\w-]+\s+)?$/.exec(before)
  const count = counted ? readCount(counted[1]!) : undefined
  return count !== undefined && count.length === counted![1]!.length && count.best >= 3
}

/** "Since 2021 the TTP has killed hundreds of soldiers": a present perfect in a tally's time frame tells a record, not an event. */
function inPerfectOfTally(masked: string, at: number): boolean {
  if (!/\b(?:has|have)\s+(?:(?:\w+ly|also|now|since|been|reportedly)\s+){0,2}(?:[\w-]+\s+)?$/i.test(masked.slice(Math.max(0, at - 30), at)))
    return false
  return aggregateFrame().test(masked)
}

function participants(
  sentence: MaskedSentence,
  at: number,
  word: string,
  scope: [number, number],
  type: EventType,
): { actors: Ref[]; targets: Ref[] } {
  const text = sentence.masked
  const after = text.slice(at + word.length, scope[1])
  // "According to the ISPR, the terrorists ambushed …": the source of the account is no party to the event
  const before = text
    .slice(scope[0], at)
    .replace(/\b(?:according to|as per|quoting|citing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?«E\d+»(?:\s*\(«E\d+»\))?/gi, blank)
    // "…, since the Taliban returned to power in 2021, including the bombing": a closed time clause's subject is not the actor
    .replace(/\b(?:since|after|before|when|while|until)\s+(?:the\s+)?«E\d+»(?=[^«,]*,)/gi, blank)
  const actors: Ref[] = []
  const targets: Ref[] = []
  const byAgent = /^\s*(?:\w+\s+){0,3}?by\s+(?:the\s+)?(«E\d+»(?:(?:\s*,\s*|\s+and\s+)«E\d+»)*)/.exec(after)
  // "struck a compound used by the TTP": after "used", "run", "held" … the "by" names the owner, who was hit.
  const passive = byAgent && !participantWords().participleBeforeBy.test(after.slice(0, byAgent[0].indexOf('by'))) ? byAgent : null
  // "were killed", or a headline's "11 Iranian police killed": who comes before is who it was done to.
  const passiveBefore =
    /(?:were|was|been|being)\s+(?:\w+\s+)?$/.test(before) ||
    (PATIENT_WORDS.has(word) &&
      /(?:\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|several|many))\s+(?:[\w-]+\s+){0,2}?«E\d+»\s*$/i.test(before))
  if (passive) actors.push(...refsIn(sentence, passive[1]!).filter(acting))
  const claimedBy = /(«E\d+»)[^«]{0,40}\bclaimed\s+(?:responsibility|credit)\b/.exec(text)
  if (actors.length === 0 && claimedBy) actors.push(...refsIn(sentence, claimedBy[1]!).filter(acting))
  // "Jafar's capture", "his arrest": the possessor of an event noun is who it was done to ("accused X of killing"
  // names the doer)
  const possessor = /(«E\d+»)(?:’s|'s)?\s+(?:(?!of\s)[\w-]+(?:’s|'s)?\s+)?$/.exec(before)
  if (possessor && POSSESSED_EVENT_NOUNS.has(word)) {
    return { actors, targets: uniqueRefs([...targets, ...refsIn(sentence, possessor[1]!).filter(acting)]) }
  }
  const beforeRefs = refsIn(sentence, before)
    .filter(acting)
    .filter((r) => r.type !== 'person' || type === 'COERCE' || type === 'PROTEST' || type === 'CONSULT')
  // "the alleged mastermind behind the … bombing": the mastermind is its actor.
  const mastermind =
    /(«E\d+»)[^«]{0,40}\b(?:mastermind|perpetrators?|planners?|architects?|orchestrators?|masterminds)\s+(?:of|behind)\b[^«]{0,60}$/.exec(
      before,
    )
  if (actors.length === 0 && mastermind) actors.push(...refsIn(sentence, mastermind[1]!))
  // "killed 12 khawarij during an operation": what came before the preposition is not the operation's doer
  // "urged Pakistan to protect its citizens after the attack": the event of a time phrase is no act of the clause's parties
  const circumstance =
    /\b(?:during|amid|amidst|in|after|following|before|since|despite|over)\s+(?:an?|the|this|that|last\s+\w+'s)\s+(?:[\w-]+\s+){0,2}$/i.test(
      before,
    )
  // "we have evidence that the attack was planned": the noun opens a clause of its own; who comes before is outside it
  const clauseSubject = /\bthat\s+(?:the|a|an|this|these)\s+(?:[\w-]+\s+){0,2}$/i.test(before)
  if (actors.length === 0 && !passiveBefore && !circumstance && !clauseSubject && beforeRefs.length > 0) {
    // The nearest actor before the trigger, with the rest of its list ("«E0» and «E1» agreed").
    const list = /((?:«E\d+»(?:\s*,\s*(?:and\s+)?|\s+and\s+))*«E\d+»)[^«]*$/.exec(before)
    // "the ministry released a statement on the blasts", "X condemned the attack": who speaks of an event is not its actor.
    const nearest = list ? refsIn(sentence, list[1]!).filter(acting) : []
    const parties = nearest.length > 0 ? nearest : [beforeRefs[beforeRefs.length - 1]!]
    // "security forces repulsed an attack on a post": the defenders were attacked
    if (participantWords().defends.test(before)) targets.push(...parties)
    else if (!participantWords().speaksOf.test(before.slice(before.lastIndexOf('«E')))) actors.push(...parties)
  }
  // "a clash with the BLA": the party the speaker clashed with is the one that attacked it, in its account.
  const clashWith = /^\s*(?:with|between)\s+(?:the\s+)?(?:\w+\s+)?(«E\d+»)/.exec(after)
  if (clashWith && CLASH_WORDS.has(word)) {
    const other = refsIn(sentence, clashWith[1]!).filter(acting)
    return { actors: other, targets: uniqueRefs([...actors, ...targets]).filter((t) => !other.some((o) => o.id === t.id)) }
  }
  // "killed five terrorists of the India-sponsored BLA": the backer before the hyphen only modifies the object
  const objectMatch =
    /^\s*(?:on|against|targeting|at|of|killing|on the)?\s*(?:\w+\s+){0,3}?(?:«E\d+»[-‑–]\w+\s+)?(«E\d+»(?:(?:\s*,\s*|\s+and\s+)«E\d+»)*)/.exec(
      after,
    )
  if (objectMatch && !passive)
    targets.push(
      ...refsIn(sentence, objectMatch[1]!)
        .filter(acting)
        .filter((r) => !actors.some((a) => a.id === r.id)),
    )
  const owner = participantWords().heldThing.exec(after) ?? heldThingOwners(before, after)
  if (owner) targets.push(...refsIn(sentence, owner[1]!).filter((r) => acting(r) && !actors.some((a) => a.id === r.id)))
  if (passiveBefore) {
    // "a dozen soldiers, including a major who had captured a pilot, were killed": the aside names no victim side
    const victims = refsIn(sentence, withoutAsides(before)).filter(acting)
    if (victims.length > 0) targets.push(victims[victims.length - 1]!)
  }
  return { actors: uniqueRefs(actors), targets: uniqueRefs(targets) }
}

function withoutAsides(text: string): string {
  return victimAsides(text)
    .reverse()
    .reduce((rest, [start, end]) => rest.slice(0, start) + rest.slice(end), text)
}

let participantPatterns:
  | {
      heldThing: RegExp
      heldJustBefore: RegExp
      thoseOf: RegExp
      participleBeforeBy: RegExp
      speaksOf: RegExp
      defends: RegExp
      attackers: RegExp
      ofTheAttackers: RegExp
      counterAttack: RegExp
      struckObject: RegExp
    }
  | undefined

/**
 * The patterns of data/lexicon/event-participants.json, compiled once: what was struck and its owner ("hideouts
 * belonging to the TTP" makes the owner the target), "used by" naming an owner rather than an attacker, a party
 * speaking of an event rather than doing it, and "the attackers" of a counter-attack.
 */
/** "The hideouts targeted in the operation were those of the BLA": the held things were hit, so their owners were. */
/** The words after a trigger, skipping a second event word right after it ("drones struck a market"). */
function afterWord(sentence: MaskedSentence, at: number, word: string): string {
  const rest = sentence.masked.slice(at + word.length, at + word.length + 60)
  return rest.replace(/^\s+(?:struck|hit|attacked|targeted|pounded|bombed|shelled)\b/i, '')
}

function heldThingOwners(before: string, after: string): RegExpExecArray | null {
  const { heldJustBefore, thoseOf } = participantWords()
  return heldJustBefore.test(before) ? thoseOf.exec(after) : null
}

function participantWords() {
  if (!participantPatterns) {
    const lex = lexicon('event-participants')
    participantPatterns = {
      heldThing: new RegExp(
        `^[^«.;]{0,50}?\\b(?:${phraseAlternatives(lex.heldThings)})\\s+(?:${phraseAlternatives(lex.ownerLinks)})\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?,?\\s*(?:«E\\d+»[-‑–]\\w+\\s+)?(«E\\d+»(?:(?:\\s*,\\s*|\\s+and\\s+)«E\\d+»)*)`,
        'i',
      ),
      heldJustBefore: new RegExp(`\\b(?:${phraseAlternatives(lex.heldThings)})\\s+$`, 'i'),
      thoseOf:
        /^[^«.;]{0,60}?\b(?:were|was|are|is)\s+(?:\w+\s+)?those\s+of\s+(?:the\s+)?(«E\d+»(?:\s*\(«E\d+»\))?(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?«E\d+»(?:\s*\(«E\d+»\))?)*)/i,
      participleBeforeBy: new RegExp(`\\b(?:${phraseAlternatives(lex.ownerParticiples)})\\s+$`, 'i'),
      speaksOf: new RegExp(`\\b(?:${phraseAlternatives(lex.speaksOf)})\\b`, 'i'),
      defends: new RegExp(`\\b(?:${phraseAlternatives(lex.defenceVerbs)})\\s+(?:(?:an?|the|another|this)\\s+)?(?:[\\w-]+\\s+){0,2}?$`, 'i'),
      attackers: new RegExp(`^[^«.;]{0,40}?\\bthe\\s+(?:${phraseAlternatives(lex.attackerWords)})\\b`, 'i'),
      ofTheAttackers: new RegExp(`^\\s+(?:[\\w-]+\\s+)?of\\s+(?:them|the\\s+(?:${phraseAlternatives(lex.attackerWords)}))\\b`, 'i'),
      counterAttack: new RegExp(`^(?:${phraseAlternatives(lex.counterAttackWords)})\\b`, 'i'),
      struckObject: new RegExp(
        `^\\s+(?:(?:a|an|the|two|three|several|many)\\s+)?(?:[\\w-]+\\s+)?(?:${phraseAlternatives([...lex.struckObjects, ...lex.heldThings])})\\b`,
        'i',
      ),
    }
  }
  return participantPatterns
}

function acting(ref: Ref): boolean {
  // "the Indian-sponsored BLA": the backer named by its demonym modifies the group; it takes no part in the event
  return ref.kind === 'entity' && isActingType(ref.type) && ref.via !== 'demonym-sponsor'
}

function uniqueRefs(refs: Ref[]): Ref[] {
  return refs.filter((r, i) => refs.findIndex((o) => o.id === r.id) === i)
}

const SPECIFICITY = { feature: 6, locality: 5, city: 4, admin2: 4, admin1: 2, region: 1, country: 0 } satisfies Record<PlaceKind, number>

function placesIn(sentence: MaskedSentence, scope: [number, number]): string[] {
  return sentence.refs
    .filter((r, i) => r.kind === 'place' && sentence.refAt[i]! >= scope[0] && sentence.refAt[i]! <= scope[1])
    .map((r) => r.id)
}

/** The most specific place of the event's clause, preferring places after "in/at/near". */
function placeOf(sentence: MaskedSentence, at: number, scope: [number, number]): Ref | null {
  let best: { ref: Ref; score: number } | null = null
  sentence.refs.forEach((ref, i) => {
    const pos = sentence.refAt[i]!
    // The dateline says where the report was filed, not where the event happened.
    if (ref.kind !== 'place' || ref.via === 'soil' || ref.via === 'dateline' || pos < scope[0] || pos > scope[1]) return
    // "infiltrated from Afghanistan": where the attackers came from is not where the event happened
    if (/\b(?:from|out of)\s+(?:the\s+)?(?:[\w’']+\s+){0,1}?$/i.test(sentence.masked.slice(Math.max(0, pos - 20), pos))) return
    // "in Iran's southeastern Sistan province": a possessing place may stand between the preposition and the place.
    const locative = /\b(?:in|at|near|outside|inside|on|across)\s+(?:the\s+)?(?:[\w’']+\s+|«P\d+»(?:’s|'s)\s+){0,3}?$/i.test(
      sentence.masked.slice(Math.max(0, pos - 40), pos),
    )
    // "airstrikes in Paktika …, analysts in Kabul said": the place right after the event word is the event's
    const attached =
      pos > at &&
      /^\S+\s+(?:\w+\s+){0,2}?(?:in|at|on|near)\s+(?:the\s+)?(?:«P\d+»(?:’s|'s)\s+(?:[\w-]+\s+){0,2})?$/i.test(
        sentence.masked.slice(at, pos),
      ) &&
      !/^«P\d+»(?:’s|'s)/.test(sentence.masked.slice(pos, pos + 12))
    const score = (SPECIFICITY[ref.placeKind ?? 'country'] ?? 0) + (locative ? 3 : 0) + (attached ? 4 : 0) - Math.abs(pos - at) / 200
    if (!best || score > best.score) best = { ref, score }
  })
  return (best as { ref: Ref } | null)?.ref ?? null
}

/**
 * "The minister on Saturday vowed…", "…, the army said on Sunday": a date on a verb of saying dates the statement,
 * not the event. Of the others, the one nearest the event word wins ("…vowed to find those behind an attack during
 * Friday prayers").
 */
function dateOf(sentence: MaskedSentence, at: number | null = null): DateRange {
  const offset = (d: { start: number }) => d.start - sentence.start
  const ofEvent = sentence.dates.filter((d) => !datesStatement(sentence.text, offset(d), offset(d) + d.text.length))
  const known = ofEvent.filter((d) => d.range !== null)
  const textAt = at === null ? null : textOffset(sentence, at)
  const distance = (d: { start: number }) => (textAt === null ? 0 : Math.abs(offset(d) - textAt))
  const date =
    known.reduce<(typeof known)[number] | undefined>((best, d) => (!best || distance(d) < distance(best) ? d : best), undefined) ??
    ofEvent[0]
  if (date) return { start: date.range?.start ?? null, end: date.range?.end ?? null, text: date.text }
  return { start: null, end: null, text: null }
}

/** The offset in the sentence's text of an offset in its masked form (each placeholder stands for its mention). */
function textOffset(sentence: MaskedSentence, maskedAt: number): number {
  let shift = 0
  sentence.refs.forEach((ref, i) => {
    const placeholderEnd = sentence.refAt[i]! + `«${ref.kind === 'entity' ? 'E' : 'P'}${i}»`.length
    if (placeholderEnd <= maskedAt) shift += ref.end - ref.start - (placeholderEnd - sentence.refAt[i]!)
  })
  return maskedAt + shift
}

function datesStatement(text: string, start: number, end: number): boolean {
  const before = /([\p{L}]+)\s+(?:on\s+|late\s+|early\s+)?$/u.exec(text.slice(Math.max(0, start - 24), start))
  const after = /^,?\s+([\p{L}]+)/u.exec(text.slice(end, end + 24))
  return (before !== null && isStatementVerb(before[1]!)) || (after !== null && isStatementVerb(after[1]!))
}

/** Relations whose assertion blames its subject (an ACCUSE event). */
const BLAME = {
  present_in: false,
  supports: true,
  harbors: true,
  cooperates_with: false,
  attacks: true,
  threatens: true,
  member_of: false,
} as const satisfies Record<ClaimRelation, boolean>

/** Accusations, denials, appeals and threats: one event per speaker–addressee pair. */
function speechEvents(frames: Frame[], claims: ClaimDraft[], view: ArticleView): EventDraft[] {
  const events: EventDraft[] = []
  const claimsOf = groupBy(claims, (c) => c.frame)
  const assertedClaims = claimsBySubjectRelation(claims)
  for (const frame of frames) {
    const actor = frame.claimant
    if (actor?.kind !== 'entity') continue
    const own = claimsOf.get(frame) ?? []
    const event = (type: EventType, mode: string | null, targets: Ref[]): EventDraft => ({
      type,
      mode,
      actors: [actor],
      targets: uniqueRefs(targets.filter((t) => t.id !== actor.id && t.kind === 'entity')),
      place: null,
      date: dateOf(frame.sentence),
      fatalities: null,
      reportedBy: null,
      sentence: frame.sentence,
      at: frame.content[0],
      rule: 'speech-act',
    })
    const answered = answeredClaims(own, frame, assertedClaims).map((c) => c.claimant!)
    // "The BLF said it does not have any hideouts in Iran": a statement denying something of the speaker itself
    // rejects an allegation too
    const denial = frame.stance === 'denies' || (own.length > 0 && own.every((c) => c.stance === 'denies' && c.subject.id === actor.id))
    if (denial) {
      const sources = own.map((c) => c.frame?.addressee).filter((r): r is Ref => !!r)
      events.push(event('REJECT', null, frame.addressee ? [frame.addressee] : uniqueRefs([...sources, ...answered])))
      continue
    }
    // An accusation is aimed at whoever the speaker says attacked, backed, sheltered or threatened someone.
    const blamed = own
      .filter(
        (c) =>
          c.stance === 'asserts' &&
          c.subject.id !== actor.id &&
          c.subject.id !== UNIDENTIFIED_ARMED_GROUP &&
          !sameSide(c.subject, actor) &&
          // "the BLA said its Majeed Brigade carried out the operation": a group owning its wing's deed accuses no one
          !partyFamily(actor.id, view).has(c.subject.id) &&
          BLAME[c.relation] &&
          c.subject.kind === 'entity' &&
          c.subject.type !== 'person',
      )
      .map((c) => c.subject)
    if (frame.accusation) {
      const accused = own
        .filter((c) => (c.subject.id !== actor.id && c.relation !== 'present_in') || c.relation === 'harbors')
        .map((c) => c.subject)
      const content = frame.sentence.masked.slice(frame.content[0], frame.content[1])
      // "condemned the attack and paid tribute to the martyred soldiers": a condemnation of an attack names no accused
      const ofAttack = /^\s*(?:the|this|that|these|those)\b/i.test(content) && referencesAttack(content.slice(0, 50))
      const targets =
        accused.length > 0
          ? accused
          : frame.addressee
            ? [frame.addressee]
            : ofAttack
              ? []
              : refsIn(frame.sentence, content)
                  // "Iran's foreign ministry spokesman condemned the attack": the speaker's own side is not accused
                  .filter(
                    (r) => r.kind === 'entity' && r.type !== 'person' && !sameSide(r, actor) && !partyFamily(actor.id, view).has(r.id),
                  )
                  .slice(0, 1)
      events.push(event('ACCUSE', 'allege', targets))
    } else if (blamed.length > 0 && actor.type !== 'media' && actor.type !== 'international_org') {
      events.push(event('ACCUSE', 'allege', blamed))
    }
    // "dire consequences outside Pakistan's control": a country threatened is its state, or its acting government
    const threatened = own
      .filter((c) => c.relation === 'threatens' && c.subject.id === actor.id && c.object)
      .map((c) => (c.object!.kind === 'entity' ? c.object! : partyOfCountry(c.object!, view)))
      .filter((r): r is Ref => r !== undefined)
    if (threatened.length > 0) events.push(event('THREATEN', null, threatened))
  }
  events.push(...requests(view, frames))
  return events
}

/** The party a country place stands for: its state named in the article, else its acting government. */
function partyOfCountry(place: Ref, view: ArticleView): Ref | undefined {
  if (place.placeKind !== 'country') return undefined
  const state = view.analysis.entities.find((e) => e.type === 'state' && e.country === place.country)
  return state ? { ...place, kind: 'entity', id: state.id, type: 'state', placeKind: null } : view.governmentOf.get(place.id)
}

/**
 * "The army said strikes hit TTP hideouts": an attack with no named actor, told by a state, its government or its
 * forces, on an armed group of the same country is that side's own operation against its insurgents. A group of
 * another country (the Taliban telling of strikes on the TTP) gives no such reading.
 */
function actsAgainstOwnInsurgents(claimant: Ref, targets: Ref[]): boolean {
  return (
    isOfficial(claimant) && claimant.country !== null && targets.some((t) => t.type === 'armed_group' && t.country === claimant.country)
  )
}

const subjectRelation = (c: ClaimDraft) => `${c.subject.id}|${c.relation}`

/** The asserted claims with a claimant, by subject and relation, each with its position in `claims`. */
function claimsBySubjectRelation(claims: readonly ClaimDraft[]): Map<string, { claim: ClaimDraft; at: number }[]> {
  const index = new Map<string, { claim: ClaimDraft; at: number }[]>()
  claims.forEach((claim, at) => {
    if (!claim.claimant || claim.stance !== 'asserts') return
    const key = subjectRelation(claim)
    const list = index.get(key)
    if (list) list.push({ claim, at })
    else index.set(key, [{ claim, at }])
  })
  return index
}

/** The assertions of others that a denial's own claims deny (same subject and relation), in claim order. */
function answeredClaims(
  own: readonly ClaimDraft[],
  frame: Frame,
  asserted: Map<string, { claim: ClaimDraft; at: number }[]>,
): ClaimDraft[] {
  const keys = new Set(own.filter((o) => o.stance === 'denies').map(subjectRelation))
  const found = [...keys].flatMap((key) => asserted.get(key) ?? []).filter(({ claim }) => claim.frame !== frame)
  return found.sort((a, b) => a.at - b.at).map(({ claim }) => claim)
}

let requestPattern: RegExp | undefined

/** "X urged Y", "X called on Y to …": the request cues of the lexicon before the party they address. */
function requestCue(): RegExp {
  requestPattern ??= new RegExp(
    `\\b(?:${alternativesInOrder(lexicon('events').requestCues)})\\s+(?:the\\s+)?(?:\\w+\\s+){0,2}?(«E\\d+»)`,
    'gi',
  )
  return requestPattern
}

let requestFromPattern: RegExp | undefined

/** "Tehran demanded an immediate explanation from Pakistan": the cues of a demand made of the party after "from". */
function requestFromCue(): RegExp {
  requestFromPattern ??= new RegExp(
    `\\b(?:${alternativesInOrder(lexicon('events').requestFromCues)})\\s+[^«.;]{0,60}?\\bfrom\\s+(?:the\\s+)?(«E\\d+»)`,
    'gi',
  )
  return requestFromPattern
}

let requestOfAddresseePattern: RegExp | undefined

/** "Pakistan approached the Afghan authorities and demanded strict action": a demand made of whom the speaker turned to. */
function requestOfAddressee(): RegExp {
  const events = lexicon('events')
  requestOfAddresseePattern ??= new RegExp(
    `\\b(?:${alternativesInOrder(events.addressingVerbs)})\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(«E\\d+»)(?:[^«.;]|«[EP]\\d+»){0,60}?,?\\s+and\\s+(?:\\w+ly\\s+)?(?:${alternativesInOrder([...events.requestFromCues, ...events.requestCues])})\\b`,
    'gi',
  )
  return requestOfAddresseePattern
}

function requests(view: ArticleView, frames: Frame[]): EventDraft[] {
  const events: EventDraft[] = []
  for (const sentence of view.sentences) {
    const { masked } = sentence
    for (const match of [
      ...allMatches(requestCue(), masked),
      ...allMatches(requestFromCue(), masked),
      ...allMatches(requestOfAddressee(), masked),
    ]) {
      const target = refsIn(sentence, match[1]!)[0]!
      const before = refsIn(sentence, sentence.masked.slice(0, match.index!)).filter((r) => r.kind === 'entity' && r.id !== target.id)
      // "the minister requested the Balochistan government …": a pronoun or a description names the last speaker
      const actor = before[0] ?? (refersBackBefore(sentence.masked.slice(0, match.index!)) ? lastSpeaker(frames, sentence) : undefined)
      if (!actor || actor.id === target.id || target.kind !== 'entity') continue
      events.push({
        type: 'REQUEST',
        mode: null,
        actors: [actor],
        targets: [target],
        place: null,
        date: dateOf(sentence),
        fatalities: null,
        reportedBy: null,
        sentence,
        at: match.index!,
        rule: 'request',
      })
    }
  }
  return events
}

/** The speaker (or else the claimant) of the last attribution frame before a sentence. */
function lastSpeaker(frames: Frame[], sentence: MaskedSentence): Ref | undefined {
  const before = frames.filter((f) => f.sentence.index < sentence.index)
  const last = before[before.length - 1]
  return (last?.speaker ?? last?.claimant ?? undefined) || undefined
}

/**
 * One event per real-world event: mentions of one type merge when their places, dates and actors do not
 * conflict and they sit close together, or name the same place; speech acts merge per speaker and addressee.
 */
function mergeEvents(drafts: EventDraft[]): EventDraft[] {
  const merged: EventDraft[] = []
  const candidates = new MergeCandidates()
  for (const draft of drafts) {
    // A mention with no place of its own continues the nearest one told before it ("… were killed in the blast").
    const fitting = candidates.of(draft).filter((e) => compatible(e, draft))
    const same =
      (draft.retells ? retoldEvent(candidates.of(draft), draft) : undefined) ??
      (draft.place === null ? fitting.sort((x, y) => nearness(x, draft) - nearness(y, draft))[0] : fitting[0])
    if (!same) {
      candidates.add(draft, merged.length)
      merged.push(draft)
      continue
    }
    if (draft.retells && same.actors.length > 0) absorb(same, { ...draft, actors: [] })
    else absorb(same, draft)
  }
  return mergeSameTolls(merged)
}

/**
 * The event a retelling sentence is about: the nearest one told before it, preferring one whose place fits. Its own
 * place, actors and toll may be told otherwise ("The explosion in the Khan Abad mosque was caused by a suicide
 * bomber", a hospital's count of the bodies received).
 */
function retoldEvent(candidates: EventDraft[], draft: EventDraft): EventDraft | undefined {
  const told = candidates.filter((e) => e.type === draft.type && e.sentence.index < draft.sentence.index)
  const rank = (e: EventDraft) => (placesConflict(e, draft) ? 100 : 0) + nearness(e, draft)
  return told.sort((x, y) => rank(x) - rank(y))[0]
}

const MORE_DEAD = new RegExp(lexicon('numbers').moreDead, 'i')

/** "…, killing four policemen. Three more policemen later died of their wounds": a later count of more dead adds up. */
function addsDead(a: EventDraft, b: EventDraft): boolean {
  return b.moreDead === true && b.sentence.index > a.sentence.index && (b.place === null || b.place.id === a.place?.id)
}

function addedFatalities(a: Fatalities, b: Fatalities): Fatalities {
  const sum = (x: number | null, y: number | null) => (x !== null && y !== null ? x + y : null)
  return { low: sum(a.low, b.low), best: sum(a.best, b.best), high: sum(a.high, b.high) }
}

function absorb(same: EventDraft, draft: EventDraft): void {
  same.firstTargets ??= same.targets
  // A later mention adds participants but never turns who was acted on into who acted.
  same.actors = uniqueRefs([...same.actors, ...draft.actors.filter((a) => !same.targets.some((t) => t.id === a.id))])
  same.targets = uniqueRefs([...same.targets, ...draft.targets]).filter((t) => !same.actors.some((a) => a.id === t.id))
  same.place = morePrecise(same.place, draft.place)
  if (!same.date.start && draft.date.start) same.date = draft.date
  if (!same.fatalities && draft.fatalities) same.fatalities = draft.fatalities
  else if (same.fatalities && draft.fatalities && addsDead(same, draft))
    same.fatalities = addedFatalities(same.fatalities, draft.fatalities)
  if (!same.mode && draft.mode) same.mode = draft.mode
  same.reportedBy ??= draft.reportedBy
  const later = [draft.sentence.index, ...(draft.laterMentions ?? [])].filter((i) => i !== same.sentence.index)
  if (later.length > 0) same.laterMentions = [...(same.laterMentions ?? []), ...later]
}

/**
 * "Afghan border forces shelled Chaman, killing six" and, sentences on, "the firing by Afghan forces on Chaman caused
 * the deaths of six": one place and one toll tell one incident, though its actor is named two ways (the first
 * naming stays its actor).
 */
function mergeSameTolls(events: EventDraft[]): EventDraft[] {
  const kept: EventDraft[] = []
  for (const event of events) {
    const same = MATERIAL[event.type] ? kept.find((k) => sameIncident(k, event)) : undefined
    if (!same) {
      kept.push(event)
      continue
    }
    const actors = same.actors.length > 0 ? same.actors : event.actors
    absorb(same, { ...event, actors: [] })
    same.actors = actors
    same.targets = same.targets.filter((t) => !actors.some((a) => a.id === t.id))
  }
  return kept
}

function sameIncident(a: EventDraft, b: EventDraft): boolean {
  if (a.type !== b.type || !a.place || a.place.id !== b.place?.id || a.place.placeKind === 'country') return false
  if (!a.fatalities || a.fatalities.best !== b.fatalities?.best) return false
  if (a.date.start && b.date.start && (a.date.end! < b.date.start || b.date.end! < a.date.start)) return false
  const mentions = (e: EventDraft) => [e.sentence.index, ...(e.laterMentions ?? [])]
  return mentions(a).some((i) => mentions(b).some((j) => Math.abs(i - j) <= MERGE_REACH))
}

function nearness(event: EventDraft, draft: EventDraft): number {
  const distance = draft.sentence.index - event.sentence.index
  return distance >= 0 ? distance : 100 - distance
}

/**
 * The merged events a draft may merge with, in merge order, without scanning them all: a material event only
 * merges within MERGE_REACH sentences of the first mention (an event keeps its first mention's sentence), a speech
 * act only with the same speakers (merging never changes an event's set of speakers).
 */
class MergeCandidates {
  private readonly bySentence = new Map<string, { event: EventDraft; order: number }[]>()
  private readonly bySpeakers = new Map<string, { event: EventDraft; order: number }[]>()

  add(event: EventDraft, order: number): void {
    const [map, key] = MATERIAL[event.type]
      ? [this.bySentence, `${event.type}|${event.sentence.index}`]
      : [this.bySpeakers, speakersKey(event)]
    const list = map.get(key)
    if (list) list.push({ event, order })
    else map.set(key, [{ event, order }])
  }

  of(draft: EventDraft): EventDraft[] {
    if (!MATERIAL[draft.type]) return (this.bySpeakers.get(speakersKey(draft)) ?? []).map((c) => c.event)
    const found: { event: EventDraft; order: number }[] = []
    for (let s = draft.sentence.index - MERGE_REACH; s <= draft.sentence.index + MERGE_REACH; s++)
      found.push(...(this.bySentence.get(`${draft.type}|${s}`) ?? []))
    return found.sort((a, b) => a.order - b.order).map((c) => c.event)
  }
}

const speakersKey = (e: EventDraft) => `${e.type}|${[...new Set(e.actors.map((a) => a.id))].sort().join('|')}`

/** The farthest apart (in sentences) two mentions of one material event may be (see `compatible`). */
const MERGE_REACH = 6

function compatible(a: EventDraft, b: EventDraft): boolean {
  if (!MATERIAL[a.type]) {
    return sameIds(a.actors, b.actors) && (sameIds(a.targets, b.targets) || a.targets.length === 0 || b.targets.length === 0)
  }
  const namesOther = sharesNamedPlace(a, b)
  if (!namesOther && placesConflict(a, b)) return false
  if (a.date.start && b.date.start && (a.date.end! < b.date.start || b.date.end! < a.date.start)) return false
  if (a.actors.length > 0 && b.actors.length > 0 && !a.actors.some((x) => b.actors.some((y) => y.id === x.id))) return false
  if (a.fatalities && b.fatalities && a.fatalities.best !== b.fatalities.best && !addsDead(a, b)) return false
  // measured from the nearest mention merged so far: an incident told over several sentences reaches on from its last
  const distance = Math.min(...[a.sentence.index, ...(a.laterMentions ?? [])].map((i) => Math.abs(i - b.sentence.index)))
  return (
    distance <= 2 ||
    (distance <= MERGE_REACH &&
      a.place !== null &&
      b.place !== null &&
      (namesOther || a.place.id === b.place.id || liesInCity(a.place, b.place)))
  )
}

/**
 * "air strikes in Khost and Paktika" and "aircraft hit homes in Barmal district, Paktika, and Spera, Khost": one mention
 * names every place of the other's, so they tell one incident over several places.
 */
function sharesNamedPlace(a: EventDraft, b: EventDraft): boolean {
  // two places of one sentence ("a blast in Quetta, two days after a bombing in Turbat") are two incidents
  if (a.sentence.index === b.sentence.index || !a.place || !b.place || a.place.placeKind === 'country' || b.place.placeKind === 'country')
    return false
  const [fewer, more] = [a.placesNamed ?? [], b.placesNamed ?? []].sort((x, y) => x.length - y.length)
  return fewer!.length >= 2 && fewer!.every((id) => more!.includes(id))
}

function placesConflict(a: EventDraft, b: EventDraft): boolean {
  if (
    a.place &&
    b.place &&
    a.place.id !== b.place.id &&
    a.place.placeKind !== 'country' &&
    b.place.placeKind !== 'country' &&
    a.place.placeKind !== 'admin1' &&
    b.place.placeKind !== 'admin1' &&
    !liesInCity(a.place, b.place)
  )
    return true
  // Places in two countries, or a province and a place in another province, are two places, however close the mentions.
  if (a.place?.country && b.place?.country && a.place.country !== b.place.country) return true
  return !!(a.place?.province && b.place?.province && a.place.country === b.place.country && a.place.province !== b.place.province)
}

/** The farthest a bazaar, a neighbourhood or a mosque may lie from the centre of the city it is in. */
const WITHIN_CITY_KM = 15

/** "A mosque in Qissa Khwani bazaar" and "the blast in Peshawar": a place inside a city is the city, more precisely. */
export function liesInCity(a: Ref, b: Ref): boolean {
  const [city, inner] = a.placeKind === 'city' ? [a, b] : [b, a]
  if (city.placeKind !== 'city' || !city.point || !inner.point) return false
  if (inner.placeKind !== 'feature' && inner.placeKind !== 'locality') return false
  return distanceKm(city.point.lat, city.point.lon, inner.point.lat, inner.point.lon) <= WITHIN_CITY_KM
}

function sameIds(a: Ref[], b: Ref[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y.id === x.id))
}

function morePrecise(a: Ref | null, b: Ref | null): Ref | null {
  if (!a) return b
  if (!b) return a
  return (SPECIFICITY[b.placeKind ?? 'country'] ?? 0) > (SPECIFICITY[a.placeKind ?? 'country'] ?? 0) ? b : a
}

export function toEventRecord(draft: EventDraft): EventRecord {
  return {
    type: draft.type,
    mode: draft.mode,
    actors: draft.actors.map((r) => r.id),
    targets: draft.targets.map((r) => r.id),
    place: draft.place?.id ?? null,
    date: draft.date,
    fatalities: draft.fatalities,
    reported_by: draft.reportedBy?.id ?? null,
    evidence: { start: draft.sentence.start, end: draft.sentence.end },
    via: { stage: 'extract', rule: draft.rule },
  }
}
