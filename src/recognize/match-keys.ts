import type { Token } from '../nlp/nlp-doc.js'
import { foldText, withoutApostrophes } from '../text/normalize.js'

/**
 * Keys that make "IS-KP", "ISIS–Khorasan", "U.S." and "Pakistan’s" comparable across spellings: words are folded,
 * periods and apostrophes inside them vanish, hyphens, dashes and slashes join words, other punctuation breaks a name.
 */
export const JOINER = ''
export const BREAK = null

const JOINER_CHARS = new Set(['-', '–', '—', '‐', '‑', '/'])

/** The key of one text token: a word key, JOINER for a hyphen-like token, BREAK for punctuation that ends a name. */
export function tokenKey(token: Token): string | null {
  let key = WORD_KEYS.get(token.folded)
  if (key === undefined) {
    if (WORD_KEYS.size >= WORD_KEYS_KEPT) clearWordKeys()
    key = wordKey(token.folded)
    WORD_KEYS.set(token.folded, key)
  }
  return key
}

/**
 * Keys by folded word: the name tries ask for the key of each token several times, and words repeat. A joiner
 * folds to itself (no case, no accent), so the joiners are keys of their own here: one lookup answers both.
 */
const WORD_KEYS = new Map<string, string | null>()
const WORD_KEYS_KEPT = 50_000
clearWordKeys()

function clearWordKeys(): void {
  WORD_KEYS.clear()
  for (const joiner of JOINER_CHARS) WORD_KEYS.set(joiner, JOINER)
}

function wordKey(folded: string): string | null {
  const key = withoutApostrophes(folded.replace(/\./g, ''))
  return /[\p{L}\p{N}]/u.test(key) ? key : BREAK
}

const JOINER_INSIDE = /[-–—‐‑/]/

/** Does the token hold a hyphen, dash or slash (then it may hold several words)? */
export function holdsJoiner(text: string): boolean {
  return JOINER_INSIDE.test(text)
}

/** A token such as "Counter-Terrorism" holds several words: their keys and surfaces, in order. */
export function tokenParts(token: Token): { key: string; surface: string }[] {
  if (!holdsJoiner(token.text) || JOINER_CHARS.has(token.text)) {
    const key = tokenKey(token)
    return key ? [{ key, surface: token.text }] : []
  }
  const surfaces = token.text.split(/[-–—‐‑/]+/).filter(Boolean)
  const keys = token.folded.split(/[-–—‐‑/]+/).filter(Boolean)
  return keys.map((key, i) => ({ key: withoutApostrophes(key.replace(/\./g, '')), surface: surfaces[i] ?? key })).filter((p) => p.key)
}

export interface NameToken {
  key: string
  /** The alias wrote this word in capitals ("IS", "KP"): the text must too, so "is" and "us" never match. */
  upper: boolean
  /** The alias wrote this word capitalized: the text must start it with a capital. */
  capital: boolean
}

/** Splits a name from a data file into the same keys as `tokenKey`, with its case constraints. */
export function nameTokens(name: string): NameToken[] {
  const compact = name.replace(/(\p{L})\.(?=\p{L})/gu, '$1').replace(/(\p{L})\.$/u, '$1')
  const parts = compact.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|['’]s\b/gu) ?? []
  const tokens: NameToken[] = []
  for (const part of parts) {
    const possessive = /^['’]s$/.test(part)
    const word = possessive ? 's' : part
    for (const piece of word.split(/['’](?=s$)/)) {
      const letters = piece.replace(/[^\p{L}]/gu, '')
      tokens.push({
        key: withoutApostrophes(foldText(piece)),
        upper: letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
        capital: /^\p{Lu}/u.test(piece),
      })
    }
  }
  return tokens
}

/**
 * A name token's case constraint in one character, as the name tries keep it (a snapshot of thousands of token
 * objects takes several times longer to read back than one short string per name): 'U' the alias wrote the word
 * in capitals, 'C' capitalized, '-' neither.
 */
export type CaseCode = 'U' | 'C' | '-'

export function caseCode(token: NameToken): CaseCode {
  return token.upper ? 'U' : token.capital ? 'C' : '-'
}

/** Does the surface token satisfy the case constraint of the name token? */
export function caseFits(surface: string, wanted: CaseCode, isFirst: boolean): boolean {
  if (wanted === '-') return true
  const letters = surface.replace(/[^\p{L}]/gu, '')
  if (wanted === 'U') return letters.length > 0 && letters === letters.toUpperCase()
  return !isFirst || /^\p{Lu}/u.test(letters)
}
