import type { ClaimRecord, Stance } from '../record/record.js'
import { UNIDENTIFIED_ARMED_GROUP } from '../record/actor-entry.js'
import { isOfficial, partyFamily, type ArticleView, type MaskedSentence, type Ref } from './article-view.js'
import { allegationClause, isCommissive, isSilenceOnAttack, referencesAttack, type Frame } from './attribution.js'
import { locatedFatalitiesIn } from './numbers.js'
import type { ClaimDraft, ClaimRule, EventDraft } from './drafts.js'
import { readAttackReferences, readRelations, readSpeakerRelations, type RelationMention } from './relations.js'
import { readTypedRelations } from './typed-relations.js'
import { isThreatened, readRetaliation, readThreats } from './threats.js'

/**
 * Claims: the relations each attributed stretch states, with the frame's stance (flipped when the content
 * negates the relation); denials and silences that name no content of their own take over the allegations they
 * answer; relations the reporter states without attribution get a null claimant.
 */
export function draftClaims(view: ArticleView, frames: Frame[], toldAttack: (frame: Frame) => EventDraft | undefined): ClaimDraft[] {
  const drafts: ClaimDraft[] = []
  const framed = new Set(frames.map((f) => f.sentence.index))
  for (const frame of frames) {
    if (frame.stance === 'no_response') continue
    const stated = readRelations(frame.sentence, frame.content[0], frame.content[1])
    const patterned = frame.claimant
      ? [
          ...stated,
          ...readSpeakerRelations(frame.sentence, frame.content[0], frame.content[1], frame.claimant, stated, frame.responsibility),
        ]
      : stated
    const typed = frame.claimant ? readTypedRelations(frame.sentence, frame.content[0], frame.content[1], patterned) : []
    const threats =
      frame.claimant && !patterned.some((r) => r.relation === 'threatens')
        ? readThreats(frame.sentence, frame.content[0], frame.content[1], frame.claimant, frame.cue, isCommissive(frame))
        : []
    // the attack the frame is about (its sentence's, else the last told before it)
    const attack = toldAttack(frame)
    if (frame.claimant && threats.length === 0 && isCommissive(frame))
      threats.push(...readRetaliation(frame.sentence, frame.content[0], frame.content[1], frame.claimant, attack?.actors ?? []))
    const relations = [...patterned, ...typed, ...threats].filter((r) => !onlyThreatened(frame.sentence, r))
    for (const relation of relations) {
      // "vowed to hunt down the planners of a bombing claimed by X": the vow presupposes that attack, it does not report it
      if (relation.relation === 'attacks' && isCommissive(frame)) continue
      // "refuted claims of Mehsud, a commander of the TTP, being in Afghanistan": the description is not what is denied
      if (frame.stance === 'denies' && isAppositive(frame.sentence.masked, relation)) continue
      drafts.push(fromRelation(frame, relation, typed.includes(relation) ? 'typed-reading' : 'attribution'))
    }
    for (const relation of sheltering(relations, frame.sentence.masked, view)) drafts.push(fromRelation(frame, relation, 'sanctuary'))
    if (frame.responsibility && frame.claimant && !relations.some((r) => r.relation === 'attacks')) {
      const object = attackObject(attack, frame.claimant)
      if (object) drafts.push(attackClaim(frame, 'asserts', frame.claimant, object, 'responsibility'))
    }
    if (!relations.some((r) => r.relation === 'attacks')) {
      const told = attackObject(attack, frame.claimant)
      for (const { doer: named, negated, place, members } of readAttackReferences(
        frame.sentence,
        frame.content[0],
        frame.content[1],
        frame.claimant,
      )) {
        // "denied carrying out the attack on the mosque in Peshawar": an attack no sentence told is where the words put it
        const object = told ?? place
        // "ISKP, through its Amaq agency, said its militants killed": "its" is the group the outlet speaks for
        const doer = named.id === frame.speaker?.id && frame.claimant ? frame.claimant : named
        // "Security forces killed 12 terrorists … The militants belonged to the HGB": the dead of a state's operation
        // were its targets, so the group they belonged to is what the operation attacked
        const operation = members && attack ? stateSideActors(attack) : []
        for (const actor of operation) if (actor.id !== doer.id) drafts.push(attackClaim(frame, 'asserts', actor, doer, 'attack-reference'))
        if (operation.length > 0) continue
        if (object && doer.id !== object.id)
          drafts.push(attackClaim(frame, (frame.stance === 'denies') !== negated ? 'denies' : 'asserts', doer, object, 'attack-reference'))
      }
    }
    if (frame.stance === 'denies' && relations.length === 0) drafts.push(...answer(frame, drafts, 'denies', view))
  }
  for (const frame of frames) {
    if (frame.stance !== 'no_response') continue
    const named = allegationNamedBy(frame)
    drafts.push(...(named.length > 0 ? named : answer(frame, drafts, 'no_response', view)))
  }
  for (const sentence of view.sentences) {
    if (framed.has(sentence.index)) continue
    drafts.push(...doersTold(sentence, toldAttack))
    const stated = readRelations(sentence, 0, sentence.masked.length).filter((r) => !onlyThreatened(sentence, r))
    const sheltered = new Set(sheltering(stated, sentence.masked, view))
    for (const relation of [...stated, ...sheltered]) {
      drafts.push({
        claimant: null,
        speaker: null,
        cue: '',
        stance: relation.negated ? 'denies' : 'asserts',
        subject: relation.subject,
        relation: relation.relation,
        object: relation.object,
        sentence: sentence.index,
        evidence: { start: sentence.start, end: sentence.end },
        hedged: relation.hedged,
        frame: null,
        rule: sheltered.has(relation) ? 'sanctuary' : 'unattributed',
      })
    }
  }
  return unique(drafts)
}

