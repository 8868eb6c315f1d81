/** Title, author, date, canonical URL and outlet from a page's meta tags, JSON-LD, Open Graph, <time> and bylines. */
import { normalizeDate } from '../../ingest/normalize-date.js'
import { findElement, textOf, walkElements, type Document, type Element } from './parse-html.js'
import { hostOf } from '../url-host.js'

export interface PageMetadata {
  title: string | null
  author: string | null
  published: string | null
  url: string | null
  source: string | null
}

type Json = Record<string, unknown>

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|OpinionNewsArticle|Report)$/

/** The elements metadata is read from, found in one walk over the page (selector engines are slow on deep pages). */
interface PageIndex {
  metas: Element[]
  jsonLd: Element[]
  canonical: Element | null
  title: Element | null
  /** The first <h1>: the headline of a page without a <title>. */
  heading: Element | null
  time: Element | null
  datePublished: Element | null
  byline: Element | null
}

const BYLINE_CLASSES = new Set(['byline', 'author-name', 'byline-name'])

function isByline(element: Element): boolean {
  const attribs = element.attribs
  if (attribs['itemprop'] === 'author' || attribs['rel'] === 'author') return true
  return !!attribs['class'] && attribs['class'].split(/\s+/).some((name) => BYLINE_CLASSES.has(name))
}

function indexPage(document: Document): PageIndex {
  const index: PageIndex = {
    metas: [],
    jsonLd: [],
    canonical: null,
    title: null,
    heading: null,
    time: null,
    datePublished: null,
    byline: null,
  }
  walkElements(document, (element) => {
    const attribs = element.attribs
    if (element.name === 'meta' && attribs['content'] !== undefined) index.metas.push(element)
    else if (element.name === 'script' && attribs['type']?.toLowerCase() === 'application/ld+json') index.jsonLd.push(element)
    else if (element.name === 'link' && attribs['rel']?.toLowerCase().split(/\s+/).includes('canonical')) index.canonical ??= element
    else if (element.name === 'title') index.title ??= element
    else if (element.name === 'h1') index.heading ??= element
    else if (element.name === 'svg') return false
    if (element.name === 'time' && attribs['datetime']) index.time ??= element
    if (attribs['itemprop'] === 'datePublished') index.datePublished ??= element
    if (!index.byline && isByline(element)) {
      index.byline =
        attribs['itemprop'] === 'author' ? (findElement(element, (inner) => inner.attribs['itemprop'] === 'name') ?? element) : element
    }
    return true
  })
  return index
}

function metaContent(index: PageIndex, keys: string[]): string | null {
  const metas = index.metas
  for (const key of keys) {
    const wanted = key.toLowerCase()
    const element = metas.find((meta) =>
      [meta.attribs['property'], meta.attribs['name'], meta.attribs['itemprop']].some((name) => name?.toLowerCase() === wanted),
    )
    const value = element?.attribs['content']?.trim()
    if (value) return value
  }
  return null
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => !!name)
    return names.length ? names.join(', ') : null
  }
  if (value && typeof value === 'object') return nameOf((value as Json)['name'])
  return null
}

/** Every object in the page's JSON-LD blocks, @graph arrays flattened. */
function jsonLdObjects(index: PageIndex): Json[] {
  const objects: Json[] = []
  for (const script of index.jsonLd) {
    let parsed: unknown
    try {
      parsed = JSON.parse(script.children.map((child) => ('data' in child ? child.data : '')).join(''))
    } catch {
      continue
    }
    const queue: unknown[] = [parsed]
    while (queue.length && objects.length < 200) {
      const item = queue.shift()
      if (Array.isArray(item)) queue.push(...item)
      else if (item && typeof item === 'object') {
        objects.push(item as Json)
        if (Array.isArray((item as Json)['@graph'])) queue.push(...((item as Json)['@graph'] as unknown[]))
      }
    }
  }
  return objects
}

