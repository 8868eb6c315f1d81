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

const WORD_RUN = /\w+/g

/**
 * The phrases of a word list in a text, match for match as `new RegExp(`\\b(?:${phraseAlternatives(words)})\\b`, 'gi')`
 * finds them, several times faster than that one alternation of hundreds. A match starts where a run of word
 * characters does (each phrase starts with a word character), and only phrases opening with that run's word can
 * match there: each first word has its own small sticky pattern, its phrases in phraseAlternatives' order.
 */
export class PhraseScanner {
  private readonly byFirstWord = new Map<string, RegExp>()

  constructor(words: readonly string[]) {
    const groups = new Map<string, string[]>()
    for (const word of words) {
      const first = /^\w+/.exec(word)?.[0].toLowerCase()
      if (!first) throw new Error(`a phrase must start with a word character: "${word}"`)
      const phrases = groups.get(first)
      if (phrases) phrases.push(word)
      else groups.set(first, [word])
    }
    for (const [first, phrases] of groups) this.byFirstWord.set(first, new RegExp(`(?:${phraseAlternatives(phrases)})\\b`, 'iy'))
  }

  /** The matches in `text`, left to right, none overlapping. */
  matches(text: string): RegExpExecArray[] {
    const found: RegExpExecArray[] = []
    WORD_RUN.lastIndex = 0
    for (let run = WORD_RUN.exec(text); run; run = WORD_RUN.exec(text)) {
      const phrases = this.byFirstWord.get(run[0].toLowerCase())
      if (!phrases) continue
      phrases.lastIndex = run.index
      const match = phrases.exec(text)
      if (!match) continue
      found.push(match)
      WORD_RUN.lastIndex = run.index + match[0].length
    }
    return found
  }
}

/**
 * Every match of a global regex in `text` from its start, as `[...text.matchAll(regex)]` gives them, without
 * matchAll's cost per call (a copy of the regex and an iterator), which is most of the time a short text takes.
 */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  regex.lastIndex = 0
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    found.push(match)
    // an empty match steps one character on (one code point with the u or v flag), as matchAll does
    if (match[0] === '') regex.lastIndex = nextIndex(text, regex.lastIndex, /[uv]/.test(regex.flags))
  }
  return found
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1
  const lead = text.charCodeAt(index)
  const trail = text.charCodeAt(index + 1)
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1
}
