import type { EntityType, Stance } from '../record/record.js'
import { lexicon } from '../lexicon/load.js'
import { allMatches, alternativesInOrder, PhraseScanner, phraseAlternatives } from '../lexicon/pattern.js'
import { AnchorScan, requiredAnchors } from './pattern-anchors.js'
import { refsIn, type ArticleView, type MaskedSentence, type Ref } from './article-view.js'
import { inflections } from './inflect.js'
import type { LexiconOf } from '../lexicon/files.js'

type AttributionLexicon = LexiconOf<'attribution'>

/** Who says something in a sentence, how, and which stretch of the sentence is what they say. */
export interface Frame {
  sentence: MaskedSentence
  cue: string
  stance: Stance
  /** The person who voiced it, when named. */
  speaker: Ref | null
  /** The organisation or state the claim is attributed to (null: the article's own voice). */
  claimant: Ref | null
  /** [from, to) in `sentence.masked`. */
  content: [number, number]
  /** An accusation, blame or condemnation (an ACCUSE event) rather than a plain statement. */
  accusation: boolean
  /** Whose claim a denial rejects, or whom an accusation or appeal addresses, when named ("dismissed the UN reports"). */
  addressee: Ref | null
  responsibility: boolean
}

let compiled:
  | {
      cue: RegExp
      cueWords: PhraseScanner
      responsibilityAnchors: AnchorScan
      lex: AttributionLexicon
      deny: Set<string>
      accuse: Set<string>
      noResponse: RegExp
      responsibility: RegExp
      bareForms: Set<string>
      secondCue: RegExp
      chainedCue: RegExp
      allegationThat: RegExp
      clauseOnly: Set<string>
      holding: Set<string>
      condemnations: { anyWord: RegExp; expressed: RegExp; drawn: RegExp; labelled: RegExp }
      statementVerb: RegExp
      labelledDenial: RegExp
      predicatedDenial: RegExp
      labelling: Set<string>
      blanketDenial: RegExp
      secondPredicate: RegExp
      commissive: Set<string>
      definiteAttack: RegExp
      attackReference: RegExp
    }
  | undefined

const alternation = phraseAlternatives

/** The nominal condemnations of attribution.json's condemnationNouns, compiled once (see condemnationFrames). */
function condemnationPatterns(raw: AttributionLexicon) {
  const { nouns, expressLemmas, drawForms, labels } = raw.condemnationNouns
  const noun = `(?:${phraseAlternatives(nouns)})`
  const express = phraseAlternatives(expressLemmas.flatMap(inflections))
  const labelling = phraseAlternatives(raw.labellingLemmas.flatMap(inflections))
  const attack = phraseAlternatives(raw.responsibility.attackNouns)
  const party = '«E(\\d+)»(?:\\s*\\(«E\\d+»\\))?'
  return {
    // a sentence holding none of the nouns or labels holds no such condemnation
    anyWord: new RegExp(`(?:${phraseAlternatives([...nouns, ...labels])})`, 'i'),
    // "«E0» expressed strong condemnation of …"
    expressed: new RegExp(
      `${party}\\s+(?:(?:also|has|have|had|\\w+ly)\\s+)*(?:${express})\\s+(?:(?:its|his|her|their|a|an|the)\\s+)?(?:[\\w-]+\\s+){0,2}?${noun}\\b`,
      'gi',
    ),
    // "… drew condemnation from «E0» and «E1»"
    drawn: new RegExp(
      `\\b(?:${phraseAlternatives(drawForms)})\\s+(?:[\\w-]+\\s+){0,2}?${noun}\\s+from\\s+(?:the\\s+)?((?:«E\\d+»(?:\\s*,\\s*(?:and\\s+)?(?:the\\s+)?|\\s+and\\s+(?:the\\s+)?))*«E\\d+»)`,
      'gi',
    ),
    // "«E0» termed the bombing a cowardly act"
    labelled: new RegExp(
      `${party}\\s+(?:(?:also|has|have|had|\\w+ly)\\s+)*(?:${labelling})\\s+(?:the|this|that|these|those|yesterday's)\\s+(?:[\\w-]+\\s+){0,2}?(?:${attack})\\s+(?:as\\s+)?(?:an?\\s+)?(?:[\\w-]+\\s+)?(?:${phraseAlternatives(labels)})\\b`,
      'gi',
    ),
  }
}

function cues() {
  if (!compiled) {
    const raw = lexicon('attribution')
    const withForms = (surface: string[], lemmas: string[]) => [...new Set([...surface, ...lemmas.flatMap(inflections)])]
    // "officials insist that", "they contend that": a bare lemma is a verb of saying only before a "that" clause
    const bare = (surface: string[], lemmas: string[]) =>
      lemmas.map((l) => l.replace(/\+$/, '')).filter((l) => !surface.includes(l) && !l.includes(' '))
    const bareForms = [...bare(raw.asserts, raw.assertLemmas), ...bare(raw.denies, raw.denyLemmas)]
    const lex = {
      ...raw,
      asserts: [...withForms(raw.asserts, raw.assertLemmas), ...bare(raw.asserts, raw.assertLemmas)],
      denies: [...withForms(raw.denies, raw.denyLemmas), ...bare(raw.denies, raw.denyLemmas)],
      accuse: withForms(raw.accuse, raw.accuseLemmas),
    }
    const all = [
      ...raw.holdingResponsibleForms,
      ...lex.according,
      ...lex.denies,
      ...lex.asserts,
      ...lex.accuse.filter((w) => !/s$/.test(w) || /^(?:condemns|denounces|blames|accuses|alleges)$/.test(w)),
    ]
    const responsibility = responsibilityPattern(lex)
    compiled = {
      lex,
      responsibility: new RegExp(`^(?:${responsibility})$`, 'i'),
      cue: new RegExp(`\\b(?:${responsibility}|${alternation(all)})\\b`, 'gi'),
      cueWords: new PhraseScanner(all),
      responsibilityAnchors: new AnchorScan([requiredAnchors(responsibility)]),
      bareForms: new Set(bareForms),
      deny: new Set(lex.denies),
      accuse: new Set(lex.accuse),
      noResponse: silencePattern(lex),
      clauseOnly: new Set(raw.clauseOnlyLemmas.flatMap((v) => [v, ...inflections(v)])),
      holding: new Set(raw.holdingResponsibleForms),
      condemnations: condemnationPatterns(raw),
      commissive: new Set(raw.commissiveLemmas.flatMap(inflections)),
      attackReference: new RegExp(
        `\\b(?:the|this|that|these|those)\\s+(?:[\\w-]+\\s+){0,2}?(?:${alternation(raw.responsibility.attackNouns)})(?![\\w-])`,
        'i',
      ),
      definiteAttack: new RegExp(
        `^\\s*for\\s+(?:the|this|that|last\\s+\\w+'s|\\w+day's)\\s+(?:[\\w-]+\\s+){0,2}?(?:${alternation(raw.responsibility.attackNouns)})(?![\\w-])\\s*(?:[,.;]|$|\\s+(?:and|but|which|in\\s+which|saying|attributing)\\b|\\s+(?:in|through|via)\\s+(?:a|an|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:${alternation(raw.documentNouns)})\\b)`,
        'i',
      ),
      allegationThat: new RegExp(`\\b(?:${alternation(raw.claimNouns)})\\s+that\\s+`, 'i'),
      labelling: new Set(raw.labellingLemmas.flatMap(inflections)),
      blanketDenial: new RegExp(raw.blanketDenials.join('|'), 'i'),
      secondPredicate: new RegExp(
        `,?\\s+and\\s+(?:(?:then|also|later|soon|subsequently)\\s+|\\w+ly\\s+)?(?:\\w+ed|${alternation(raw.irregularPasts)})\\b(?!\\s+by\\b)`,
        'i',
      ),
      // "said the allegations were unfounded", "“These are baseless accusations,” said X"
      predicatedDenial: new RegExp(
        `^[\\s,:"“‘]*(?:that\\s+)?(?:(?:(?:the|these|those|such|this|that|all|their|its|his|her)\\s+|«E\\d+»(?:’s|'s)\\s+)?(?:[\\w’'-]+\\s+){0,2}?(?:${alternation(raw.claimNouns)}|accusations?|allegations?)|these|this|those|that|it|they)\\s+(?:are|were|is|was|remain|remained)\\s+(?:(?:all|completely|totally|entirely|simply|nothing\\s+but|baseless\\s+and)\\s+)?[“"‘']?(?:${alternation(raw.labelsOfDenial)})\\b`,
        'i',
      ),
      labelledDenial: new RegExp(
        `^\\s+(?:(?:the|these|those|such|this|that|all|their|its|his|her)\\s+)?(?:[\\w’'-]+\\s+){0,3}?(?:${alternation(raw.claimNouns)}|accusations?|allegations?)\\s+(?:as\\s+)?[“"‘']?(?:${alternation(raw.labelsOfDenial)})\\b`,
        'i',
      ),
      // "…, the ministry said, adding that …": a participle cue after the speaker takes the words that follow
      chainedCue: new RegExp(`^\\s*,\\s*(?:${alternation(all.filter((w) => w.endsWith('ing')))})\\b`, 'i'),
      secondCue: new RegExp(`,?\\s+(?:and|but)\\s+(?:also\\s+|\\w+ly\\s+)?(?:${alternation(all)})\\b`, 'i'),
      statementVerb: new RegExp(`\\b(?:${alternation([...lex.asserts, ...lex.denies, ...lex.accuse])})$`, 'i'),
    }
  }
  return compiled
}

