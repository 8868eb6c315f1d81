/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one SourceDocument per item, its content kept as HTML. */
import { createRequire } from 'node:module'
import type { XMLParser } from 'fast-xml-parser'
import type { SourceDocument } from './source-document.js'
import { normalizeDate } from './normalize-date.js'

type XmlNode = Record<string, unknown>

let parser: XMLParser | undefined

/**
 * The XML parser, loaded when the first feed is read: most runs read none, and its module tree costs start-up.
 * Required (the package's one-file CommonJS build) so that feed reading stays synchronous.
 */
function xmlParser(): XMLParser {
  if (!parser) {
    const { XMLParser } = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser')
    parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      htmlEntities: true,
      isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
    })
  }
  return parser
}

export function looksLikeFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 2000))
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

/** The text of an element that may be a plain string or an object with attributes and `#text`. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null
  if (Array.isArray(value)) return textOf(value[0])
  if (typeof value === 'object') {
    const node = value as XmlNode
    if ('#text' in node) return textOf(node['#text'])
    if ('name' in node) return textOf(node['name'])
  }
  return null
}

function linkOf(item: XmlNode): string | null {
  const links = asArray(item['link'])
  const alternate =
    links.find(
      (link) => typeof link === 'object' && link !== null && [undefined, 'alternate'].includes((link as XmlNode)['@_rel'] as string),
    ) ?? links[0]
  if (alternate && typeof alternate === 'object' && '@_href' in (alternate as XmlNode)) return textOf((alternate as XmlNode)['@_href'])
  return textOf(alternate) ?? textOf(item['guid'])
}

function contentOf(item: XmlNode): string | null {
  for (const field of ['encoded', 'content', 'description', 'summary']) {
    const text = textOf(item[field])
    if (text) return text
  }
  return null
}

function findRoot(parsed: XmlNode): { channel: XmlNode; items: unknown[] } | null {
  const rss = parsed['rss'] as XmlNode | undefined
  if (rss) {
    const channel = (asArray(rss['channel'])[0] ?? {}) as XmlNode
    return { channel, items: asArray(channel['item']) }
  }
  const feed = parsed['feed'] as XmlNode | undefined
  if (feed) return { channel: feed, items: asArray(feed['entry']) }
  const rdf = parsed['RDF'] as XmlNode | undefined
  if (rdf) return { channel: (asArray(rdf['channel'])[0] ?? {}) as XmlNode, items: asArray(rdf['item']) }
  return null
}

/** Parses a feed; throws with a message (without the input name) when it is not one or has no items. */
export function parseFeed(xml: string, name: string): SourceDocument[] {
  let parsed: XmlNode
  try {
    parsed = xmlParser().parse(xml) as XmlNode
  } catch (error) {
    throw new Error(`not a readable feed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
  }
  const root = findRoot(parsed)
  if (!root) throw new Error('not an RSS or Atom feed')
  if (root.items.length === 0) throw new Error('feed has no items')
  const outlet = textOf(root.channel['title'])
  return root.items.map((raw, index) => {
    const item = (raw ?? {}) as XmlNode
    const title = textOf(item['title'])
    const body = contentOf(item) ?? ''
    return {
      name: `${name}#${index + 1}`,
      format: 'html' as const,
      content: body,
      meta: {
        url: linkOf(item),
        title,
        published: normalizeDate(textOf(item['pubDate']) ?? textOf(item['published']) ?? textOf(item['updated']) ?? textOf(item['date'])),
        author: textOf(item['author']) ?? textOf(item['creator']),
        source: outlet,
      },
    }
  })
}
