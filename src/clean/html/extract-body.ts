/**
 * The article body of a parsed page. Written here rather than taken from Readability because the body decides
 * everything downstream and no single method is good enough alone: candidates come from structural markers
 * (schema.org articleBody, <article>, <main>) and from a readability-style scorer (the JSON-LD articleBody is
 * weighed against the result in extract-article.ts); they are compared, and inside the chosen container each block is judged by its own signals (links, class
 * words, shape) so that teasers, share bars and link lists inside the article are dropped too.
 */
import type { RemovalReason, RemovedBlock } from '../../record/record.js'
import { findElement, isTag, type Document, type Element } from './parse-html.js'
import { linkDensity, segmentPage, type Block, type SegmentedPage } from './blocks.js'
import { boilerplateKind, pageStructure } from './page-structure.js'
import { scoreCandidates, siblingsWith, topCandidate } from './content-score.js'

export interface ExtractedBody {
  /** Kept blocks, one paragraph each. */
  paragraphs: string[]
  removed: RemovedBlock[]
  /** Which candidate won, for diagnostics and the benchmark. */
  method: 'structure' | 'scorer' | 'page'
  /** Every text block of the page, chrome included (what a site's template is learned from). */
  pageBlocks: string[]
}

/** Given the kept blocks' texts, the indexes of those the site prints on its other pages too. */
export type SiteRepeats = (texts: string[]) => Set<number>

/** An element's removal reason, inherited by everything below it. */
type Verdicts = Map<Element, RemovalReason>

function parentOf(element: Element): Element | null {
  return element.parent && isTag(element.parent) ? element.parent : null
}

/** An embedded post (a tweet, a statement on social media) is a quotation, whatever its box is called. */
function holdsQuotedPost(element: Element, page: SegmentedPage): boolean {
  const quote = findElement(element, (inner) => inner.name === 'blockquote')
  return !!quote && (page.stats.get(quote)?.chars ?? 0) >= 40
}

/** Names that mean the same thing wherever they appear: comment threads may outweigh a short article. */
const UNAMBIGUOUS_KINDS = new Set<RemovalReason>(['comments', 'cookie'])

/**
 * Chrome and class-named boilerplate (nav, footer, "share-bar", "related-posts"…). An element holding a large part
 * of the page's prose is not removed for its name (a wrapper called "post-meta" or "has-sidebar" can hold the
 * article) unless the name is unambiguous and enough prose remains outside it.
 */
function markChrome(page: SegmentedPage): Verdicts {
  const structure = pageStructure()
  const verdicts: Verdicts = new Map()
  const totalProse = page.body ? (page.stats.get(page.body)?.proseChars ?? 0) : 0
  for (const element of page.elements) {
    const parent = parentOf(element)
    const inherited = parent ? verdicts.get(parent) : undefined
    if (inherited) {
      verdicts.set(element, inherited)
      continue
    }
    if (element.name === 'body' || element.name === 'html') continue
    const reason = structure.chromeTags.get(element.name) ?? boilerplateKind(element)
    if (!reason) continue
    if (reason === 'other' && holdsQuotedPost(element, page)) continue
    const prose = page.stats.get(element)?.proseChars ?? 0
    const protectedProse = UNAMBIGUOUS_KINDS.has(reason) ? totalProse - 200 : Math.max(120, totalProse * 0.35)
    if (prose > protectedProse) continue
    verdicts.set(element, reason)
  }
  return verdicts
}

/** The containers and everything below them, in one pass over the elements in document order. */
function insideOf(page: SegmentedPage, containers: Set<Element>): Set<Element> {
  const inside = new Set<Element>()
  for (const element of page.elements) {
    const parent = parentOf(element)
    if (containers.has(element) || (parent && inside.has(parent))) inside.add(element)
  }
  return inside
}

/** Gives every element below a removed one the same verdict, so a block's verdict is its owner's. */
function inheritVerdicts(page: SegmentedPage, verdicts: Verdicts): void {
  for (const element of page.elements) {
    const parent = parentOf(element)
    const inherited = parent ? verdicts.get(parent) : undefined
    if (inherited && !verdicts.has(element)) verdicts.set(element, inherited)
  }
}

function structuralCandidate(verdicts: Verdicts, page: SegmentedPage): Element | null {
  for (const matches of pageStructure().contentSelectors) {
    // the first match with prose, as pages that list teasers as <article>s put the article itself first
    const match = page.elements.find(
      (element) => matches(element) && !verdicts.has(element) && (page.stats.get(element)?.proseChars ?? 0) >= 200,
    )
    if (match) return match
  }
  return null
}

const CONTINUATION_LEVELS = 5
const MIN_MARKED_SHARE = 0.15

function ancestorsOf(element: Element, levels: number): Element[] {
  const found: Element[] = []
  for (let current = parentOf(element); current && found.length < levels; current = parentOf(current)) found.push(current)
  return found
}

/**
 * Further parts of an article split into several boxes of the same kind (the same tag and class, between
 * figures, ads or pull quotes) close to the chosen container. Same-looking boxes far away are teasers.
 */
