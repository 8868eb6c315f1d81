/**
 * Disk full (`npm run test:faults`): a SQLite store on a small tmpfs, an ingest that fills it. The ingest ends
 * with an error naming the store and the cause, a non-zero exit code, and the store opens afterwards with
 * `PRAGMA integrity_check` ok and every article stored before the failure intact; once there is room again, a
 * re-run reaches the counts of a run that never hit the limit. Mounting needs root: without it the trial is
 * skipped, saying why.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI } from '../support/built-cli.js'
import { writeRecordCorpus } from '../support/record-corpus.js'
import { runAsync } from './run-cli.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-disk-full-'))
const disk = path.join(root, 'disk')
fs.mkdirSync(disk)
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk], { encoding: 'utf8' })
const skipReason =
  mounted.status === 0 ? null : `cannot mount a small tmpfs (needs root): ${(mounted.stderr || mounted.error?.message || '').trim()}`
if (skipReason) console.log(`disk-full trial skipped: ${skipReason}`)

const first = path.join(root, 'first')
const rest = path.join(root, 'rest')
const ingest = (db: string, folder: string) =>
  runAsync(process.execPath, [CLI, 'ingest', folder, '--records', '--db', db, '--batch-size', '50', '--no-progress'])

function contents(db: string): { integrity: string; articles: Map<string, string>; counts: Record<string, number> } {
  const store = new Database(db)
  try {
    const integrity = (store.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check
    const rows = store.prepare('SELECT id, text FROM articles').all() as { id: string; text: string }[]
    const one = (table: string) => (store.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    const counts = Object.fromEntries(['articles', 'events', 'claims', 'propositions'].map((t) => [t, one(t)]))
    return { integrity, articles: new Map(rows.map((row) => [row.id, row.text])), counts }
  } finally {
    store.close()
  }
}

describe.skipIf(skipReason !== null)('SQLite store on a full disk', () => {
  beforeAll(() => {
    buildCli()
    writeRecordCorpus(first, 100, 100)
    // corpusRecord(n) is deterministic: the rest of the corpus continues the numbering of the first part.
    const all = path.join(root, 'all')
    writeRecordCorpus(all, 2100, 100)
    fs.mkdirSync(rest)
    for (const file of fs.readdirSync(all).slice(1)) fs.renameSync(path.join(all, file), path.join(rest, file))
  }, 300_000)
  afterAll(() => {
    spawnSync('umount', [disk])
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('an ingest that fills the disk fails clearly, and the store keeps everything stored before', async () => {
    const db = path.join(disk, 'store.db')
    const before = await ingest(db, first)
    expect(before.status, before.stderr).toBe(0)
    const stored = contents(db)
    expect(stored.articles.size).toBe(100)

    const full = await ingest(db, rest)
    expect(full.status, 'the ingest should have run out of room on a 3 MB disk').not.toBe(0)
    expect(full.stderr).toMatch(new RegExp(`cannot write to store ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the disk is full`))
    expect(full.stderr).not.toMatch(/no transaction is active|^\s+at /m)

    const after = contents(db)
    expect(after.integrity).toBe('ok')
    for (const [id, text] of stored.articles) expect(after.articles.get(id)).toBe(text)
    console.log(
      `disk full: ingest exited ${full.status} with "${full.stderr.trim().split('\n').at(-1)}"; ` +
        `store integrity ${after.integrity}, ${after.articles.size} articles (the ${stored.articles.size} stored before intact)`,
    )

    // Room again: the same store takes the rest and ends where a run that never hit the limit ends.
    expect(spawnSync('mount', ['-o', 'remount,size=256m', disk]).status).toBe(0)
    const again = await ingest(db, rest)
    expect(again.status, again.stderr).toBe(0)
    const reference = path.join(root, 'reference.db')
    expect((await ingest(reference, first)).status).toBe(0)
    expect((await ingest(reference, rest)).status).toBe(0)
    const final = contents(db)
    expect(final.integrity).toBe('ok')
    expect(final.counts).toEqual(contents(reference).counts)
  }, 900_000)
})
