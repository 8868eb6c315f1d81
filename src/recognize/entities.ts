import type { ActorEntry } from '../kb/actor.js'
import type { NlpDoc, Token } from '../nlp/nlp-doc.js'
import { hasLemma } from '../nlp/nlp-doc.js'
import { foldText, slug } from '../text/normalize.js'
import type { ActorMention, RecognizedEntity, ResolvedPlace } from '../record/article.js'
import { UNIDENTIFIED_ARMED_GROUP } from '../record/actor-entry.js'
import { activeOn, type ActorIndex } from './actor-index.js'
import { lexicon } from '../lexicon/load.js'
import type { LexiconOf } from '../lexicon/files.js'

type ActorLexicon = LexiconOf<'actors'>

export type { ActorMention, RecognizedEntity } from '../record/article.js'

export interface EntityInput {
  doc: NlpDoc
  index: ActorIndex
  places: ResolvedPlace[]
  /** ISO-2 country the article is mostly about, for bare "security forces". */
  focusCountry: string | null
  referenceDate: string | null
}

/** The word lists of the actor lexicon that are looked up by folded word (every list but `unidentified`). */
type WordSetName = Exclude<{ [K in keyof ActorLexicon]: ActorLexicon[K] extends string[] ? K : never }[keyof ActorLexicon], 'unidentified'>

let cachedWords: (ActorLexicon & { sets: Record<WordSetName, Set<string>> }) | undefined

function words() {
  if (!cachedWords) {
    const lex = lexicon('actors')
    const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()))
    cachedWords = {
      ...lex,
      sets: {
        titles: lower(lex.titles),
        followerNouns: lower(lex.followerNouns),
        leadingRoles: lower(lex.leadingRoles),
        roleNouns: lower(lex.roleNouns),
        speechVerbs: lower(lex.speechVerbs),
        partyVerbsBefore: lower(lex.partyVerbsBefore),
        partyAfterCall: lower(lex.partyAfterCall),
        partyPossessedNouns: lower(lex.partyPossessedNouns),
        partyNouns: lower(lex.partyNouns),
        orgConnectors: lower(lex.orgConnectors),
        notNames: lower(lex.notNames),
        notSurnames: lower(lex.notSurnames),
        personPatientVerbs: lower(lex.personPatientVerbs),
        personPatientNouns: lower(lex.personPatientNouns),
        personPassiveVerbs: lower(lex.personPassiveVerbs),
        partySourceNouns: lower(lex.partySourceNouns),
        partyResidentNouns: lower(lex.partyResidentNouns),
        partyAgentNouns: lower(lex.partyAgentNouns),
        partyActsAfter: lower(lex.partyActsAfter),
        partyBackingWords: lower(lex.partyBackingWords),
      },
    }
  }
  return cachedWords
}

/** Knowledge-base names in the text: the spans later stages must not read as places or new names. */
export function matchKnownActors(
  doc: NlpDoc,
  index: ActorIndex,
  referenceDate: string | null,
): { mention: ActorMention; actors: ActorEntry[] }[] {
  const found: { mention: ActorMention; actors: ActorEntry[] }[] = []
  for (const match of index.trie.scan(doc.tokens)) {
    const actors = match.values.filter((a) => activeOn(a, referenceDate))
    if (actors.length === 0) continue
    found.push({
      mention: {
        start: match.start,
        end: match.end,
        firstToken: match.firstToken,
        endToken: match.endToken,
        surface: doc.text.slice(match.start, match.end),
        via: 'kb-alias',
      },
      actors,
    })
  }
  return found
}

/**
 * Builds the article's actor list: knowledge-base names, countries and capitals acting as parties, demonym
 * phrases ("Pakistani officials"), collectives ("pro-Taliban media outlets"), unknown people and organisations
 * found by titles and name heads, generic forces tied to the article's country, and surnames linked back to
 * the full name.
 */
export function recognizeEntities(input: EntityInput, known: { mention: ActorMention; actors: ActorEntry[] }[]): RecognizedEntity[] {
  const builder = new EntityBuilder(input)
  const seen = new Set<string>()
  for (const { mention, actors } of known) {
    if (actors.every((a) => a.type === 'person') && partOfLongerName(input.doc.tokens, mention)) continue
    const chosen = chooseActor(actors, seen, input.focusCountry)
    const actor = ledGroup(chosen, mention, input) ?? chosen
    seen.add(actor.id)
    builder.addKnown(actor, mention)
  }
  builder.addParties()
  builder.addDemonymParties()
  builder.addCollectives()
  builder.addUnidentified()
  builder.addNewNames()
  builder.addListedPeople()
  builder.addOutlets()
  builder.addGenericBodies()
  builder.addDescriptors()
  builder.addGenericForces()
  builder.linkSurnames()
  builder.addTitledSingles()
  return builder.entities()
}

const ROLES = lexicon('demonym-roles')
const STRIKE_AFTER = new RegExp(String.raw`^\s+(?:${ROLES.strikeWords.join('|')})\b`, 'i')

/** "Hafiz Gul Bahadur militants", "Mangal Bagh's men": a leader's name before his followers stands for his group. */
function ledGroup(person: ActorEntry, mention: ActorMention, input: EntityInput): ActorEntry | undefined {
  if (person.type !== 'person') return undefined
  const tokens = input.doc.tokens
  let next = mention.endToken
  if (tokens[next]?.text === '’s' || tokens[next]?.text === "'s") next++
  const noun = tokens[next]
  if (!noun || noun.sentence !== tokens[mention.firstToken]!.sentence || !words().sets.followerNouns.has(noun.folded)) return undefined
  const role = person.roles?.find((r) => words().sets.leadingRoles.has(r.role) && input.index.kb.byId.get(r.of)?.type === 'armed_group')
  return role ? input.index.kb.byId.get(role.of) : undefined
}

/** "Akhtar Hayat Khan Gandapur" is not the "Gandapur" of the knowledge base: a capitalized name runs into it. */
function partOfLongerName(tokens: readonly Token[], mention: ActorMention): boolean {
  const before = tokens[mention.firstToken - 1]
  const after = tokens[mention.endToken]
  const nameLike = (t: Token | undefined) =>
    t !== undefined &&
    t.sentence === tokens[mention.firstToken]!.sentence &&
    t.pos === 'PROPN' &&
    /^\p{Lu}\p{Ll}/u.test(t.text) &&
    !/^\p{Lu}\p{Ll}{3,}ing$/u.test(t.text) &&
    !words().sets.titles.has(t.folded.replace(/\.$/, ''))
  return nameLike(before) || nameLike(after)
}

