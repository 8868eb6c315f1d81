import { createHash } from 'node:crypto'
import { cleanDocument, type CleanedDocument } from '../clean/clean-document.js'
import type { SiteBoilerplate } from '../clean/html/site-boilerplate.js'
import { extract } from '../extract/index.js'
import { loadGazetteer, loadGazetteerWith, type Gazetteer } from '../gazetteer/gazetteer.js'
import { loadCustomKnowledge } from '../kb/custom-kb.js'
import type { SourceDocument } from '../ingest/source-document.js'
import { parseText, type NlpDoc } from '../nlp/nlp-doc.js'
import { foldText } from '../text/normalize.js'
import { buildActorIndex, type ActorIndex } from '../recognize/actor-index.js'
import { recognizeDates, type DateMention } from '../recognize/dates.js'
import { matchKnownActors, recognizeEntities, type RecognizedEntity } from '../recognize/entities.js'
import { lexicon } from '../lexicon/load.js'
import { findPlaceMentions, resolvePlaces, type ResolvedPlace } from '../recognize/places.js'
import { loadActorIndex } from '../snapshot/actor-snapshot.js'
import { SCHEMA_ID, type AnalysisRecord, type EntityRecord, type PlaceRecord } from '../record/record.js'

export interface AnalyzeOptions {
  /** The date to resolve relative dates against when the article carries none (YYYY-MM-DD). */
  referenceDate?: string | null
  /** Shared by the pages of one run so each site's template is learned from its pages (HTML input only). */
  siteMemory?: SiteBoilerplate
}

/** Everything the stages of one article produce; the extract stage reads it, the record is built from it. */
export interface ArticleAnalysis {
  cleaned: CleanedDocument
  referenceDate: string | null
  doc: NlpDoc
  places: ResolvedPlace[]
  entities: RecognizedEntity[]
  dates: DateMention[]
  focusCountry: string | null
}

interface Resources {
  gazetteer: Gazetteer
  actors: ActorIndex
}

let resources: Resources | undefined
let knowledgeFolder: string | null = null

/**
 * The analyst's knowledge folder (`--kb DIR`, kb/custom-kb.ts) the analyses of this process or worker
 * thread use on top of data/kb and data/gazetteer; null for the base alone. Set it before analysing.
 */
export function useKnowledgeFolder(dir: string | null): void {
  if (dir === knowledgeFolder) return
  knowledgeFolder = dir
  resources = undefined
}

export function currentKnowledgeFolder(): string | null {
  return knowledgeFolder
}

/** Loads the knowledge base and gazetteer once per process (or worker thread), from dist/snapshot/ when current. */
export function loadResources(): Resources {
  resources ??= knowledgeFolder === null ? { gazetteer: loadGazetteer(), actors: loadActorIndex() } : customResources(knowledgeFolder)
  return resources
}

/** The base with the folder's actors and places: the base gazetteer is shared unless the folder adds places. */
function customResources(dir: string): Resources {
  const custom = loadCustomKnowledge(dir)
  return { gazetteer: custom.places.length > 0 ? loadGazetteerWith(custom.places) : loadGazetteer(), actors: buildActorIndex(custom.kb) }
}

/**
 * The whole per-article pipeline: clean → nlp → recognize (entities, places, dates) → extract (events, claims).
 * Pure and synchronous, so ingest can run it in worker threads.
 */
export function analyzeSource(source: SourceDocument, options: AnalyzeOptions = {}): AnalysisRecord {
  return recordOf(analyzeArticle(source, options))
}

/**
 * The pipeline after cleaning, for an article already stored (`sitrep reanalyze`): its cleaned text is
 * taken as it is, so the record keeps the stored article's id (the hash of that text).
 */
export function analyzeCleanedDocument(cleaned: CleanedDocument, options: AnalyzeOptions = {}): AnalysisRecord {
  return recordOf(analyzeCleaned(cleaned, options))
}

function recordOf(analysis: ArticleAnalysis): AnalysisRecord {
  const { cleaned } = analysis
  const { events, claims } = extract(analysis)
  const entities = analysis.entities.map(toEntityRecord)
  // A spokesperson's body may go unnamed ("Mujahid said"): the claims still name it, so the record carries it.
  for (const id of new Set([...claims.map((c) => c.claimant), ...events.flatMap((e) => e.actors)])) {
    const actor = id && !entities.some((e) => e.id === id) ? loadResources().actors.kb.byId.get(id) : undefined
    if (actor)
      entities.push({ id: actor.id, name: actor.name, type: actor.type, country: actor.country, aliases: [...actor.aliases], mentions: [] })
  }
  return {
    schema: SCHEMA_ID,
    document: {
      id: documentId(cleaned.text),
      title: cleaned.title,
      source: cleaned.source,
      url: cleaned.url,
      author: cleaned.author,
      published: cleaned.published,
      text: cleaned.text,
      removed: cleaned.removed,
    },
    entities,
    places: analysis.places.map(toPlaceRecord),
    events,
    claims,
  }
}

