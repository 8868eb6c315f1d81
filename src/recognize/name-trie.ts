import type { Token } from '../nlp/nlp-doc.js'
import { BREAK, JOINER, caseCode, caseFits, holdsJoiner, nameTokens, tokenKey, tokenParts, type CaseCode } from './match-keys.js'

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>
  /** Each name's value with the case constraints of its words, one CaseCode each. */
  values: { value: T; cases: string }[]
}

export interface NameMatch<T> {
  /** Token indices [first, end). */
  firstToken: number
  endToken: number
  start: number
  end: number
  values: T[]
}

/**
 * A token trie over names: one pass over the text finds the longest name starting at each token
 * (Aho–Corasick would share work across overlapping starts, but names are short and a trie walk per token
 * is already linear in practice).
 */
export class NameTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: [] }
  private maxDepth = 0

  add(name: string, value: T): void {
    const tokens = nameTokens(name)
    if (tokens.length === 0) return
    let node = this.root
    for (const token of tokens) {
      let next = node.children.get(token.key)
      if (!next) {
        next = { children: new Map(), values: [] }
        node.children.set(token.key, next)
      }
      node = next
    }
    // aliases that differ only in case ("Khwarij", "khwarij") each keep their own case constraint
    const cases = tokens.map(caseCode).join('')
    if (!node.values.some((v) => v.value === value && v.cases === cases)) node.values.push({ value, cases })
    this.maxDepth = Math.max(this.maxDepth, tokens.length)
  }

  /** The longest name starting at token `from` (skipping nothing), or undefined. */
  longestAt(tokens: readonly Token[], from: number): NameMatch<T> | undefined {
    const first = tokens[from]!
    const firstKey = tokenKey(first)
    if (firstKey === BREAK || firstKey === JOINER) return undefined
    // most tokens start no name: a plain word whose key the root lacks is answered before any work
    if (!holdsJoiner(first.text) && !this.root.children.has(firstKey)) return undefined
    let node: TrieNode<T> | undefined = this.root
    let best: NameMatch<T> | undefined
    const surfaces: string[] = []
    for (let i = from; i < tokens.length && node; i++) {
      const token = tokens[i]!
      if (token.sentence !== tokens[from]!.sentence) break
      const key = tokenKey(token)
      if (key === BREAK) break
      if (key === JOINER) continue
      if (holdsJoiner(token.text)) {
        for (const part of tokenParts(token)) {
          node = node.children.get(part.key)
          if (!node) break
          surfaces.push(part.surface)
        }
      } else {
        // a plain word is one part: its key and its text
        node = node.children.get(key)
        if (node) surfaces.push(token.text)
      }
      if (!node) break
      if (node.values.length === 0) continue
      const fitting = node.values.filter((v) => casesFit(surfaces, v.cases))
      if (fitting.length > 0) {
        best = { firstToken: from, endToken: i + 1, start: tokens[from]!.start, end: token.end, values: fitting.map((v) => v.value) }
      }
    }
    return best
  }

  /** All non-overlapping longest matches, left to right. */
  scan(tokens: readonly Token[]): NameMatch<T>[] {
    const matches: NameMatch<T>[] = []
    for (let i = 0; i < tokens.length; ) {
      const match = this.longestAt(tokens, i)
      if (match) {
        matches.push(match)
        i = match.endToken
      } else i++
    }
    return matches
  }
}

/** Does each surface word satisfy the case constraint of the name's word in its place? */
function casesFit(surfaces: readonly string[], cases: string): boolean {
  for (let k = 0; k < cases.length; k++) if (!caseFits(surfaces[k]!, cases[k] as CaseCode, k === 0)) return false
  return true
}
