/**
 * SPEC's `norm(s)` plus accent folding: lowercase, strip diacritics, collapse every run of
 * non-letters and non-digits into one space, trim. Used as the key for merging names across articles.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The words of a text after normalization, for shingling. */
export function normalizedWords(text: string): string[] {
  const normalized = normalizeName(text)
  return normalized === '' ? [] : normalized.split(' ')
}