/**
 * "The BLA carried out the attack, police said": the reporter's own account (or an unnamed source's) that names the
 * doer of an attack told before is no one's claim, but it still names the attack's actor.
 */
function doersTold(sentence: MaskedSentence, toldAttack: (frame: Frame) => EventDraft | undefined): ClaimDraft[] {
  const content: [number, number] = [0, sentence.masked.length]
  const all = readAttackReferences(sentence, content[0], content[1], null)
  if (all.length === 0) return []
  const reporter: Frame = {
    sentence,
    cue: '',
    stance: 'asserts',
    speaker: null,
    claimant: null,
    content,
    accusation: false,
    addressee: null,
    responsibility: false,
  }
  const attack = toldAttack(reporter)
  const object = attackObject(attack, null)
  // "the attackers belonged to the BLA": the group of an attack's people is its doer, unless a state's forces did it
  const references = all.filter((r) => !r.members || (attack && stateSideActors(attack).length === 0))
  return references
    .filter(({ doer }) => object && doer.id !== object.id)
    .map(({ doer, negated }) => ({
      ...attackClaim(reporter, negated ? 'denies' : 'asserts', doer, object!, 'attack-reference'),
      frame: null,
    }))
}

/** "Pakistan reserved the right to hit sanctuaries in Afghanistan": an attack only threatened is not told. */
function onlyThreatened(sentence: MaskedSentence, relation: RelationMention): boolean {
  return relation.relation === 'attacks' && isThreatened(sentence.masked.slice(relation.at, relation.at + relation.length))
}

/** What a claimed attack attacked: its target other than the claimant, else its place. */
function attackObject(attack: EventDraft | undefined, claimant: Ref | null): Ref | null {
  return attack?.targets.find((t) => t.id !== claimant?.id) ?? attack?.place ?? null
}

/** The actors of an attack that act for a state: its forces, its government or the state itself. */
function stateSideActors(attack: EventDraft): Ref[] {
  return attack.actors.filter(isOfficial)
}

/**
 * "TTP uses havens in Afghanistan": a sanctuary in a country is also its government's harbouring of the group
 * (SPEC: harbors = a state or its government gives safe haven).
 */