function continuations(first: Element, containers: Element[], page: SegmentedPage, verdicts: Verdicts): Element[] {
  const signature = first.attribs['class']?.trim()
  if (!signature) return []
  const near = new Set(ancestorsOf(first, CONTINUATION_LEVELS))
  const chosen = new Set(containers)
  return page.elements.filter((element) => {
    if (chosen.has(element) || element.name !== first.name || element.attribs['class']?.trim() !== signature) return false
    if (
      (page.stats.get(element)?.proseChars ?? 0) < 150 ||
      ancestorsOf(element, 200).some((ancestor) => chosen.has(ancestor) || verdicts.has(ancestor))
    )
      return false
    if (verdicts.has(element) || [...chosen].some((container) => ancestorsOf(container, 200).includes(element))) return false
    return ancestorsOf(element, CONTINUATION_LEVELS).some((ancestor) => near.has(ancestor))
  })
}

/** Lists, tables and boxes inside the article that are mostly links: related stories, tag clouds, share menus. */
function markLinkBoxes(page: SegmentedPage, containers: Set<Element>, inside: Set<Element>, verdicts: Verdicts): void {
  for (const element of page.elements) {
    if (verdicts.has(element) || containers.has(element) || !inside.has(element)) continue
    const stats = page.stats.get(element)
    if (!stats?.chars) continue
    const density = linkDensity(stats)
    const listLike =
      element.name === 'ul' || element.name === 'ol' || element.name === 'table' || element.name === 'div' || element.name === 'section'
    if (listLike && density > 0.5 && stats.commas < 10) verdicts.set(element, 'related')
  }
  inheritVerdicts(page, verdicts)
}

/** Words outside links: a teaser is nearly all link, a sentence that links a few of its words is not. */
function unlinkedWords(block: Block): number {
  const share = 1 - block.linkChars / Math.max(block.text.length, 1)
  return Math.round((block.text.split(/\s+/).length || 0) * share)
}

function blockVerdict(block: Block, inside: Set<Element>, verdicts: Verdicts): RemovalReason | null {
  const verdict = verdicts.get(block.owner)
  if (verdict) return verdict
  if (inside.has(block.owner)) return block.linkChars > block.text.length * 0.5 && unlinkedWords(block) < 4 ? 'related' : null
  return block.linkChars > block.text.length * 0.3 ? 'navigation' : 'other'
}

function markSiteRepeats(blocks: Block[], reasons: Array<RemovalReason | null>, siteRepeats: SiteRepeats): void {
  const keptIndexes = reasons.flatMap((reason, i) => (reason === null ? [i] : []))
  for (const position of siteRepeats(keptIndexes.map((i) => blocks[i]!.text))) reasons[keptIndexes[position]!] = 'other'
}

function groupRemoved(blocks: Block[], reasons: Array<RemovalReason | null>): RemovedBlock[] {
  const removed: RemovedBlock[] = []
  let previous: RemovalReason | null = null
  blocks.forEach((block, i) => {
    const reason = reasons[i] ?? null
    if (reason && reason === previous) removed[removed.length - 1]!.text += `\n${block.text}`
    else if (reason) removed.push({ text: block.text, reason })
    previous = reason
  })
  return removed
}

/**
 * The boxes that hold the article. Structural markers win when they hold prose: the scorer is for pages without
 * them (it can be drawn to a list of teasers or a comment thread that outweighs a short article), but a marked
 * box with a small fraction of the prose the scorer found is a teaser card, not the article.
 */
function chooseContainers(page: SegmentedPage, verdicts: Verdicts): { containers: Element[]; method: ExtractedBody['method'] } {
  // markChrome gives every element below a removed one its verdict, so this needs no walk up the tree
  const candidates = scoreCandidates(page, (element) => verdicts.has(element))
  const scored = topCandidate(candidates)
  const marked = structuralCandidate(verdicts, page)
  const proseOf = (element: Element | null): number => (element ? (page.stats.get(element)?.proseChars ?? 0) : 0)
  const structural = marked && proseOf(marked) >= proseOf(scored) * MIN_MARKED_SHARE ? marked : null
  if (structural) return { containers: [structural, ...continuations(structural, [structural], page, verdicts)], method: 'structure' }
  if (scored) {
    const chosen = siblingsWith(scored, candidates, page)
    return { containers: [...chosen, ...continuations(scored, chosen, page, verdicts)], method: 'scorer' }
  }
  return { containers: page.body ? [page.body] : [], method: 'page' }
}

/** Inline boxes named as boilerplate ("byline", "sr-only") become blocks of their own outside running text. */
function namedBoilerplate(element: Element): boolean {
  return boilerplateKind(element) !== null
}

export function extractBody(document: Document, siteRepeats?: SiteRepeats): ExtractedBody {
  const page = segmentPage(document, namedBoilerplate)
  const verdicts = markChrome(page)
  const { containers, method } = chooseContainers(page, verdicts)
  const containerSet = new Set(containers)
  const inside = insideOf(page, containerSet)
  markLinkBoxes(page, containerSet, inside, verdicts)
  const reasons = page.blocks.map((block) => blockVerdict(block, inside, verdicts))
  if (siteRepeats) markSiteRepeats(page.blocks, reasons, siteRepeats)
  const paragraphs = page.blocks.filter((_, i) => reasons[i] === null).map((block) => block.text)
  return { paragraphs, removed: groupRemoved(page.blocks, reasons), method, pageBlocks: page.blocks.map((block) => block.text) }
}
