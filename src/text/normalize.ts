/**
 * The one place names and text are normalised. Each function is named for what its output is used as; the
 * differences between them are deliberate and written as options, because some outputs are pinned to data
 * (gazetteer index keys built by scripts/build-gazetteer.mjs, entity ids and stored name keys, eval scores).
 */

/**
 * Every mark written for an apostrophe: ' ’ ‘ (typed and typographic), ʼ ʻ (modifier letters of Arabic, Pashto
 * and Urdu romanisation: "Panjwāʼī", "Maʻruf"), ` ´ (typed in place of one).
 */
export const APOSTROPHES = "'’‘ʼʻ`´"
const APOSTROPHE_RUN = new RegExp(`[${APOSTROPHES}]`, 'g')
/** The apostrophes of ordinary news English; ʼ ʻ are letters to Unicode and survive where only these are dropped. */
const QUOTE_APOSTROPHES = /['’]/g

const ASCII = /^[\x00-\x7f]*$/
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g
const ANY_MARK = /\p{M}+/gu
const NON_ALPHANUMERIC_RUN = /[^\p{L}\p{N}]+/gu
const NON_ASCII_ALPHANUMERIC_RUN = /[^a-z0-9]+/g

// Letters that no decomposition splits into a base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h' }
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')

/**
 * The folded form a token is matched by ("Kandahār" → "kandahar", "ISKP" → "iskp"): lowercase, Latin accents
 * (the combining diacritics of NFD) dropped. Everything else, punctuation and apostrophes included, is kept, so a
 * folded token still lines up with its surface.
 */
export function foldText(text: string): string {
  // ASCII has nothing to decompose: most tokens take the short way, with the same result.
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFD').replace(COMBINING_DIACRITICS, '').toLowerCase()
}

export interface NameKeyOptions {
  /**
   * `'drop'` (default): apostrophes vanish, so "Pakistan’s" = "Pakistans" (knowledge-base aliases).
   * `'asPunctuation'`: apostrophes separate words like any punctuation, "Pakistan’s" → "pakistan s" (SPEC's
   * `norm(s)`; the store's entity name keys are written with it).
   */
  apostrophes?: 'drop' | 'asPunctuation'
}

/**
 * The key two names of an actor or entity count as the same under: compatibility forms and every accent folded
 * (NFKD, all marks dropped), lowercase, each run of other non-letters/digits one space, trimmed.
 */
export function nameKey(name: string, options: NameKeyOptions = {}): string {
  const folded = name.normalize('NFKD').replace(ANY_MARK, '').toLowerCase()
  const joined = options.apostrophes === 'asPunctuation' ? folded : folded.replace(APOSTROPHE_RUN, '')
  return joined.replace(NON_ALPHANUMERIC_RUN, ' ').trim()
}

/** A knowledge-base alias key: `nameKey` with apostrophes dropped ("Pakistan's" = "Pakistans"). */
export function aliasKey(name: string): string {
  return nameKey(name)
}

/** The key the store files entity and place names under, and searches them by: apostrophes as punctuation. */
export function entityKey(name: string): string {
  return nameKey(name, { apostrophes: 'asPunctuation' })
}

/** Removes every apostrophe mark (APOSTROPHES). */
export function withoutApostrophes(text: string): string {
  return text.replace(APOSTROPHE_RUN, '')
}

/** The words of a text's name key (apostrophes as punctuation), for shingling. */
export function keyWords(text: string): string[] {
  const key = nameKey(text, { apostrophes: 'asPunctuation' })
  return key === '' ? [] : key.split(' ')
}

/**
 * The key every gazetteer name is indexed under: accents folded ("Kandahār" → "kandahar"), letters that carry no
 * separable accent folded too ("Łódź" → "lodz", "Iğdır" → "igdir"), apostrophes dropped, lowercase, each run of
 * other non-alphanumerics one space, trimmed. scripts/build-gazetteer.mjs carries a copy; keep them identical.
 */
export function placeKey(name: string): string {
  if (PRINTABLE_ASCII.test(name)) {
    // Fast path for most names: nothing to fold.
    return name.toLowerCase().replace(/['`]/g, '').replace(NON_ASCII_ALPHANUMERIC_RUN, ' ').trim()
  }
  return name
    .normalize('NFD')
    .replace(ANY_MARK, '')
    .replace(APOSTROPHE_RUN, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(NON_ALPHANUMERIC_RUN, ' ')
    .trim()
}

/** A name as an English reader writes it: Latin accents and the romanisation apostrophes ʻ ʼ ` ´ dropped, case kept. */
export function plainSpelling(name: string): string {
  return name
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .replace(/[ʻʼ`´]/g, '')
}

export interface SlugOptions {
  /** `'drop'` (default): ' and ’ vanish, "O'Neill" → "oneill"; `'asPunctuation'`: they separate words, → "o-neill". */
  apostrophes?: 'drop' | 'asPunctuation'
  /** Longest slug kept (default 60: entity ids stay short). */
  maxLength?: number
  /** Fold compatibility forms too (NFKD: ligatures, full-width letters); default false (NFD). */
  compatibility?: boolean
}

/** A stable id fragment for a name: "Baloch Students' Action Committee" → "baloch-students-action-committee". */
export function slug(name: string, options: SlugOptions = {}): string {
  const folded = options.compatibility ? name.normalize('NFKD').replace(COMBINING_DIACRITICS, '').toLowerCase() : foldText(name)
  const joined = options.apostrophes === 'asPunctuation' ? folded : folded.replace(QUOTE_APOSTROPHES, '')
  return joined
    .replace(NON_ASCII_ALPHANUMERIC_RUN, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, options.maxLength ?? 60)
}

export interface TextKeyOptions {
  /** Compose the text first (NFC), so a decomposed "é" is the same letter as a composed one (eval's gold match). */
  composed?: boolean
}

/**
 * SPEC's `norm(s)`: lowercase, each run of non-letters and non-digits one space, trimmed; accents are kept. Used
 * to compare lines and phrases of text (cleaning) and gold names with predicted ones (eval).
 */
export function textKey(text: string, options: TextKeyOptions = {}): string {
  const lower = (options.composed ? text.normalize('NFC') : text).toLowerCase()
  // the Unicode-aware pattern is several times slower, and most text is ASCII
  return (ASCII.test(lower) ? lower.replace(NON_ASCII_ALPHANUMERIC_RUN, ' ') : lower.replace(NON_ALPHANUMERIC_RUN, ' ')).trim()
}
