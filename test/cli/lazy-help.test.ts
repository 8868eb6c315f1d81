import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/built-cli.js'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-lazy-help-'))
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

/** Runs the CLI from source with a module hook that lists every project file the process loads. */
function loadedModules(args: string[]): { status: number | null; stdout: string; modules: string[]; packages: string[] } {
  const hooks = path.join(folder, 'hooks.mjs')
  fs.writeFileSync(
    hooks,
    "export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('LOAD ' + url + '\\n'); return next(url, context) }\n",
  )
  const register = path.join(folder, 'register.mjs')
  fs.writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', register, 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
  const root = pathToFileURL(REPO_ROOT).href
  const modules = result.stderr
    .split('\n')
    .filter((line) => line.startsWith(`LOAD ${root}src/`))
    .map((line) => line.slice(`LOAD ${root}`.length))
  const packages = [
    ...new Set(Array.from(result.stderr.matchAll(/^LOAD file:.*?\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm), (match) => match[1]!)),
  ]
  return { status: result.status, stdout: result.stdout, modules, packages }
}

describe('sitrep --help', () => {
  it('lists every command, as does a misspelt command (with a suggestion)', () => {
    const help = loadedModules(['--help'])
    const names = [...help.stdout.matchAll(/^ {2}(\w+) /gm)].map((match) => match[1])
    expect(names).toEqual(
      expect.arrayContaining([
        'analyze',
        'eval',
        'ingest',
        'claims',
        'events',
        'entity',
        'search',
        'worker',
        'serve',
        'export',
        'kb',
        'reanalyze',
        'source',
      ]),
    )
    const typo = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyse'], { cwd: REPO_ROOT, encoding: 'utf8' })
    expect(typo.status).not.toBe(0)
    expect(typo.stderr).toMatch(/Did you mean analyze\?/)
  })

  it('lists the commands without loading the analysis pipeline', () => {
    const run = loadedModules(['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/analyze \[options\] <files\.\.\.>/)
    expect(run.modules).toContain('src/cli/main.ts')
    expect(run.modules.filter((file) => /^src\/(pipeline|nlp|recognize|extract|clean)\//.test(file))).toEqual([])
  })

  it('declares the store, export and knowledge commands without loading what their actions use', () => {
    const run = loadedModules(['--help'])
    expect(run.status).toBe(0)
    // the migrations (kysely), the read layer, the exporters, the grades repository and the YAML knowledge reader
    const heavy = /^src\/(store\/(migrations|read|apply)\/|store\/grades-repo\.ts$|export\/index\.ts$|kb\/custom-kb\.ts$)/
    expect(run.modules.filter((file) => heavy.test(file))).toEqual([])
  })

  it('shows one command with its shared options, still without the pipeline', () => {
    const run = loadedModules(['ingest', '--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/--kb <dir>/)
    expect(run.modules.filter((file) => file.startsWith('src/pipeline/'))).toEqual([])
  })
})

describe('sitrep analyze on a plain-text article', () => {
  it('loads neither the HTML and Markdown parsers nor the YAML reader, which only other inputs need', () => {
    const article = path.join(folder, 'article.txt')
    fs.writeFileSync(article, 'PESHAWAR: Police said on Monday that two suspects were arrested in Peshawar after a raid.\n')
    const run = loadedModules(['analyze', article])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/Peshawar/)
    // the pipeline's own packages do load (the hook sees packages), the three deferred ones do not
    expect(run.packages).toContain('wink-nlp')
    expect(run.packages.filter((name) => ['htmlparser2', 'marked', 'yaml'].includes(name))).toEqual([])
    // the command it names is the only one declared
    expect(run.modules.filter((file) => file.startsWith('src/cli/commands/'))).toEqual([
      'src/cli/commands/index.ts',
      'src/cli/commands/analyze.ts',
    ])
  })
})
