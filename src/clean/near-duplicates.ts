/**
 * Pull quotes and decks: a one-sentence paragraph whose content words nearly all occur in one sentence of
 * another paragraph is a copy of that sentence; the fuller sentence stays, the copy goes.
 */
import { splitSentences } from './text-shape.js'
import { textKey } from '../text/normalize.js'

const STOPWORDS = new Set(
  'the a an of to in on at by for with and or but from is are was were be been as that this these those which who whom its it their his her they he she we you our your has have had not no than then also will would can could may might into over after before about said says'.split(
    ' ',
  ),
)

/** Content words: the tokens that tell one sentence from another. */
function contentWords(text: string): string[] {
  return textKey(text)
    .split(' ')
    .filter((token) => token.length > 1 && !STOPWORDS.has(token))
}

export interface Paragraph {
  text: string
  /** False for paragraphs already removed: they neither get compared nor serve as originals. */
  kept: boolean
}

const MIN_WORDS = 5
const MAX_WORDS = 60
const CONTAINMENT = 0.8

interface IndexedSentence {
  paragraph: number
  words: Set<string>
  size: number
}

/** Each kept paragraph's sentences with their content words, the sentences of a paragraph in order. */
function indexSentences(paragraphs: Paragraph[]): {
  sentences: IndexedSentence[]
  postings: Map<string, number[]>
  sentencesOf: Map<number, number[]>
} {
  const sentences: IndexedSentence[] = []
  const postings = new Map<string, number[]>()
  const sentencesOf = new Map<number, number[]>()
  paragraphs.forEach((paragraph, index) => {
    if (!paragraph.kept) return
    const ids: number[] = []
    for (const sentence of splitSentences(paragraph.text)) {
      const unique = new Set(contentWords(sentence))
      const id = sentences.push({ paragraph: index, words: unique, size: unique.size }) - 1
      ids.push(id)
      for (const word of unique) {
        const list = postings.get(word)
        if (list) list.push(id)
        else postings.set(word, [id])
      }
    }
    sentencesOf.set(index, ids)
  })
  return { sentences, postings, sentencesOf }
}

/** The fewest shared words that reach CONTAINMENT of `size` words (with the same float test as the comparison). */
function wordsNeeded(size: number): number {
  let needed = Math.ceil(CONTAINMENT * size)
  while (needed > 0 && (needed - 1) / size >= CONTAINMENT) needed--
  while (needed / size < CONTAINMENT) needed++
  return needed
}

/** Indices of the paragraphs that are near-copies of a sentence elsewhere. */
export function findNearDuplicates(paragraphs: Paragraph[]): Set<number> {
  const { sentences, postings, sentencesOf } = indexSentences(paragraphs)
  const removed = new Set<number>()
  paragraphs.forEach((paragraph, index) => {
    const own = sentencesOf.get(index)
    if (!paragraph.kept || own?.length !== 1) return
    // a paragraph of one sentence is that sentence: its words are already indexed
    const candidate = sentences[own[0]!]!.words
    if (candidate.size < MIN_WORDS || candidate.size > MAX_WORDS) return
    // A sentence holding CONTAINMENT of the candidate's words holds at least one of its rarest
    // (size − needed + 1) words, so only those words' postings are read: common words would make this quadratic.
    const needed = wordsNeeded(candidate.size)
    const rarest = [...candidate]
      .sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0))
      .slice(0, candidate.size - needed + 1)
    const ids = new Set<number>()
    for (const word of rarest) for (const id of postings.get(word) ?? []) ids.add(id)
    for (const id of ids) {
      const original = sentences[id]!
      if (original.paragraph === index || removed.has(original.paragraph)) continue
      let shared = 0
      for (const word of candidate) if (original.words.has(word)) shared++
      if (shared / candidate.size < CONTAINMENT) continue
      const fuller = original.size > candidate.size
      const sameSize = original.size === candidate.size && original.paragraph < index
      if (fuller || sameSize) {
        removed.add(index)
        return
      }
    }
  })
  return removed
}
