import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RunOptions } from '../context/run-context.js'
import type { Store } from '../store/open-store.js'
import { ingestPaths } from '../queue/ingest-run.js'
import { HttpError } from './http-error.js'

export interface UploadedFile {
  name: string
  content: string
  encoding?: 'utf8' | 'base64'
}

export interface UploadSummary {
  added: number
  replaced: number
  unchanged: number
  failed: number
  failures: { name: string; error: string }[]
  seconds: number
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Writes the uploads to a private temp folder and ingests it like `sitrep ingest`. Uploads run one
 * at a time: the store's writer is not meant for concurrent batches. Analysis runs on this thread,
 * so a large upload delays other requests while it lasts.
 */
export function ingestUploads(store: Store, files: UploadedFile[], options: RunOptions): Promise<UploadSummary> {
  const run = queue.then(() => ingestNow(store, files, options))
  queue = run.catch(() => undefined)
  return run
}

async function ingestNow(store: Store, files: UploadedFile[], options: RunOptions): Promise<UploadSummary> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sitrep-upload-'))
  try {
    const used = new Set<string>()
    for (const file of files) {
      const name = safeName(file.name, used)
      await fs.writeFile(path.join(dir, name), decode(file))
    }
    const summary = await ingestPaths(store, [dir], { jobs: 0, run: options })
    const strip = (text: string): string => text.split(`${dir}${path.sep}`).join('').split(dir).join('')
    return {
      added: summary.added,
      replaced: summary.replaced,
      unchanged: summary.unchanged,
      failed: summary.failed,
      failures: summary.failures.map((failure) => ({ name: strip(failure.name), error: strip(failure.error) })),
      seconds: summary.seconds,
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

function decode(file: UploadedFile): Buffer {
  if (file.encoding !== 'base64') return Buffer.from(file.content, 'utf8')
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(file.content)) throw new HttpError(400, `${file.name}: content is not valid base64`)
  return Buffer.from(file.content, 'base64')
}

/** A plain file name inside the temp folder: no directories, no hidden files, no clashes. */
function safeName(name: string, used: Set<string>): string {
  const base =
    path
      .basename(name.replace(/\\/g, '/'))
      .replace(/[^\w.\- ]+/g, '_')
      .replace(/^\.+/, '') || 'upload.txt'
  let candidate = base
  for (let i = 2; used.has(candidate); i++) candidate = `${i}-${base}`
  used.add(candidate)
  return candidate
}
