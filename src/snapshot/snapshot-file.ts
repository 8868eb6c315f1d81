import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'

/**
 * Prebuilt resources (the gazetteer index, the knowledge base with its alias trie) written by `npm run build`
 * into dist/snapshot/ and read back with v8.deserialize instead of re-deriving them from data/ at every start.
 * data/ stays the source of truth: a snapshot records the size and modification time of every file it was
 * derived from (data files by size and modification time, the code that derives them by content) and is ignored
 * as soon as one of them differs.
 */

/** Bumped whenever the layout of a snapshot changes. */
const FORMAT = 1

export const SNAPSHOT_DIR = fileURLToPath(new URL('../../dist/snapshot/', import.meta.url))
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A file is: 4 bytes giving the header's length, the header (JSON: format and inputs), the v8-serialized payload. */
interface SnapshotHeader {
  format: number
  inputs: string
}

/** data/ folders every snapshot depends on, and the compiled modules that turn them into the indexes. */
const DATA_FOLDERS = ['data/gazetteer', 'data/kb', 'data/lexicon']
const CODE_FILES = [
  'gazetteer/gazetteer.js',
  'text/normalize.js',
  'gazetteer/snapshot.js',
  'kb/load-kb.js',
  'recognize/actor-index.js',
  'recognize/name-trie.js',
  'recognize/match-keys.js',
  'lexicon/load.js',
  'lexicon/files.js',
  'lexicon/schema.js',
  'nlp/nlp-doc.js',
  'snapshot/snapshot-file.js',
  'snapshot/actor-snapshot.js',
  'extract/pattern-anchors.js',
  'extract/relations.js',
]

/**
 * The identity of the inputs. Under vitest the modules are .ts sources, the .js files are missing and there is no
 * fingerprint, so tests always derive from data/.
 */
let fingerprint: string | null | undefined

/** The fingerprint, computed once per process (snapshots are read at start-up, and data does not change under it). */
export function inputsFingerprint(): string | null {
  fingerprint ??= computeFingerprint()
  return fingerprint
}

function computeFingerprint(): string | null {
  const parts: string[] = []
  try {
    for (const folder of DATA_FOLDERS) {
      for (const name of readdirSync(join(PACKAGE_ROOT, folder)).sort()) parts.push(describe(join(folder, name)))
    }
    const code = createHash('sha256')
    for (const file of CODE_FILES) code.update(readFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url))))
    parts.push(`code ${code.digest('hex')}`)
  } catch {
    return null
  }
  return parts.join('\n')
}

function describe(path: string): string {
  const stat = statSync(join(PACKAGE_ROOT, path))
  return `${path} ${stat.size} ${Math.round(stat.mtimeMs)}`
}

export function snapshotsDisabled(): boolean {
  return process.env['SITREP_NO_SNAPSHOT'] === '1'
}

/** The payload of dist/snapshot/NAME.v8 when it was built from the inputs as they are now, else undefined. */
export function readSnapshot<T>(name: string, fingerprint: string | null = inputsFingerprint(), dir = SNAPSHOT_DIR): T | undefined {
  if (snapshotsDisabled() || fingerprint === null) return undefined
  let fd: number
  try {
    fd = openSync(join(dir, `${name}.v8`), 'r')
  } catch {
    return undefined
  }
  try {
    // The header first: a stale snapshot is left without reading its payload.
    const length = Buffer.alloc(4)
    if (readSync(fd, length, 0, 4, 0) !== 4) return undefined
    const headerBytes = Buffer.alloc(length.readUInt32LE(0))
    readSync(fd, headerBytes, 0, headerBytes.length, 4)
    const header = JSON.parse(headerBytes.toString('utf8')) as SnapshotHeader
    if (header.format !== FORMAT || header.inputs !== fingerprint) return undefined
    const size = statSync(join(dir, `${name}.v8`)).size - 4 - headerBytes.length
    const payload = Buffer.allocUnsafe(size)
    if (readSync(fd, payload, 0, size, 4 + headerBytes.length) !== size) return undefined
    return v8.deserialize(payload) as T
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

export function writeSnapshot<T>(name: string, payload: T, fingerprint: string, dir = SNAPSHOT_DIR): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.v8`)
  const header = Buffer.from(JSON.stringify({ format: FORMAT, inputs: fingerprint } satisfies SnapshotHeader), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length, 0)
  // Written aside and renamed, so a process starting during the build never reads half a file.
  writeFileSync(`${path}.tmp`, Buffer.concat([length, header, v8.serialize(payload)]))
  renameSync(`${path}.tmp`, path)
  return path
}