/** Whether a word is a verb of saying, denying or accusing in any of its forms ("vowed", "told", "rejected"). */
export function isStatementVerb(word: string): boolean {
  return cues().statementVerb.test(word)
}

/**
 * "The group claimed responsibility for the attack.": a claim that names its attack only by a definite reference,
 * with no place or target of its own, is about the attack the article has been telling.
 */
export function claimsToldAttack(frame: Frame): boolean {
  return frame.responsibility && cues().definiteAttack.test(frame.sentence.masked.slice(frame.content[0]))
}

/** "The strikes", "this attack": whether a stretch refers to an attack by a definite description. */
export function referencesAttack(text: string): boolean {
  return cues().attackReference.test(text)
}

/** "Has not commented on the strikes": whether a silence is about an attack the article told. */
export function isSilenceOnAttack(frame: Frame): boolean {
  return frame.stance === 'no_response' && cues().attackReference.test(frame.sentence.masked)
}

/**
 * "has not responded to the allegation that it receives funding from India": the stretch of a silence's sentence
 * that states the allegation it leaves unanswered, when it states one.
 */
export function allegationClause(frame: Frame): [number, number] | null {
  const text = frame.sentence.masked
  const clause = cues().allegationThat.exec(text)
  return clause ? [clause.index + clause[0].length, text.length] : null
}

/** Whether a frame's cue commits to a future act ("vowed to hunt down those behind the attack"). */
export function isCommissive(frame: Frame): boolean {
  return cues().commissive.has(frame.cue.toLowerCase())
}

/**
 * "claimed responsibility", "accepted full responsibility", "owned the attack", "claimed it", "claimed the market
 * bombing": a verb of owning in any form before responsibility, credit, or the attack itself.
 */
function responsibilityPattern(lex: AttributionLexicon): string {
  const { verbs, owned, nominalVerbs, nominalClaims, referringVerbs, attackNouns } = lex.responsibility
  const forms = (lemmas: string[]) => alternation(lemmas.flatMap((v) => [v, ...inflections(v)]))
  const attack = `(?:it|the\\s+(?:[\\w’'-]+\\s+){0,2}?(?:${alternation(attackNouns)}))`
  const nominal = `(?:${forms(nominalVerbs)})\\s+(?:a|an|its|the)\\s+(?:\\w+\\s+)?(?:${alternation(nominalClaims)})`
  return `(?:${forms(verbs)})\\s+(?:${alternation(owned)})|(?:${forms(referringVerbs)})\\s+${attack}(?![\\w-])|${nominal}`
}

/**
 * A silence is a negated, deferred or refused response about the allegation, whatever its words: "has yet to
 * respond", "did not immediately reply to a request for comment", "declined to issue any official reaction",
 * "there was no response from Kabul", plus a few idioms ("neither confirmed nor denied").
 */
function silencePattern(lex: AttributionLexicon): RegExp {
  const { negators, adverbs, responseVerbs, issueVerbs, responseNouns } = lex.silence
  const verbs = alternation(responseVerbs.flatMap((v) => [v, ...inflections(v)]))
  const issuing = alternation(issueVerbs.flatMap((v) => [v, ...inflections(v)]))
  const nouns = alternation(responseNouns.flatMap((n) => [n, `${n}s`]))
  const adverb = `(?:(?:${alternation(adverbs)})\\s+){0,2}`
  const negated = `(?:${alternation(negators)})\\s+${adverb}(?:(?:${verbs})|(?:${issuing})\\s+(?:any\\s+|an?\\s+)?(?:\\w+\\s+)?(?:${nouns}))`
  const none = `no\\s+(?:\\w+\\s+)?(?:${nouns})\\s+(?:from|by)`
  return new RegExp(`\\b(?:${negated}|${none}|${alternation(lex.noResponse)})\\b`, 'i')
}

/** The kinds of actor a definite description can point back to: "the ministry" is a government body. */
function describedType(description: string): Set<string> | undefined {
  const types = description.startsWith('the ') ? REFERRING_NOUNS[description.slice(4)] : undefined
  return types?.length ? new Set(types) : undefined
}

/** "It" or "the statement": a reference to the document the article discusses. */
function isDocumentWord(pronoun: string): boolean {
  return pronoun === 'it' || (pronoun.startsWith('the ') && DOCUMENT_NOUNS.has(pronoun.slice(4)))
}

/** The last speaker or named actor of a kind, frames first. */
function lastOfType(types: Set<string>, last: Frame | undefined): Ref | undefined {
  if (last?.claimant && types.has(last.claimant.type)) return last.claimant
  if (last?.speaker && types.has(last.speaker.type)) return last.speaker
  return [...lastByType.entries()]
    .filter(([type]) => types.has(type))
    .map(([, ref]) => ref)
    .pop()
}

/** The last actor named of each type, across sentences. */
const lastByType = new Map<string, Ref>()
/** The last actor whose name holds each referring noun ("the ministry" → the Ministry of Intelligence), across sentences. */
const lastByNameWord = new Map<string, Ref>()

function lastNamedBy(noun: string): Ref | undefined {
  return lastByNameWord.get(noun)
}

function rememberNameWords(ref: Ref, view: ArticleView): void {
  const name = view.entityById.get(ref.id)?.name
  if (!name) return
  for (const word of name.toLowerCase().split(/[^\p{L}]+/u)) if (Object.hasOwn(REFERRING_NOUNS, word)) lastByNameWord.set(word, ref)
}

