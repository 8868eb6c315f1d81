/** JSON Lines: one article object `{url, title, published, text | html, source?, author?}` per line. */
import type { SourceDocument } from './source-document.js'
import { normalizeDate } from './normalize-date.js'

export type LineResult = { ok: true; document: SourceDocument } | { ok: false; name: string; error: string }

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

export function parseLine(line: string, name: string): LineResult {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return { ok: false, name, error: `${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, name, error: `${name}: expected a JSON object with "text" or "html"` }
  }
  const record = value as Record<string, unknown>
  const html = optionalString(record['html'])
  const text = optionalString(record['text'])
  if (!html && !text) return { ok: false, name, error: `${name}: has neither "text" nor "html"` }
  return {
    ok: true,
    document: {
      name,
      format: html ? 'html' : 'text',
      content: (html ?? text)!.replace(/\r\n?/g, '\n'),
      meta: {
        url: optionalString(record['url']),
        title: optionalString(record['title']),
        published: normalizeDate(record['published']),
        author: optionalString(record['author']),
        source: optionalString(record['source']),
      },
    },
  }
}

/** One result per non-blank line, named `file.jsonl#N` with N the 1-based line number. */
export function* parseJsonLines(content: string, fileName: string): Generator<LineResult> {
  const lines = content.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim()
    if (line) yield parseLine(line, `${fileName}#${index + 1}`)
  }
}