function findArticleLd(index: PageIndex): Json | null {
  const objects = jsonLdObjects(index)
  const isArticle = (object: Json): boolean => [object['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type))
  return objects.find((object) => isArticle(object) && object['@type'] !== 'WebPage') ?? objects.find(isArticle) ?? null
}

function notAUrl(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null
}

/** "Headline | Outlet" → "Headline" when the outlet is known; the headline keeps its own separators. */
function withoutSiteSuffix(title: string | null, site: string | null): string | null {
  if (!title) return null
  const separators = [...title.matchAll(/\s+[|–—-]\s+/g)]
  const last = separators[separators.length - 1]
  if (
    site &&
    last?.index !== undefined &&
    title
      .slice(last.index + last[0].length)
      .trim()
      .toLowerCase() === site.toLowerCase()
  )
    return title.slice(0, last.index).trim() || null
  return title.trim() || null
}

/** A byline element's text: "By Jane Doe and John Roe" → "Jane Doe and John Roe". */
function bylineText(index: PageIndex): string | null {
  const element = index.byline
  // "By Jane Roe @janeroe Nov 18, 2019 • 2 min read": the name ends where a handle, date or separator starts
  const text = (element ? textOf(element) : '')
    .replace(/^by\s+/i, '')
    .split(/\s+(?:@\w|[|•·–—]\s|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}[/.]\d)/i)[0]!
    .trim()
  return text && text.length <= 80 ? text : null
}

/** An outlet name, not a URL or a list of sections ("Autoracing | F1 | Indy" → "Autoracing"). */
function outletName(site: string | null): string | null {
  if (!site) return null
  if (/^https?:\/\//i.test(site)) return hostOf(site)
  return site.split(/\s+[|]\s+/)[0]!.trim() || null
}

function documentTitle(index: PageIndex): string | null {
  return (index.title && textOf(index.title)) || (index.heading && textOf(index.heading)) || null
}

/** The page's metadata and, when its JSON-LD carries one, the article body it declares (often truncated). */
export interface PageFacts {
  metadata: PageMetadata
  declaredBody: string | null
}

function declaredBody(ld: Json | null): string | null {
  const body = ld?.['articleBody']
  return typeof body === 'string' && body.trim() ? body.trim() : null
}

export function extractMetadata(document: Document): PageMetadata {
  return readPage(document).metadata
}

export function readPage(document: Document): PageFacts {
  const index = indexPage(document)
  const ld = findArticleLd(index)
  const publisher = ld ? nameOf(ld['publisher']) : null
  const site = outletName(metaContent(index, ['og:site_name', 'application-name']) ?? publisher)
  const canonical = index.canonical?.attribs['href']?.trim() || null
  const url = canonical ?? metaContent(index, ['og:url']) ?? (typeof ld?.['url'] === 'string' ? (ld['url'] as string) : null)
  const headline = typeof ld?.['headline'] === 'string' ? (ld['headline'] as string).trim() : null
  const title = headline ?? metaContent(index, ['og:title', 'twitter:title']) ?? withoutSiteSuffix(documentTitle(index), site)
  const author =
    notAUrl(metaContent(index, ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author'])) ??
    (ld ? nameOf(ld['author']) : null) ??
    bylineText(index)
  const published =
    normalizeDate(
      metaContent(index, [
        'article:published_time',
        'article:published',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'DC.date.issued',
        'sailthru.date',
        'parsely-pub-date',
      ]),
    ) ??
    normalizeDate(ld?.['datePublished']) ??
    normalizeDate(index.datePublished?.attribs['datetime'] ?? index.datePublished?.attribs['content']) ??
    normalizeDate(index.time?.attribs['datetime'])
  return {
    metadata: {
      title: withoutSiteSuffix(title, site),
      author: author?.replace(/^by\s+/i, '') ?? null,
      published,
      url,
      source: site ?? hostOf(url),
    },
    declaredBody: declaredBody(ld),
  }
}
