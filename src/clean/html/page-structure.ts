/** Loads data/lexicon/page-structure.json: the general vocabulary of page structure (tags, class/id words, selectors). */
import type { RemovalReason } from '../../record/record.js'
import type { Element } from './parse-html.js'
import { lexicon } from '../../lexicon/load.js'

export interface PageStructure {
  skippedTags: Set<string>
  chromeTags: Map<string, RemovalReason>
  blockTags: Set<string>
  boilerplateToken: Map<string, RemovalReason>
  contentTokens: Set<string>
  weakContentTokens: Set<string>
  contentSelectors: Array<(element: Element) => boolean>
  classValuePrefixes: Set<string>
  overlayTokens: Set<string>
}

/**
 * The selectors of the data file are of three simple shapes, "tag", "[attr=value]" and "tag[attr=value]",
 * matched here directly: a general selector engine walks up the tree for every element, which is slow on deep pages.
 */
function simpleSelector(selector: string): (element: Element) => boolean {
  const match = selector.match(/^([a-z][a-z0-9-]*)?(?:\[([a-z-]+)=["']?([^"'\]]+)["']?\])?$/i)
  if (!match || (!match[1] && !match[2])) throw new Error(`data/lexicon/page-structure.json: unsupported selector "${selector}"`)
  const [, tag, name, value] = match
  return (element) => (!tag || element.name === tag.toLowerCase()) && (!name || element.attribs[name.toLowerCase()] === value)
}

let cached: PageStructure | null = null

export function pageStructure(): PageStructure {
  if (cached) return cached
  const file = lexicon('page-structure')
  const boilerplateToken = new Map<string, RemovalReason>()
  for (const [reason, tokens] of Object.entries(file.boilerplateTokens))
    for (const token of tokens ?? []) boilerplateToken.set(token, reason as RemovalReason)
  cached = {
    skippedTags: new Set(file.skippedTags),
    chromeTags: new Map(Object.entries(file.chromeTags)),
    blockTags: new Set(file.blockTags),
    boilerplateToken,
    contentTokens: new Set(file.contentTokens),
    weakContentTokens: new Set(file.weakContentTokens),
    contentSelectors: file.contentSelectors.map(simpleSelector),
    classValuePrefixes: new Set(file.classValuePrefixes),
    overlayTokens: new Set(file.overlayTokens),
  }
  return cached
}

/** The element's class names and id that describe its role ("tag-comments" names a topic, not a role). */
function roleNames(element: Element): string[] {
  const names = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`.split(/\s+/).filter(Boolean)
  const prefixes = pageStructure().classValuePrefixes
  return names.filter((name) => {
    const prefix = name.match(/^([a-zA-Z]+)[-_]/)?.[1]?.toLowerCase()
    return !prefix || !prefixes.has(prefix)
  })
}

interface RoleWords {
  /** Word tokens of the role names: "relatedStories story-list" → related, stories, story, list. */
  tokens: string[]
  /** Each role name with its separators dropped, so "article-body" also gives "articlebody". */
  joined: string[]
  boilerplate: RemovalReason | null
}

const NO_WORDS: RoleWords = { tokens: [], joined: [], boilerplate: null }
/** Several stages ask about the same element's names: they are read once per element. */
const roleWordsCache = new WeakMap<Element, RoleWords>()

function roleWords(element: Element): RoleWords {
  if (element.attribs['class'] === undefined && element.attribs['id'] === undefined) return NO_WORDS
  let words = roleWordsCache.get(element)
  if (words) return words
  const names = roleNames(element)
  const tokens = names.flatMap((name) =>
    name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  )
  const joined = names.map((name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '')).filter(Boolean)
  const kinds = pageStructure().boilerplateToken
  const hit = [...tokens, ...joined].find((token) => kinds.has(token))
  words = { tokens, joined, boilerplate: hit ? kinds.get(hit)! : null }
  roleWordsCache.set(element, words)
  return words
}

/** The boilerplate kind an element's class or id names, if any ("share-tools" → other, "relatedLinks" → related). */
export function boilerplateKind(element: Element): RemovalReason | null {
  return roleWords(element).boilerplate
}

/** A box shown over the page on hover or click (a tooltip, a hover card about a person named in the sentence). */
export function isOverlay(element: Element): boolean {
  const overlay = pageStructure().overlayTokens
  return roleWords(element).tokens.some((token) => overlay.has(token))
}

/** +1 when the class or id reads like an article container ("article-body", "entry-content"), 0 otherwise. */
export function contentNameWeight(element: Element): number {
  const structure = pageStructure()
  const { tokens: words, joined } = roleWords(element)
  const tokens = [...words, ...joined]
  if (tokens.some((token) => structure.contentTokens.has(token))) return 1
  if (tokens.some((token) => structure.weakContentTokens.has(token))) return 0.5
  return 0
}
