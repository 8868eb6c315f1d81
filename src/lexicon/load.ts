import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { LEXICON_FILES, type LexiconName, type LexiconOf } from './files.js'
import { ShapeError } from './schema.js'

/** data/lexicon/ of the package, found from this module both under src/ (tests) and dist/ (built). */
export const LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url))

/** A lexicon file that is missing, not JSON, or not of its schema's shape. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`data/lexicon/${file}: ${problem}`)
  }
}

const cache = new Map<LexiconName, unknown>()

/** Reads data/lexicon/NAME.json once per process, checked against its schema in files.ts. */
export function lexicon<N extends LexiconName>(name: N): LexiconOf<N> {
  let value = cache.get(name)
  if (value === undefined) {
    value = parseLexicon(name, readLexiconFile(name))
    cache.set(name, value)
  }
  return value as LexiconOf<N>
}

/** Checks the text of a lexicon file against the schema of NAME. */
export function parseLexicon<N extends LexiconName>(name: N, json: string): LexiconOf<N> {
  const file = `${name}.json`
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (error) {
    throw new LexiconError(file, `is not JSON (${(error as Error).message})`)
  }
  try {
    return LEXICON_FILES[name].parse(raw, '') as LexiconOf<N>
  } catch (error) {
    if (error instanceof ShapeError) throw new LexiconError(file, error.message)
    throw error
  }
}

function readLexiconFile(name: LexiconName): string {
  try {
    return readFileSync(`${LEXICON_DIR}${name}.json`, 'utf8')
  } catch (error) {
    throw new LexiconError(`${name}.json`, `cannot be read (${(error as Error).message})`)
  }
}
