/** The clean stage: a SourceDocument in, the article body with its metadata and the removed boilerplate out. */
import { createRequire } from 'node:module'
import type { marked as Marked } from 'marked'
import type { CleanedDocument, SiteMemory } from '../record/article.js'
import type { RemovedBlock } from '../record/record.js'
import type { SourceDocument } from '../record/source-document.js'
import { normalizeDate } from '../ingest/normalize-date.js'
import { cleanText } from './clean-text.js'
import { extractArticle, htmlFragmentText } from './html/extract-article.js'
import { hostOf } from './url-host.js'

export type { CleanedDocument } from '../record/article.js'

interface Prepared {
  text: string
  /** What the HTML extractor left out of the page (navigation, related links, comments…). */
  removed: RemovedBlock[]
  title: string | null
  author: string | null
  published: string | null
  url: string | null
  source: string | null
}

export interface CleanOptions {
  /** Shared across the pages of a run: each site's template is learned from its pages (see SiteBoilerplate). */
  siteMemory?: SiteMemory | undefined
}

let markdown: typeof Marked | undefined

/** marked, required with the first Markdown input (as htmlparser2 is with the first page): most runs read none. */
function markdownParser(): typeof Marked {
  markdown ??= (createRequire(import.meta.url)('marked') as typeof import('marked')).marked
  return markdown
}

function prepare(source: SourceDocument, options: CleanOptions): Prepared {
  const meta = source.meta
  const given = {
    title: meta.title?.trim() || null,
    author: meta.author?.trim() || null,
    published: normalizeDate(meta.published),
    url: meta.url?.trim() || null,
    source: meta.source?.trim() || null,
  }
  if (source.format === 'html') {
    const page = extractArticle(source.content, { siteMemory: options.siteMemory, url: given.url })
    return {
      text: page.text,
      removed: page.removed,
      title: given.title ?? page.title,
      author: given.author ?? page.author,
      published: given.published ?? page.published,
      url: given.url ?? page.url,
      source: given.source ?? page.source,
    }
  }
  if (source.format === 'markdown') {
    const html = markdownParser().parse(source.content, { async: false })
    const heading = source.content.match(/^#\s+(.+?)\s*#*\s*$/m)?.[1] ?? null
    return { ...given, title: given.title ?? heading, text: htmlFragmentText(html), removed: [] }
  }
  return { ...given, text: source.content, removed: [] }
}

export function cleanDocument(source: SourceDocument, options: CleanOptions = {}): CleanedDocument {
  const prepared = prepare(source, options)
  const cleaned = cleanText(prepared.text, { ...prepared, extracted: source.format === 'html' })
  return {
    title: cleaned.title,
    source: prepared.source ?? hostOf(prepared.url),
    url: prepared.url,
    author: cleaned.author,
    published: cleaned.published,
    text: cleaned.text,
    removed: [...prepared.removed, ...cleaned.removed],
  }
}