/** The actor whose video, statement or report the article is discussing ("the UN report"): "the video" refers back to it. */
let lastDocumentOwner: Ref | undefined
/** The last person named, for "He alleged" after a sentence that named but did not quote them. */
let lastPerson: Ref | undefined
const DOCUMENTS = alternativesInOrder(lexicon('attribution').documentNouns)
const OWNED_DOCUMENT = new RegExp(
  `«E(\\d+)»(?:’s|'s)\\s+(?:\\w+\\s+){0,3}?(?:${DOCUMENTS}|audio|footage)\\b|\\b(?:${DOCUMENTS})\\s+(?:released |issued |published )?by\\s+(?:the\\s+)?(?:«E\\d+»(?:’s|'s)\\s+)?«E(\\d+)»|«E(\\d+)»\\s+(?:released|issued|published|shared)\\s+(?:a|an|its|the)\\s+(?:\\w+\\s+){0,3}?(?:${DOCUMENTS})|\\b(?:the|a|an|this|that|its|their|latest)\\s+(?:[a-z]+\\s+)?«E(\\d+)»\\s+(?:[\\w-]+\\s+){0,2}?(?:${DOCUMENTS})\\b|«E(\\d+)»[^«».;]{0,40}?\\b(?:in|through)\\s+(?:its|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:${DOCUMENTS})\\b`,
  'i',
)
/** "the 16th report of the UN's Monitoring Team": "of" names an author only when no group's deed follows. */
const DOCUMENT_OF = new RegExp(
  `\\b(?:${DOCUMENTS})\\s+(?:of|from)\\s+(?:the\\s+)?(?:«E\\d+»(?:’s|'s)\\s+)?«E(\\d+)»(?!\\s*(?:’s|'s)|\\s+\\w*(?:attack|bomb|strike|raid))`,
  'i',
)

function documentOwner(sentence: MaskedSentence): Ref | undefined {
  const match = OWNED_DOCUMENT.exec(sentence.masked)
  if (match) return sentence.refs[Number(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5])]
  const of = DOCUMENT_OF.exec(sentence.masked)
  const author = of ? sentence.refs[Number(of[1])] : undefined
  return author && author.type !== 'armed_group' ? author : undefined
}

const REFERRING_NOUNS = lexicon('attribution').referringNouns
const DOCUMENT_NOUNS = new Set(lexicon('attribution').documentNouns)
const REFERRING = alternativesInOrder(Object.keys(REFERRING_NOUNS))
/** The head words of bodies' names ("government", "police"), lowercase. */
const BODY_HEADS = new Set(Object.keys(lexicon('actors').orgHeads).map((head) => head.toLowerCase()))
// "the defence minister", "the provincial government": up to two plain modifiers before the noun; "the report,
// submitted to the Security Council this week, said": an aside between the description and its verb
const PRONOUN_BEFORE = new RegExp(
  String.raw`\b(he|she|they|it|the (?:[a-z][a-z-]*\s+){0,2}?(?:${REFERRING}))(?:\s*,[^,]{3,80},)?\s*(?:(?:also|further|later|then|had|has|have|repeatedly|previously|earlier|once again|again|\w+ly)\s+)*$`,
  'i',
)
const DESCRIPTION_HEAD = new RegExp(String.raw`^the (?:([a-z][a-z-]*\s+){0,2}?)(${REFERRING})$`, 'i')

const DESCRIPTION_AFTER = new RegExp(String.raw`^\s+(the\s+(?:[a-z][a-z-]*\s+){0,2}?(?:${REFERRING}))\b`, 'i')

/** "the monitors", "the ministry": the last speaker or actor of the kind a description names. */
function describedSpeaker(description: string, last: Frame | undefined): Ref | undefined {
  const head = descriptionHead(description)
  const typed = head ? describedType(head) : undefined
  if (!head || !typed) return undefined
  return lastNamedBy(head.slice(4)) ?? lastOfType(typed, last)
}

/** "the defence minister" → "the minister": a description by its referring noun; null when a modifier is a name. */
function descriptionHead(description: string): string | null {
  const parts = DESCRIPTION_HEAD.exec(description)
  if (!parts) return description
  const modifiers = description.slice(4, description.length - parts[2]!.length)
  // "the provincial government spokesperson" names whose spokesperson: no back-reference to the last one
  const namesBody = modifiers
    .split(/\s+/)
    .some((word) => Object.hasOwn(REFERRING_NOUNS, word.toLowerCase()) || BODY_HEADS.has(word.toLowerCase()))
  return /[A-Z]/.test(modifiers) || namesBody ? null : `the ${parts[2]!.toLowerCase()}`
}

/** The clause before a verb ends with a pronoun or a description of one told before ("he", "the minister"). */
export function refersBackBefore(before: string): boolean {
  return PRONOUN_BEFORE.test(before) && !/«E\d+»[^«]*$/.test(before)
}

/** Finds the attribution frames of every sentence, resolving pronouns to the speakers before them. */
export function findFrames(view: ArticleView): Frame[] {
  const frames: Frame[] = []
  let previous: Frame | undefined
  lastDocumentOwner = undefined
  lastPerson = undefined
  lastByType.clear()
  lastByNameWord.clear()
  bodyOfPerson.clear()
  for (const sentence of view.sentences) {
    const owner = documentOwner(sentence)
    if (owner) lastDocumentOwner = owner
    rememberBodies(sentence)
    const found = framesIn(sentence, previous, view)
    if (found.length === 0 && previous && continuesVoice(previous, sentence)) found.push(continuation(previous, sentence))
    if (found.length === 0 && lastDocumentOwner && ASSESSED.test(sentence.masked)) found.push(assessedBy(lastDocumentOwner, sentence))
    for (const ref of sentence.refs) {
      if (ref.type === 'person') lastPerson = ref
      if (ref.kind === 'entity') {
        lastByType.delete(ref.type)
        lastByType.set(ref.type, ref)
        rememberNameWords(ref, view)
      }
    }
    frames.push(...found)
    if (found.length > 0) previous = found[found.length - 1]
  }
  return frames
}

/**
 * A statement goes on past its sentence when the frame opened and did not close there: a cue ending in a colon
 * ("In a statement, the ministry said:"), a quotation left open, or a sentence that is itself a quotation right
 * after the speaker's. The speaker carries until the article changes voice (a sentence with a cue of its own).
 */
