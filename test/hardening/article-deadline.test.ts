import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { variedArticle } from '../../src/bench/corpus.js'
import { buildCli, CLI } from '../support/built-cli.js'

const folder = mkdtempSync(join(tmpdir(), 'sitrep-deadline-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('ingest: an article over the per-article deadline is stopped and recorded as failed, the run goes on', () => {
  beforeAll(() => buildCli(), 240_000)

  it('stores the quick articles and fails the slow one with the reason', () => {
    const inputs = join(folder, 'inputs')
    spawnSync('mkdir', ['-p', inputs])
    // about 4 MB of varied prose: most of a minute of analysis, far over a 5-second deadline (small articles take well under a second even on a loaded machine)
    writeFileSync(join(inputs, 'b-long.txt'), variedArticle(1024).content)
    const quick = [
      'Police in Zhob said gunmen wounded two guards at a bank on Sunday.',
      'Officials in Chaman said the border crossing reopened on Friday after talks.',
      'A roadside bomb hit a van in Mastung on Tuesday, killing three people, police said.',
    ]
    for (const [i, text] of quick.entries()) writeFileSync(join(inputs, `a-${i}.txt`), `${text}\n`)
    writeFileSync(join(inputs, 'c-after.txt'), 'Levies in Kalat said a patrol came under fire on Wednesday; nobody was hurt.\n')
    const db = join(folder, 'store.db')
    const run = spawnSync(process.execPath, [CLI, 'ingest', inputs, '--db', db, '--jobs', '2', '--deadline', '5', '--no-progress'], {
      encoding: 'utf8',
      timeout: 180_000,
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/b-long\.txt: analysis failed: stopped after the per-article deadline of 5\.0 s/)
    const store = new Database(db, { readonly: true })
    const stored = (store.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n
    store.close()
    expect(stored).toBe(4)
  }, 240_000)
})
