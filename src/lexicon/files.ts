/** The shape of every file in data/lexicon/, one schema per file; the record's constants type the keyed parts. */
import { CLAIM_RELATIONS, ENTITY_TYPES, EVENT_TYPES, PLACE_KINDS, type ClaimRelation, type RemovalReason } from '../record/record.js'
import { dictionary, flag, integer, keyedBy, everyKey, list, nullable, object, oneOf, optional, text, type Infer } from './schema.js'

const words = list(text)

const REMOVAL_REASONS = [
  'spam',
  'navigation',
  'related',
  'duplicate',
  'cookie',
  'comments',
  'byline',
  'other',
] as const satisfies readonly RemovalReason[]

const actors = object({
  leadingRoles: words,
  followerNouns: words,
  titles: words,
  roleNouns: words,
  speechVerbs: words,
  partyVerbsBefore: words,
  partyAfterCall: words,
  partyPossessedNouns: words,
  partyNouns: words,
  orgHeads: dictionary(oneOf(ENTITY_TYPES)),
  orgConnectors: words,
  collectiveHeads: dictionary(oneOf(ENTITY_TYPES)),
  genericForces: dictionary(oneOf(['army', 'police'])),
  unidentified: words,
  notNames: words,
  notSurnames: words,
  personPatientVerbs: words,
  personPatientNouns: words,
  personPassiveVerbs: words,
  partySourceNouns: words,
  partyResidentNouns: words,
  partyAgentNouns: words,
  partyActsAfter: words,
  partyBackingWords: words,
})

const attribution = object({
  asserts: words,
  denies: words,
  accuse: words,
  according: words,
  noResponse: words,
  reportNouns: words,
  claimNouns: words,
  silence: object({ negators: words, adverbs: words, responseVerbs: words, issueVerbs: words, responseNouns: words }),
  assertLemmas: words,
  denyLemmas: words,
  accuseLemmas: words,
  responsibility: object({
    verbs: words,
    owned: words,
    nominalVerbs: words,
    nominalClaims: words,
    referringVerbs: words,
    attackNouns: words,
  }),
  clauseOnlyLemmas: words,
  holdingResponsibleForms: words,
  condemnationNouns: object({ nouns: words, expressLemmas: words, drawForms: words, labels: words }),
  commissiveLemmas: words,
  /**
   * Nouns that refer back after "the", as a pronoun does ("the spokesman", "the ministry"), in matching order,
   * with the entity types they can point to (none: the last claimant or speaker).
   */
  referringNouns: dictionary(list(oneOf(ENTITY_TYPES))),
  /** Referring nouns that name the document under discussion ("the statement", "the video"). */
  documentNouns: words,
  /** A labelling verb's lemmas, and what a speaker calls an allegation to deny it ("termed the allegations baseless"). */
  labellingLemmas: words,
  labelsOfDenial: words,
  irregularPasts: words,
  /** A blanket assurance that no one uses the speaker's soil: a denial without a verb of denying. */
  blanketDenials: words,
})

const boilerplate = object({
  relatedMarkers: object({ lines: words, linePrefixes: words }),
  navigationLines: words,
  navigationPrefixes: words,
  promoPhrases: words,
  disclaimerPhrases: words,
  cookiePhrases: words,
  commentLines: words,
  commentPhrases: words,
  spamPhrases: words,
  callToActionVerbs: words,
  photoCreditAgencies: words,
  photoCreditPhrases: words,
  bylinePrefixes: words,
  deskBylines: words,
  bioRoles: words,
  shareBarTokens: words,
})

/** Demonym → ISO 3166-1 alpha-2 country code. */
const demonyms = dictionary(text)

/** Demonyms by the role the extractors give them. */
const demonymRoles = object({
  attackers: words,
  territory: words,
  strikeWords: words,
  territoryWords: words,
  sponsors: words,
})

const eventParticipants = object({
  heldThings: words,
  struckObjects: words,
  ownerLinks: words,
  ownerParticiples: words,
  speaksOf: words,
  defenceVerbs: words,
  attackerWords: words,
  counterAttackWords: words,
})

