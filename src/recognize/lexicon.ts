import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** data/ of the package, found from this module both under src/ (tests) and dist/ (built). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url))

const cache = new Map<string, unknown>()

/** Reads a JSON lexicon from data/lexicon/NAME.json once per process. */
export function lexicon<T>(name: string): T {
  let value = cache.get(name)
  if (value === undefined) {
    value = JSON.parse(readFileSync(`${DATA_DIR}lexicon/${name}.json`, 'utf8'))
    cache.set(name, value)
  }
  return value as T
}
