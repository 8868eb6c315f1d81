/** HTML pages: metadata from the head, the article from Readability (or the largest text block), as one line per paragraph. */
import { Readability } from '@mozilla/readability'
import { ELEMENT_NODE, TEXT_NODE, parseDocument, type DomDocument, type DomElement, type DomNode } from './dom.js'
import { normalizeDate } from '../ingest/normalize-date.js'
import { extractMetadata, type PageMetadata } from './html-metadata.js'

export interface HtmlArticle extends PageMetadata {
  text: string
}

const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL'.split(' '),
)
const SKIPPED_TAGS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME OBJECT EMBED CANVAS BUTTON SELECT TEXTAREA INPUT HEAD TITLE META LINK'.split(' '))
const CELL_TAGS = new Set(['TD', 'TH'])
/** Readability recurses over the tree: deeper pages go straight to the fallback instead of overflowing the stack. */
const MAX_DEPTH_FOR_READABILITY = 300
const MAX_ELEMENTS_FOR_READABILITY = 60_000

/** Block elements start new lines; scripts and styles never reach the text. Iterative, so any depth is safe. */
export function blockText(root: DomNode): string {
  const out: string[] = []
  const stack: Array<{ node: DomNode; closing: boolean }> = [{ node: root, closing: false }]
  while (stack.length) {
    const { node, closing } = stack.pop()!
    if (node.nodeType === TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '))
      continue
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue
    const tag = node.nodeName.toUpperCase()
    if (SKIPPED_TAGS.has(tag)) continue
    if (tag === 'BR') {
      out.push('\n')
      continue
    }
    const block = BLOCK_TAGS.has(tag)
    if (closing) {
      if (block) out.push('\n')
      else if (CELL_TAGS.has(tag)) out.push(' ')
      continue
    }
    if (block) out.push('\n')
    stack.push({ node, closing: true })
    const children = node.childNodes
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, closing: false })
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

function treeSize(root: DomNode): { depth: number; elements: number } {
  let depth = 0
  let elements = 0
  const stack: Array<[DomNode, number]> = [[root, 0]]
  while (stack.length) {
    const [node, level] = stack.pop()!
    if (node.nodeType !== ELEMENT_NODE) continue
    elements++
    if (level > depth) depth = level
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, level + 1])
  }
  return { depth, elements }
}

/** The element holding the most paragraph text: a plain fallback when Readability gives up. */
function largestTextBlock(document: DomDocument): DomNode | null {
  const totals = new Map<DomNode, number>()
  const paragraphs = document.querySelectorAll('p, pre, blockquote, li')
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!
    const parent = paragraph.parentNode
    if (parent) totals.set(parent, (totals.get(parent) ?? 0) + (paragraph.textContent ?? '').trim().length)
  }
  let best: DomNode | null = null
  let bestLength = 0
  for (const [node, length] of totals) {
    if (length > bestLength) {
      best = node
      bestLength = length
    }
  }
  return best ?? document.body
}

function removeAll(document: DomDocument, selector: string): void {
  const nodes = Array.from(document.querySelectorAll(selector))
  for (const node of nodes) node.remove()
}

function fitsReadability(document: DomDocument): boolean {
  const size = treeSize(document.documentElement)
  return size.depth <= MAX_DEPTH_FOR_READABILITY && size.elements <= MAX_ELEMENTS_FOR_READABILITY
}

/** Readability's article, or null when it finds none or fails. It changes the document it reads. */
function readabilityText(document: DomDocument): { text: string; title: string | null; byline: string | null; published: string | null; siteName: string | null } | null {
  try {
    const reader = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement })
    const article = reader.parse()
    if (!article?.content) return null
    return {
      text: blockText(article.content),
      title: article.title ?? null,
      byline: article.byline ?? null,
      published: article.publishedTime ?? null,
      siteName: article.siteName ?? null,
    }
  } catch {
    return null
  }
}

function fallbackText(document: DomDocument): string {
  removeAll(document, 'script, style, noscript, template, nav, header, footer, aside, form, svg, iframe')
  const block = largestTextBlock(document)
  return block ? blockText(block) : ''
}

/** Never throws: broken, deep or script-only markup yields whatever text can be found (possibly empty). */
export function htmlToArticle(html: string): HtmlArticle {
  const document = parseDocument(html)
  const metadata = extractMetadata(document)
  const triedReadability = fitsReadability(document)
  const readable = triedReadability ? readabilityText(document) : null
  let text = readable && readable.text.length >= 200 ? readable.text : ''
  // Readability changed the document it read, so the fallback needs a fresh one
  if (!text) text = fallbackText(triedReadability ? parseDocument(html) : document) || readable?.text || ''
  return {
    title: metadata.title ?? readable?.title ?? null,
    author: metadata.author ?? readable?.byline ?? null,
    published: metadata.published ?? normalizeDate(readable?.published),
    url: metadata.url,
    source: metadata.source ?? readable?.siteName ?? null,
    text,
  }
}

/** Markdown rendered to HTML and HTML fragments: all of the text, one line per block. */
export function htmlFragmentText(html: string): string {
  const document = parseDocument(html)
  return document.body ? blockText(document.body) : ''
}
