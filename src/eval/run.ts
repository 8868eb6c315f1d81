/** Scores a directory of gold files: finds each article, has it analyzed, scores the record. */
import { access } from 'node:fs/promises'
import path from 'node:path'
import type { AnalysisRecord } from '../record/record.js'
import type { GoldFile } from './gold.js'
import { listGoldFiles, loadGold } from './gold.js'
import { scoreDocument, totalScores } from './score.js'
import type { DocumentScore, Totals } from './score.js'

/** Produces the system's record for one article; the CLI passes the real pipeline. */
export type Analyzer = (articlePath: string, gold: GoldFile) => Promise<AnalysisRecord>

export interface DocumentResult extends DocumentScore {
  /** The gold file's name. */
  gold: string
  /** The article's file name as the gold gives it. */
  doc: string
  /** Why there is no record (missing article, failed analysis); the document then scores as all-miss. */
  error: string | null
}

export interface EvaluationResult {
  documents: DocumentResult[]
  totals: Totals
}

export interface EvaluateOptions {
  /** Where articles are looked up; default: the gold directory. */
  docsDir?: string
  analyze: Analyzer
  onDocument?: (result: DocumentResult) => void
}

/**
 * Every gold file is loaded and checked before any article is analyzed, so malformed gold fails
 * fast (GoldFormatError); article problems only mark their own document.
 */
export async function evaluateDirectory(goldDir: string, options: EvaluateOptions): Promise<EvaluationResult> {
  const goldPaths = await listGoldFiles(goldDir)
  if (goldPaths.length === 0) throw new Error(`no *.gold.json files in ${goldDir}`)
  const golds = await Promise.all(goldPaths.map(async (file) => ({ file, gold: await loadGold(file) })))
  const docsDir = options.docsDir ?? goldDir
  const documents: DocumentResult[] = []
  for (const { file, gold } of golds) {
    const result = await evaluateOne(path.basename(file), gold, path.join(docsDir, gold.doc), options.analyze)
    options.onDocument?.(result)
    documents.push(result)
  }
  return { documents, totals: totalScores(documents) }
}

async function evaluateOne(goldName: string, gold: GoldFile, articlePath: string, analyze: Analyzer): Promise<DocumentResult> {
  const outcome = await analyzeSafely(articlePath, gold, analyze)
  const score = scoreDocument(gold, outcome.record)
  return { gold: goldName, doc: gold.doc, error: outcome.error, ...score }
}

async function analyzeSafely(
  articlePath: string,
  gold: GoldFile,
  analyze: Analyzer,
): Promise<{ record: AnalysisRecord | null; error: string | null }> {
  try {
    await access(articlePath)
  } catch {
    return { record: null, error: `article not found: ${articlePath}` }
  }
  try {
    return { record: await analyze(articlePath, gold), error: null }
  } catch (error) {
    return { record: null, error: `analysis failed for ${articlePath}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