export function analyzeArticle(source: SourceDocument, options: AnalyzeOptions = {}): ArticleAnalysis {
  return analyzeCleaned(cleanDocument(source, { siteMemory: options.siteMemory }), options)
}

function analyzeCleaned(cleaned: CleanedDocument, options: AnalyzeOptions): ArticleAnalysis {
  const { gazetteer, actors } = loadResources()
  // a page of scripts, menus or boilerplate only: nothing to analyse, and nothing to store under the empty text's id
  if (!cleaned.text.trim()) throw new Error('no article text found (only markup, scripts or page furniture)')
  const referenceDate = cleaned.published ?? options.referenceDate ?? null
  const doc = parseText(cleaned.text)
  const known = matchKnownActors(doc, actors, referenceDate).filter(({ mention, actors: found }) => {
    // A bare country or capital name is a place first; it becomes a party only where it acts (recognizeEntities).
    const isPlaceName =
      found.every((a) => a.type === 'state' || a.type === 'government') &&
      (actors.metonyms.has(foldText(mention.surface)) || gazetteer.candidates(mention.surface).some((c) => c.kind === 'country'))
    return !isPlaceName
  })
  const blocking = known.filter(({ actors: found }) => !found.every((a) => a.type === 'state' || a.type === 'government'))
  const isTaken = overlapTest(blocking.map(({ mention }) => mention))
  const mentions = findPlaceMentions(doc, gazetteer, isTaken)
  const countries = countryContext(
    doc,
    mentions,
    known.flatMap((k) => k.actors.map((a) => a.country)),
  )
  const places = resolvePlaces(mentions, { countries })
  const focusCountry = topCountry(countries)
  const entities = recognizeEntities({ doc, index: actors, places, focusCountry, referenceDate }, known)
  const dates = recognizeDates(cleaned.text, referenceDate)
  return { cleaned, referenceDate, doc, places, entities, dates, focusCountry }
}

/**
 * Whether a span overlaps any of `spans`, in log time: spans sorted by start with the running maximum of their
 * ends, so "some span starting before `end` ends after `start`" is one binary search.
 */
function overlapTest(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const maxEnd: number[] = []
  for (const span of sorted) maxEnd.push(Math.max(span.end, maxEnd[maxEnd.length - 1] ?? -Infinity))
  return (start, end) => {
    let lo = 0
    let hi = sorted.length - 1
    let last = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]!.start < end) {
        last = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return last >= 0 && maxEnd[last]! > start
  }
}

export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}

function countryContext(
  doc: NlpDoc,
  mentions: { candidates: { kind: string; country: string | null }[] }[],
  actorCountries: (string | null)[],
): Map<string, number> {
  const counts = new Map<string, number>()
  const bump = (code: string | null | undefined, by: number) => {
    if (code) counts.set(code, (counts.get(code) ?? 0) + by)
  }
  for (const mention of mentions) {
    const country = mention.candidates.find((c) => c.kind === 'country')
    if (country) bump(country.country, 1)
    else if (mention.candidates.length > 0 && new Set(mention.candidates.map((c) => c.country)).size === 1)
      bump(mention.candidates[0]!.country, 0.5)
  }
  const demonyms = lexicon('demonyms')
  for (const token of doc.tokens) bump(demonyms[token.text], 0.5)
  for (const code of actorCountries) bump(code, 0.5)
  return counts
}

function topCountry(counts: Map<string, number>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code
      bestCount = count
    }
  }
  return best
}

function toEntityRecord(entity: RecognizedEntity): EntityRecord {
  const aliases = new Set<string>([...(entity.kb?.aliases ?? []), ...entity.surfaces])
  aliases.delete(entity.name)
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    country: entity.country,
    aliases: [...aliases],
    mentions: entity.mentions.map(({ start, end }) => ({ start, end })),
  }
}

function toPlaceRecord(place: ResolvedPlace): PlaceRecord {
  return {
    id: place.id,
    name: place.name,
    kind: place.kind,
    country: place.country,
    admin1: place.entry?.admin1 ?? null,
    lat: place.entry?.lat ?? null,
    lon: place.entry?.lon ?? null,
    mentions: place.mentions.map(({ start, end }) => ({ start, end })),
  }
}