function continuesVoice(previous: Frame, sentence: MaskedSentence): boolean {
  if (previous.stance === 'no_response' || previous.sentence.index !== sentence.index - 1) return false
  const said = previous.sentence.masked.slice(previous.content[0], previous.content[1])
  if (/:\s*$/.test(said) || /:\s*["“]?\s*$/.test(previous.sentence.masked)) return true
  if (openQuote(previous.sentence.masked)) return true
  if (!/^\s*["“]/.test(sentence.masked)) return false
  // '"…," Mujahid said. "…"': a quotation that opens the sentence after a quoted speaker's goes on in that voice
  const quoted = previous.sentence.masked
  return /["”]\s*$/.test(quoted.trim().replace(/[.,]$/, '')) || /["“][^"“”]{12,}[,.!?]?["”]/.test(quoted)
}

function openQuote(text: string): boolean {
  const opening = (text.match(/“/g) ?? []).length
  const closing = (text.match(/”/g) ?? []).length
  if (opening + closing > 0) return opening > closing
  return (text.match(/"/g) ?? []).length % 2 === 1
}

/**
 * "Al Qaeda is assessed to maintain close ties with the Taliban": the passive of a verb of assessing, in an article
 * discussing a report, is the report's judgement, so its author is the claimant.
 */
const ASSESSED = /\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:assessed|estimated|judged|found)\s+to\b/i

function assessedBy(author: Ref, sentence: MaskedSentence): Frame {
  return frame(sentence, 'assessed', 'asserts', null, author, [0, sentence.masked.length], false, null, false)
}

function continuation(previous: Frame, sentence: MaskedSentence): Frame {
  return frame(
    sentence,
    previous.cue,
    previous.stance,
    previous.speaker,
    previous.claimant,
    [0, sentence.masked.length],
    previous.accusation,
    null,
    false,
  )
}

/**
 * The cues of a text, as the whole `cue` pattern finds them. Most texts hold none of the words every responsibility
 * phrase needs, and their cues are the cue words alone, which the phrase scanner finds several times faster.
 */
function cueMatches(text: string): RegExpMatchArray[] {
  const { cue, cueWords, responsibilityAnchors } = cues()
  return responsibilityAnchors.candidates(text)[0] ? allMatches(cue, text) : cueWords.matches(text)
}

function framesIn(sentence: MaskedSentence, previous: Frame | undefined, view: ArticleView): Frame[] {
  const { lex, deny, accuse, noResponse, responsibility, clauseOnly, holding, blanketDenial } = cues()
  const text = sentence.masked
  const frames: Frame[] = []
  const silent = noResponse.exec(text)
  if (silent) {
    const after = silent.index + silent[0].length
    // "There was no response from Pakistan": a country named as the silent party stands for its government.
    const party =
      nearestEntityBefore(sentence, silent.index) ?? firstEntityAfter(sentence, after, 40) ?? governmentAfter(sentence, after, view)
    if (party) {
      frames.push(frame(sentence, silent[0], 'no_response', null, party, [0, text.length], false, null, false))
    }
  }
  let lastEnd = 0
  const subjects: Subject[] = []
  for (const owned of allMatches(POSSESSED_CLAIM, text)) {
    const owner = sentence.refs[Number(owned[1])]!
    const start = owned.index! + owned[0].length
    frames.push(
      withSpeaker(
        sentence,
        owned[2]!.toLowerCase(),
        'asserts',
        owner,
        [start, text.length],
        /accus|alleg|charge/i.test(owned[2]!),
        null,
        false,
        view,
      ),
    )
    subjects.push({ at: owned.index!, frames: frames.slice(-1) })
  }
  frames.push(...condemnationFrames(sentence, view))
  for (const passive of allMatches(CLAIMED_BY, text)) {
    const claimant = sentence.refs[Number(passive[1])]!
    if (claimant.kind !== 'entity' || claimant.type === 'person') continue
    // no content of its own: what is claimed is the attack the sentence (or the one before) tells, not a statement
    frames.push(frame(sentence, 'claimed by', 'asserts', null, claimant, [passive.index!, passive.index!], false, null, true))
  }
  for (const match of cueMatches(text)) {
    const word = match[0].toLowerCase().replace(/\s+/g, ' ')
    const at = match.index!
    if (word === 'claimed' && /^\s+by\b/.test(text.slice(at + match[0].length))) continue
    if (silent && at >= silent.index && at < silent.index + silent[0].length) continue
    if (
      /^(said|says|called|described|labelled|labeled|termed|referred|refers|cited|citing|showed|shows)$/.test(word) &&
      isAdjectival(text, at, word)
    )
      continue
    if (!isVerbUse(text, at, word)) continue
    // "Kabul held Islamabad responsible for the deaths": "held" accuses only before a party and "responsible"
    const holdsResponsible = holding.has(word)
    if (
      holdsResponsible &&
      !/^\s+(?:the\s+)?«E\d+»\s+(?:\w+\s+)?(?:directly\s+|fully\s+)?responsible\b/i.test(text.slice(at + match[0].length))
    )
      continue
    // "the TTP maintains camps in Kunar": a verb that reports only before a clause or a quotation.
    if (!holdsResponsible && clauseOnly.has(word) && !/^\s*(?:that\b|[,:"“‘])/.test(text.slice(at + match[0].length))) continue
    if (lex.according.includes(word)) {
      // "According to the report, …": the report the article is discussing speaks for its author.
      const documentWord =
        /^\s+(?:the|this|that|its|their|an?)\s+(?:\w+\s+)?(?:report|study|assessment|document|statement|findings|communique|survey|analysis|paper)\b/i.exec(
          text.slice(at + match[0].length),
        )
      // "according to the report of the UN team": a document with its author named speaks for that author
      const author = documentWord ? authorAfter(sentence, at + match[0].length + documentWord[0].length) : undefined
      // "according to a statement": a new document, never the one discussed before; only its named author speaks
      const indefinite = documentWord !== null && /^\s+an?\s/i.test(documentWord[0])
      // "According to him, …", "according to the monitors, …": the pronoun or description is the last speaker (of its kind)
      const pronoun = documentWord ? null : /^\s+(?:him|her|them)\b/i.exec(text.slice(at + match[0].length))
      const description = documentWord || pronoun ? null : DESCRIPTION_AFTER.exec(text.slice(at + match[0].length))
      const described = description ? describedSpeaker(description[1]!, frames[frames.length - 1] ?? previous) : undefined
      const named =
        author ??
        (pronoun || described || (documentWord && (lastDocumentOwner || indefinite))
          ? undefined
          : firstEntityAfter(sentence, at + match[0].length, 12))
      const previousVoice = pronoun ? (frames[frames.length - 1] ?? previous) : undefined
      const source =
        named ??
        (documentWord && !indefinite ? lastDocumentOwner : undefined) ??
        previousVoice?.speaker ??
        previousVoice?.claimant ??
        described
      if (!source) continue
      const sourceEnd = named
        ? sentence.refAt[sentence.refs.indexOf(named)]! + placeholderLength(sentence, named)
        : at + match[0].length + (documentWord ?? pronoun ?? description)![0].length
      // "According to the Inter-Services Public Relations (ISPR), …": the acronym belongs to the source
      const acronym = /^\s*\(«E\d+»\)/.exec(text.slice(sourceEnd))
      const content: [number, number] = at < 5 ? [sourceEnd + (acronym?.[0].length ?? 0), text.length] : [0, at]
      frames.push(withSpeaker(sentence, word, 'asserts', source, content, false, null, false, view))
      lastEnd = at + match[0].length
      continue
    }
    const stance: Stance =
      deny.has(word) ||
      labelsAsDenied(text, at + match[0].length, word) ||
      blanketDenial.test(text.slice(at + match[0].length)) ||
      predicatesDenial(text, at, at + match[0].length)
        ? 'denies'
        : 'asserts'
    const subject = subjectOf(sentence, at, word, previous, frames, lastEnd)
    if (!subject) continue
    let content: [number, number] = [at + match[0].length, text.length]
    const after = text.slice(content[0]).replace(/^[\s,:"“”'‘’]*(?:that\s+)?/, '')
    const lead = text.slice(content[0]).length - after.length
    const nextCue = findNextCue(text, content[0] + lead)
    // "disclosed on X, “…”": a short lead-in without a name before the quote is not the content; the quote is.
    const leadIn = nextCue !== undefined ? text.slice(content[0], nextCue) : ''
    if (
      nextCue !== undefined &&
      !(leadIn.length < 50 && !/«[EP]\d+»/.test(leadIn) && /^\s*(?:on|in|at|via|through|during|to|from)\b/i.test(leadIn))
    )
      content = [content[0], nextCue]
    // "…, the agency reported, citing officials": a cue followed only by its sourcing tells what came before it
    const sourcingOnly = new RegExp(`^[\\s,]*(?:${lex.according.join('|')})\\b`, 'i').test(text.slice(content[0]))
    // "…, the group said in a statement on Telegram.": what follows the cue only says where it was said
    const whereSaid =
      /^(?:(?:in|on|via|through|to|during|at)\s+(?:(?:a|an|the|its|their|his|her)\s+)?[\w-]+(?:\s+[\w-]+)?\s*,?\s*)+[.]?\s*$/i.test(after)
    // "…, the ministry said, adding that …": the participle takes what follows; this cue keeps what came before
    const handsOn = cues().chainedCue.test(text.slice(content[0]))
    // "… and vowed to respond.": a short infinitive after a commissive cue is its content all the same
    const shortVow = cues().commissive.has(word) && /^to\s/i.test(after)
    if (!shortVow && (after.replace(/[\s.,"“”'’]/g, '').length < 12 || ((sourcingOnly || whereSaid || handsOn) && subject.at > 12)))
      content = [0, subject.at - titleBefore(text, subject.at)]
    // "Major X, who had claimed the capture of a pilot, was killed": a cue in a relative clause with a plain object
    // says what the clause holds ("the UN, which reported that the TTP, …, receives support" reports a whole clause).
    if (
      /,\s*(?:who|which)\s+(?:[\w’']+\s+){0,2}$/i.test(text.slice(Math.max(0, at - 30), at)) &&
      !/^\s*(?:that\b|[:"“‘])/.test(text.slice(at + match[0].length))
    ) {
      const comma = text.indexOf(',', content[0])
      if (comma > content[0] && comma < content[1]) content = [content[0], comma]
    }
    // "accused Kabul of harbouring the TTP and carried out strikes": the accuser's own second act is not its content
    if (accuse.has(word)) {
      const own = cues().secondPredicate.exec(text.slice(content[0], content[1]))
      if (own) content = [content[0], content[0] + own.index]
    }
    // "the TTP, which it says operates from Afghanistan": the relative pronoun's antecedent is the content's subject
    const antecedent = RELATIVE_SPEAKER.exec(text.slice(Math.max(0, subject.at - 40), subject.at))
    if (antecedent) content = [subject.at - antecedent[0].length, content[1]]
    // "airstrikes in Paktika last month, which the Taliban said killed 46 civilians": the noun phrase before
    // ", which" (back to the clause's start) is what the relative clause speaks of
    const eventAntecedent = antecedent ? null : eventPhraseBefore(text, subject.at)
    if (eventAntecedent !== null) content = [eventAntecedent, content[1]]
    // '"…," said Zabihullah Mujahid': the name after an inverted cue is its speaker, not whom it answers
    const named = addresseeOf(sentence, Math.max(content[0], at + match[0].length), word)
    const addressee = named?.id === subject.ref.id ? null : named
    const own: Frame[] = []
    for (const ref of coordinated(sentence, subject.ref)) {
      own.push(
        withSpeaker(sentence, word, stance, ref, content, accuse.has(word) || holdsResponsible, addressee, responsibility.test(word), view),
      )
    }
    frames.push(...own)
    // an outer frame keeps the antecedent: "blamed the attack on the TTP, which it says …" is still about the TTP
    subjects.push({ at: antecedent ? subject.at - antecedent[0].length + antecedent[1]!.length : subject.at, frames: own })
    lastEnd = at + match[0].length
  }
  return trimNested(frames, subjects)
}

/**
 * "China expressed strong condemnation of the attack", "the bombing drew condemnation from the UN and the US", "the
 * EU termed the attack a cowardly act": condemnations told by a noun or a label are accusations as much as
 * "condemned" is (SPEC: a condemnation is an ACCUSE event).
 */
function condemnationFrames(sentence: MaskedSentence, view: ArticleView): Frame[] {
  const { anyWord, expressed, drawn, labelled } = cues().condemnations
  const text = sentence.masked
  const found: Frame[] = []
  if (!anyWord.test(text)) return found
  for (const pattern of [expressed, labelled])
    for (const match of text.matchAll(pattern)) {
      const speaker = sentence.refs[Number(match[1])]
      if (speaker?.kind !== 'entity') continue
      const end = match.index! + match[0].length
      found.push(withSpeaker(sentence, 'condemned', 'asserts', speaker, [end, text.length], true, null, false, view))
    }
  for (const match of text.matchAll(drawn))
    for (const speaker of refsIn(sentence, match[1]!))
      if (speaker.kind === 'entity')
        found.push(withSpeaker(sentence, 'condemned', 'asserts', speaker, [0, match.index!], true, null, false, view))
  return found
}

/** "…," Pakistan's defence minister Khawaja Asif said': the speaker's title, owner included, is no part of the content. */
function titleBefore(text: string, at: number): number {
  const title = /[,"”’]\s*((?:the\s+)?«E\d+»(?:’s|'s)\s+(?:[\w-]+\s+){0,3})$/.exec(text.slice(0, at))
  return title ? title[1]!.length : 0
}

/** "the BLA and the BLF have claimed": every member of a coordinated subject speaks. */
function coordinated(sentence: MaskedSentence, ref: Ref): Ref[] {
  const index = sentence.refs.indexOf(ref)
  if (index < 0) return [ref]
  const list = /(?:«E\d+»(?:\s*\(«E\d+»\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)+$/.exec(
    sentence.masked.slice(0, sentence.refAt[index]!),
  )
  if (!list) return [ref]
  // "… support to the TTP, the foreign office said": after content, a comma alone ends the content; a list of
  // speakers there is joined by "and" ("X, Y and Z said"), or it opens the sentence.
  const opensSentence = /^\W*(?:the\s+)?$/i.test(sentence.masked.slice(0, sentence.refAt[index]! - list[0].length))
  if (!opensSentence && !/\band\s/.test(list[0])) return [ref]
  const members = [...list[0].matchAll(/«E(\d+)»/g)]
    .map((m) => sentence.refs[Number(m[1])]!)
    .filter((r) => r.type === ref.type || (r.type !== 'person' && ref.type !== 'person'))
  return [...members, ref].filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i)
}

/** "X cited a UN report that said Y": what Y says belongs to the inner speaker, so the outer content ends there. */
function trimNested(frames: Frame[], subjects: Subject[]): Frame[] {
  frames.forEach((outer) => {
    if (outer.stance === 'no_response') return
    for (const { at, frames: own } of subjects) {
      if (at > outer.content[0] && at < outer.content[1] && !own.includes(outer)) outer.content = [outer.content[0], at]
    }
  })
  return frames
}

/**
 * "The attack was claimed by the BLA", "a bombing claimed by ISKP": a claim of responsibility in the passive, made
 * by the group after "by" (a few describing words may stand between: "the Sunni militant group «E2»").
 */
/** "«E1», which " right before a speaker: the content of the relative clause is about «E1». */
const RELATIVE_SPEAKER = /(«E\d+»),\s*(?:which|who)\s+$/

/** Where the phrase before ", which «speaker» said" starts: after the last comma, colon or cue word within reach. */
function eventPhraseBefore(text: string, subjectAt: number): number | null {
  const relative = /,\s*which\s+(?:the\s+)?$/i.exec(text.slice(Math.max(0, subjectAt - 20), subjectAt))
  if (!relative) return null
  const commaAt = subjectAt - relative[0].length
  const reach = Math.max(0, commaAt - 80)
  const stretch = text.slice(reach, commaAt)
  const boundary = Math.max(stretch.lastIndexOf(','), stretch.lastIndexOf(';'), stretch.lastIndexOf(':'))
  if (boundary >= 0) return reach + boundary + 1
  return reach === 0 ? 0 : reach + Math.max(0, stretch.search(/\s/))
}

/** The first actor of the sentence, for a pronoun speaking in a relative clause about another ("«E1», which it says"). */
function relativeClauseSpeaker(sentence: MaskedSentence, at: number): Ref | undefined {
  const antecedent = RELATIVE_SPEAKER.exec(sentence.masked.slice(Math.max(0, at - 40), at))
  if (!antecedent) return undefined
  const antecedentAt = at - antecedent[0].length
  const first = sentence.refs.findIndex((r, i) => r.kind === 'entity' && sentence.refAt[i]! < antecedentAt)
  const ref = first >= 0 ? sentence.refs[first]! : undefined
  return ref && ref.type !== 'armed_group' && ref.type !== 'person' && sentence.refAt[first]! < 12 ? ref : undefined
}

/** Where a speaker's name starts in the sentence, and the frames it speaks in (an inner speaker ends outer content). */
interface Subject {
  at: number
  frames: Frame[]
}

const CLAIMED_BY = /\bclaimed\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?«E(\d+)»/gi

/** "Pakistan's accusation that …": a claim its owner makes, whoever reports or answers it. */
const POSSESSED_CLAIM = /«E(\d+)»(?:’s|'s)\s+(?:\w+\s+)?(accusations?|allegations?|claims?|charges?|assertions?)\s+that\b/gi

const BASE_FORMS = new Set(['deny', 'reject', 'claim', 'say', 'allege', 'accuse', 'believe', 'report', 'state', 'warn'])
const NOUN_FORMS = new Set(['reports', 'claims', 'claim', 'states', 'notes', 'report', 'warning', 'statement', 'cited'])

/** A cue word used as a verb of saying: not a noun ("the UN reports"), an infinitive ("to deny") or a passive ("is believed"). */
function isVerbUse(text: string, at: number, word: string): boolean {
  const before = text.slice(Math.max(0, at - 30), at)
  if (cues().bareForms.has(word))
    return !/\b(?:to|a|an|the)\s+$/i.test(before) && /^\s+(?:\w+ly\s+)?that\b/i.test(text.slice(at + word.length, at + word.length + 20))
  if (/\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$/i.test(before) && !/^(?:claimed responsibility|took responsibility)$/.test(word))
    return false
  // "the commander alleged by Pakistan to have been the target": a passive participle is not its subject's act
  if (/ed$/.test(word) && /^\s+by\b/i.test(text.slice(at + word.length))) return false
  // "the TTP, estimated to have 6,000 fighters", "said to be hiding": a reduced passive, no one speaking.
  if (
    /ed$|^(?:said|told|found|thought)$/.test(word) &&
    /^\s+(?:to\s+(?:be|have)\b|at\s+(?:around|about|some|nearly|over|more|\d))/i.test(text.slice(at + word.length))
  )
    return false
  // "the alleged mastermind", "a reported attack": participles used as adjectives.
  if (
    /^(?:alleged|reported|claimed|suspected|accused|declared|stated|confirmed)$/.test(word) &&
    /\b(?:the|a|an|its|their|his|her)\s+$/i.test(before)
  )
    return false
  if (BASE_FORMS.has(word) && !/(?:\b(?:they|we|i|you|do|does|did|not|never|also|still|continue to|will|would)|«E\d+»)\s+$/i.test(before))
    return false
  if (NOUN_FORMS.has(word)) {
    if (
      /\b(?:the|a|an|these|those|such|its|their|his|her|recent|media|previous|earlier|new|latest|news|intelligence|unconfirmed|some)\s+$/i.test(
        before,
      )
    )
      return false
    // "Pakistan claims the TTP …" is a verb; "the UN reports as propaganda" a noun.
    if (/(?:«[EP]\d+»|’s|'s)\s+$/.test(before))
      return /^\s+(?:that|the|a|an|it|he|she|they|its|their|«[EP]\d+»|["“])/.test(text.slice(at + word.length, at + word.length + 8))
  }
  return true
}

/** "termed the allegations baseless", "called the reports propaganda": a labelling verb that denies what it labels. */
function labelsAsDenied(text: string, end: number, word: string): boolean {
  const { labelling, labelledDenial } = cues()
  return labelling.has(word) && labelledDenial.test(text.slice(end, end + 120))
}

/**
 * "said the allegations were unfounded", "“These are baseless accusations,” said X": a statement that predicates a
 * label of denial of the allegation, after the cue or in the quotation the cue closes.
 */
function predicatesDenial(text: string, at: number, end: number): boolean {
  const { predicatedDenial } = cues()
  if (predicatedDenial.test(text.slice(end, end + 140))) return true
  return /^\s*["“]/.test(text) && /["”],?\s*(?:\S+\s+){0,6}$/.test(text.slice(0, at)) && predicatedDenial.test(text.slice(0, at))
}

/** "the so-called", "as the statement described": a cue word that is not a verb of saying here. */
function isAdjectival(text: string, at: number, word: string): boolean {
  const before = text.slice(Math.max(0, at - 12), at)
  if (/\bso-?\s*$/i.test(before)) return true
  if (/^(referred|refers)$/.test(word)) return !/^\s+to\b/i.test(text.slice(at + word.length, at + word.length + 5))
  if (/^(called|described|labelled|labeled|termed)$/.test(word)) {
    // A verb after its subject ("the TTP labelled the strikes", "he described"); else a name ("a group called X").
    if (/^\s+(?:on|for|upon)\b/i.test(text.slice(at + word.length, at + word.length + 6))) return false
    return !/(?:«E\d+»|\b(?:he|she|they|it|has|have|had|also|\w+ly))\s+$/i.test(before)
  }
  return false
}

function placeholderLength(sentence: MaskedSentence, ref: Ref): number {
  return `«${ref.kind === 'entity' ? 'E' : 'P'}${sentence.refs.indexOf(ref)}»`.length
}

function findNextCue(text: string, from: number): number | undefined {
  const rest = text.slice(from)
  const next = /[.;]\s+(?:["“]|[A-Z«])|,\s*["“]/.exec(rest)
  // "denied the charge and said India was funding the BLA": a second verb of saying starts content of its own
  const second = cues().secondCue.exec(rest)
  const at = [next ? next.index + 1 : undefined, second?.index].filter((i): i is number => i !== undefined)
  return at.length > 0 ? from + Math.min(...at) : undefined
}

function nearestEntityBefore(sentence: MaskedSentence, at: number): Ref | undefined {
  let best: Ref | undefined
  sentence.refs.forEach((ref, i) => {
    if (ref.kind === 'entity' && sentence.refAt[i]! < at) best = ref
  })
  return best
}

function governmentAfter(sentence: MaskedSentence, at: number, view: ArticleView): Ref | undefined {
  const i = sentence.refs.findIndex(
    (ref, k) => ref.kind === 'place' && ref.placeKind === 'country' && sentence.refAt[k]! >= at && sentence.refAt[k]! <= at + 12,
  )
  return i < 0 ? undefined : view.governmentOf.get(sentence.refs[i]!.id)
}

/** "… of the UN Monitoring Team", "… by Amnesty": the author named right after a document word. */
function authorAfter(sentence: MaskedSentence, at: number): Ref | undefined {
  const by = /^\s+(?:of|by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?=«E\d+»)/i.exec(sentence.masked.slice(at))
  return by ? firstEntityAfter(sentence, at + by[0].length, 0) : undefined
}

function firstEntityAfter(sentence: MaskedSentence, at: number, within: number): Ref | undefined {
  let best: { ref: Ref; pos: number } | undefined
  sentence.refs.forEach((ref, i) => {
    const pos = sentence.refAt[i]!
    if (ref.kind === 'entity' && pos >= at && pos <= at + within && (!best || pos < best.pos)) best = { ref, pos }
  })
  return best?.ref
}

/**
 * The speaker of a cue: the name right before a finite cue ("Mujahid alleged"), the sentence's first actor for a
 * participle ("…, accusing Kabul of"), a pronoun or description resolved to the last speaker ("he added",
 * "the statement said"), or the name right after an inverted cue ("said Khan").
 */
function subjectOf(
  sentence: MaskedSentence,
  at: number,
  word: string,
  previous: Frame | undefined,
  current: Frame[],
  clauseStart: number,
): { ref: Ref; at: number } | undefined {
  const text = sentence.masked
  const before = text.slice(clauseStart, at)
  const pronoun = PRONOUN_BEFORE.exec(before)
  const last = current[current.length - 1] ?? previous
  // "X refuted … and warned …", "X denounced …, asserting …": a second verb of the same subject.
  const sameClause = current[current.length - 1]
  if (sameClause && (/\band\s+(?:\w+ly\s+)?$/.test(before) || (word.endsWith('ing') && /,\s*$/.test(before)))) {
    const ref = sameClause.speaker ?? sameClause.claimant
    if (ref) return { ref, at: clauseStart }
  }
  const head = pronoun ? descriptionHead(pronoun[1]!) : null
  if (pronoun && head) {
    const p = head.toLowerCase()
    // "Pakistan wants the Taliban to act against the TTP, which it says …": the pronoun is the sentence's subject
    const mainSubject = p === 'it' || p === 'they' ? relativeClauseSpeaker(sentence, clauseStart + pronoun.index) : undefined
    if (mainSubject) return { ref: mainSubject, at: clauseStart + pronoun.index }
    const documentWord = isDocumentWord(p)
    const personal = p === 'he' || p === 'she'
    const typed = describedType(p)
    const resolved =
      documentWord && lastDocumentOwner
        ? lastDocumentOwner
        : typed
          ? // "the spokeswoman" speaks for the last claimant; "the army" is no other kind of body
            (lastNamedBy(p.slice(4)) ?? lastOfType(typed, last) ?? (typed.has('person') ? last?.claimant : undefined))
          : personal
            ? (last?.speaker ?? lastPerson ?? last?.claimant)
            : (last?.claimant ?? last?.speaker)
    if (resolved) return { ref: resolved, at: clauseStart + pronoun.index }
  }
  if (word.endsWith('ing') || /^claiming\b/.test(word)) {
    // "Condemning the attack, Interior Minister Naqvi said …": a participle opening the sentence has the main clause's subject
    const comma = /^[\s"“‘]*$/.test(text.slice(0, at)) ? text.indexOf(',', at) : -1
    const opener = comma > 0 && comma - at < 80 ? firstEntityAfter(sentence, comma + 1, 40) : undefined
    if (opener) return { ref: opener, at: sentence.refAt[sentence.refs.indexOf(opener)]! }
    // "with the TTP claiming responsibility": an actor right before the participle is its subject.
    const adjacent = sentence.refs.findIndex(
      (r, i) =>
        r.kind === 'entity' &&
        sentence.refAt[i]! < at &&
        /^\s*(?:\(«E\d+»\)\s*)?$/.test(text.slice(sentence.refAt[i]! + placeholderLength(sentence, r), at)),
    )
    if (adjacent >= 0 && !/,\s*$/.test(text.slice(0, at))) return { ref: sentence.refs[adjacent]!, at: sentence.refAt[adjacent]! }
    // "…, accusing Kabul of": the participle's subject is the last actor before it that heads a finite verb.
    let heading = -1
    sentence.refs.forEach((ref, i) => {
      const pos = sentence.refAt[i]!
      if (ref.kind !== 'entity' || pos >= at) return
      const next = text.slice(pos + placeholderLength(sentence, ref), pos + placeholderLength(sentence, ref) + 40)
      if (FINITE_AFTER.test(next)) heading = i
    })
    if (heading < 0) heading = sentence.refs.findIndex((r, i) => r.kind === 'entity' && sentence.refAt[i]! < at)
    if (heading >= 0) return { ref: sentence.refs[heading]!, at: sentence.refAt[heading]! }
  }
  let nearest = -1
  // "…, the military's media wing said": a cue after the content, with an object of a preposition before it.
  const isInverted = /,\s*(?:the\s+)?(?:[\w’'-]+\s+){0,4}$/.test(text.slice(0, at)) && at > text.length * 0.5
  sentence.refs.forEach((ref, i) => {
    const pos = sentence.refAt[i]!
    if (ref.kind !== 'entity' || pos < clauseStart || pos >= at) return
    // A subject is not the object of a preposition ("media outlets with close ties to the military reported").
    if (
      PREPOSITION_BEFORE.test(text.slice(Math.max(0, pos - 25), pos)) &&
      (isInverted || sentence.refs.some((r, k) => r.kind === 'entity' && sentence.refAt[k]! < pos && sentence.refAt[k]! >= clauseStart))
    )
      return
    if (nearest < 0 || pos > sentence.refAt[nearest]!) nearest = i
  })
  if (nearest >= 0) {
    const between = text.slice(sentence.refAt[nearest]! + placeholderLength(sentence, sentence.refs[nearest]!), at)
    // Only an appositive, a few modifiers, or a relative pronoun may stand between a subject and its verb.
    const relative =
      /^(?:’s|'s)?\s*(?:\w+\s+){0,2}?(?:report|statement|study|video|assessment|document|communique|findings?)?\s*,?\s*(?:that|which|who)\s+(?:\w+\s+)?$/i.test(
        between,
      )
    // A comma that opens no appositive ("ISKP carried out the bombings, two sources told") starts another clause.
    // "The group's regional branch, ISKP, later claimed": the comma after the name closes its apposition
    const closesApposition = /,\s*$/.test(text.slice(0, sentence.refAt[nearest]!)) && /^\s*,/.test(between)
    const openClause = /,\s*\S/.test((closesApposition ? between.replace(/^\s*,/, '') : between).replace(/,[^,]*,/g, ''))
    if (
      relative ||
      (!openClause &&
        between.length < 90 &&
        !/\b(?:that|which|who|when|after|before|because|while|if)\b/i.test(between.replace(/,[^,]*,/, '')))
    ) {
      const subject = personAppositive(sentence, nearest) ?? appositiveHead(sentence, nearest, at)
      return { ref: subject ?? sentence.refs[nearest]!, at: sentence.refAt[nearest]! }
    }
  }
  // "…,” said Khan": only a cue after its content takes the name after it; in "an official said Taliban forces fired"
  // the name after the cue begins what was said.
  if (/^(said|says|added|adds|wrote|told|asked|noted|stated|claimed)$/.test(word) && /[,”"’]\s*$/.test(text.slice(0, at))) {
    const after = firstEntityAfter(sentence, at + word.length, 6)
    if (after && endsInvertedCue(sentence, after)) return { ref: after, at: at + word.length }
  }
  return undefined
}

/**
 * "…,” said Khan." or "…, said Khan, the spokesman": the name closes the sentence or opens an apposition. In "an
 * official, speaking on condition of anonymity, said BLA commanders were living in Iran" the name after the cue
 * begins what was said.
 */
function endsInvertedCue(sentence: MaskedSentence, name: Ref): boolean {
  const end = sentence.refAt[sentence.refs.indexOf(name)]! + placeholderLength(sentence, name)
  return /^\s*(?:$|[,.;:!?”"’)(]|(?:who|in|on|at|from|during|while|when|after)\b)/.test(sentence.masked.slice(end))
}

/** "Mujahid, spokesperson for the Taliban, confirmed": the verb's subject is the person the body is the apposition of. */
function personAppositive(sentence: MaskedSentence, index: number): Ref | undefined {
  const body = sentence.refs[index]!
  if (body.type === 'person') return undefined
  for (let k = index - 1; k >= 0; k--) {
    const person = sentence.refs[k]!
    if (person.type !== 'person') continue
    const between = sentence.masked.slice(sentence.refAt[k]! + placeholderLength(sentence, person), sentence.refAt[index]!)
    return AFFILIATION.test(between) ? person : undefined
  }
  return undefined
}

/**
 * "Jamaat-ul-Ahrar, a faction of the TTP, claimed" ("…, a TTP faction, claimed"): the body named inside an appositive is not the verb's subject;
 * the name the appositive describes is.
 */
function appositiveHead(sentence: MaskedSentence, index: number, cueAt: number): Ref | undefined {
  const body = sentence.refs[index]!
  const after = sentence.masked.slice(sentence.refAt[index]! + placeholderLength(sentence, body), cueAt)
  if (!/^(?:(?:’s|'s)?\s+[\w-]+){0,3}\s*,\s*(?:\w+ly\s+)?$/.test(after)) return undefined
  const head = APPOSITIVE_OPENING.exec(sentence.masked.slice(0, sentence.refAt[index]!))
  return head ? sentence.refs[Number(head[1])] : undefined
}

const APPOSITIVE_OPENING = /«E(\d+)»\s*,\s*(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:(?:of|for|within|from|in)\s+(?:the\s+)?)?$/

const PREPOSITION_BEFORE =
  /\b(?:to|of|with|for|from|by|in|on|at|against|between|among|about|over|into|than)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?$/i

const FINITE_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,60},\s*)?(?:\w+ly\s+)?(?:has|have|had|is|are|was|were|will|would|did|does|do|\w+ed)\b/i

function addresseeOf(sentence: MaskedSentence, from: number, word: string): Ref | null {
  const text = sentence.masked.slice(from, from + 60)
  const direct = /^\s*(?:the\s+)?«E(\d+)»/.exec(text)
  if (direct) return sentence.refs[Number(direct[1])]!
  const possessive =
    /^\s*(?:the\s+|these\s+|such\s+|previous\s+)*(?:\w+\s+){0,2}?«E(\d+)»(?:’s|'s)?\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|reports?|assertions?|charges?|statements?)/i.exec(
      text,
    )
  if (possessive) return sentence.refs[Number(possessive[1])]!
  if (/^(denied|denies|rejected|rejects|dismissed|dismisses|refuted)$/.test(word)) return null
  return null
}

function frame(
  sentence: MaskedSentence,
  cue: string,
  stance: Stance,
  speaker: Ref | null,
  claimant: Ref | null,
  content: [number, number],
  accusation: boolean,
  addressee: Ref | null,
  responsibility: boolean,
): Frame {
  return { sentence, cue, stance, speaker, claimant, content, accusation, addressee, responsibility }
}

/** A person speaks for the body named beside them, or for the body their knowledge-base role names. */
function withSpeaker(
  sentence: MaskedSentence,
  cue: string,
  stance: Stance,
  subject: Ref,
  content: [number, number],
  accusation: boolean,
  addressee: Ref | null,
  responsibility: boolean,
  view: ArticleView,
): Frame {
  if (subject.type === 'media') {
    // A group's media wing speaks for the group.
    const parent = view.entityById.get(subject.id)?.kb?.parent
    const owner = (parent ? view.entityById.get(parent) : undefined) ?? groupOwning(sentence, subject)
    if (owner)
      return frame(
        sentence,
        cue,
        stance,
        subject,
        { ...subject, id: owner.id, type: owner.type, via: 'parent' },
        content,
        accusation,
        addressee,
        responsibility,
      )
  }
  if (subject.type !== 'person')
    return frame(sentence, cue, stance, null, forState(subject, view), content, accusation, addressee, responsibility)
  const body = bodyBeside(sentence, subject) ?? bodyOfPerson.get(subject.id) ?? bodyByRole(subject, view)
  return frame(sentence, cue, stance, subject, body ? forState(body, view) : subject, content, accusation, addressee, responsibility)
}

/** "ISKP, through its Amaq news agency, claimed": the group right before an outlet it owns ("its", "'s"). */
function groupOwning(sentence: MaskedSentence, outlet: Ref): { id: string; type: EntityType } | undefined {
  const i = sentence.refs.indexOf(outlet)
  if (i < 0) return undefined
  const before = sentence.masked.slice(0, sentence.refAt[i])
  const owner = /«E(\d+)»(?:(?:’s|'s)\s+|\s*,?\s*(?:through|via|in|on)\s+its\s+)(?:\w+\s+){0,2}$/.exec(before)
  const group = owner ? sentence.refs[Number(owner[1])] : undefined
  return group?.kind === 'entity' && group.type === 'armed_group' ? { id: group.id, type: group.type } : undefined
}

/** The body each person was introduced beside ("the Foreign Office spokesperson X"), for "She said" sentences later. */
const bodyOfPerson = new Map<string, Ref>()

function rememberBodies(sentence: MaskedSentence): void {
  for (const ref of sentence.refs) {
    if (ref.type !== 'person' || bodyOfPerson.has(ref.id)) continue
    const body = bodyBeside(sentence, ref)
    if (body) bodyOfPerson.set(ref.id, body)
  }
}

/** The Foreign Office speaks for its state (the convention of the annotation guide): its claims are the state's. */
function forState(body: Ref, view: ArticleView): Ref {
  const entity = view.entityById.get(body.id)
  const kb = entity?.kb
  if (
    !kb?.parent ||
    !/foreign (?:office|ministry|affairs)|external affairs|\bmofa\b|state department/i.test([kb.name, ...kb.aliases].join(' | '))
  )
    return body
  const parentEntity = view.entityById.get(kb.parent)
  const state = parentEntity?.type === 'state' ? parentEntity : undefined
  return state ? { ...body, id: state.id, type: 'state', country: state.country, via: 'foreign-office' } : body
}

const AFFILIATION =
  /^(?:\s*,?\s*(?:the\s+)?(?:\w+\s+){0,3}?(?:spokes(?:person|man|woman)|minister|official|leader|chief|head|commander|envoy|ambassador|member|founder|director|secretary|adviser|advisor|deputy|emir|general|president|chairman|representative)\s+(?:of|for|to)\s+(?:the\s+)?)$/i
const AFFILIATION_BEFORE =
  /^(?:(?:’s|'s)?\s*(?:\w+\s+){0,3}?(?:spokes(?:person|man|woman)|minister|official|leader|chief|head|commander|envoy|ambassador|member|founder|director|secretary|adviser|advisor|deputy|emir|general|president|chairman|representative)\s*,?\s*)$/i

function bodyBeside(sentence: MaskedSentence, person: Ref): Ref | null {
  const i = sentence.refs.indexOf(person)
  if (i < 0) return null
  const end = sentence.refAt[i]! + placeholderLength(sentence, person)
  for (let k = 0; k < sentence.refs.length; k++) {
    const other = sentence.refs[k]!
    if (other.kind !== 'entity' || other.type === 'person' || (other.type === 'media' && /spokes/i.test(sentence.masked))) continue
    const at = sentence.refAt[k]!
    if (at > end && AFFILIATION.test(sentence.masked.slice(end, at))) return other
    if (
      at < sentence.refAt[i]! &&
      AFFILIATION_BEFORE.test(sentence.masked.slice(at + placeholderLength(sentence, other), sentence.refAt[i]!))
    )
      return other
  }
  return null
}

/** The body a person's knowledge-base role (valid on the article's date) makes them speak for, named or not. */
function bodyByRole(person: Ref, view: ArticleView): Ref | null {
  const entity = view.entityById.get(person.id)
  const date = view.analysis.referenceDate
  const roles = (entity?.kb?.roles ?? []).filter((r) => (!r.from || !date || r.from <= date) && (!r.to || !date || r.to >= date))
  const speaking = roles.find((r) => /spokes/.test(r.role)) ?? roles[0]
  if (!speaking) return null
  const type = view.typeOf.get(speaking.of) ?? view.knownActors.get(speaking.of)?.type ?? 'organization'
  return { ...person, id: speaking.of, type, via: 'role' }
}