const events = object({
  triggers: list(object({ words, lemmas: optional(words), type: oneOf(EVENT_TYPES), mode: nullable(text) })),
  /** Triggers that name an event only with a count, a place or a named party beside them. */
  weakTriggers: words,
  singleEventPlurals: words,
  otherTimeWords: words,
  timeLinkers: words,
  manyEventsOpeners: words,
  proscriptionWords: words,
  patientWords: words,
  possessedEventNouns: words,
  clashWords: words,
  requestCues: words,
  requestFromCues: words,
  addressingVerbs: words,
  /** Verbs after which "to" + a bare trigger verb tells an act that took place ("began to shell"), not a purpose. */
  onsetVerbs: words,
  /** A trigger whose object right after it tells another event, or none (type null): "expelled the ambassador". */
  /** Time frames of a tally, as regex alternatives ("since 2021", "this year"). */
  agentNouns: words,
  seriesOrdinals: words,
  seriesModifiers: words,
  aggregateFrames: words,
  objectRetypes: list(object({ words, objects: words, type: nullable(oneOf(EVENT_TYPES)), mode: nullable(text) })),
})

const pageStructure = object({
  skippedTags: words,
  chromeTags: dictionary(oneOf(REMOVAL_REASONS)),
  blockTags: words,
  boilerplateTokens: keyedBy(REMOVAL_REASONS, words),
  overlayTokens: words,
  classValuePrefixes: words,
  contentTokens: words,
  weakContentTokens: words,
  contentSelectors: words,
})

const places = object({
  kindAfter: dictionary(oneOf(PLACE_KINDS)),
  kindBefore: dictionary(oneOf(PLACE_KINDS)),
  locativeBefore: words,
  notPlaces: words,
  unknownKindWords: words,
  siteWords: words,
})

const relationPatterns = keyedBy(CLAIM_RELATIONS, list(text))

const relations = object({
  gap: text,
  verbGap: text,
  shortGap: text,
  relations: everyKey(
    CLAIM_RELATIONS,
    object({
      object: oneOf(['E', 'P', 'EP']),
      subjectTypes: optional(list(oneOf(ENTITY_TYPES))),
      symmetric: optional(flag),
      patterns: words,
      /** Patterns too loose for any subject ("the TTP is in Afghanistan"): read only of an armed group. */
      groupOnlyPatterns: optional(words),
    }),
  ),
  negation: text,
  hedges: words,
  speakerPatterns: relationPatterns,
  responsibilityPatterns: relationPatterns,
  eventObjectPatterns: relationPatterns,
  membershipPatterns: object({ patterns: list(text) }),
  struckFacilities: object({ facilityNouns: words, strikeParticiples: words }),
  threatReading: object({
    modals: words,
    harmVerbs: words,
    harmModifiers: words,
    retaliationVerbs: words,
    consequenceVerbs: words,
    consequenceNouns: words,
  }),
  opposingWords: words,
  descriptions: list(object({ pattern: text, refersTo: list(oneOf(ENTITY_TYPES)), plural: optional(flag) })),
  typedReading: keyedBy(
    CLAIM_RELATIONS,
    object({ subject: list(oneOf(ENTITY_TYPES)), object: list(oneOf([...ENTITY_TYPES, 'place'])), triggers: words }),
  ),
})

const weakCues = object({ cues: words })

const numbers = object({
  units: dictionary(integer),
  tens: dictionary(integer),
  /** ACLED's conservative reading of a vague count, with the upper reading kept as `high`. */
  vague: dictionary(object({ best: integer, high: nullable(integer) })),
  deathAfter: words,
  deathBefore: words,
  tollUpdate: text,
  moreDead: text,
  asideOpeners: words,
  lifeTakers: words,
  tallyJoiners: words,
  oneDeadPassive: words,
  oneDeadActive: words,
  notAVictim: words,
})

/** Each lexicon file by name (data/lexicon/NAME.json) with its schema. */
export const LEXICON_FILES = {
  actors,
  attribution,
  boilerplate,
  demonyms,
  'demonym-roles': demonymRoles,
  events,
  'event-participants': eventParticipants,
  'page-structure': pageStructure,
  places,
  relations,
  'weak-cues': weakCues,
  numbers,
}

export type LexiconName = keyof typeof LEXICON_FILES
export type LexiconOf<N extends LexiconName> = Infer<(typeof LEXICON_FILES)[N]>
export type RelationPatterns = Partial<Record<ClaimRelation, string[]>>
