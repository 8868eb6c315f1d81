import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GoldFormatError, listGoldFiles, loadGold, parseGold } from '../../src/eval/gold.js'

const valid = {
  doc: 'a.txt',
  published: '2025-03-05',
  keep: ['kept'],
  remove: [],
  entities: [{ names: ['ISKP'], type: 'armed_group' }],
  places: [{ names: ['Mastung'], lat: 29.8, lon: 66.85, country: 'PK', kind: 'admin2' }],
  events: [
    { type: 'ASSAULT', place: ['Mastung'], actors: [['ISKP']], targets: [], fatalities: 3, date: ['2025-03-01', '2025-03-02'], note: 'x' },
    { type: 'REJECT', place: null, actors: [], targets: [], fatalities: null, date: null },
  ],
  claims: [{ claimant: ['Taliban'], stance: 'asserts', subject: ['ISKP'], relation: 'present_in', object: ['Mastung'] }],
}

function withChange(change: (gold: Record<string, any>) => void): unknown {
  const copy = structuredClone(valid) as Record<string, any>
  change(copy)
  return copy
}

describe('parseGold', () => {
  it('accepts a well-formed gold file', () => {
    const gold = parseGold(valid, 'x.gold.json')
    expect(gold.events[0]!.date).toEqual(['2025-03-01', '2025-03-02'])
    expect(gold.places[0]!.kind).toBe('admin2')
  })

  it.each([
    ['doc', (g: any) => delete g.doc, 'doc'],
    ['published', (g: any) => (g.published = '5 March 2025'), 'published'],
    ['entity names', (g: any) => (g.entities[0].names = []), 'entities[0].names'],
    ['entity type', (g: any) => (g.entities[0].type = 'militia'), 'entities[0].type'],
    ['place lat', (g: any) => (g.places[0].lat = '29.8'), 'places[0].lat'],
    ['event type', (g: any) => (g.events[0].type = 'ATTACK'), 'events[0].type'],
    ['event actors', (g: any) => (g.events[0].actors = ['ISKP']), 'events[0].actors[0]'],
    ['event date', (g: any) => (g.events[0].date = ['2025-03-01']), 'events[0].date'],
    ['reversed event date', (g: any) => (g.events[0].date = ['2025-03-05', '2025-03-01']), 'events[0].date'],
    ['claim relation', (g: any) => (g.claims[0].relation = 'funds'), 'claims[0].relation'],
    ['claim stance', (g: any) => (g.claims[0].stance = 'alleges'), 'claims[0].stance'],
    ['keep', (g: any) => (g.keep = 'kept'), 'keep'],
  ])('names the file and the field when %s is malformed', (_, change, field) => {
    const attempt = () => parseGold(withChange(change), 'bad.gold.json')
    expect(attempt).toThrow(GoldFormatError)
    expect(attempt).toThrow(`bad.gold.json: ${field}:`)
  })

  it('rejects a root that is not an object', () => {
    expect(() => parseGold([], 'list.gold.json')).toThrow('list.gold.json: (root): expected an object')
  })
})

describe('loadGold and listGoldFiles', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sitrep-gold-'))
    await writeFile(path.join(dir, 'b.gold.json'), JSON.stringify(valid))
    await writeFile(path.join(dir, 'a.gold.json'), '{ "doc": ')
    await writeFile(path.join(dir, 'notes.json'), '{}')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('lists only gold files, sorted', async () => {
    expect((await listGoldFiles(dir)).map((file) => path.basename(file))).toEqual(['a.gold.json', 'b.gold.json'])
  })

  it('reports broken JSON with the file name', async () => {
    await expect(loadGold(path.join(dir, 'a.gold.json'))).rejects.toThrow(/a\.gold\.json: \(file\): not valid JSON/)
  })

  it('reports a missing file', async () => {
    await expect(loadGold(path.join(dir, 'none.gold.json'))).rejects.toThrow(/none\.gold\.json.*ENOENT/)
  })
})

describe('the shared gold files', () => {
  const folders = ['../shared/gold', '../shared/dev/gold'].filter((folder) => existsSync(folder))
  it.runIf(folders.length > 0)('all load without errors', async () => {
    for (const folder of folders) {
      for (const file of await listGoldFiles(folder)) await expect(loadGold(file)).resolves.toBeTruthy()
    }
  })
})
