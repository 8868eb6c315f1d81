import { createHash } from 'node:crypto'
import { clean } from '../clean/index.js'
import { createRunContext, type RunContext, type RunOptions } from '../context/run-context.js'
import { extract } from '../extract/index.js'
import { nlp } from '../nlp/index.js'
import { recognize } from '../recognize/index.js'
import type { CleanedDocument, Extraction, RecognizedArticle, RecognizedEntity, ResolvedPlace, SiteMemory } from '../record/article.js'
import { SCHEMA_ID, type AnalysisRecord, type EntityRecord, type PlaceRecord } from '../record/record.js'
import type { SourceDocument } from '../record/source-document.js'

export { currentKnowledgeFolder, loadResources, useKnowledgeFolder } from '../context/run-context.js'
export type { RunOptions } from '../context/run-context.js'

/**
 * The whole per-article pipeline: clean → nlp → recognize (entities, places, dates) → extract (events, claims).
 * Pure and synchronous, so ingest can run it in worker threads. `siteMemory` is shared by the pages of one run.
 */
export function analyzeSource(source: SourceDocument, options: RunOptions = {}, siteMemory?: SiteMemory): AnalysisRecord {
  const context = createRunContext(options, siteMemory)
  return recordOf(recognized(clean.run({ source }, context).cleaned, context), context)
}

/**
 * The pipeline after cleaning, for an article already stored (`sitrep reanalyze`): its cleaned text is
 * taken as it is, so the record keeps the stored article's id (the hash of that text).
 */
export function analyzeCleanedDocument(cleaned: CleanedDocument, options: RunOptions = {}): AnalysisRecord {
  const context = createRunContext(options)
  return recordOf(recognized(cleaned, context), context)
}

/** The working article after recognition (what the extract stage reads), for tests and benchmarks. */
export function analyzeArticle(source: SourceDocument, options: RunOptions = {}, siteMemory?: SiteMemory): RecognizedArticle {
  const context = createRunContext(options, siteMemory)
  return recognized(clean.run({ source }, context).cleaned, context)
}

function recognized(cleaned: CleanedDocument, context: RunContext): RecognizedArticle {
  const parsed = { cleaned, ...nlp.run({ cleaned }, context) }
  return { ...parsed, ...recognize.run(parsed, context) }
}

function recordOf(article: RecognizedArticle, context: RunContext): AnalysisRecord {
  const { cleaned } = article
  const { events, claims, bodies }: Extraction = extract.run(article, context)
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
    entities: [...article.entities.map(toEntityRecord), ...bodies],
    places: article.places.map(toPlaceRecord),
    events,
    claims,
  }
}

export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
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
    via: { stage: recognize.name, rule: entity.rule },
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
    via: { stage: recognize.name, rule: place.via },
  }
}