/**
 * A name several actors share goes to the one the article already named ("ISIS" after "ISIS-Khorasan" is the
 * Khorasan branch), else to the first listed, which the knowledge base gives as the usual reading.
 */
function chooseActor(actors: ActorEntry[], seen: Set<string>, focus: string | null): ActorEntry {
  if (actors.length === 1) return actors[0]!
  const named = actors.filter((a) => seen.has(a.id))
  if (named.length === 1) return named[0]!
  return actors.find((a) => a.country === focus && a.type !== 'media') ?? actors[0]!
}

class EntityBuilder {
  private readonly byId = new Map<string, RecognizedEntity>()
  private readonly taken: boolean[]
  private readonly tokens: Token[]
  private readonly lex = words()
  private readonly titledSingles: { first: number; titleFirst: number }[] = []
  /** Each entity's mentions by "start|end", so adding a mention checks for a copy without scanning them. */
  private readonly spansOf = new Map<RecognizedEntity, Set<string>>()
  /** The mentions of entities with a country (not people), by sentence, for `sentenceCountry`; removed ones are skipped. */
  private readonly countryMentions = new Map<number, { entity: RecognizedEntity; mention: ActorMention }[]>()
  private readonly released = new Set<ActorMention>()

  /** Tokens of place names: a run on them is a place ("Khan Abad"), never a new person. */
  private readonly placeTokens: boolean[]
  /** Sentences that are headlines in title case, where every word is capitalized and says nothing about names. */
  private readonly headlines: Set<number>

  constructor(private readonly input: EntityInput) {
    this.tokens = input.doc.tokens
    this.taken = new Array<boolean>(this.tokens.length).fill(false)
    this.placeTokens = new Array<boolean>(this.tokens.length).fill(false)
    for (const place of input.places)
      for (const m of place.mentions) for (let i = m.firstToken; i < m.endToken; i++) this.placeTokens[i] = true
    this.headlines = titleCaseSentences(input.doc)
  }

