/** Regex pieces built from lexicon words, so a word list in data/lexicon/ reads exactly as the alternation it replaced. */

export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The words as regex alternatives, escaped, in the file's order (where the first alternative that fits wins). */
export function alternativesInOrder(words: readonly string[]): string {
  return words.map(escapeRegExp).join('|')
}

/**
 * The words as regex alternatives for phrase matching: each once, longest first (so "suicide attack" wins over
 * "attack"; ties keep the file's order), a space matching any run of whitespace.
 */
export function phraseAlternatives(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/ /g, '\\s+'))
    .join('|')
}
