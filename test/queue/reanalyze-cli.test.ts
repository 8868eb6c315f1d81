import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI } from '../support/built-cli.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-reanalyze-'))
beforeAll(() => buildCli())
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function sitrep(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

// Two outlets report, in words written for this test, that an invented group keeps camps in Kunar.
const ARTICLES = [
  {
    url: 'https://one.example.invalid/a',
    title: 'Officials say Sable Crescent runs camps in Kunar',
    published: '2025-05-03',
    source: 'Valley Courier',
    text: 'Pakistani officials said on Friday that Sable Crescent has set up training camps in Kunar province.\n\nThe officials said fighters from the camps had crossed the border several times this spring.',
  },
  {
    url: 'https://two.example.invalid/b',
    title: 'Sable Crescent camps reported in Kunar',
    published: '2025-05-04',
    source: 'Hill Gazette',
    text: 'A United Nations monitoring report said Sable Crescent has set up training camps in Kunar province.\n\nThe report did not say how many fighters the camps held.',
  },
]
const ACTORS_YAML = `# an analyst's own actor
- id: actor:sable-crescent
  name: Sable Crescent
  type: armed_group
  country: AF
  aliases: [Sable Crescent Movement]
`

for (const dialect of dialects) {
  describe(`sitrep reanalyze on ${dialect} (compiled CLI, analysis in a worker thread)`, () => {
    it('a custom actor is recognized after reanalyze, the analyst’s grades survive it and decide the status', async () => {
      const dir = fs.mkdtempSync(path.join(root, `${dialect}-`))
      const input = path.join(dir, 'articles.jsonl')
      fs.writeFileSync(input, `${ARTICLES.map((a) => JSON.stringify(a)).join('\n')}\n`)
      const kb = path.join(dir, 'mykb')
      fs.mkdirSync(kb)
      fs.writeFileSync(path.join(kb, 'actors.yaml'), ACTORS_YAML)
      const db = await freshStoreUrl(dialect)

      const ingest = await sitrep('ingest', input, '--db', db, '--jobs', '1')
      expect(ingest.status, ingest.stderr).toBe(0)
      // without the folder the name is not recognized: no actor, no claim about it
      expect((await sitrep('entity', 'Sable Crescent', '--db', db)).status).toBe(1)
      expect(JSON.parse((await sitrep('claims', '--db', db, '--json')).stdout)).toEqual([])

      const graded = await sitrep('source', 'grade', 'hill gazette', 'E', '--note', 'printed rumours before', '--db', db)
      expect(graded.status, graded.stderr).toBe(0)
      expect(graded.stdout).toContain('Hill Gazette: graded E (unreliable); 0 propositions refreshed')

      const redo = await sitrep('reanalyze', '--db', db, '--kb', kb, '--jobs', '1')
      expect(redo.status, redo.stderr).toBe(0)
      expect(redo.stderr).toMatch(/2 articles in [\d.]+ s, 0 failed/)

      const entity = await sitrep('entity', 'Sable Crescent Movement', '--db', db, '--json')
      expect(entity.status, entity.stderr).toBe(0)
      expect(JSON.parse(entity.stdout)).toMatchObject({ id: 'actor:sable-crescent', known: true, articleCount: 2 })
      const claims = async () =>
        JSON.parse((await sitrep('claims', '--about', 'Sable Crescent Movement', '--kb', kb, '--db', db, '--json')).stdout)
      let [presence] = await claims()
      expect(presence).toMatchObject({ subject: { id: 'actor:sable-crescent' }, relation: 'present_in', sourceCount: 2, bestGrade: 'E' })
      expect(presence.asserters).toHaveLength(2)
      // two asserting parties, but one is carried only by an outlet graded E: not corroborated
      expect(presence.status).toBe('single-source')

      const list = JSON.parse((await sitrep('source', 'list', '--db', db, '--json')).stdout)
      expect(list.items.find((s: any) => s.outlet === 'Hill Gazette')).toMatchObject({ grade: 'E', note: 'printed rumours before' })

      const regraded = await sitrep('source', 'grade', 'Hill Gazette', 'B', '--db', db)
      expect(regraded.stdout).toContain('1 proposition refreshed')
      ;[presence] = await claims()
      expect(presence).toMatchObject({ status: 'corroborated', bestGrade: 'B' })

      // the knowledge changes back: the actor goes, the grades stay
      const back = await sitrep('reanalyze', '--db', db, '--jobs', '1')
      expect(back.status, back.stderr).toBe(0)
      expect((await sitrep('entity', 'actor:sable-crescent', '--db', db)).status).toBe(1)
      expect(
        JSON.parse((await sitrep('source', 'list', '--db', db, '--json')).stdout).items.find((s: any) => s.outlet === 'Hill Gazette').grade,
      ).toBe('B')
    }, 240_000)

    it('a bad knowledge folder stops the command before anything changes, naming file, record and field', async () => {
      const kb = fs.mkdtempSync(path.join(root, `badkb-${dialect}-`))
      fs.writeFileSync(
        path.join(kb, 'actors.yaml'),
        '- id: actor:sable-crescent\n  name: Sable Crescent\n  type: guerrilla\n  country: AF\n  aliases: []\n',
      )
      const db = await freshStoreUrl(dialect)
      const run = await sitrep('reanalyze', '--db', db, '--kb', kb)
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(
        `${path.join(kb, 'actors.yaml')}: record 1 (actor:sable-crescent): field "type": "guerrilla" is not one of`,
      )
    })
  })
}
