/** Title, author, date, canonical URL and outlet from a page's meta tags, JSON-LD, Open Graph, <time> and bylines. */
import { normalizeDate } from '../../ingest/normalize-date.js'
import { select, selectFirst, textOf, type Document, type Element } from './parse-html.js'

export interface PageMetadata {
  title: string | null
  author: string | null
  published: string | null
  url: string | null
  source: string | null
}

type Json = Record<string, unknown>

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|OpinionNewsArticle|Report)$/

function one(document: Document, selector: string): Element | null {
  return selectFirst(document, selector)
}

function metaContent(document: Document, keys: string[]): string | null {
  const metas = select(document, 'meta[content]')
  for (const key of keys) {
    const wanted = key.toLowerCase()
    const element = metas.find((meta) => [meta.attribs['property'], meta.attribs['name'], meta.attribs['itemprop']].some((name) => name?.toLowerCase() === wanted))
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
function jsonLdObjects(document: Document): Json[] {
  const objects: Json[] = []
  const scripts = select(document, 'script[type="application/ld+json"]')
  for (const script of scripts) {
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

export function findArticleLd(document: Document): Json | null {
  const objects = jsonLdObjects(document)
  const isArticle = (object: Json): boolean => [object['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type))
  return objects.find((object) => isArticle(object) && object['@type'] !== 'WebPage') ?? objects.find(isArticle) ?? null
}

function notAUrl(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null
  } catch {
    return null
  }
}

/** "Headline | Outlet" → "Headline" when the outlet is known. */
function withoutSiteSuffix(title: string | null, site: string | null): string | null {
  if (!title) return null
  if (site) {
    const parts = title.split(/\s+[|–—-]\s+/)
    if (parts.length > 1 && parts[parts.length - 1]!.toLowerCase() === site.toLowerCase()) return parts.slice(0, -1).join(' - ')
  }
  return title.trim() || null
}

/** A byline element's text: "By Jane Doe and John Roe" → "Jane Doe and John Roe". */
function bylineText(document: Document): string | null {
  const element = one(document, '[itemprop=author] [itemprop=name], [rel=author], [itemprop=author], .byline, .author-name, .byline-name')
  const text = element ? textOf(element) : ''
  return text && text.length <= 120 ? text.replace(/^by\s+/i, '') : null
}

function documentTitle(document: Document): string | null {
  const title = one(document, 'title')
  return title ? textOf(title) || null : null
}

export function extractMetadata(document: Document): PageMetadata {
  const ld = findArticleLd(document)
  const publisher = ld ? nameOf(ld['publisher']) : null
  const site = metaContent(document, ['og:site_name', 'application-name']) ?? publisher
  const canonical = one(document, 'link[rel="canonical"]')?.attribs['href']?.trim() || null
  const url = canonical ?? metaContent(document, ['og:url']) ?? (typeof ld?.['url'] === 'string' ? (ld['url'] as string) : null)
  const headline = typeof ld?.['headline'] === 'string' ? (ld['headline'] as string).trim() : null
  const title = headline ?? metaContent(document, ['og:title', 'twitter:title']) ?? withoutSiteSuffix(documentTitle(document), site)
  const author =
    notAUrl(metaContent(document, ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author'])) ??
    (ld ? nameOf(ld['author']) : null) ??
    bylineText(document)
  const published =
    normalizeDate(metaContent(document, ['article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date'])) ??
    normalizeDate(ld?.['datePublished']) ??
    normalizeDate(one(document, 'time[datetime]')?.attribs['datetime'])
  return { title: withoutSiteSuffix(title, site), author: author?.replace(/^by\s+/i, '') ?? null, published, url, source: site ?? hostOf(url) }
}
