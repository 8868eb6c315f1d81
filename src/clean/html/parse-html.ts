/**
 * HTML parsing for article extraction: htmlparser2 builds a plain domhandler tree, several times faster than a
 * full DOM (jsdom, linkedom) and enough for everything the extractor reads. Walks over it are iterative, so a
 * page nested ten thousand levels deep cannot overflow the stack.
 */
import { createRequire } from 'node:module'
import type { Parser } from 'htmlparser2'
import { DomHandler, isTag, isText, type AnyNode, type Document, type Element, type ParentNode } from 'domhandler'

export type { AnyNode, Document, Element, ParentNode }
export { isTag, isText }

const OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true }

/**
 * Bounds on one page, far above any article page (a long news page has a few thousand elements, nested a few
 * dozen deep): the extractor's walks are linear, but a page of a million elements is an attack or a dump, not an
 * article, and is refused while parsing, before any tree of that size exists.
 */
export const MAX_ELEMENTS = 100_000
export const MAX_DEPTH = 5_000

export class PageLimitError extends Error {}

/** A domhandler tree builder that stops at MAX_ELEMENTS elements or MAX_DEPTH open elements. */
class BoundedHandler extends DomHandler {
  private elements = 0
  private depth = 0

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.elements++
    this.depth++
    if (this.elements > MAX_ELEMENTS) throw new PageLimitError(`page too large (more than ${MAX_ELEMENTS.toLocaleString('en')} elements)`)
    if (this.depth > MAX_DEPTH)
      throw new PageLimitError(
        `page too deep (more than ${MAX_DEPTH.toLocaleString('en')} nested elements, after ${this.elements.toLocaleString('en')} elements)`,
      )
    super.onopentag(name, attribs)
  }

  override onclosetag(): void {
    this.depth--
    super.onclosetag()
  }
}

let HtmlParser: typeof Parser | undefined

/**
 * htmlparser2, required with the first page: most runs read plain text, and its module tree (the tokenizer and
 * the entity tables) costs every run's start-up ~45 ms of CPU. Required (Node loads the package's ES module
 * synchronously) so that cleaning stays synchronous.
 */
function htmlParser(): typeof Parser {
  HtmlParser ??= (createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2')).Parser
  return HtmlParser
}

function parseBounded(html: string): Document {
  const handler = new BoundedHandler()
  ;new (htmlParser())(handler, OPTIONS).end(html)
  return handler.root
}

/** A page without a <body> (a fragment, a feed item's HTML) is parsed inside one, so it has a page body too. */
export function parseHtml(html: string): Document {
  const document = parseBounded(html)
  if (findElement(document, (element) => element.name === 'body')) return document
  return parseBounded(`<html><body>${html}</body></html>`)
}

/** Visits every element below `root` in document order; returning false from `visit` skips the element's children. */
// biome-ignore lint/suspicious/noConfusingVoidType: a visitor that returns nothing visits every child, as `void` callbacks do
export function walkElements(root: ParentNode, visit: (element: Element) => boolean | void): void {
  const stack: AnyNode[] = [...root.children].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if (!isTag(node)) continue
    if (visit(node) === false) continue
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
}

export function findElements(root: ParentNode, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  walkElements(root, (element) => {
    if (test(element)) found.push(element)
  })
  return found
}

export function findElement(root: ParentNode, test: (element: Element) => boolean): Element | null {
  let found: Element | null = null
  walkElements(root, (element) => {
    if (found) return false
    if (test(element)) found = element
    return !found
  })
  return found
}

/** The text below a node, whitespace collapsed; no element is skipped. */
export function textOf(root: AnyNode): string {
  if (isText(root)) return root.data.replace(/\s+/g, ' ').trim()
  if (!('children' in root)) return ''
  const parts: string[] = []
  const stack: AnyNode[] = [...root.children].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if (isText(node)) parts.push(node.data)
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return parts.join('').replace(/\s+/g, ' ').trim()
}

export function attr(element: Element, name: string): string | null {
  const value = element.attribs[name]
  return value === undefined ? null : value
}

export function isAncestorOf(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true
  return false
}