function sheltering(relations: RelationMention[], masked: string, view: ArticleView): RelationMention[] {
  const derived: RelationMention[] = []
  for (const r of relations) {
    if (r.relation !== 'present_in' || r.object.placeKind !== 'country' || r.subject.type !== 'armed_group') continue
    // "operates from Afghan sanctuaries": the haven may be the very words that name the country
    const said = `${masked.slice(r.at, r.at + r.length)} ${r.object.via === 'soil' ? view.doc.text.slice(r.object.start, r.object.end) : ''}`
    if (!/\b(?:sanctuar|safe haven|havens?\b|shelter|refuge|safe harbou?r)/i.test(said)) continue
    const government = view.governmentOf.get(r.object.id)
    if (government) derived.push({ ...r, subject: government, relation: 'harbors', object: r.subject })
  }
  return derived
}

/** A silence that states the allegation it leaves unanswered is about that allegation, not an earlier one. */
function allegationNamedBy(frame: Frame): ClaimDraft[] {
  const clause = allegationClause(frame)
  if (!clause) return []
  return readRelations(frame.sentence, clause[0], clause[1]).map((relation) => ({
    ...fromRelation(frame, relation, 'silence'),
    stance: 'no_response' as const,
  }))
}

function base(frame: Frame): Omit<ClaimDraft, 'stance' | 'subject' | 'relation' | 'object' | 'hedged' | 'rule'> {
  return {
    claimant: frame.claimant,
    speaker: frame.speaker,
    cue: frame.cue,
    sentence: frame.sentence.index,
    evidence: { start: frame.sentence.start, end: frame.sentence.end },
    frame,
  }
}

/** The claim, in a frame's voice, that `subject` attacks `object`. */
function attackClaim(frame: Frame, stance: Stance, subject: Ref, object: Ref, rule: ClaimRule): ClaimDraft {
  return { ...base(frame), stance, subject, relation: 'attacks', object, hedged: false, rule }
}

function fromRelation(frame: Frame, relation: RelationMention, rule: ClaimRule): ClaimDraft {
  const stance: Stance = relation.negated ? 'denies' : frame.stance
  return {
    ...base(frame),
    stance,
    subject: relation.subject,
    relation: relation.relation,
    object: relation.object,
    hedged: relation.hedged,
    rule,
  }
}

/**
 * "The Taliban have rejected such allegations" / "Pakistan has yet to respond": the answer takes the allegations
 * others made about the answering party (as subject or object), or those of the party it names.
 */
function answer(frame: Frame, drafts: ClaimDraft[], stance: Stance, view: ArticleView): ClaimDraft[] {
  const party = frame.claimant
  if (!party) return []
  const family = partyFamily(party.id, view)
  const index = assertionsOf(drafts)
  const isMade = (d: ClaimDraft) => d.claimant && d.claimant.id !== party.id && d.stance === 'asserts' && !family.has(d.claimant.id)
  const aboutFamily = [...family].flatMap((id) => [
    ...index.get('subject', id),
    // a threat against the party is no allegation it answers
    ...(stance === 'no_response' ? index.get('object', id).filter((d) => d.relation !== 'threatens') : []),
  ])
  const onSoil = stance === 'denies' ? onItsSoil(drafts, party) : []
  const about = index.inOrder([...aboutFamily, ...onSoil]).filter(isMade)
  const bySource = frame.addressee ? index.get('claimant', frame.addressee.id).filter(isMade) : []
  const chosen = frame.addressee
    ? bySource.some((d) => family.has(d.subject.id))
      ? bySource.filter((d) => family.has(d.subject.id))
      : bySource.length > 0
        ? bySource
        : about
    : about
  const rule = stance === 'no_response' ? 'silence' : 'denial'
  return chosen.map((d) => ({ ...base(frame), stance, subject: d.subject, relation: d.relation, object: d.object, hedged: false, rule }))
}

/** A membership told by an apposition ("«E0», a commander of «E1»"), which describes its subject. */
function isAppositive(masked: string, relation: RelationMention): boolean {
  return relation.relation === 'member_of' && /^«E\d+»,\s+(?:a|an|the|its)\s/.test(masked.slice(relation.at, relation.at + relation.length))
}

