/** Title, author, date, canonical URL and outlet from a page's meta tags, JSON-LD and <time> elements. */
import { normalizeDate } from '../ingest/normalize-date.js'
import type { DomDocument } from './dom.js'

export interface PageMetadata {
  title: string | null
  author: string | null
  published: string | null
  url: string | null
  source: string | null
}

type Json = Record<string, unknown>

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|OpinionNewsArticle|Report)$/

function metaContent(document: DomDocument, keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)
    const value = element?.getAttribute('content')?.trim()
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
function jsonLdObjects(document: DomDocument): Json[] {
  const objects: Json[] = []
  const scripts = document.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length; i++) {
    let parsed: unknown
    try {
      parsed = JSON.parse(scripts[i]!.textContent ?? '')
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

function findArticleLd(document: DomDocument): Json | null {
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

export function extractMetadata(document: DomDocument): PageMetadata {
  const ld = findArticleLd(document)
  const publisher = ld ? nameOf(ld['publisher']) : null
  const site = metaContent(document, ['og:site_name', 'application-name']) ?? publisher
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null
  const url = canonical ?? metaContent(document, ['og:url']) ?? (typeof ld?.['url'] === 'string' ? (ld['url'] as string) : null)
  const headline = typeof ld?.['headline'] === 'string' ? (ld['headline'] as string).trim() : null
  const title = headline ?? metaContent(document, ['og:title', 'twitter:title']) ?? withoutSiteSuffix(document.title || null, site)
  const author =
    notAUrl(metaContent(document, ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author'])) ??
    (ld ? nameOf(ld['author']) : null) ??
    (document.querySelector('[rel="author"]')?.textContent?.trim() || null)
  const published =
    normalizeDate(metaContent(document, ['article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date'])) ??
    normalizeDate(ld?.['datePublished']) ??
    normalizeDate(document.querySelector('time[datetime]')?.getAttribute('datetime'))
  return { title: withoutSiteSuffix(title, site), author: author?.replace(/^by\s+/i, '') ?? null, published, url, source: site ?? hostOf(url) }
}
