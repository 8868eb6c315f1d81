import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI } from '../support/built-cli.js'

const ARTICLE = [
  'Pakistan says militants use Afghan havens',
  '',
  'Pakistani officials said on Tuesday that TTP fighters were operating from Afghanistan.',
  '',
  'Zabihullah Mujahid said the group had no presence in Afghanistan.',
  '',
  'Police arrested two suspects in Quetta later that day.',
].join('\n')

describe('sitrep analyze --explain', () => {
  let dir: string
  let file: string
  beforeAll(() => {
    buildCli()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-explain-'))
    file = path.join(dir, 'havens.txt')
    fs.writeFileSync(file, ARTICLE)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'analyze', file, '--date', '2026-02-10', ...args], { encoding: 'utf8' })

  it('prints each item with its evidence and the stage and rule behind it', () => {
    const { stdout, status } = run('--explain')
    expect(status).toBe(0)
    const lines = stdout.split('\n')
    const entry = (label: string) => {
      const at = lines.findIndex((l) => l.startsWith(label))
      expect(at, `no line starting with ${label}`).toBeGreaterThanOrEqual(0)
      return lines[at + 1]!.trim()
    }
    expect(lines[0]).toBe('── havens.txt')
    expect(entry('entity Tehreek-e-Taliban Pakistan [armed_group, actor:ttp]')).toBe('via recognize/kb-alias  «TTP»')
    expect(entry('entity Taliban [government, actor:taliban]')).toBe('via extract/spokesperson-body  (not named in the text)')
    expect(entry('place  Quetta [city,')).toBe('via recognize/gazetteer-ranked  «Quetta»')
    expect(entry('event  COERCE/arrest')).toBe('via extract/trigger  «Police arrested two suspects in Quetta later that day.»')
    expect(entry('claim  Taliban denies: Tehreek-e-Taliban Pakistan present_in Afghanistan')).toBe(
      'via extract/attribution  «Zabihullah Mujahid said the group had no presence in Afghanistan.»',
    )
  })

  it('leaves the via in the JSON record', () => {
    const record = JSON.parse(run('--json').stdout) as { claims: { claimant: string; stance: string; via: unknown }[] }
    expect(record.claims.find((c) => c.claimant === 'actor:taliban')?.via).toEqual({ stage: 'extract', rule: 'attribution' })
  })
})
