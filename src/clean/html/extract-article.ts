/** HTML pages: metadata from the head and the article body from extractBody, as one line per paragraph. */
import type { RemovedBlock } from '../../record/record.js'
import { segmentPage } from './blocks.js'
import { extractBody, type ExtractedBody } from './extract-body.js'
import { readPage, type PageMetadata } from './page-metadata.js'
import { parseHtml } from './parse-html.js'
import type { SiteMemory } from '../../record/article.js'
import { hostOf } from '../url-host.js'

export interface HtmlArticle extends PageMetadata {
  text: string
  removed: RemovedBlock[]
  method: ExtractedBody['method'] | 'json-ld'
}

/**
 * A page whose body the markup does not hold (rendered by scripts, behind a paywall stub) may still declare it in
 * its JSON-LD: that text is used when it is clearly longer than what the markup gave. Otherwise the markup wins;
 * declared bodies are often cut short and leave out subheadings and embedded posts.
 */
const DECLARED_BODY_MIN_CHARS = 200
const MARKUP_SHARE_OF_DECLARED = 0.5

function declaredParagraphs(body: string): string[] {
  return body
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

export interface ExtractOptions {
  /** Learns each site's template from the pages it sees and drops the blocks other pages of the site print too. */
  siteMemory?: SiteMemory | undefined
  /** The page's address when the page does not name it (canonical link, og:url). */
  url?: string | null
  /** Identifies the page to the site memory (a page never counts as its own template); default: its URL. */
  pageId?: string
}

/** Never throws on markup: broken, deep or script-only pages yield whatever text can be found (possibly empty). */
export function extractArticle(html: string, options: ExtractOptions = {}): HtmlArticle {
  const document = parseHtml(html)
  const { metadata, declaredBody } = readPage(document)
  const url = options.url ?? metadata.url
  const site = hostOf(url)
  const memory = options.siteMemory
  const pageId = options.pageId ?? url ?? ''
  const siteRepeats = memory && site && pageId ? (texts: string[]) => memory.repeatedBlocks(site, pageId, texts) : undefined
  const body = extractBody(document, siteRepeats)
  if (memory && site && pageId) memory.learn(site, pageId, body.pageBlocks)
  const text = body.paragraphs.join('\n\n')
  if (declaredBody && declaredBody.length >= DECLARED_BODY_MIN_CHARS && text.length < declaredBody.length * MARKUP_SHARE_OF_DECLARED) {
    const removed = text ? [{ text: body.paragraphs.join('\n'), reason: 'other' as const }, ...body.removed] : body.removed
    return { ...metadata, text: declaredParagraphs(declaredBody).join('\n\n'), removed, method: 'json-ld' }
  }
  return { ...metadata, text, removed: body.removed, method: body.method }
}

/** Markdown rendered to HTML and HTML fragments: all of the visible text, one line per block. */
export function htmlFragmentText(html: string): string {
  return segmentPage(parseHtml(html))
    .blocks.map((block) => block.text)
    .join('\n\n')
}
