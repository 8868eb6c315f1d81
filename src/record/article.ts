/**
 * The working article: what each stage adds on the way from a source document to the record. Declared here, in
 * the ground folder, so a stage reads what an earlier one added without importing that stage.
 */
import type { PlaceEntry } from './place-entry.js'
import type { ActorEntry } from './actor-entry.js'
import type { ClaimRecord, DocumentPart, EntityRecord, EntityType, EventRecord, PlaceKind, Span } from './record.js'

/** What the clean stage adds: the record's `document` part before it gets its id (the hash of `text`). */
export type CleanedDocument = Omit<DocumentPart, 'id'>

/** One token of the cleaned text, with its [start, end) offsets and part of speech. */
export interface Token {
  readonly start: number
  readonly end: number
  readonly text: string
  /** Lowercased, diacritics folded: the form the matchers compare. */
  readonly folded: string
  /** Universal POS tag from wink (PROPN, NOUN, VERB, PUNCT, …). */
  readonly pos: string
  /**
   * Lowercased dictionary form from wink's lite model ("emphasizes" → "emphasize", "vowing" → "vow", "teachers" →
   * "teacher", "were" → "be"), so word lists can hold one form of a word instead of its inflections.
   */
  readonly lemma: string
  readonly sentence: number
}

export interface Sentence {
  readonly start: number
  readonly end: number
  /** Index of the first token and one past the last. */
  readonly firstToken: number
  readonly endToken: number
}

/** What the nlp stage adds: tokens and sentences of `document.text`. */
export interface NlpDoc {
  readonly text: string
  readonly tokens: Token[]
  readonly sentences: Sentence[]
}

export interface ActorMention extends Span {
  firstToken: number
  endToken: number
  surface: string
  /** Which rule found it: "kb-alias", "metonymy", "party", "demonym", "title", "org-head", "surname", … */
  via: string
}

/** An actor of the article with its mentions; `id` is the knowledge-base id or a stable id for a new name. */
export interface RecognizedEntity {
  id: string
  name: string
  type: EntityType
  country: string | null
  kb: ActorEntry | null
  surfaces: Set<string>
  mentions: ActorMention[]
  /** The rule of its first mention in the text: the record's `via.rule`. */
  rule: string
}

/** A toponym found in the text, with its gazetteer candidates (possibly none). */
export interface PlaceMention extends Span {
  firstToken: number
  endToken: number
  surface: string
  /** The kind the words around it name: "Kandahar province" → admin1. */
  kindHint: PlaceKind | null
  locative: boolean
  candidates: PlaceEntry[]
  /**
   * The dateline of the report ("PESHAWAR: …", "Quetta, March 3 (Reuters) - …"): where it was filed, which
   * is not by itself where its events happened. Extraction should not take it as an event's place.
   */
  dateline: boolean
}

/** One place of the article: the chosen gazetteer entry (or a name kept without coordinates) and its mentions. */
export interface ResolvedPlace {
  id: string
  entry: PlaceEntry | null
  name: string
  kind: PlaceKind
  country: string | null
  mentions: PlaceMention[]
  /**
   * Why this entry won (the record's `via.rule`): `gazetteer-country` (a country's name), `gazetteer-ranked` (the best
   * of the name's candidates), `kind-word` (no gazetteer entry: a name kept for the kind word beside it).
   */
  via: 'gazetteer-country' | 'gazetteer-ranked' | 'kind-word'
}

export interface DateMention {
  start: number
  end: number
  text: string
  /** Inclusive day range, YYYY-MM-DD; null when the expression needs a year and none is known. */
  range: { start: string; end: string } | null
  granularity: 'day' | 'week' | 'month' | 'year' | 'range'
}

/** After cleaning. */
export interface CleanedArticle {
  cleaned: CleanedDocument
}

/** After nlp. */
export interface ParsedArticle extends CleanedArticle {
  doc: NlpDoc
}

/** What the recognize stage adds. */
export interface Recognition {
  /** The date relative dates resolve against: the article's publication date, else the run's reference date. */
  referenceDate: string | null
  entities: RecognizedEntity[]
  places: ResolvedPlace[]
  dates: DateMention[]
  /** ISO-2 country the article is mostly about. */
  focusCountry: string | null
}

/** After recognition: what the extract stage reads. */
export interface RecognizedArticle extends ParsedArticle, Recognition {}

/** What the extract stage adds. */
export interface Extraction {
  events: EventRecord[]
  claims: ClaimRecord[]
  /** Actors the claims and events name that the text leaves unnamed (a spokesperson's body): appended to the entities. */
  bodies: EntityRecord[]
}

/** The site template memory one run's pages share (clean/html/site-boilerplate.ts implements it). */
export interface SiteMemory {
  learn(site: string, pageId: string, blocks: string[]): void
  repeatedBlocks(site: string, pageId: string, body: string[]): Set<number>
}
