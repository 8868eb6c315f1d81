/** `sitrep eval` end to end: the real CLI, the real pipeline, a tiny gold folder of our own. */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const viteNode = path.resolve('node_modules/.bin/vite-node')
const main = path.resolve('src/cli/main.ts')

async function sitrep(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(viteNode, [main, ...args], { maxBuffer: 1 << 24 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const article = [
  'Militants attack police post in Zhob',
  '',
  'ZHOB: Gunmen attacked a police post in Zhob district of Balochistan on Monday, officials said.',
  'The provincial government condemned the attack.',
].join('\n')

function gold(doc: string) {
  return {
    doc,
    published: '2025-03-05',
    keep: ['Gunmen attacked a police post in Zhob district'],
    remove: [],
    entities: [],
    places: [{ names: ['Zhob'], lat: 31.34, lon: 69.45, country: 'PK' }],
    events: [],
    claims: [],
  }
}

describe('sitrep eval', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'sitrep-eval-cli-'))
    await mkdir(path.join(root, 'good'))
    await mkdir(path.join(root, 'docs'))
    await mkdir(path.join(root, 'bad'))
    await writeFile(path.join(root, 'docs', 'zhob.txt'), article)
    await writeFile(path.join(root, 'good', 'zhob.gold.json'), JSON.stringify(gold('zhob.txt')))
    await writeFile(path.join(root, 'good', 'gone.gold.json'), JSON.stringify(gold('gone.txt')))
    await writeFile(path.join(root, 'bad', 'x.gold.json'), JSON.stringify({ ...gold('zhob.txt'), places: [{ names: 'Zhob' }] }))
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('prints JSON scores, counting a missing article as all-miss', async () => {
    const { code, stdout, stderr } = await sitrep('eval', path.join(root, 'good'), '--docs', path.join(root, 'docs'), '--json')
    expect(code).toBe(0)
    expect(stderr).toMatch(/gone\.gold\.json: article not found/)
    const result = JSON.parse(stdout)
    expect(result.documents.map((d: { gold: string }) => d.gold)).toEqual(['gone.gold.json', 'zhob.gold.json'])
    expect(result.totals.cleaning).toMatchObject({ keep_passed: 1, keep_total: 2 })
    expect(result.totals.places.fn).toBeGreaterThanOrEqual(1)
  })

  it('prints the table for people', async () => {
    const { code, stdout } = await sitrep('eval', path.join(root, 'good'), '--docs', path.join(root, 'docs'), '--per-doc')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^category\s+P\s+R\s+F1\s+tp\s+fp\s+fn$/m)
    expect(stdout).toMatch(/^gone\s.*no record$/m)
  })

  it('fails with the file and field on malformed gold', async () => {
    const { code, stderr } = await sitrep('eval', path.join(root, 'bad'))
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/x\.gold\.json: places\[0\]\.names: expected a list/)
  })

  it('fails on a usage error', async () => {
    const { code, stderr } = await sitrep('eval')
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/missing required argument/)
  })
})
