/**
 * Fault trials on a SQLite store (`npm run test:faults`, called by .ci/run; not part of `npm test`): kill -9 at
 * random points of an ingest, a corrupt or truncated store file, two ingests into one file at once.
 * SITREP_FAULT_KILLS sets the number of kill points (default 20).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../src/bench/corpus.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { writeRecordCorpus } from '../support/record-corpus.js'
import { runAsync } from './run-cli.js'

const KILLS = Number(process.env['SITREP_FAULT_KILLS'] ?? 20)
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-faults-'))
const corpus = path.join(root, 'records')
const ARTICLES = 2000

const ingest = (db: string, folder = corpus) => [CLI, 'ingest', folder, '--records', '--db', db, '--batch-size', '50', '--no-progress']
const counts = (db: string) => {
  const store = new Database(db, { readonly: true })
  try {
    const one = (table: string) => (store.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    return {
      articles: one('articles'),
      propositions: one('propositions'),
      events: one('events'),
      integrity: (store.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
    }
  } finally {
    store.close()
  }
}
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

let reference: ReturnType<typeof counts>
beforeAll(async () => {
  buildCli()
  writeRecordCorpus(corpus, ARTICLES, 250)
  const db = path.join(root, 'reference.db')
  const run = await runAsync(process.execPath, ingest(db))
  expect(run.status, run.stderr).toBe(0)
  reference = counts(db)
}, 300_000)
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('SQLite store under faults', () => {
  it(`kill -9 at ${KILLS} random points: integrity ok, and a re-run reaches the uninterrupted counts`, async () => {
    const random = seededRandom(KILLS)
    const db = path.join(root, 'killed.db')
    let survived = 0
    for (let trial = 0; trial < KILLS; trial++) {
      const child = spawn(process.execPath, ingest(db), { stdio: 'ignore' })
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      await new Promise((resolve) => setTimeout(resolve, 300 + random() * 4000))
      child.kill('SIGKILL')
      await exited
      if (fs.existsSync(db)) expect(counts(db).integrity).toBe('ok')
      survived++
    }
    const rerun = await runAsync(process.execPath, ingest(db))
    expect(rerun.status, rerun.stderr).toBe(0)
    expect(counts(db)).toEqual(reference)
    console.log(`kill -9 trials survived: ${survived}/${KILLS}; final ${JSON.stringify(counts(db))}`)
  }, 900_000)

  it('a corrupt store file is a clear error naming it, and the file is never overwritten', () => {
    const db = path.join(root, 'corrupt.db')
    fs.copyFileSync(path.join(root, 'reference.db'), db)
    const bytes = fs.readFileSync(db)
    bytes.fill(0x5a, 4096, 4096 * 3)
    fs.writeFileSync(db, bytes)
    const before = sha(db)
    const run = spawnSync(process.execPath, ingest(db), { encoding: 'utf8' })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/corrupt\.db|malformed|not a database/i)
    expect(sha(db)).toBe(before)
  }, 120_000)

  it('a truncated store file is a clear error, and the file is never overwritten', () => {
    const db = path.join(root, 'truncated.db')
    const bytes = fs.readFileSync(path.join(root, 'reference.db'))
    fs.writeFileSync(db, bytes.subarray(0, Math.floor(bytes.length / 3)))
    const before = sha(db)
    const run = spawnSync(process.execPath, ingest(db), { encoding: 'utf8' })
    expect(run.status).not.toBe(0)
    expect(run.stderr.length).toBeGreaterThan(0)
    expect(sha(db)).toBe(before)
  }, 120_000)

  it('two ingests into one SQLite file at once both finish, and the store holds each article once', async () => {
    const db = path.join(root, 'concurrent.db')
    const runOne = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ingest(db), { stdio: ['ignore', 'ignore', 'pipe'] })
        let stderr = ''
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
        child.on('close', (code) => resolve({ code, stderr }))
      })
    const [a, b] = await Promise.all([runOne(), runOne()])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    expect(`${a.stderr}${b.stderr}`).not.toMatch(/database is locked/i)
    expect(counts(db)).toEqual(reference)
  }, 600_000)
})
