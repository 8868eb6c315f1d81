import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js')

/** A build older than this belongs to an earlier test run. */
const STALE_MS = 15 * 60_000

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Tests that spawn processes (kill -9, several workers) run the compiled CLI: worker threads and
 * child processes need JavaScript. The tree is compiled once per test run — test files run in
 * parallel forks of one vitest process, and a second compile rewriting dist/ under a running CLI
 * breaks it — so the first file to get here compiles while the others wait (synchronously, so
 * callers need not await). tsc still emits when files other people are editing have type errors,
 * so only a missing output is fatal.
 */
export function buildCli(): void {
  const marker = path.join(os.tmpdir(), `sitrep-test-build-${process.ppid}`)
  const done = path.join(marker, 'done')
  if (fs.existsSync(done) && Date.now() - fs.statSync(done).mtimeMs > STALE_MS) fs.rmSync(marker, { recursive: true, force: true })
  let builder = false
  try {
    fs.mkdirSync(marker)
    builder = true
  } catch {
    // Another test file of this run is compiling, or has compiled.
  }
  if (builder) {
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' })
    fs.writeFileSync(done, new Date().toISOString())
  } else {
    const deadline = Date.now() + 180_000
    while (!fs.existsSync(done)) {
      if (Date.now() > deadline) throw new Error(`waited 3 minutes for another test file to compile the CLI (${marker})`)
      sleepSync(200)
    }
  }
  if (!fs.existsSync(CLI)) throw new Error(`building the CLI produced no ${CLI}`)
}
