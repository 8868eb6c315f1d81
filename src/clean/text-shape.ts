/** Shape signals of one line of text: is it a sentence, a headline, a name, a link list? */
import { allMatches } from '../lexicon/pattern.js'

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

const URL_PATTERN =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:com|net|org|io|lol|app|info|xyz|biz|ru|co|me|tv|online|site|top)(?:\/\S*)?(?=\s|$)/gi

/** Share of the characters that belong to URLs or bare domains. */
export function urlShare(text: string): { count: number; share: number } {
  let count = 0
  let length = 0
  for (const match of allMatches(URL_PATTERN, text)) {
    count++
    length += match[0].length
  }
  return { count, share: text.length ? length / text.length : 0 }
}

const TERMINAL = /[.!?。！？؟۔।]["'”’)\]»」』]*$/
const ELLIPSIS = /(?:\.\.\.|…)\s*["'”’)\]]*$/
/** Scripts written without spaces between words: every two characters count as a word. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu

export function endsWithTerminal(text: string): boolean {
  return TERMINAL.test(text)
}

export function endsWithEllipsis(text: string): boolean {
  return ELLIPSIS.test(text)
}

/** Share of alphabetic words after the first that start in lowercase: prose is high, title-case headlines low. */
export function lowercaseShare(tokens: string[]): number {
  let alphabetic = 0
  let lower = 0
  for (let i = 1; i < tokens.length; i++) {
    const first = tokens[i]!.replace(/^[^\p{L}]+/u, '')[0]
    if (!first) continue
    alphabetic++
    // caseless scripts (Arabic, Devanagari, CJK…) read as prose, like lowercase words
    if (first !== first.toUpperCase() || first === first.toLowerCase()) lower++
  }
  return alphabetic ? lower / alphabetic : 0
}

/** Counts sentence boundaries inside a line ("… end. Next …"), ignoring initials like "U.S." and "Dr.". */
export function sentenceCount(text: string): number {
  const boundaries = text.match(/[a-z0-9\p{Ll}][.!?]["'”’)]*\s+["“‘(]?[A-Z\p{Lu}]/gu)
  return 1 + (boundaries?.length ?? 0)
}

/** Splits a paragraph into sentences at the same boundaries sentenceCount counts. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[a-z0-9\p{Ll}][.!?]["'”’)]*)\s+(?=["“‘(]?[A-Z\p{Lu}])/u)
}

const NAME_TOKEN = /^(?:[A-Z\p{Lu}][\p{Ll}'’.-]+|[A-Z\p{Lu}]{1,4}\.?|[A-Z\p{Lu}]\.(?:[A-Z\p{Lu}]\.)*)$/u
const NAME_PARTICLE = /^(?:bin|ibn|al|el|ul|ud|ur|van|von|de|da|del|der|la|le|e)$/

/** "Jane Doe", "DM Monitoring", "J. K. Rowling": 2–4 capitalized tokens and nothing else. */
export function isNameLike(text: string): boolean {
  const tokens = words(text.replace(/[,;]$/, ''))
  if (tokens.length < 2 || tokens.length > 4) return false
  const capitalized = tokens.filter((token) => NAME_TOKEN.test(token)).length
  const particles = tokens.filter((token) => NAME_PARTICLE.test(token)).length
  const initials = tokens.filter((token) => /^[A-Z\p{Lu}]\.$/u.test(token)).length
  // four capitalized words are more often a headline ("Wheat Harvest Begins Early") than a name
  if (tokens.length === 4 && particles + initials === 0) return false
  const properCase = tokens.some((token) => /^[A-Z\p{Lu}]\p{Ll}/u.test(token))
  return properCase && capitalized >= 2 && capitalized + particles === tokens.length
}

export interface Shape {
  wordCount: number
  lowercase: number
  terminal: boolean
  ellipsis: boolean
  sentences: number
}

export function shapeOf(text: string): Shape {
  const tokens = words(text)
  const unspaced = text.match(UNSPACED_SCRIPT)?.length ?? 0
  return {
    wordCount: tokens.length + Math.floor(unspaced / 2),
    lowercase: unspaced >= 10 ? 1 : lowercaseShare(tokens),
    terminal: endsWithTerminal(text),
    ellipsis: endsWithEllipsis(text),
    sentences: sentenceCount(text),
  }
}

/** Prose: enough words, mostly lowercase, and ends like a sentence (or is long enough to be a cut-off one). */
export function isSentenceLike(shape: Shape): boolean {
  if (shape.wordCount < 4 || shape.lowercase < 0.35) return false
  return shape.terminal || shape.wordCount >= 12
}

/** A line that reads as the body of an article rather than a label, list item or headline. */
export function isBodyLike(shape: Shape): boolean {
  return isSentenceLike(shape) && !shape.ellipsis && (shape.wordCount >= 10 || shape.terminal)
}

/** A headline or list item: short, no full stop at the end. */
export function isHeadlineLike(text: string, shape: Shape): boolean {
  if (shape.wordCount < 1 || shape.wordCount > 30 || text.length > 250) return false
  return !shape.ellipsis && !/[.:;,]["'”’)]*$/.test(text)
}
