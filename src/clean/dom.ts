/**
 * The small part of the DOM that cleaning uses, typed here because the project compiles without the DOM lib.
 * linkedom's objects satisfy it.
 */
import { parseHTML } from 'linkedom'

export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  parentNode: DomNode | null
}

export interface DomElement extends DomNode {
  tagName: string
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  remove(): void
}

export interface DomDocument {
  title: string
  body: DomElement | null
  documentElement: DomElement
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export function parseDocument(html: string): DomDocument {
  // linkedom drops everything when the input lacks an <html> element, so fragments get a shell
  const wrapped = /<html[\s>]/i.test(html.slice(0, 5000)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`
  return parseHTML(wrapped).document as unknown as DomDocument
}
