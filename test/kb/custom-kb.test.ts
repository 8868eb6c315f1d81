import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorIdsNamed, formatProblem, loadCustomKnowledge, readCustomKnowledge } from '../../src/kb/custom-kb.js'
import { KnowledgeBaseError, loadKnowledgeBase } from '../../src/kb/load-kb.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { PLACE_KINDS } from '../../src/record/record.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-custom-kb-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
const base = loadKnowledgeBase()

/** A knowledge folder with these files (name → text). */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name)
  fs.mkdirSync(dir, { recursive: true })
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text)
  return dir
}

const GOOD_ACTORS = `
- id: actor:sable-crescent
  name: Sable Crescent
  type: armed_group
  country: AF
  aliases: [Sable Crescent Movement, SCM]
- id: actor:sable-crescent-media
  name: Crescent Voice
  type: media
  country: AF
  aliases: []
  parent: actor:sable-crescent
- id: actor:ttp
  aliases: [Tehreek-e-Taliban Pak]
`

describe('the analyst’s knowledge folder', () => {
  it('adds actors and places, extends a base actor, and keeps the base untouched', () => {
    const dir = folder('good', {
      'actors.yaml': GOOD_ACTORS,
      'places.json': JSON.stringify({
        places: [
          {
            id: 'sitrep:af-ghar-valley',
            name: 'Ghar Valley',
            kind: 'feature',
            country: 'AF',
            admin1: 'Kunar',
            lat: 34.9,
            lon: 71.1,
            altNames: ['Ghar Dara'],
          },
        ],
      }),
      'README.md': 'not a knowledge file, ignored',
    })
    const custom = loadCustomKnowledge(dir, base)
    expect(custom.files).toEqual(['actors.yaml', 'places.json'])
    expect(custom.added).toEqual(['actor:sable-crescent', 'actor:sable-crescent-media'])
    expect(custom.extended).toEqual(['actor:ttp'])
    const ttp = custom.kb.byId.get('actor:ttp')!
    expect(ttp.name).toBe(base.byId.get('actor:ttp')!.name)
    expect(ttp.aliases).toEqual([...base.byId.get('actor:ttp')!.aliases, 'Tehreek-e-Taliban Pak'])
    expect(base.byId.get('actor:ttp')!.aliases).not.toContain('Tehreek-e-Taliban Pak')
    expect(custom.kb.actors.length).toBe(base.actors.length + 2)
    expect(custom.places.map((p) => p.id)).toEqual(['sitrep:af-ghar-valley'])
    expect(actorIdsNamed(custom.kb, 'sable crescent movement')).toEqual(['actor:sable-crescent'])
    expect(actorIdsNamed(custom.kb, 'SCM')).toEqual(['actor:sable-crescent'])
  })

  it('merge: replace swaps the whole base record', () => {
    const dir = folder('replace', {
      'over.yml':
        'actors:\n  - id: actor:ttp\n    merge: replace\n    name: TTP proper\n    type: armed_group\n    country: PK\n    aliases: [TTP]\n',
    })
    const custom = loadCustomKnowledge(dir, base)
    expect(custom.replaced).toEqual(['actor:ttp'])
    expect(custom.kb.byId.get('actor:ttp')).toEqual({
      id: 'actor:ttp',
      name: 'TTP proper',
      type: 'armed_group',
      country: 'PK',
      aliases: ['TTP'],
    })
  })

  it('names the file, the record and the field of every mistake, and stops nothing at the first', () => {
    const dir = folder('bad', {
      'actors.yaml': `
- id: actor:sable-crescent
  name: Sable Crescent
  type: militia
  country: AFG
  aliases: [Sable Crescent]
- id: actor:night-riders
  name: Night Riders
  type: armed_group
  country: PK
  aliases: [TTP]
- id: actor:lone-wing
  name: Lone Wing
  type: armed_group
  country: PK
  aliases: []
  parent: actor:nowhere
  nickname: lw
- id: NotAnId
  name: x
- id: actor:ttp
  merge: sometimes
`,
      'broken.yaml': 'actors:\n  - id: [unclosed\n',
      'places.json': JSON.stringify({
        places: [{ id: 'sitrep:somewhere', name: 'Somewhere', kind: 'village', country: 'PK', admin1: null, lat: 30, lon: 70 }],
        people: [],
      }),
    })
    const custom = readCustomKnowledge(dir, base)
    const lines = custom.problems.map(formatProblem)
    const file = path.join(dir, 'actors.yaml')
    expect(lines).toEqual(
      expect.arrayContaining([
        `${file}: record 1 (actor:sable-crescent): field "type": "militia" is not one of armed_group, state, government, security_force, political_party, international_org, organization, media, person`,
        `${file}: record 1 (actor:sable-crescent): field "country": "AFG" must be an ISO 3166-1 alpha-2 code or null`,
        expect.stringMatching(
          new RegExp(
            `^${escapeRegExp(file)}: record 2 \\(actor:night-riders\\): field "aliases": name "ttp" is shared with actor:ttp; list it in ambiguous.json`,
          ),
        ),
        `${file}: record 3 (actor:lone-wing): field "nickname": unknown field (known: id, name, type, country, aliases, parent, roles, metonyms, from, to, wikidata, description)`,
        `${file}: record 4 (NotAnId): field "id": "NotAnId" must look like "actor:slug" (lowercase, digits, hyphens)`,
        `${file}: record 5 (actor:ttp): field "merge": "sometimes" is not one of extend, replace`,
        expect.stringMatching(new RegExp(`^${escapeRegExp(path.join(dir, 'broken.yaml'))}: not valid YAML`)),
        `${path.join(dir, 'places.json')}: unknown section "people" (expected actors, ambiguous, places)`,
        `${path.join(dir, 'places.json')}: record 1 (sitrep:somewhere): field "kind": must be one of ${PLACE_KINDS.join('|')}`,
      ]),
    )
    // a record that fails its own checks is left out, so its parent is not reported as well; a valid one pointing nowhere is
    const fixed = folder('bad-parent', {
      'a.json': JSON.stringify([
        { id: 'actor:lone-wing', name: 'Lone Wing', type: 'armed_group', country: 'PK', aliases: [], parent: 'actor:nowhere' },
      ]),
    })
    expect(readCustomKnowledge(fixed, base).problems.map(formatProblem)).toEqual([
      `${path.join(fixed, 'a.json')}: record 1 (actor:lone-wing): field "parent": actor:nowhere is not a known actor id`,
    ])
    expect(() => loadCustomKnowledge(dir, base)).toThrowError(KnowledgeBaseError)
    expect(() => loadCustomKnowledge(dir, base)).toThrowError(/problems in the knowledge folder:\n {2}.*actors\.yaml: record 1/)
  })

  it('a missing folder or one without knowledge files is an error naming it', () => {
    expect(() => readCustomKnowledge(path.join(root, 'absent'), base)).toThrowError(/absent: cannot read knowledge folder/)
    const empty = folder('empty', { 'notes.txt': 'nothing' })
    expect(() => readCustomKnowledge(empty, base)).toThrowError(/no knowledge files/)
  })
})

describe('sitrep kb check (compiled CLI)', () => {
  beforeAll(() => buildCli())
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'kb', 'check', ...args], { encoding: 'utf8' })

  it('exits 0 on a good folder and says what it adds', () => {
    const result = run(folder('cli-good', { 'actors.yaml': GOOD_ACTORS }))
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/1 file: 2 new actors, 1 extended, 0 replaced, 0 ambiguous names, 0 places — ok/)
  })

  it('exits 1 on a folder with mistakes, one line per problem on stderr', () => {
    const dir = folder('cli-bad', {
      'actors.json': JSON.stringify([{ id: 'actor:foo', name: 'Foo', type: 'gang', country: 'PK', aliases: [] }]),
    })
    const result = run(dir)
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      `${path.join(dir, 'actors.json')}: record 1 (actor:foo): field "type": "gang" is not one of armed_group, state, government, security_force, political_party, international_org, organization, media, person`,
    )
    expect(result.stdout).toMatch(/1 problem$/m)
    const json = run(dir, '--json')
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout).problems).toHaveLength(1)
  })

  it('exits 2 when the folder cannot be read', () => {
    const result = run(path.join(root, 'nowhere'))
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/nowhere: cannot read knowledge folder/)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
