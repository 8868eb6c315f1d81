import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderJson, renderText } from '../../src/eval/report.js'
import { evaluateDirectory } from '../../src/eval/run.js'
import type { Analyzer } from '../../src/eval/run.js'
import { analysis, entity } from './fixtures.js'

/** A stand-in analyzer: every capitalised word becomes an entity; a file containing FAIL throws. */
const capitalisedWords: Analyzer = async (articlePath) => {
  const text = await readFile(articlePath, 'utf8')
  if (text.includes('FAIL')) throw new Error('pipeline exploded')
  const names = [...new Set(text.match(/\b[A-Z][a-z]+\b/g) ?? [])]
  return analysis({ text, entities: names.map((name) => entity(name.toLowerCase(), name)) })
}

function gold(doc: string, entityNames: string[], keep: string[] = []) {
  return JSON.stringify({
    doc,
    published: null,
    keep,
    remove: [],
    entities: entityNames.map((name) => ({ names: [name], type: 'person' })),
    places: [],
    events: [],
    claims: [],
  })
}

describe('evaluateDirectory', () => {
  let root = ''
  let goldDir = ''
  let docsDir = ''
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'sitrep-eval-'))
    goldDir = path.join(root, 'gold')
    docsDir = path.join(root, 'docs')
    const { mkdir } = await import('node:fs/promises')
    await mkdir(goldDir)
    await mkdir(docsDir)
    await writeFile(path.join(goldDir, 'one.gold.json'), gold('one.txt', ['Amina', 'Bilal'], ['amina met bilal']))
    await writeFile(path.join(goldDir, 'two.gold.json'), gold('two.txt', ['Chand']))
    await writeFile(path.join(goldDir, 'three.gold.json'), gold('missing.txt', ['Dawood']))
    await writeFile(path.join(docsDir, 'one.txt'), 'Amina met Bilal and Zafar.')
    await writeFile(path.join(docsDir, 'two.txt'), 'FAIL Chand')
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('scores found articles and counts missing or failed ones as all-miss', async () => {
    const result = await evaluateDirectory(goldDir, { docsDir, analyze: capitalisedWords })
    expect(result.documents.map((d) => [d.gold, d.error === null])).toEqual([
      ['one.gold.json', true],
      ['three.gold.json', false],
      ['two.gold.json', false],
    ])
    expect(result.documents[1]!.error).toMatch(/article not found: .*missing\.txt/)
    expect(result.documents[2]!.error).toMatch(/pipeline exploded/)
    expect(result.totals.entities).toMatchObject({ tp: 2, fp: 1, fn: 2 })
    expect(result.totals.cleaning).toMatchObject({ keep: 1, keep_passed: 1, keep_total: 1 })
  })

  it('looks articles up beside the gold files by default', async () => {
    const result = await evaluateDirectory(goldDir, { analyze: capitalisedWords })
    expect(result.documents.every((d) => d.error?.startsWith('article not found'))).toBe(true)
  })

  it('refuses malformed gold before analyzing anything', async () => {
    const badDir = path.join(root, 'bad')
    const { mkdir } = await import('node:fs/promises')
    await mkdir(badDir)
    await writeFile(path.join(badDir, 'x.gold.json'), JSON.stringify({ doc: 'x.txt', published: null }))
    let analyzed = 0
    const counting: Analyzer = async (p, g) => {
      analyzed++
      return capitalisedWords(p, g)
    }
    await expect(evaluateDirectory(badDir, { analyze: counting })).rejects.toThrow(/x\.gold\.json: keep: expected a list/)
    expect(analyzed).toBe(0)
  })

  it('refuses a folder without gold files', async () => {
    await expect(evaluateDirectory(docsDir, { analyze: capitalisedWords })).rejects.toThrow(/no \*\.gold\.json files/)
  })

  it('renders a table, per-document rows, verbose misses and stable JSON', async () => {
    const result = await evaluateDirectory(goldDir, { docsDir, analyze: capitalisedWords })
    const text = renderText(result, { perDoc: true, verbose: true })
    expect(text).toMatch(/^entities\s+0\.667\s+0\.500\s+0\.571\s+2\s+1\s+2$/m)
    expect(text).toMatch(/^cleaning keep\s+1\.000\s+1\s+1$/m)
    expect(text).toMatch(/entities spurious \(system, unmatched\): 1\n\s+- Zafar/)
    expect(text).toMatch(/entities missed \(gold, unmatched\): 1\n\s+- Dawood/)
    expect(text).toMatch(/^one\s+1\.000/m)
    const json = JSON.parse(renderJson(result))
    expect(Object.keys(json)).toEqual(['documents', 'totals'])
    expect(Object.keys(json.totals)).toEqual([
      'cleaning',
      'entities',
      'places',
      'events',
      'claims',
      'event_actors',
      'event_actors_any',
      'event_targets',
      'event_targets_any',
      'event_fatalities',
    ])
    expect(json.totals.entities).toMatchObject({ tp: 2, fp: 1, fn: 2 })
    expect(json.totals.entities.f1).toBeCloseTo(4 / 7)
  })
})