  entities(): RecognizedEntity[] {
    for (const entity of this.byId.values()) {
      entity.mentions.sort((a, b) => a.start - b.start)
      entity.rule = entity.mentions[0]!.via
    }
    return [...this.byId.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
  }

  addKnown(actor: ActorEntry, mention: ActorMention): void {
    this.add({ id: actor.id, name: actor.name, type: actor.type, country: actor.country, kb: actor }, mention)
  }

  private add(identity: Omit<RecognizedEntity, 'surfaces' | 'mentions' | 'rule'>, mention: ActorMention): RecognizedEntity {
    let entity = this.byId.get(identity.id)
    if (!entity) {
      entity = { ...identity, surfaces: new Set(), mentions: [], rule: mention.via }
      this.byId.set(identity.id, entity)
    }
    let spans = this.spansOf.get(entity)
    if (!spans) {
      spans = new Set()
      this.spansOf.set(entity, spans)
    }
    const span = `${mention.start}|${mention.end}`
    if (!spans.has(span)) {
      spans.add(span)
      entity.mentions.push(mention)
      this.released.delete(mention)
      if (entity.country && entity.type !== 'person') {
        const sentence = this.tokens[mention.firstToken]!.sentence
        const list = this.countryMentions.get(sentence)
        if (list) list.push({ entity, mention })
        else this.countryMentions.set(sentence, [{ entity, mention }])
      }
    }
    entity.surfaces.add(mention.surface)
    for (let i = mention.firstToken; i < mention.endToken; i++) this.taken[i] = true
    return entity
  }

  /** Removes the mentions that lie inside tokens [first, end), and entities left with none. */
  private release(first: number, end: number): void {
    if (this.isFree(first, end)) return
    const start = this.tokens[first]!.start
    const stop = this.tokens[end - 1]!.end
    for (const [id, entity] of this.byId) {
      const spans = this.spansOf.get(entity)
      entity.mentions = entity.mentions.filter((m) => {
        if (m.end <= start || m.start >= stop) return true
        spans?.delete(`${m.start}|${m.end}`)
        this.released.add(m)
        return false
      })
      if (entity.mentions.length === 0) this.byId.delete(id)
    }
    for (let i = first; i < end; i++) this.taken[i] = false
  }

  private isFree(first: number, end: number): boolean {
    for (let i = first; i < end; i++) if (this.taken[i]) return false
    return true
  }

  private mentionOf(first: number, end: number, via: string): ActorMention {
    const start = this.tokens[first]!.start
    const stop = this.tokens[end - 1]!.end
    return { start, end: stop, firstToken: first, endToken: end, surface: this.input.doc.text.slice(start, stop), via }
  }

  /** The actor a country or capital name stands for when it acts: a metonym owner valid on the date, else the state. */
  private partyFor(place: ResolvedPlace, surface: string): ActorEntry | undefined {
    const owners = (this.input.index.metonyms.get(foldText(surface)) ?? []).filter((a) => activeOn(a, this.input.referenceDate))
    // Without a date, the present owner ("Kabul" → today's government) over one whose time has ended.
    if (owners.length > 0) return owners.find((a) => !a.to) ?? owners[0]
    if (place.kind === 'country' && place.country) return this.input.index.stateOf.get(place.country)
    return undefined
  }

  addParties(): void {
    for (const place of this.input.places) {
      if (place.kind !== 'country' && place.kind !== 'city') continue
      for (const mention of place.mentions) {
        const actor = this.partyFor(place, mention.surface)
        if (!actor) continue
        if (!this.actsAsParty(mention.firstToken, mention.endToken)) continue
        this.add(
          { id: actor.id, name: actor.name, type: actor.type, country: actor.country, kb: actor },
          this.mentionOf(mention.firstToken, mention.endToken, place.kind === 'country' ? 'party' : 'metonymy'),
        )
      }
    }
  }

  /** Subject of a verb, object of an accusation or appeal, or owner of a government/claim: the name acts. */
  private actsAsParty(first: number, end: number): boolean {
    const tokens = this.tokens
    const prev = tokens[first - 1]
    const prev2 = tokens[first - 2]
    const sentence = tokens[first]!.sentence
    const inSentence = (t: Token | undefined): t is Token => t !== undefined && t.sentence === sentence
    // "a list of demands to Kabul", "a message to Tehran": the addressee of a demand is a party.
    if (
      inSentence(prev) &&
      prev.folded === 'to' &&
      inSentence(prev2) &&
      /^(?:demands?|requests?|appeals?|messages?|letters?|warnings?|proposals?|ultimatum|assurances?)$/.test(prev2.folded)
    )
      return true
    // "condemnation from China", "support from Tehran": the source of a reaction is a party, not a place
    if (inSentence(prev) && prev.folded === 'from' && inSentence(prev2) && hasLemma(prev2, this.lex.sets.partySourceNouns)) return true
    // "the full backing of India", "the hand of Iran": the one who backs is a party
    if (inSentence(prev) && prev.folded === 'of' && inSentence(prev2) && hasLemma(prev2, this.lex.sets.partyAgentNouns)) return true
    if (
      inSentence(prev) &&
      ['in', 'from', 'into', 'inside', 'across', 'near', 'at', 'via', 'to', 'within', 'throughout', 'toward', 'towards'].includes(
        prev.folded,
      )
    ) {
      const speechTo = prev.folded === 'to' && inSentence(prev2) && this.lex.sets.speechVerbs.has(prev2.folded)
      // "officials in Islamabad said": the officials of that capital's state speak; the verb after decides below
      const residents = prev.folded === 'in' && inSentence(prev2) && this.lex.sets.partyResidentNouns.has(prev2.folded)
      if (!speechTo && !residents) return false
    }
    if (inSentence(prev) && this.lex.sets.partyVerbsBefore.has(prev.folded)) return true
    // "holds the United States responsible": a country whose name takes "the" after such a verb
    if (inSentence(prev) && prev.folded === 'the' && inSentence(prev2) && this.lex.sets.partyVerbsBefore.has(prev2.folded)) return true
    // The agent of a passive: "backed by India", "carried out by Iran".
    if (inSentence(prev) && prev.folded === 'by' && inSentence(prev2) && (prev2.pos === 'VERB' || /ed$/.test(prev2.folded))) return true
    if (
      inSentence(prev) &&
      (prev.folded === 'on' || prev.folded === 'upon' || prev.folded === 'for') &&
      inSentence(prev2) &&
      this.lex.sets.partyAfterCall.has(prev2.folded)
    )
      return true
    if (
      inSentence(prev) &&
      prev.folded === 'with' &&
      inSentence(prev2) &&
      /^(talks|raised|met|meeting|dialogue|agreement|deal|ties|relations|cooperation|engagement|engagements)$/.test(prev2.folded)
    )
      return true
    let next = end
    const afterList = this.skipCoordinatedNames(next)
    next = afterList
    const after = tokens[next]
    if (!inSentence(after)) return false
    // "India-sponsored", "Afghanistan-backed": the country before the hyphen backs what follows
    if (/^[-‑–]$/.test(after.text) && inSentence(tokens[next + 1]) && this.lex.sets.partyBackingWords.has(tokens[next + 1]!.folded))
      return true
    if ((after.text === '’s' || after.text === "'s") && inSentence(tokens[next + 1])) {
      const noun = tokens[next + 1]!
      const noun2 = tokens[next + 2]
      return (
        this.lex.sets.partyPossessedNouns.has(noun.folded) ||
        (noun.pos === 'ADJ' && inSentence(noun2) && this.lex.sets.partyPossessedNouns.has(noun2.folded))
      )
    }
    // Skip auxiliaries, adverbs and time phrases ("has yet to", "on Wednesday strongly refuted"): a verb after them makes a subject.
    let k = next
    while (
      inSentence(tokens[k]) &&
      /^(?:on|late|early|earlier|last|this|also|then|now|later)$/.test(tokens[k]!.folded) &&
      inSentence(tokens[k + 1]) &&
      /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|week|month|year|morning|evening|today|yesterday)$/.test(
        tokens[k + 1]!.folded,
      )
    )
      k += 2
    let sawAux = false
    let auxWord = ''
    while (
      k < next + 5 &&
      inSentence(tokens[k]) &&
      (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART' || tokens[k]!.folded === 'yet')
    ) {
      if (tokens[k]!.pos === 'AUX' && !sawAux) auxWord = tokens[k]!.folded
      sawAux ||= tokens[k]!.pos === 'AUX'
      k++
    }
    const verb = tokens[k]
    if (!inSentence(verb)) return false
    if (verb.pos === 'VERB' || this.lex.sets.speechVerbs.has(verb.folded) || this.lex.sets.partyActsAfter.has(verb.folded)) return true
    // "Pakistan has credible evidence": possession is an act of the party; "Pakistan is a country" is not.
    return sawAux && /^(has|have|had)$/.test(auxWord) && (verb.pos === 'NOUN' || verb.pos === 'ADJ' || verb.pos === 'DET')
  }

  /** "Pakistan, China and Russia voiced": skips over the rest of a list of capitalized names. */
  private skipCoordinatedNames(from: number): number {
    const tokens = this.tokens
    let i = from
    let last = from
    while (i < tokens.length && (tokens[i]!.text === ',' || tokens[i]!.folded === 'and')) {
      let j = i + 1
      if (tokens[j]?.folded === 'and') j++
      if (tokens[j]?.folded === 'the') j++
      if (!tokens[j] || !/^\p{Lu}/u.test(tokens[j]!.text) || tokens[j]!.pos !== 'PROPN') break
      while (tokens[j] && /^\p{Lu}/u.test(tokens[j]!.text) && tokens[j]!.pos === 'PROPN') j++
      last = j
      i = j
    }
    return last
  }

  /** "Pakistani officials", "U.S. and Pakistani officials", "Iranian authorities" → those states. */
  addDemonymParties(): void {
    const demonyms = lexicon('demonyms')
    const tokens = this.tokens
    for (let i = 0; i < tokens.length; i++) {
      const code = demonyms[tokens[i]!.text]
      if (!code || !this.isFree(i, i + 1)) continue
      let j = i + 1
      const group: number[] = [i]
      while (tokens[j] && tokens[j]!.folded === 'and' && tokens[j + 1] && demonyms[tokens[j + 1]!.text]) {
        group.push(j + 1)
        j += 2
      }
      if (
        tokens[j] &&
        /^(security|government|senior|top|foreign|military|intelligence|border)$/.test(tokens[j]!.folded) &&
        tokens[j + 1] &&
        this.lex.sets.partyNouns.has(tokens[j + 1]!.folded)
      )
        j++
      if (!tokens[j] || tokens[j]!.sentence !== tokens[i]!.sentence) continue
      if (!this.lex.sets.partyNouns.has(tokens[j]!.folded)) {
        if (group.length === 1) this.addDemonymAttacker(i, code)
        continue
      }
      for (const at of group) {
        const state = this.input.index.stateOf.get(demonyms[tokens[at]!.text]!)
        if (!state) continue
        const mention = at === i && group.length === 1 ? this.mentionOf(i, j + 1, 'demonym') : this.mentionOf(at, at + 1, 'demonym')
        this.add({ id: state.id, name: state.name, type: state.type, country: state.country, kb: state }, mention)
      }
      i = j
    }
  }

  /**
   * "Pakistani jets bombed", "an Iranian drone struck": the state of the demonym before a strike word attacks, so it
   * is a party (SPEC §4) even where the article names it no other way.
   */
  private addDemonymAttacker(at: number, code: string): void {
    const token = this.tokens[at]!
    if (!ROLES.attackers.includes(token.text)) return
    if (!STRIKE_AFTER.test(this.input.doc.text.slice(token.end, token.end + 40))) return
    const state = this.input.index.stateOf.get(code)
    if (state)
      this.add(
        { id: state.id, name: state.name, type: state.type, country: state.country, kb: state },
        this.mentionOf(at, at + 1, 'demonym-attack'),
      )
  }

  /** Named collectives that speak: "pro-Taliban media outlets", "Pakistani media", "UN member states". */
  addCollectives(): void {
    const tokens = this.tokens
    const heads = byFirstKey(
      Object.entries(this.lex.collectiveHeads).map(([phrase, type]) => ({ keys: phrase.toLowerCase().split(' '), type })),
    )
    for (let i = 0; i < tokens.length; i++) {
      for (const head of heads.get(tokens[i]!.folded) ?? []) {
        const end = i + head.keys.length
        if (!head.keys.every((k, n) => tokens[i + n]?.folded === k)) continue
        let first = i
        while (
          first > 0 &&
          tokens[first - 1]!.sentence === tokens[i]!.sentence &&
          (/^\p{Lu}/u.test(tokens[first - 1]!.text) || tokens[first - 1]!.text === '-' || /^pro$/i.test(tokens[first - 1]!.text))
        )
          first--
        if (first === i || !(this.isFree(i, end) || this.takenByStateWithin(first, end, i))) continue
        // "Islamic State media", "TTP media": a group's own outlets speak for the group
        if (this.namesArmedGroup(first, i)) continue
        // "UN member states" is its own speaker, not the UN: the modifier's name mention gives way, as does
        // "Iranian state" (the state's alias) to "Iranian state media".
        this.release(first, end)
        const mention = this.mentionOf(first, end, 'collective')
        const name = mention.surface.replace(/^(the|multiple|several|some|many)\s+/i, '')
        this.add({ id: `actor:x-${slug(name)}`, name: capitalize(name), type: head.type, country: null, kb: null }, mention)
        i = end - 1
        break
      }
    }
  }

  private namesArmedGroup(first: number, end: number): boolean {
    for (const entity of this.byId.values())
      if (entity.type === 'armed_group' && entity.mentions.some((m) => m.firstToken >= first && m.endToken <= end)) return true
    return false
  }

  /** Are the taken tokens of [from, end) all in mentions of a state that lie within [first, end), "state" in lowercase? */
  private takenByStateWithin(first: number, end: number, from: number): boolean {
    if (!/^\p{Ll}/u.test(this.tokens[from]!.text)) return false
    const start = this.tokens[from]!.start
    const stop = this.tokens[end - 1]!.end
    for (const entity of this.byId.values()) {
      for (const m of entity.mentions) {
        if (m.end <= start || m.start >= stop) continue
        if (entity.type !== 'state' || m.firstToken < first || m.endToken > end) return false
      }
    }
    return true
  }

  addUnidentified(): void {
    const actor = this.input.index.kb.byId.get(UNIDENTIFIED_ARMED_GROUP)
    const phrases = byFirstKey(this.lex.unidentified.map((p) => ({ keys: p.split(' ') })))
    const tokens = this.tokens
    for (let i = 0; i < tokens.length; i++) {
      for (const { keys } of phrases.get(tokens[i]!.folded) ?? []) {
        if (!keys.every((k, n) => tokens[i + n]?.folded === k) || !this.isFree(i, i + keys.length)) continue
        const mention = this.mentionOf(i, i + keys.length, 'unidentified')
        if (actor) this.add({ id: actor.id, name: actor.name, type: actor.type, country: null, kb: actor }, mention)
        else
          this.add(
            { id: UNIDENTIFIED_ARMED_GROUP, name: 'Unidentified armed group', type: 'armed_group', country: null, kb: null },
            mention,
          )
        i += keys.length - 1
        break
      }
    }
  }

  /** People and organisations the knowledge base does not know: capitalized runs with a title, a role or a name head. */
  addNewNames(): void {
    const tokens = this.tokens
    const acronyms = new Map<string, RecognizedEntity>()
    for (let i = 0; i < tokens.length; i++) {
      if (!this.startsName(i)) continue
      let end = this.nameEnd(i)
      if (end === i) continue
      const of = this.personOfBody(i, end)
      if (of) {
        this.classifyName(of.body, end)
        end = of.person
      }
      let entity = this.classifyName(i, end)
      const cut = entity ? undefined : this.cutAfterHead(i, end)
      if (cut) {
        entity = this.classifyName(i, cut)
        end = cut
      }
      if (!entity) continue
      const acronym = this.parentheticalAcronym(end)
      if (acronym) {
        this.add(entity, this.mentionOf(acronym.first, acronym.end, 'acronym'))
        acronyms.set(acronym.text, entity)
      }
      i = end - 1
    }
    for (const [text, entity] of acronyms) {
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i]!.text === text && this.isFree(i, i + 1)) this.add(entity, this.mentionOf(i, i + 1, 'acronym'))
      }
    }
  }

  /**
   * "World Economic Forum in Davos": a capitalized run carried on by "in" or "at" past the organisation's head
   * word into a place; the name ends at the head. Returns the end of the shorter run.
   */
  private cutAfterHead(first: number, end: number): number | undefined {
    for (let k = end - 3; k > first; k--) {
      if (this.lex.orgHeads[this.tokens[k]!.text] === undefined || !/^(?:in|at)$/.test(this.tokens[k + 1]!.folded)) continue
      if (this.placeTokens[k + 2] || /^\p{Lu}/u.test(this.tokens[k + 2]?.text ?? '')) return k + 1
    }
    return undefined
  }

  /**
   * "Daniel Ortiz of the Regional Security Institute": a person's name, "of" and a body whose head ends the run
   * are two names, not one organisation. Returns where the person's name ends and where the body's begins.
   */
  private personOfBody(first: number, end: number): { person: number; body: number } | undefined {
    const tokens = this.tokens
    const of = tokens.slice(first, end).findIndex((t) => t.folded === 'of') + first
    if (of - first < 2 || of - first > 3 || this.lex.orgHeads[tokens[end - 1]!.text] === undefined) return undefined
    for (let i = first; i < of; i++) {
      const token = tokens[i]!
      if (token.pos !== 'PROPN' || this.lex.orgHeads[token.text] !== undefined || this.isTitleOrDemonym(token) || this.placeTokens[i])
        return undefined
    }
    const body = tokens[of + 1]?.folded === 'the' ? of + 2 : of + 1
    return body < end - 1 ? { person: of, body } : undefined
  }

  private startsName(i: number): boolean {
    const token = this.tokens[i]!
    return (
      this.isFree(i, i + 1) &&
      /^\p{Lu}/u.test(token.text) &&
      !this.lex.sets.notNames.has(token.folded) &&
      (token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'ADJ' || token.pos === 'X')
    )
  }

  /** Extends a capitalized run, allowing lowercase connectors inside organisation names ("University of X"). */
  private nameEnd(first: number): number {
    const tokens = this.tokens
    let end = first
    let lastCapital = first
    while (end < tokens.length && end - first < 8 && tokens[end]!.sentence === tokens[first]!.sentence) {
      const token = tokens[end]!
      const capital = /^\p{Lu}/u.test(token.text) && (end === first || !this.taken[end])
      const joiner = token.text === '-' || token.text === '–'
      const connector = this.lex.sets.orgConnectors.has(token.folded) && end > first
      if (capital) lastCapital = end
      else if (!joiner && !connector) break
      end++
    }
    return lastCapital + 1
  }

  private classifyName(first: number, end: number): RecognizedEntity | undefined {
    const tokens = this.tokens
    // "Minister Warns Kabul Over Border Attacks": in a title-case headline capitals are no evidence of a name
    if (this.headlines.has(tokens[first]!.sentence)) return undefined
    const run = tokens.slice(first, end)
    const last = run[run.length - 1]!
    const headFirst = run.length >= 3 && this.lex.orgHeads[run[0]!.text] !== undefined && run[1]!.folded === 'of'
    const headType = this.lex.orgHeads[last.text] ?? (headFirst ? this.lex.orgHeads[run[0]!.text] : undefined)
    if (headType && run.length >= 2 && this.isFree(first, end)) {
      if (run.every((t) => this.lex.orgHeads[t.text] !== undefined || /^(the|a|an|this|that|of|and|for)$/.test(t.folded))) return undefined
      if (/^(the|a|an|this|that|these|those|its|their|his|her)$/.test(run[0]!.folded)) return undefined
      const mention = this.mentionOf(first, end, 'org-head')
      return this.add({ id: `actor:x-${slug(mention.surface)}`, name: mention.surface, type: headType, country: null, kb: null }, mention)
    }
    if (run.some((t) => this.lex.sets.orgConnectors.has(t.folded) || t.text === '-')) return undefined
    const titled = this.titleBefore(first)
    let nameFirst = first
    while (nameFirst < end && this.lex.sets.titles.has(tokens[nameFirst]!.folded.replace(/\.$/, ''))) nameFirst++
    const hasTitleInside = nameFirst > first
    if (nameFirst >= end) return undefined
    // "Minister for Information and Broadcasting Attaullah Tarar": a portfolio word is not part of the name.
    while (end - nameFirst > 2 && (tokens[nameFirst]!.pos !== 'PROPN' || /^\p{Lu}\p{Ll}{3,}ing$/u.test(tokens[nameFirst]!.text)))
      nameFirst++
    const nameTokens = tokens.slice(nameFirst, end)
    if (nameTokens.some((t) => t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'X')) return undefined
    // "Asfandyar Mir", "Hamid Mir": an honorific after a given name is a surname, titles come first
    const isSurname = (i: number) =>
      i > 0 &&
      i === nameTokens.length - 1 &&
      demonymCountry(nameTokens[i]!.text) === undefined &&
      nameTokens.slice(0, i).every((t) => t.pos === 'PROPN' && !this.isTitleOrDemonym(t) && !this.isRole(t)) &&
      // "Deputy Prime Minister Ishaq Dar": a title followed by a name is still a title
      !/^\p{Lu}/u.test(tokens[end]?.sentence === tokens[end - 1]!.sentence ? (tokens[end]?.text ?? '') : '')
    if (nameTokens.some((t, i) => this.lex.sets.notNames.has(t.folded) || (this.isTitleOrDemonym(t) && !isSurname(i)))) return undefined
    if (nameTokens.length > 4) return undefined
    const isPerson = ((titled || hasTitleInside) && nameTokens.length >= 1) || (nameTokens.length >= 2 && this.personCue(nameFirst, end))
    if (!isPerson) return undefined
    // A lone word after a title ("Ambassador Jiang") is usually a person named in full elsewhere: surnames decide.
    if (nameTokens.length === 1) {
      const titleFirst = titled ? first - 1 : first
      // "Mir Ali" is a town: a title-like word that begins a place name makes no person of the word after it
      if (this.placeTokens[titleFirst] && this.placeTokens[nameFirst]) return undefined
      if (nameTokens[0]!.text.length > 2) this.titledSingles.push({ first: nameFirst, titleFirst })
      return undefined
    }
    const mention = this.mentionOf(nameFirst, end, titled || hasTitleInside ? 'title' : 'role')
    const person = this.add(
      { id: `actor:x-${slug(mention.surface)}`, name: mention.surface, type: 'person', country: null, kb: null },
      mention,
    )
    // Gazetteers of people list them with their honorifics too ("Sheikh Rashid Ahmed"): keep each titled form.
    for (let t = titled ? first - 1 : first; t < nameFirst; t++)
      person.surfaces.add(this.input.doc.text.slice(this.tokens[t]!.start, mention.end))
    return person
  }

  /**
   * What makes two or three capitalized words a person without a title: a role beside them ("X, a shopkeeper",
   * "a police official, X,"), a speech verb after them, or a verb that only people undergo ("arrested X", "the
   * extradition of X", "X was martyred"). Never on a place name.
   */
  private personCue(first: number, end: number): boolean {
    for (let i = first; i < end; i++) if (this.placeTokens[i]) return false
    return this.roleAppositive(end) || this.speechAfter(end) || this.roleBeforeComma(first) || this.undergoesAsPerson(first, end)
  }

  /** A role noun by lemma ("officials" → official); a verb form of one ("suspected", "accused") is no role. */
  private isRole(token: Token | undefined): boolean {
    if (token === undefined || !hasLemma(token, this.lex.sets.roleNouns)) return false
    return this.lex.sets.roleNouns.has(token.folded) || !/(?:ed|ing)$/.test(token.folded)
  }

  /**
   * "a police official, Qasim Raza, said", "the deputy commissioner of Kurram, Javedullah Mehsud, said": the role
   * (with what it is of) comes first and the name stands in apposition.
   */
  private roleBeforeComma(first: number): boolean {
    const comma = this.tokens[first - 1]
    if (comma?.text !== ',') return false
    const sentence = this.tokens[first]!.sentence
    let k = first - 2
    // "of Kurram", "of the Khyber district": the role's complement, back to its "of"
    let of = k
    while (of >= 0 && of > k - 5 && this.tokens[of]?.sentence === sentence && /^\p{Lu}/u.test(this.tokens[of]!.text)) of--
    if (of < k && this.tokens[of]?.folded === 'the') of--
    if (of < k && this.tokens[of]?.folded === 'of') k = of - 1
    const role = this.tokens[k]
    return role !== undefined && role.sentence === sentence && this.isRole(role)
  }

  private undergoesAsPerson(first: number, end: number): boolean {
    const tokens = this.tokens
    const sentence = tokens[first]!.sentence
    const at = (i: number): Token | undefined => (tokens[i]?.sentence === sentence ? tokens[i] : undefined)
    const sets = this.lex.sets
    const prev = at(first - 1)
    if (prev && prev.pos === 'VERB' && hasLemma(prev, sets.personPatientVerbs)) return true
    const noun = at(first - 2)
    if (prev?.folded === 'of' && noun && hasLemma(noun, sets.personPatientNouns)) return true
    // "X was arrested", "X, who was martyred": an auxiliary of the passive, then the participle
    let k = end
    if (at(k)?.text === ',' && at(k + 1)?.folded === 'who') k += 2
    if (!at(k) || !/^(?:was|were|is|are|has|have|had|been|being|got)$/.test(at(k)!.folded)) return false
    k++
    while (at(k) && (at(k)!.folded === 'been' || at(k)!.pos === 'ADV')) k++
    const verb = at(k)
    return verb !== undefined && /(?:ed|en|wn|ot)$/.test(verb.folded) && hasLemma(verb, sets.personPassiveVerbs)
  }

  private nextToTitle(i: number): boolean {
    const prev = this.tokens[i - 1]
    return prev !== undefined && this.lex.sets.titles.has(prev.folded.replace(/\.$/, ''))
  }

  private isTitleOrDemonym(token: Token): boolean {
    return this.lex.sets.titles.has(token.folded.replace(/\.$/, '')) || demonymCountry(token.text) !== undefined
  }

  private titleBefore(first: number): boolean {
    const prev = this.tokens[first - 1]
    if (!prev || prev.sentence !== this.tokens[first]!.sentence) return false
    const key = prev.folded.replace(/\.$/, '')
    return this.lex.sets.titles.has(key) || this.isRole(prev)
  }

  /** "X, the Taliban's chief spokesman," / "X, a commander of": a role noun within the next few words. */
  private roleAppositive(end: number): boolean {
    const tokens = this.tokens
    if (tokens[end]?.text !== ',') return false
    for (let i = end + 1; i < Math.min(tokens.length, end + 6); i++) {
      const token = tokens[i]!
      if (token.sentence !== tokens[end]!.sentence || token.text === ',' || token.folded === 'as' || token.pos === 'VERB') return false
      if (this.isRole(token)) return true
    }
    return false
  }

  /**
   * Lists of names ("Naib Subedar Karim Dad, Havildar Noor Zaman and Sepoy Gul Rehman"; "X and Y, two
   * students"): when one member of a list of capitalized names is a person, the others of two to four
   * words are people too, unless they are places or name another kind of actor.
   */
  addListedPeople(): void {
    const people = new Set([...this.byId.values()].filter((e) => e.type === 'person').flatMap((e) => e.mentions.map((m) => m.firstToken)))
    for (const list of this.nameLists()) {
      if (!list.some((run) => this.anyPersonIn(run, people))) continue
      for (const run of list) {
        let first = run.first
        while (first < run.end && this.lex.sets.titles.has(this.tokens[first]!.folded.replace(/\.$/, ''))) first++
        if (!this.isBareName(first, run.end)) continue
        const mention = this.mentionOf(first, run.end, 'list')
        const person = this.add(
          { id: `actor:x-${slug(mention.surface)}`, name: mention.surface, type: 'person', country: null, kb: null },
          mention,
        )
        if (first > run.first) person.surfaces.add(this.input.doc.text.slice(this.tokens[run.first]!.start, mention.end))
      }
    }
  }

  /**
   * "…, The Week reported", "told The Frontier Post": a name that keeps its capital "The" and reports or is
   * told things is a news outlet.
   */
  addOutlets(): void {
    const tokens = this.tokens
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]!.text !== 'The' || !this.isFree(i, i + 1)) continue
      let end = i + 1
      while (
        end < tokens.length &&
        end - i <= 4 &&
        tokens[end]!.sentence === tokens[i]!.sentence &&
        /^\p{Lu}/u.test(tokens[end]!.text) &&
        this.isFree(end, end + 1)
      )
        end++
      if (end === i + 1 || end - i > 4 || this.headlines.has(tokens[i]!.sentence)) continue
      const next = tokens[end]
      const prev = tokens[i - 1]
      const reports =
        next !== undefined && next.sentence === tokens[i]!.sentence && /^(?:reported|reports|wrote|writes|quoted)$/.test(next.folded)
      const told = prev !== undefined && prev.sentence === tokens[i]!.sentence && /^(?:told|telling|tells)$/.test(prev.folded)
      if (!reports && !told) continue
      let placeLike = false
      let common = false
      for (let k = i + 1; k < end; k++) {
        placeLike ||= this.placeTokens[k]!
        common ||=
          this.isTitleOrDemonym(tokens[k]!) ||
          this.lex.sets.notNames.has(tokens[k]!.folded) ||
          (this.lex.orgHeads[tokens[k]!.text] !== undefined && this.lex.orgHeads[tokens[k]!.text] !== 'media' && end - i === 2)
      }
      if (common) continue
      if (placeLike && end - i === 2) continue
      const mention = this.mentionOf(i, end, 'outlet')
      this.add({ id: `actor:x-${slug(mention.surface)}`, name: mention.surface, type: 'media', country: null, kb: null }, mention)
      i = end - 1
    }
  }

  private anyPersonIn(run: { first: number; end: number }, personStarts: Set<number>): boolean {
    for (let i = run.first; i < run.end; i++) if (personStarts.has(i)) return true
    return false
  }

  /** Two to four free, capitalized, non-place tokens with no title, demonym, organisation head or stop word. */
  private isBareName(first: number, end: number): boolean {
    const length = end - first
    if (length < 2 || length > 4 || !this.isFree(first, end)) return false
    for (let i = first; i < end; i++) {
      const token = this.tokens[i]!
      if (this.placeTokens[i] || !/^\p{Lu}\p{Ll}/u.test(token.text) || token.pos === 'VERB' || token.pos === 'AUX') return false
      if (this.lex.sets.notNames.has(token.folded) || this.isTitleOrDemonym(token) || this.lex.orgHeads[token.text] !== undefined)
        return false
    }
    return true
  }

  /** Runs of capitalized tokens separated only by commas and "and", within one sentence. */
  private nameLists(): { first: number; end: number }[][] {
    const tokens = this.tokens
    const lists: { first: number; end: number }[][] = []
    let current: { first: number; end: number }[] = []
    let i = 0
    const capital = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text) && !this.lex.sets.notNames.has(t.folded)
    while (i < tokens.length) {
      if (!capital(tokens[i]) || this.headlines.has(tokens[i]!.sentence)) {
        i++
        continue
      }
      const first = i
      while (capital(tokens[i]) && tokens[i]!.sentence === tokens[first]!.sentence) i++
      current.push({ first, end: i })
      let j = i
      if (tokens[j]?.text === ',') j++
      if (tokens[j]?.folded === 'and') j++
      const joined = j > i && capital(tokens[j]) && tokens[j]!.sentence === tokens[first]!.sentence
      if (joined) i = j
      else {
        if (current.length >= 2) lists.push(current)
        current = []
      }
    }
    if (current.length >= 2) lists.push(current)
    return lists
  }

  private speechAfter(end: number): boolean {
    const next = this.tokens[end]
    return next !== undefined && next.sentence === this.tokens[end - 1]!.sentence && this.lex.sets.speechVerbs.has(next.folded)
  }

  private parentheticalAcronym(end: number): { text: string; first: number; end: number } | undefined {
    const tokens = this.tokens
    if (tokens[end]?.text !== '(' || tokens[end + 2]?.text !== ')') return undefined
    const text = tokens[end + 1]!.text
    return /^[A-Z][A-Za-z]{1,7}$/.test(text) && /[A-Z].*[A-Z]/.test(text) ? { text, first: end + 1, end: end + 2 } : undefined
  }

  /** "the Interior Ministry", "the Foreign Office": the body of the country the sentence or the article is about. */
  addGenericBodies(): void {
    for (const match of this.input.index.genericBodies.scan(this.tokens)) {
      if (!this.isFree(match.firstToken, match.endToken)) continue
      const country = this.sentenceCountry(match.firstToken) ?? this.input.focusCountry
      const body = country ? this.input.index.bodyOf.get(`${country}|${match.values[0]}`) : undefined
      if (!body) continue
      this.add(
        { id: body.id, name: body.name, type: body.type, country: body.country, kb: body },
        this.mentionOf(match.firstToken, match.endToken, 'generic-body'),
      )
    }
  }

  /**
   * "Baloch militants", "Baloch insurgents": a generic descriptor names the armed group the article names whose
   * name carries the same word (SPEC §4); when the article names none, or several, it is no entity.
   */
  addDescriptors(): void {
    const tokens = this.tokens
    const heads = /^(?:militants|insurgents|separatists|rebels|fighters|nationalists|guerrillas|groups|outfits)$/
    const groups = [...this.byId.values()].filter((e) => e.type === 'armed_group' && e.kb)
    for (let i = 0; i + 1 < tokens.length; i++) {
      const word = tokens[i]!
      if (!/^\p{Lu}\p{Ll}+$/u.test(word.text) || !this.isFree(i, i + 2)) continue
      let end = i + 1
      if (/^(?:armed|militant|insurgent|separatist)$/.test(tokens[end]!.folded) && tokens[end + 1]) end++
      if (!heads.test(tokens[end]!.folded) || tokens[end]!.sentence !== word.sentence) continue
      const named = groups.filter((g) =>
        [g.name, ...(g.kb?.aliases ?? [])].some((n) => n.split(/[\s-]+/).some((part) => foldText(part) === word.folded)),
      )
      if (named.length !== 1) continue
      this.add(named[0]!, this.mentionOf(i, end + 1, 'descriptor'))
      i = end
    }
  }

  /** Bare "security forces", "the army", "police": the forces of the article's country, when it has one. */
  addGenericForces(): void {
    const tokens = this.tokens
    const phrasesByFirst = byFirstKey(Object.entries(this.lex.genericForces).map(([phrase, kind]) => ({ keys: phrase.split(' '), kind })))
    for (let i = 0; i < tokens.length; i++) {
      for (const { keys, kind } of phrasesByFirst.get(tokens[i]!.folded) ?? []) {
        if (!keys.every((k, n) => tokens[i + n]?.folded === k) || !this.isFree(i, i + keys.length)) continue
        if (this.belongsToNamedBody(i + keys.length)) {
          i += keys.length - 1
          break
        }
        const prev = tokens[i - 1]
        const code = prev && prev.sentence === tokens[i]!.sentence ? demonymCountry(prev.text) : undefined
        if (code && this.isFree(i - 1, i)) {
          const mention = this.mentionOf(i - 1, i + keys.length, 'demonym-force')
          const army = kind === 'army' ? this.armyOn(code) : undefined
          this.add(
            army
              ? { id: army.id, name: army.name, type: army.type, country: army.country, kb: army }
              : { id: `actor:x-${slug(mention.surface)}`, name: mention.surface, type: 'security_force', country: code, kb: null },
            mention,
          )
        } else {
          const force = this.forceFor(kind, i)
          if (force) this.add(force, this.mentionOf(i, i + keys.length, 'generic-force'))
        }
        i += keys.length - 1
        break
      }
    }
  }

  /** "soldiers associated with the TTP", "fighters belonging to …": the men of the body named next, not a state's forces. */
  private belongsToNamedBody(end: number): boolean {
    const next = this.tokens[end]
    return (
      next !== undefined &&
      next.sentence === this.tokens[end - 1]!.sentence &&
      /^(?:associated|affiliated|belonging|linked|loyal|attached)$/.test(next.folded)
    )
  }

  private forceFor(kind: 'army' | 'police', at: number): Omit<RecognizedEntity, 'surfaces' | 'mentions' | 'rule'> | undefined {
    // "the Afghan Ministry of Defense announced that security forces …": forces of the sentence's own actor's country.
    const local = this.sentenceCountry(at)
    if (kind === 'army' && local && local !== this.input.focusCountry) {
      const army = this.armyOn(local)
      if (army) return { id: army.id, name: army.name, type: army.type, country: army.country, kb: army }
    }
    const before = [...this.byId.values()].filter(
      (e) => e.type === 'security_force' && e.mentions.some((m) => m.start < this.tokens[at]!.start),
    )
    const wanted = before.filter((e) => (kind === 'police' ? /police/i.test(e.name) : !/police/i.test(e.name)))
    const last = wanted[wanted.length - 1]
    // after "the ISPR said", "security forces" are the armed forces the media wing belongs to, not the wing
    const parentArmy = last?.country && kind === 'army' ? this.armyOn(last.country) : undefined
    if (parentArmy && last?.kb?.parent === parentArmy.id)
      return { id: parentArmy.id, name: parentArmy.name, type: parentArmy.type, country: parentArmy.country, kb: parentArmy }
    if (last) return last
    if (!this.input.focusCountry) return undefined
    if (kind === 'police') {
      for (const place of this.input.places) {
        if (place.kind !== 'admin1' || place.country !== this.input.focusCountry) continue
        const police = this.input.index.policeOf.get(foldText(place.name))
        if (police) return { id: police.id, name: police.name, type: police.type, country: police.country, kb: police }
      }
      return undefined
    }
    const army = this.armyOn(this.input.focusCountry)
    return army ? { id: army.id, name: army.name, type: army.type, country: army.country, kb: army } : undefined
  }

  /**
   * A country's armed forces on the article's date. Forces the knowledge base dates as ended (Afghanistan's ANDSF
   * after August 2021) are no one's forces later: the forces then are those of the government in power, which the
   * country's name stands for on that date.
   */
  private armyOn(code: string): ActorEntry | undefined {
    const date = this.input.referenceDate
    const army = this.input.index.armyOf.get(code)
    if (army && activeOn(army, date)) return army
    const state = this.input.index.stateOf.get(code)
    const rulers = state ? (this.input.index.metonyms.get(foldText(state.name)) ?? []) : []
    return rulers.find((a) => a.type === 'government' && a.country === code && activeOn(a, date))
  }

  /** "Commander Ilyas" when no full name of that person was found: a person of one name. */
  addTitledSingles(): void {
    for (const { first, titleFirst } of this.titledSingles) {
      if (!this.isFree(first, first + 1)) continue
      const mention = this.mentionOf(first, first + 1, 'title')
      const person = this.add(
        { id: `actor:x-${slug(mention.surface)}`, name: mention.surface, type: 'person', country: null, kb: null },
        mention,
      )
      person.surfaces.add(this.input.doc.text.slice(this.tokens[titleFirst]!.start, mention.end))
    }
  }

  /** The country of the last actor (not a person) named before token `at` in its sentence. */
  private sentenceCountry(at: number): string | null {
    const token = this.tokens[at]!
    let best: { entity: RecognizedEntity; mention: ActorMention }[] = []
    let foundStart = -1
    for (const entry of this.countryMentions.get(token.sentence) ?? []) {
      const { entity, mention: m } = entry
      if (this.released.has(m) || this.byId.get(entity.id) !== entity || m.start >= token.start || m.start < foundStart) continue
      if (m.start > foundStart) best = []
      best.push(entry)
      foundStart = m.start
    }
    if (best.length <= 1) return best[0]?.entity.country ?? null
    // several actors named at one offset: the first in the builder's order wins, as a scan of all actors would find
    const order = [...this.byId.values()]
    best.sort(
      (a, b) =>
        order.indexOf(a.entity) - order.indexOf(b.entity) || a.entity.mentions.indexOf(a.mention) - b.entity.mentions.indexOf(b.mention),
    )
    return best[0]!.entity.country
  }

  /** "Mujahid said" after "Zabihullah Mujahid": a lone surname or given name refers back to the person. */
  linkSurnames(): void {
    const people = [...this.byId.values()].filter((e) => e.type === 'person')
    const byPart = new Map<string, RecognizedEntity[]>()
    for (const person of people) {
      const names = [person.name, ...(person.kb?.aliases ?? []), ...person.surfaces]
      for (const name of names) {
        const parts = name
          .split(/\s+/)
          .filter(
            (p) => /^\p{Lu}\p{Ll}/u.test(p) && !this.lex.sets.titles.has(foldText(p).replace(/\.$/, '')) && demonymCountry(p) === undefined,
          )
        if (parts.length < 2) continue
        for (const part of [parts[parts.length - 1]!, parts[0]!]) {
          const key = foldText(part)
          const list = byPart.get(key) ?? []
          if (!list.includes(person)) list.push(person)
          byPart.set(key, list)
        }
      }
    }
    const tokens = this.tokens
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!
      if (!/^\p{Lu}/u.test(token.text) || !this.isFree(i, i + 1) || token.pos !== 'PROPN' || this.lex.sets.notNames.has(token.folded))
        continue
      if (this.lex.sets.notSurnames.has(token.folded) && !this.nextToTitle(i) && !this.speechAfter(i + 1)) continue
      const candidates = byPart.get(token.folded)
      if (!candidates || candidates.length === 0) continue
      const person = nearestBefore(candidates, token.start) ?? (candidates.length === 1 ? candidates[0] : undefined)
      if (person) this.add(person, this.mentionOf(i, i + 1, 'surname'))
    }
  }
}

