import { keyWords } from '../text/normalize.js'

/**
 * MinHash signatures over word shingles, banded for locality-sensitive hashing.
 * 64 hash functions in 16 bands of 4 rows: two texts with Jaccard similarity 0.7 share at least
 * one band with probability ~0.99, texts at 0.3 only ~0.12, so candidates are few and
 * the estimate from the full signature decides.
 */
export const SIGNATURE_SIZE = 64
export const BAND_COUNT = 16
const ROWS_PER_BAND = SIGNATURE_SIZE / BAND_COUNT
const SHINGLE_WORDS = 5
/** Estimated Jaccard similarity from which two articles count as copies of one story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7
/** Below this many words a text says too little to call another one its copy. */
const MIN_WORDS = 12

const SEEDS = seedsFrom(0x5eed_1234, SIGNATURE_SIZE)

function seedsFrom(start: number, count: number): Uint32Array {
  const seeds = new Uint32Array(count)
  let state = start >>> 0
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0
    seeds[i] = mix32(state)
  }
  return seeds
}

/** MurmurHash3's finalizer: a cheap full-avalanche 32-bit mix. */
function mix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function minhashSignature(text: string): Uint32Array {
  const words = keyWords(text)
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  const shingleCount = Math.max(1, words.length - SHINGLE_WORDS + 1)
  for (let i = 0; i < shingleCount; i++) {
    const shingle = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '))
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const value = mix32(shingle ^ SEEDS[k]!)
      if (value < signature[k]!) signature[k] = value
    }
  }
  return signature
}

/** Whether a text is long enough for its signature to stand for it. */
export function isSignificant(text: string): boolean {
  return keyWords(text).length >= MIN_WORDS
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) equal++
  return equal / SIGNATURE_SIZE
}

/** One key per band, "band:hash", for an index lookup of candidates. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = []
  for (let band = 0; band < BAND_COUNT; band++) {
    let hash = 0x811c9dc5 ^ band
    for (let row = 0; row < ROWS_PER_BAND; row++) {
      hash = mix32(hash ^ signature[band * ROWS_PER_BAND + row]!)
    }
    keys.push(`${band}:${hash.toString(36)}`)
  }
  return keys
}

export function encodeSignature(signature: Uint32Array): string {
  const bytes = Buffer.alloc(SIGNATURE_SIZE * 4)
  for (let k = 0; k < SIGNATURE_SIZE; k++) bytes.writeUInt32LE(signature[k]!, k * 4)
  return bytes.toString('base64')
}

export function decodeSignature(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, 'base64')
  const signature = new Uint32Array(SIGNATURE_SIZE)
  for (let k = 0; k < SIGNATURE_SIZE; k++) signature[k] = bytes.readUInt32LE(k * 4)
  return signature
}
