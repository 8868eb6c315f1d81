import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ENGINE_FLAGS } from '../../src/context/engine-flags.js'
import { buildCli, CLI, REPO_ROOT } from '../support/built-cli.js'

beforeAll(buildCli, 200_000)

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name))
}

describe('engine flags', () => {
  it('are on the CLI’s #! line, in source and in the build', () => {
    for (const file of [path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), CLI]) {
      const shebang = fs.readFileSync(file, 'utf8').split('\n')[0]!
      expect(shebang.startsWith('#!/usr/bin/env -S node ')).toBe(true)
      for (const flag of ENGINE_FLAGS) expect(shebang.split(' ')).toContain(flag)
    }
  })

  it('let the compiled CLI run as an executable, as npm’s bin link runs it', () => {
    expect(fs.statSync(CLI).mode & 0o111).not.toBe(0)
    const run = spawnSync(CLI, ['--version'], { encoding: 'utf8' })
    expect(run.error).toBeUndefined()
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('are never set at run time, where the regexp flag crashed processes', () => {
    const setters = sourceFiles(path.join(REPO_ROOT, 'src')).filter((file) => /setFlagsFromString\s*\(/.test(fs.readFileSync(file, 'utf8')))
    expect(setters).toEqual([])
  })

  it('are given to the npm scripts that run the analysis in process', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>
    for (const name of ['bench', 'bench:extraction', 'demo']) {
      for (const flag of ENGINE_FLAGS) expect(scripts[name]).toContain(`node ${flag} `)
    }
  })
})
