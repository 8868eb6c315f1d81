import winkNLP from 'wink-nlp'
import type { NlpDoc, Sentence, Token } from '../record/article.js'
import { foldText } from '../text/normalize.js'
import { englishModel } from './wink-model.js'

export type { NlpDoc, Sentence, Token } from '../record/article.js'

const nlp = winkNLP(englishModel, ['sbd', 'pos'])
const its = nlp.its

/**
 * Tokenizes and splits `text` into sentences. Paragraphs (lines) are split first and each is handed to
 * wink on its own: wink joins lines that a single newline separates, which would run a headline into the
 * next sentence.
 */
export function parseText(text: string): NlpDoc {
  const tokens: Token[] = []
  const sentences: Sentence[] = []
  const lineRe = /[^\n]+/g
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    if (!line[0].trim()) continue
    parseLine(line[0], line.index, tokens, sentences)
  }
  return { text, tokens, sentences }
}

/**
 * wink's tokenizer splits words at letters outside ASCII ("Kandahār" → "Kandah", "ā", "r"), so it reads a copy of
 * the line where each such letter is replaced by its base letter, one code unit for one, keeping every offset.
 */
function asciiShadow(line: string): string {
  if (/^[\x00-\x7f]*$/.test(line)) return line
  let shadow = ''
  for (const char of line) {
    if (char.charCodeAt(0) < 0x80 || !/\p{L}|\p{M}/u.test(char)) {
      shadow += char.length === 1 ? char : ' '.repeat(char.length)
      continue
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    const letter = base.length === 1 && base.charCodeAt(0) < 0x80 ? base : 'x'
    shadow += char.length === 1 ? letter : letter.repeat(char.length)
  }
  return shadow
}

function parseLine(line: string, base: number, tokens: Token[], sentences: Sentence[]): void {
  const doc = nlp.readDoc(asciiShadow(line))
  const values = doc.tokens().out(its.value) as string[]
  const spaces = doc.tokens().out(its.precedingSpaces) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const lemmas = doc.tokens().out(its.lemma as typeof its.pos) as string[]
  const starts: number[] = []
  let offset = 0
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length
    starts.push(offset)
    offset += values[i]!.length
  }
  doc.sentences().each((sentence: { out(f: unknown): unknown }) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number]
    const sentenceIndex = sentences.length
    const tokenStart = tokens.length
    for (let i = first; i <= last; i++) {
      const shadowValue = values[i]!
      if (tags[i] === 'SPACE' || !shadowValue.trim()) continue
      const value = line.slice(starts[i]!, starts[i]! + shadowValue.length)
      const start = base + starts[i]!
      const folded = foldText(value)
      tokens.push({
        start,
        end: start + value.length,
        text: value,
        folded,
        pos: tags[i]!,
        lemma: lemmaOf(lemmas[i], value, folded),
        sentence: sentenceIndex,
      })
    }
    if (tokens.length === tokenStart) return
    sentences.push({
      start: tokens[tokenStart]!.start,
      end: tokens[tokens.length - 1]!.end,
      firstToken: tokenStart,
      endToken: tokens.length,
    })
  })
}

/** wink lemmatizes the ASCII shadow: a word it changed nothing in but letters outside ASCII keeps its own folded form. */
function lemmaOf(lemma: string | undefined, value: string, folded: string): string {
  if (!lemma) return folded
  const lower = lemma.toLowerCase()
  return /^[\x00-\x7f]*$/.test(value) || lower !== foldText(asciiShadow(value)) ? lower : folded
}

/** True when the token's dictionary form is one of `lemmas` (lowercase): "vowing", "vowed", "vows" all match "vow". */
export function hasLemma(token: Token, lemmas: ReadonlySet<string>): boolean {
  return lemmas.has(token.lemma) || lemmas.has(token.folded)
}

/** Index of the sentence containing character offset `at`, by binary search. */
export function sentenceAt(doc: NlpDoc, at: number): number {
  let lo = 0
  let hi = doc.sentences.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (doc.sentences[mid]!.start <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}
