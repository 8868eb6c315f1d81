import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI, REPO_ROOT } from '../support/built-cli.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-ingest-cli-'))
const demo = path.join(REPO_ROOT, 'examples', 'demo')

beforeAll(() => buildCli())
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: root })
}

describe('sitrep ingest (compiled CLI, real analysis in worker threads)', () => {
  it('stores the demo articles, names the bad inputs, exits non-zero, and a re-run adds nothing', () => {
    const binary = path.join(root, 'photo.txt')
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]))
    const db = path.join(root, 'kb.db')
    const first = sitrep('ingest', demo, binary, path.join(root, 'missing.html'), '--db', db, '--jobs', '2')
    expect(first.status).toBe(1)
    expect(first.stderr).toMatch(/photo\.txt/)
    expect(first.stderr).toMatch(/missing\.html: no such file/)
    const added = Number(/(\d+) added/.exec(first.stderr)?.[1])
    expect(added).toBeGreaterThan(0)

    const again = sitrep('ingest', demo, '--db', db, '--jobs', '1')
    expect(again.status, again.stderr).toBe(0)
    expect(again.stderr).toMatch(/ 0 added, 0 replaced, \d+ unchanged, 0 failed/)
    expect(again.stderr).toContain(`store ${db}: ${added} articles`)
  })

  it('refuses a store path that is not a database, naming it, and leaves the file alone', () => {
    const notDb = path.join(root, 'notes.db')
    fs.writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200))
    const before = fs.readFileSync(notDb)
    const run = sitrep('ingest', demo, '--db', notDb, '--jobs', '1')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`cannot open store ${notDb}`)
    expect(fs.readFileSync(notDb)).toEqual(before)
    const folder = sitrep('ingest', demo, '--db', root)
    expect(folder.status).toBe(1)
    expect(folder.stderr).toContain('is a directory')
  })

  it('read commands refuse a missing store instead of creating one', () => {
    const run = sitrep('claims', '--db', path.join(root, 'nothing-here.db'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/no store at .*nothing-here\.db: run `sitrep ingest/)
    expect(fs.existsSync(path.join(root, 'nothing-here.db'))).toBe(false)
  })
})