/**
 * "Kabul rejected claims that the TTP operates from Kunar": an allegation that a group is present on a state's
 * territory (the country or a place in it) is an allegation about that state, so the state's (or its
 * government's) denial takes it.
 */
function onItsSoil(drafts: ClaimDraft[], party: Ref): ClaimDraft[] {
  if ((party.type !== 'state' && party.type !== 'government') || party.country === null) return []
  const onTerritory = (place: Ref | null) => place?.kind === 'place' && place.country === party.country
  return drafts.filter((d) => d.relation === 'present_in' && d.stance === 'asserts' && onTerritory(d.object))
}

/**
 * The asserted drafts with a claimant, by subject, object and claimant id, each list in draft order. Drafts are
 * only appended, so the index of a drafts array catches up with the drafts added since it was last read.
 */
class AssertionIndex {
  private indexed = 0
  private readonly positions = new Map<ClaimDraft, number>()
  private readonly lists = new Map<string, { draft: ClaimDraft; at: number }[]>()

  constructor(private readonly drafts: ClaimDraft[]) {}

  get(role: 'subject' | 'object' | 'claimant', id: string): ClaimDraft[] {
    this.catchUp()
    return (this.lists.get(`${role}|${id}`) ?? []).map((e) => e.draft)
  }

  /** Drafts gathered from several lists, once each, in draft order. */
  inOrder(drafts: ClaimDraft[]): ClaimDraft[] {
    return [...new Set(drafts)].sort((a, b) => this.positions.get(a)! - this.positions.get(b)!)
  }

  private catchUp(): void {
    for (; this.indexed < this.drafts.length; this.indexed++) {
      const draft = this.drafts[this.indexed]!
      this.positions.set(draft, this.indexed)
      if (!draft.claimant || draft.stance !== 'asserts') continue
      this.push(`subject|${draft.subject.id}`, draft)
      if (draft.object) this.push(`object|${draft.object.id}`, draft)
      this.push(`claimant|${draft.claimant.id}`, draft)
    }
  }

  private push(key: string, draft: ClaimDraft): void {
    const entry = { draft, at: this.indexed }
    const list = this.lists.get(key)
    if (list) list.push(entry)
    else this.lists.set(key, [entry])
  }
}

const assertionIndexes = new WeakMap<ClaimDraft[], AssertionIndex>()

function assertionsOf(drafts: ClaimDraft[]): AssertionIndex {
  let index = assertionIndexes.get(drafts)
  if (!index) {
    index = new AssertionIndex(drafts)
    assertionIndexes.set(drafts, index)
  }
  return index
}

/**
 * "The army said its strikes killed militants of the TTP in Spera": an attack told inside someone's statement is
 * that claimant's claim that the attack's actor attacks its target (or, with no target named, its place). The
 * event reader has already found the actor and target by voice; this turns its reading into the claim. Only
 * attacks inside attributed content count: the reporter's own account of an attack is no one's claim, and a vow
 * to punish those behind an attack presupposes it rather than reports it.
 */
export function reportedAttacks(frames: Frame[], events: EventDraft[], claims: ClaimDraft[]): ClaimDraft[] {
  const derived: ClaimDraft[] = []
  for (const event of events) {
    if (event.type !== 'ASSAULT' || event.actors.length === 0) continue
    const frame = frames.find(
      (f) =>
        f.sentence === event.sentence &&
        f.claimant &&
        f.stance !== 'no_response' &&
        !isCommissive(f) &&
        event.at >= f.content[0] &&
        event.at < f.content[1],
    )
    if (!frame) continue
    // what the statement itself named: the targets of its own sentence's mention, else the place
    const told = event.firstTargets ?? event.targets
    // "…, the ministry said, adding that 19 soldiers were killed": the same voice names the victims later in the sentence
    const namedHere = event.targets.filter((t) => event.sentence.refs.some((r) => r.id === t.id))
    const objects = told.length > 0 ? told : event.place ? [event.place] : namedHere
    for (const actor of event.actors) {
      for (const object of objects) {
        if (object.id === actor.id) continue
        derived.push(attackClaim(frame, frame.stance, actor, object, 'reported-attack'))
      }
    }
  }
  const told = [...claims, ...derived, ...silencesOnAttacks(frames, events)]
  // "the military said terrorists attacked": an allegation names its party; "unknown gunmen" are no one
  return unique([...told, ...tollsOfToldAttacks(frames, events, told)]).filter((c) => c.subject.id !== UNIDENTIFIED_ARMED_GROUP)
}

