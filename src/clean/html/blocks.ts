/**
 * A page as text blocks: each run of inline content between block boundaries, with its owner (the innermost
 * block element), length and linked characters. Every element also gets the sums of the blocks below it, in one
 * pass from the leaves up, so the scorers can ask "how much text, how much of it linked" of any element.
 */
import { isTag, isText, type AnyNode, type Document, type Element } from './parse-html.js'
import { isOverlay, pageStructure } from './page-structure.js'

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'cell' | 'quote' | 'pre' | 'caption' | 'text'

export interface Block {
  index: number
  owner: Element
  kind: BlockKind
  text: string
  linkChars: number
  /** Inside a heading, list item… of a title-like size: the heading level (1–6), else 0. */
  headingLevel: number
}

export interface ElementStats {
  chars: number
  linkChars: number
  /** Characters in paragraphs of 80+ characters with few links: the prose an article container should hold. */
  proseChars: number
  paragraphs: number
  commas: number
}

export interface SegmentedPage {
  blocks: Block[]
  /** Elements in document order (those holding no text are included). */
  elements: Element[]
  stats: Map<Element, ElementStats>
  body: Element | null
}

const KIND_BY_TAG: Record<string, BlockKind> = {
  p: 'paragraph',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'item',
  dt: 'item',
  dd: 'item',
  td: 'cell',
  th: 'cell',
  blockquote: 'quote',
  pre: 'pre',
  figcaption: 'caption',
  caption: 'caption',
}

function isHidden(element: Element): boolean {
  const attribs = element.attribs
  if ('hidden' in attribs) return true
  if (attribs['aria-hidden'] === 'true' && element.name !== 'html' && element.name !== 'body') return true
  const style = attribs['style']
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)
}

/** The kind of a block: the nearest kind-giving element between the text and its owner decides. */
function kindOf(openBlocks: Element[]): { kind: BlockKind; headingLevel: number } {
  for (let i = openBlocks.length - 1; i >= 0; i--) {
    const tag = openBlocks[i]!.name
    const kind = KIND_BY_TAG[tag]
    if (kind) return { kind, headingLevel: kind === 'heading' ? Number(tag[1]) : 0 }
  }
  return { kind: 'text', headingLevel: 0 }
}

const COMMA = /[,،、，]/g

/** Elements whose text runs as part of a sentence: an inline box inside them never splits their text. */
const RUNNING_TEXT = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'blockquote',
  'dd',
  'dt',
  'figcaption',
  'caption',
  'pre',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'q',
  'cite',
])

/**
 * `separate` names inline elements that form blocks of their own (a <span class="byline"> between the headline
 * and the first paragraph), so that a verdict on them applies; inside running text they never do.
 */
export function segmentPage(document: Document, separate: (element: Element) => boolean = () => false): SegmentedPage {
  const structure = pageStructure()
  const blocks: Block[] = []
  const elements: Element[] = []
  const openBlocks: Element[] = []
  let parts: string[] = []
  let linkChars = 0
  let linkDepth = 0
  let body: Element | null = null

  const flush = (): void => {
    if (!parts.length) return
    const text = parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
    const owner = openBlocks[openBlocks.length - 1]
    if (text && owner)
      blocks.push({ index: blocks.length, owner, text, linkChars: Math.min(linkChars, text.length), ...kindOf(openBlocks) })
    parts = []
    linkChars = 0
  }

  const isSeparateInline = (element: Element): boolean => {
    const parent = element.parent
    const block = openBlocks[openBlocks.length - 1]
    return !!parent && isTag(parent) && !RUNNING_TEXT.has(parent.name) && !(block && RUNNING_TEXT.has(block.name)) && separate(element)
  }

  type Frame = { node: AnyNode; closing: boolean }
  const stack: Frame[] = [...document.children].reverse().map((node) => ({ node, closing: false }))
  while (stack.length) {
    const { node, closing } = stack.pop()!
    if (isText(node)) {
      parts.push(node.data)
      if (linkDepth > 0) linkChars += node.data.replace(/\s+/g, ' ').trim().length
      continue
    }
    if (!isTag(node)) continue
    const tag = node.name
    const isBlock =
      structure.blockTags.has(tag) ||
      tag === 'html' ||
      (!closing && isSeparateInline(node)) ||
      (closing && openBlocks[openBlocks.length - 1] === node)
    if (closing) {
      if (tag === 'a') linkDepth--
      if (isBlock) {
        flush()
        openBlocks.pop()
      }
      continue
    }
    if (structure.skippedTags.has(tag) || isHidden(node) || isOverlay(node)) continue
    if (tag === 'br') {
      parts.push('\n')
      continue
    }
    elements.push(node)
    if (tag === 'body') body = node
    if (tag === 'a') linkDepth++
    if (isBlock) {
      flush()
      openBlocks.push(node)
    }
    stack.push({ node, closing: true })
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, closing: false })
  }
  flush()
  return { blocks, elements, stats: sumStats(blocks, elements), body }
}

/** Per-element sums of the blocks below it, children before parents (reverse document order). */
function sumStats(blocks: Block[], elements: Element[]): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>()
  for (const element of elements) stats.set(element, { chars: 0, linkChars: 0, proseChars: 0, paragraphs: 0, commas: 0 })
  for (const block of blocks) {
    const own = stats.get(block.owner)
    if (!own) continue
    const length = block.text.length
    own.chars += length
    own.linkChars += block.linkChars
    own.commas += block.text.match(COMMA)?.length ?? 0
    if (length >= 80 && block.linkChars / length < 0.3 && block.kind !== 'heading') {
      own.proseChars += length
      own.paragraphs++
    }
  }
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!
    const parent = element.parent
    if (!parent || !isTag(parent)) continue
    const from = stats.get(element)!
    const into = stats.get(parent)
    if (!into) continue
    into.chars += from.chars
    into.linkChars += from.linkChars
    into.proseChars += from.proseChars
    into.paragraphs += from.paragraphs
    into.commas += from.commas
  }
  return stats
}

export function linkDensity(stats: ElementStats | undefined): number {
  return stats?.chars ? stats.linkChars / stats.chars : 0
}
