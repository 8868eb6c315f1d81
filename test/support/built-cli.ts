import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** This test run's private copy of the build (see buildCli), with the repository's data beside it. */
const SNAPSHOT_ROOT = path.join(os.tmpdir(), `sitrep-test-cli-${process.ppid}`)
export const CLI = path.join(SNAPSHOT_ROOT, 'dist', 'cli', 'main.js')

/** A build older than this belongs to an earlier test run. */
const STALE_MS = 15 * 60_000

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Tests that spawn processes (kill -9, several workers) run the compiled CLI: worker threads and
 * child processes need JavaScript. The tree is compiled once per test run — test files run in
 * parallel forks of one vitest process — by the first file to get here while the others wait
 * (synchronously, so callers need not await). The output is copied to a private folder, so a
 * rebuild of dist/ during the run (a later edit, another checkout user) cannot change the program
 * between a reference run and the run compared with it. tsc still emits when files other people
 * are editing have type errors, so only a missing output is fatal.
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
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
    // As `npm run build` does: an executable CLI (its #! line carries the engine flags), then the prebuilt knowledge-base and gazetteer snapshots the CLI starts from.
    fs.chmodSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'), 0o755)
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'snapshot', 'build-snapshots.js')], { cwd: REPO_ROOT, encoding: 'utf8' })
    snapshotBuild()
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

/** dist/ copied, everything else in the repository linked (package.json for ESM, node_modules, data/, web/…), so paths relative to dist/ resolve. */
function snapshotBuild(): void {
  fs.rmSync(SNAPSHOT_ROOT, { recursive: true, force: true })
  fs.mkdirSync(SNAPSHOT_ROOT, { recursive: true })
  fs.cpSync(path.join(REPO_ROOT, 'dist'), path.join(SNAPSHOT_ROOT, 'dist'), { recursive: true })
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (entry !== 'dist') fs.symlinkSync(path.join(REPO_ROOT, entry), path.join(SNAPSHOT_ROOT, entry))
  }
}
