import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINE_FLAGS } from '../../src/context/engine-flags.js'
import { buildCli, CLI, REPO_ROOT } from '../support/built-cli.js'

/**
 * The prebuilt `sitrep analyze` (dist/cli/analyze.bundle.cjs, src/cli/build-bundle.ts) in a private copy of the
 * build: this file builds and touches its own bundle, so no other test file's CLI changes under it.
 */
const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-bundle-'))
const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js')
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'analyze.bundle.cjs')
const DEMO = path.join(REPO_ROOT, 'examples', 'demo')
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures')
const INPUTS = [
  path.join(DEMO, '01-bannu-checkpost.txt'),
  path.join(DEMO, '06-iran-border.jsonl'),
  path.join(FIXTURES, 'clean', 'page-with-scripts.html'),
  path.join(FIXTURES, 'ingest', 'notes.md'),
  path.join(FIXTURES, 'ingest', 'feed.rss'),
]

beforeAll(() => {
  buildCli()
  fs.cpSync(path.join(path.dirname(CLI), '..'), path.join(ROOT, 'dist'), { recursive: true })
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (entry !== 'dist') fs.symlinkSync(path.join(REPO_ROOT, entry), path.join(ROOT, entry))
  }
  const build = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'build-bundle.js')], { encoding: 'utf8' })
  expect(build.stderr).toBe('')
  expect(build.status).toBe(0)
}, 240_000)
afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }))

function analyze(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string; bundle: string } {
  const run = spawnSync(process.execPath, [...ENGINE_FLAGS, MAIN, 'analyze', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SITREP_NO_BUNDLE: '', ...env, SITREP_TRACE_BUNDLE: '1' },
  })
  const trace = /^sitrep: analyze bundle (.*)\n/m.exec(run.stderr)
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(trace?.[0] ?? '', ''), bundle: trace?.[1] ?? 'no trace' }
}

describe('the analyze bundle', () => {
  it('is used, and gives the same records, summaries and errors as the modules', () => {
    for (const args of [
      ['--json', ...INPUTS],
      ['--explain', path.join(DEMO, '02-kabul-iskp-claim.txt')],
      [path.join(ROOT, 'missing.txt')],
      ['--help'],
    ]) {
      const bundled = analyze(args)
      const modules = analyze(args, { SITREP_NO_BUNDLE: '1' })
      expect(bundled.bundle).toBe('used')
      expect(modules.bundle).toBe('SITREP_NO_BUNDLE=1')
      expect(bundled.stdout).toBe(modules.stdout)
      expect(bundled.stderr).toBe(modules.stderr)
      expect(bundled.status).toBe(modules.status)
    }
    const records = JSON.parse(analyze(['--json', ...INPUTS]).stdout) as Array<{ entities: unknown[] }>
    expect(records).toHaveLength(INPUTS.length + 2) // the JSON Lines file holds three articles
    expect(records[0]!.entities.length).toBeGreaterThan(0)
  })

  it('holds chrono and its English constants, and leaves the JSON models and the HTML, Markdown, feed and YAML readers outside', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'cli', 'analyze.bundle.json'), 'utf8')) as {
      inputs: Record<string, unknown>
    }
    const inputs = Object.keys(manifest.inputs)
    // node_modules is a link in this copy: packages are listed by their real path
    expect(inputs.some((input) => input.endsWith('node_modules/chrono-node/dist/cjs/locales/en/constants.js'))).toBe(true)
    expect(inputs).toContain('dist/cli/analyze-entry.js')
    expect(inputs).toContain('dist/cli/analyze.bundle.cjs')
    expect(
      inputs.filter((input) => /\.json$|node_modules\/(htmlparser2|marked|yaml|fast-xml-parser|kysely|better-sqlite3|pg)\//.test(input)),
    ).toEqual([])
    expect(fs.readFileSync(BUNDLE, 'utf8')).not.toMatch(/createRequire\([^)]*\)\(["']chrono-node/)
  })

  it('keeps a V8 code cache per set of engine flags, written by the run that found none', () => {
    const caches = () => fs.readdirSync(path.dirname(BUNDLE)).filter((name) => name.endsWith('.cache'))
    expect(caches()).toHaveLength(1) // the build's warming run, with the #! line's flags
    const plain = spawnSync(process.execPath, [MAIN, 'analyze', '--json', INPUTS[0]!], { encoding: 'utf8' })
    expect(plain.status).toBe(0)
    expect(caches()).toHaveLength(2)
    expect(plain.stdout).toBe(analyze(['--json', INPUTS[0]!]).stdout)
  })

  it('is not used once a module it was built from changes, nor once the bundle itself does, until it is rebuilt', () => {
    const module = path.join(ROOT, 'dist', 'extract', 'events.js')
    const reference = analyze(['--json', INPUTS[0]!], { SITREP_NO_BUNDLE: '1' })
    const { mtime } = fs.statSync(module)
    fs.utimesSync(module, new Date(), new Date(mtime.getTime() + 5_000))
    const stale = analyze(['--json', INPUTS[0]!])
    expect(stale.bundle).toBe('stale (dist/extract/events.js)')
    expect(stale.stdout).toBe(reference.stdout)
    const rebuild = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'build-bundle.js')], { encoding: 'utf8' })
    expect(rebuild.status).toBe(0)
    expect(analyze(['--json', INPUTS[0]!]).bundle).toBe('used')
    fs.appendFileSync(BUNDLE, '\n')
    const edited = analyze(['--json', INPUTS[0]!])
    expect(edited.bundle).toBe('stale (dist/cli/analyze.bundle.cjs)')
    expect(edited.stdout).toBe(reference.stdout)
  })

  it('is not loaded by the other commands, which run from the modules', () => {
    const help = spawnSync(process.execPath, [...ENGINE_FLAGS, MAIN, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, SITREP_TRACE_BUNDLE: '1' },
    })
    expect(help.status).toBe(0)
    expect(help.stderr).toBe('sitrep: analyze bundle not analyze\n')
    expect(help.stdout).toMatch(/^ {2}ingest /m)
  })
})
