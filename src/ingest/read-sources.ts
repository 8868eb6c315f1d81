/** The ingest stage: files, folders and stdin in, one SourceDocument per article (or one InputFailure per bad input) out. */
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { basename, extname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { SourceDocument, SourceFormat } from './source-document.js'
import { decodeBytes, isGzip, normalizeLineEndings } from './decode-bytes.js'
import { looksLikeFeed, parseFeed } from './parse-feed.js'
import { parseJsonLines, parseLine } from './parse-jsonl.js'

export interface InputFailure {
  name: string
  error: string
}

export interface ReadOptions {
  /** Largest accepted input in bytes (after gzip decompression too); default 20 MiB. */
  maxBytes?: number
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

type Kind = SourceFormat | 'jsonl' | 'feed'

const KIND_BY_EXTENSION: Record<string, Kind> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
}

export function isInputFailure(x: SourceDocument | InputFailure): x is InputFailure {
  return 'error' in x && !('content' in x)
}

function failure(name: string, message: string): InputFailure {
  return { name, error: `${name}: ${message}` }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 4000))
}

function sniffKind(text: string, byExtension: Kind | undefined): Kind {
  if (byExtension === 'jsonl' || byExtension === 'markdown') return byExtension
  const head = text.trimStart().slice(0, 2000)
  if (looksLikeFeed(head) && !looksLikeHtml(head)) return 'feed'
  if (looksLikeHtml(head)) return 'html'
  if (byExtension) return byExtension
  if (/^\s*</.test(head) && /<\/(p|div|body|article)>/i.test(text.slice(0, 20000))) return 'html'
  return 'text'
}

function* documentsFromText(text: string, name: string, extension: string): Generator<SourceDocument | InputFailure> {
  // Control characters alone (a UTF-16 BOM before NULs, say) are no text either.
  if (!text.replace(/[\u0000-\u001f\u007f]/g, '').trim()) {
    yield failure(name, 'is empty (no text to read)')
    return
  }
  const kind = sniffKind(text, KIND_BY_EXTENSION[extension])
  if (kind === 'jsonl') {
    for (const line of parseJsonLines(text, name)) yield line.ok ? line.document : { name: line.name, error: line.error }
    return
  }
  if (kind === 'feed') {
    try {
      yield* parseFeed(text, name)
    } catch (error) {
      yield failure(name, describe(error))
    }
    return
  }
  yield { name, format: kind, content: text, meta: {} }
}

/** Decompresses, decodes and splits one file's bytes; `name` is what messages and documents are called. */
function* documentsFromBytes(bytes: Uint8Array, name: string, maxBytes: number): Generator<SourceDocument | InputFailure> {
  let innerName = name
  if (name.toLowerCase().endsWith('.gz') || isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes })
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(String(error))
      yield failure(
        name,
        tooLarge ? `decompresses to more than ${formatSize(maxBytes)}, the limit per file` : 'is not a readable gzip file',
      )
      return
    }
    innerName = name.replace(/\.gz$/i, '')
  }
  let text: string
  try {
    text = normalizeLineEndings(decodeBytes(bytes))
  } catch (error) {
    yield failure(name, describe(error))
    return
  }
  yield* documentsFromText(text, innerName, extname(innerName).toLowerCase())
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) throw new Error(`is larger than ${formatSize(maxBytes)}, the limit per input`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

async function* filesUnder(folder: string): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (entry.isFile()) yield path
  }
}

async function* readFileSource(path: string, maxBytes: number): AsyncGenerator<SourceDocument | InputFailure> {
  const name = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) {
      yield failure(name, 'is not a regular file')
      return
    }
    if (info.size > maxBytes && KIND_BY_EXTENSION[extname(name).toLowerCase()] === 'jsonl') {
      // a dump of many articles: the limit is per article (per line), so the file is streamed line by line
      yield* streamJsonLines(path, name, maxBytes)
      return
    }
    if (info.size > maxBytes) {
      yield failure(name, `is ${formatSize(info.size)}, larger than ${formatSize(maxBytes)}, the limit per file`)
      return
    }
    yield* documentsFromBytes(await readFile(path), name, maxBytes)
  } catch (error) {
    yield failure(name, describe(error))
  }
}

/** A JSON Lines file of any size, one line in memory at a time; a line over `maxBytes` is one failed article. */
async function* streamJsonLines(path: string, name: string, maxBytes: number): AsyncGenerator<SourceDocument | InputFailure> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  let number = 0
  for await (const raw of lines) {
    number++
    const line = (number === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim()
    if (!line) continue
    const lineName = `${name}#${number}`
    const size = Buffer.byteLength(line)
    if (size > maxBytes) {
      yield failure(lineName, `is ${formatSize(size)}, larger than ${formatSize(maxBytes)}, the limit per article`)
      continue
    }
    const result = parseLine(line, lineName)
    yield result.ok ? result.document : { name: result.name, error: result.error }
  }
}

async function* readOnePath(path: string, maxBytes: number): AsyncGenerator<SourceDocument | InputFailure> {
  if (path === '-') {
    try {
      yield* documentsFromBytes(await readStdin(maxBytes), 'stdin', maxBytes)
    } catch (error) {
      yield failure('stdin', describe(error))
    }
    return
  }
  let isFolder = false
  try {
    isFolder = (await stat(path)).isDirectory()
  } catch (error) {
    yield failure(path, describe(error))
    return
  }
  if (!isFolder) {
    yield* readFileSource(path, maxBytes)
    return
  }
  let found = 0
  try {
    for await (const file of filesUnder(path)) {
      found++
      yield* readFileSource(file, maxBytes)
    }
  } catch (error) {
    yield failure(path, describe(error))
  }
  if (found === 0) yield failure(path, 'folder holds no files')
}

/** Reads every path in order: a file, a folder (recursive, sorted, dotfiles skipped) or `-` for stdin. Never throws for a bad input. */
export async function* readSources(paths: string[], options: ReadOptions = {}): AsyncGenerator<SourceDocument | InputFailure> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  for (const path of paths) yield* readOnePath(path, maxBytes)
}
