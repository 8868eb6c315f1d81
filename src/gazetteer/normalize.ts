const APOSTROPHES = /['’ʼʻ‘`´]/g
// Letters that NFD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h' }
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * The key every gazetteer name is indexed under: diacritics folded ("Kandahār" → "kandahar"),
 * apostrophes dropped, lowercase, every run of other non-alphanumerics → one space, trimmed.
 * scripts/build-gazetteer.mjs carries a copy; keep them identical.
 */
export function normalizePlaceName(name: string): string {
  if (PRINTABLE_ASCII.test(name)) {
    // Fast path for most names: nothing to fold.
    return name
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  }
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
