import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'

/**
 * The prebuilt `sitrep analyze` (src/cli/build-bundle.ts, the last step of `npm run build`): one CommonJS file
 * holding analyze-entry.ts with every module and package it loads, compiled with a V8 code cache beside it, so a
 * run neither resolves and links ~100 ES modules nor compiles their functions again. The bundle is a derived
 * file: it is used only while every file it was built from has the size and modification time it had then
 * (a rebuilt module, an edited source compiled with tsc, a reinstalled package make it stale and the CLI loads
 * its modules as before), never with SITREP_NO_BUNDLE=1, and never when the CLI runs from its sources.
 */
export const BUNDLE_FILE = 'analyze.bundle.cjs'
export const MANIFEST_FILE = 'analyze.bundle.json'

export interface BundleManifest {
  version: 1
  /** Every input of the bundle (and the bundle itself), by path from the package root: [size, mtimeMs]. */
  inputs: Record<string, [number, number]>
}

export interface AnalyzeBundle {
  runAnalyze(argv: readonly string[]): Promise<void>
  /** Writes the code cache when there was none for this V8 and these flags, or V8 rejected it; best effort. */
  saveCodeCache(): void
}

export type BundleState = { used: AnalyzeBundle } | { skipped: string }

const CLI_DIR = dirname(fileURLToPath(import.meta.url))

/** The bundle in `cliDir` (dist/cli) if it is there and fresh, or why it is not used. */
export function loadAnalyzeBundle(cliDir: string = CLI_DIR): BundleState {
  if (process.env.SITREP_NO_BUNDLE === '1') return { skipped: 'SITREP_NO_BUNDLE=1' }
  const root = join(cliDir, '..', '..')
  let manifest: BundleManifest
  try {
    manifest = JSON.parse(readFileSync(join(cliDir, MANIFEST_FILE), 'utf8')) as BundleManifest
  } catch {
    return { skipped: 'no bundle' }
  }
  const stale = staleInput(root, manifest)
  if (stale !== null) return { skipped: `stale (${stale})` }
  const file = join(cliDir, BUNDLE_FILE)
  const source = readFileSync(file, 'utf8')
  const cacheFile = codeCacheFile(file)
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData })
  const module = { exports: {} as { runAnalyze?: AnalyzeBundle['runAnalyze'] } }
  ;(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, cliDir)
  const runAnalyze = module.exports.runAnalyze
  if (typeof runAnalyze !== 'function') return { skipped: 'bundle exports no runAnalyze' }
  const needsCache = cachedData === undefined || script.cachedDataRejected === true
  return {
    used: {
      runAnalyze,
      saveCodeCache() {
        if (needsCache) writeAtomically(cacheFile, script.createCachedData())
      },
    },
  }
}

/** The first input whose size or modification time differs from the manifest's, or null. */
function staleInput(root: string, manifest: BundleManifest): string | null {
  if (manifest.version !== 1 || typeof manifest.inputs !== 'object') return 'manifest'
  for (const [path, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
    const stat = statSync(join(root, path), { throwIfNoEntry: false })
    if (stat === undefined || stat.size !== size || stat.mtimeMs !== mtimeMs) return path
  }
  return null
}

/**
 * The code cache's file for this Node and these V8 flags (V8 rejects a cache made by another version or with other
 * flags, so `node dist/cli/main.js` without the #! line's flag, or with NODE_OPTIONS, keeps a cache of its own).
 */
export function codeCacheFile(bundleFile: string, execArgv: readonly string[] = process.execArgv): string {
  const text = `${process.version}\0${process.env.NODE_OPTIONS ?? ''}\0${execArgv.join('\0')}`
  let hash = 0x811c9dc5
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193)
  return `${bundleFile}.${(hash >>> 0).toString(16).padStart(8, '0')}.cache`
}

function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, data)
    renameSync(temporary, file)
  } catch {
    // A read-only installation runs without a cache.
    try {
      unlinkSync(temporary)
    } catch {}
  }
}
