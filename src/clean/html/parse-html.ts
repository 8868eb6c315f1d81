/**
 * HTML parsing for article extraction: htmlparser2 builds a plain domhandler tree, several times faster than a
 * full DOM (jsdom, linkedom) and enough for everything the extractor reads. Walks over it are iterative, so a
 * page nested ten thousand levels deep cannot overflow the stack.
 */
import { parseDocument } from 'htmlparser2'
import { isTag, isText, type AnyNode, type Document, type Element, type ParentNode } from 'domhandler'

export type { AnyNode, Document, Element, ParentNode }
export { isTag, isText }

const OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true }

/** A page without a <body> (a fragment, a feed item's HTML) is parsed inside one, so it has a page body too. */
export function parseHtml(html: string): Document {
  const document = parseDocument(html, OPTIONS)
  if (findElement(document, (element) => element.name === 'body')) return document
  return parseDocument(`<html><body>${html}</body></html>`, OPTIONS)
}

/** Visits every element below `root` in document order; returning false from `visit` skips the element's children. */
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

