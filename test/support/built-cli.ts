import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js')

/**
 * Tests that spawn processes (kill -9, several workers) run the compiled CLI: worker threads and
 * child processes need JavaScript. This compiles the tree once; tsc still emits when files other
 * people are editing have type errors, so only a missing output is fatal.
 */
export function buildCli(): void {
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' })
  if (!fs.existsSync(CLI)) throw new Error(`building the CLI produced no ${CLI}`)
}
