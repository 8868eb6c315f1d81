/** HTML pages: metadata from the head and the article body from extractBody, as one line per paragraph. */
import type { RemovedBlock } from '../../pipeline/record.js'
import { segmentPage } from './blocks.js'
import { extractBody, type ExtractedBody } from './extract-body.js'
import { extractMetadata, type PageMetadata } from './page-metadata.js'
import { parseHtml } from './parse-html.js'

export interface HtmlArticle extends PageMetadata {
  text: string
  removed: RemovedBlock[]
  method: ExtractedBody['method']
}

/** Never throws on markup: broken, deep or script-only pages yield whatever text can be found (possibly empty). */
export function extractArticle(html: string): HtmlArticle {
  const document = parseHtml(html)
  const metadata = extractMetadata(document)
  const body = extractBody(document)
  return { ...metadata, text: body.paragraphs.join('\n\n'), removed: body.removed, method: body.method }
}

/** Markdown rendered to HTML and HTML fragments: all of the visible text, one line per block. */
export function htmlFragmentText(html: string): string {
  return segmentPage(parseHtml(html))
    .blocks.map((block) => block.text)
    .join('\n\n')
}
