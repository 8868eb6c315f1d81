import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { InputFailure } from '../ingest/read-sources.js'
import { SCHEMA_ID, type AnalysisRecord } from '../record/record.js'
import { encodeSignature, minhashSignature } from '../resolve/minhash.js'
import type { AnalyzedArticle } from '../store/write-batch.js'

/**
 * Reads analysis records already made (`sitrep analyze --json` or `--out`): a JSON record, a JSON array
 * of records or JSON Lines, in files or folders. Lets analysis and storage run on different machines.
 */
export async function* readRecords(paths: string[]): AsyncGenerator<AnalyzedArticle | InputFailure> {
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>
    try {
      info = await stat(path)
    } catch {
      yield { name: path, error: `${path}: no such file or folder` }
      continue
    }
    if (info.isDirectory()) {
      for (const file of await filesUnder(path)) yield* recordsInFile(file)
    } else yield* recordsInFile(path)
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))
  const files: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await filesUnder(path)))
    else if (/\.(json|jsonl|ndjson)$/i.test(entry.name)) files.push(path)
  }
  return files
}

async function* recordsInFile(path: string): AsyncGenerator<AnalyzedArticle | InputFailure> {
  const name = basename(path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    yield { name, error: `${name}: ${error instanceof Error ? error.message : String(error)}` }
    return
  }
  const trimmed = text.trim()
  if (trimmed === '') {
    yield { name, error: `${name}: is empty (no analysis record)` }
    return
  }
  let values: Array<[string, unknown]>
  try {
    values =
      /^\{[\s\S]*\}$/.test(trimmed) && !/\}\s*\n\s*\{/.test(trimmed)
        ? [[name, JSON.parse(trimmed)]]
        : trimmed.startsWith('[')
          ? (JSON.parse(trimmed) as unknown[]).map((value, i) => [`${name}#${i + 1}`, value])
          : trimmed.split('\n').flatMap((line, i) => (line.trim() ? [[`${name}#${i + 1}`, JSON.parse(line)] as [string, unknown]] : []))
  } catch (error) {
    yield { name, error: `${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})` }
    return
  }
  for (const [itemName, value] of values) {
    const problem = recordProblem(value)
    if (problem) yield { name: itemName, error: `${itemName}: ${problem}` }
    else {
      const record = value as AnalysisRecord
      yield { record, signature: encodeSignature(minhashSignature(record.document.text)), inputName: itemName }
    }
  }
}

function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'is not an analysis record object'
  const record = value as Partial<AnalysisRecord>
  if (record.schema !== SCHEMA_ID) return `is not a ${SCHEMA_ID} record (schema ${JSON.stringify(record.schema)})`
  const document = record.document
  if (!document || typeof document.id !== 'string' || typeof document.text !== 'string') return 'has no document id and text'
  for (const list of ['entities', 'places', 'events', 'claims'] as const) {
    if (!Array.isArray(record[list])) return `has no ${list} list`
  }
  return null
}
