import { loadGazetteer, loadGazetteerWith, type Gazetteer } from '../gazetteer/gazetteer.js'
import { loadCustomKnowledge } from '../kb/custom-kb.js'
import type { SiteMemory } from '../record/article.js'
import { buildActorIndex, type ActorIndex } from '../recognize/actor-index.js'
import { loadActorIndex } from '../snapshot/actor-snapshot.js'

/**
 * The options of one run (`analyze`, `ingest`, `reanalyze`, `worker`, an upload to `serve`), passed whole from the
 * command through the queue, the pool and the worker message to the assembler. A new per-run option is a field
 * here, its CLI flag, and the one place that reads it.
 */
export interface RunOptions {
  /** The date to resolve relative dates against when an article carries none (YYYY-MM-DD, `--date`). */
  referenceDate?: string | null
  /** The analyst's knowledge folder (`--kb DIR`) on top of data/kb and data/gazetteer; null for the base alone. */
  kbDir?: string | null
  /** Longest one article may take in an analysis thread (`--deadline`; default: articleDeadlineMs()). */
  deadlineMs?: number
}

/** The knowledge a run reads, loaded once per process or worker thread. */
export interface Resources {
  /** The knowledge base prepared for matching. */
  actors: ActorIndex
  gazetteer: Gazetteer
}

/** What every stage of one run may read besides the article: the knowledge, the run's options, the site memory. */
export interface RunContext extends Resources {
  referenceDate: string | null
  /** Shared by the pages of one run so each site's template is learned from its pages (HTML input only). */
  siteMemory: SiteMemory | undefined
  options: RunOptions
}

let loaded: { dir: string | null; resources: Resources } | undefined
let knowledgeFolder: string | null = null

/**
 * The knowledge folder this process's runs use when their options name none (set by `--kb`, kb/custom-kb.ts).
 * Set it before analysing.
 */
export function useKnowledgeFolder(dir: string | null): void {
  knowledgeFolder = dir
}

export function currentKnowledgeFolder(): string | null {
  return knowledgeFolder
}

/** Loads the knowledge base and gazetteer once per process (or worker thread), from dist/snapshot/ when current. */
export function loadResources(dir: string | null = knowledgeFolder): Resources {
  if (loaded?.dir !== dir)
    loaded = { dir, resources: dir === null ? { gazetteer: loadGazetteer(), actors: loadActorIndex() } : customResources(dir) }
  return loaded.resources
}

/** The base with the folder's actors and places: the base gazetteer is shared unless the folder adds places. */
function customResources(dir: string): Resources {
  const custom = loadCustomKnowledge(dir)
  return {
    gazetteer: custom.places.length > 0 ? loadGazetteerWith(custom.places) : loadGazetteer(),
    actors: buildActorIndex(custom.kb),
  }
}

export function createRunContext(options: RunOptions = {}, siteMemory?: SiteMemory): RunContext {
  return { ...loadResources(options.kbDir ?? knowledgeFolder), referenceDate: options.referenceDate ?? null, siteMemory, options }
}