/**
 * Headlines left in the text ("Interior Minister Warns Kabul Over Border Attacks"): five or more words, most of
 * them capitalized including verbs, and no closing full stop.
 */
/**
 * Phrases grouped by their first word, each group in the lexicon's order: a token is tried only against the
 * phrases it can start, in the order it was tried against all of them.
 */
function byFirstKey<T extends { keys: string[] }>(phrases: T[]): Map<string, T[]> {
  const byFirst = new Map<string, T[]>()
  for (const phrase of phrases) {
    const list = byFirst.get(phrase.keys[0]!)
    if (list) list.push(phrase)
    else byFirst.set(phrase.keys[0]!, [phrase])
  }
  return byFirst
}

function titleCaseSentences(doc: NlpDoc): Set<number> {
  const found = new Set<number>()
  doc.sentences.forEach((sentence, index) => {
    const words = doc.tokens.slice(sentence.firstToken, sentence.endToken).filter((t) => /^\p{L}/u.test(t.text))
    if (words.length < 5 || /[.!?]$/.test(doc.tokens[sentence.endToken - 1]!.text)) return
    const content = words.filter((t) => t.text.length > 3)
    const capitalized = content.filter((t) => /^\p{Lu}/u.test(t.text)).length
    if (content.length >= 4 && capitalized / content.length >= 0.85) found.add(index)
  })
  return found
}

function demonymCountry(word: string): string | undefined {
  return lexicon('demonyms')[word]
}

function nearestBefore(candidates: RecognizedEntity[], at: number): RecognizedEntity | undefined {
  let best: RecognizedEntity | undefined
  let bestStart = -1
  for (const c of candidates) {
    for (const m of c.mentions)
      if (m.start < at && m.start > bestStart && m.via !== 'surname') {
        best = c
        bestStart = m.start
      }
  }
  return best
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