/** An attack referred to by "the strikes" is the attack at its place (or on its targets, when it has no place). */
function referredObjects(attack: EventDraft): Ref[] {
  return attack.place ? [attack.place] : attack.targets
}

/**
 * "Ten people were killed in the strikes, the agency reported": a source giving the toll of an attack the article
 * told before, by a definite reference, asserts that attack (its actor attacked its targets or its place). Only
 * with a toll: a bare mention of "the attack" inside a statement is too often about something else.
 */
function tollsOfToldAttacks(frames: Frame[], events: EventDraft[], told: ClaimDraft[]): ClaimDraft[] {
  const attacks = events.filter((e) => e.type === 'ASSAULT' && e.actors.length > 0)
  // a source that has already told who attacked says nothing new by giving the toll
  const asserted = new Set(told.filter((c) => c.relation === 'attacks' && c.claimant).map((c) => `${c.claimant!.id}|${c.subject.id}`))
  const derived: ClaimDraft[] = []
  for (const frame of frames) {
    if (!frame.claimant || frame.stance !== 'asserts' || isCommissive(frame)) continue
    const content = frame.sentence.masked.slice(frame.content[0], frame.content[1])
    if (!referencesAttack(content) || !locatedFatalitiesIn(content)) continue
    const attack = attacks.filter((e) => e.sentence.index < frame.sentence.index).pop()
    if (!attack || events.some((e) => e.type === 'ASSAULT' && e.sentence === frame.sentence)) continue
    const objects = referredObjects(attack)
    for (const actor of attack.actors)
      for (const object of objects)
        if (object.id !== actor.id && actor.id !== frame.claimant.id && !asserted.has(`${frame.claimant.id}|${actor.id}`))
          derived.push(attackClaim(frame, 'asserts', actor, object, 'reported-attack'))
  }
  return derived
}

/**
 * "The BLA has not yet commented on the strikes", "the minister neither confirmed nor denied the attack": a silence
 * about an attack is no response to the claim that its actor attacked the silent party (when it was a target) or the
 * attack's place. The attack is the last one with a known actor told up to that sentence.
 */
function silencesOnAttacks(frames: Frame[], events: EventDraft[]): ClaimDraft[] {
  const attacks = events.filter((e) => e.type === 'ASSAULT' && e.actors.length > 0)
  const derived: ClaimDraft[] = []
  for (const frame of frames) {
    if (!frame.claimant || !isSilenceOnAttack(frame)) continue
    const attack = attacks.filter((e) => e.sentence.index <= frame.sentence.index).pop()
    if (!attack) continue
    const party = frame.claimant
    const objects = attack.targets.some((t) => t.id === party.id) ? [party] : referredObjects(attack)
    for (const actor of attack.actors)
      for (const object of objects) if (object.id !== actor.id) derived.push(attackClaim(frame, 'no_response', actor, object, 'silence'))
  }
  return derived
}

function unique(drafts: ClaimDraft[]): ClaimDraft[] {
  const seen = new Set<string>()
  return drafts.filter((d) => {
    const key = `${d.claimant?.id ?? ''}|${d.stance}|${d.subject.id}|${d.relation}|${d.object?.id ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function toClaimRecord(draft: ClaimDraft): ClaimRecord {
  return {
    claimant: draft.claimant?.id ?? null,
    speaker: draft.speaker?.id ?? null,
    cue: draft.cue,
    stance: draft.stance,
    subject: draft.subject.id,
    relation: draft.relation,
    object: draft.object?.id ?? null,
    evidence: draft.evidence,
    ...(draft.hedged ? { hedged: true } : {}),
    via: { stage: 'extract', rule: draft.rule },
  }
}
