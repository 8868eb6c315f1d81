import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseCsv } from 'csv-parse/sync'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import { openStore } from '../../src/store/open-store.js'
import { ACLED_COLUMNS } from '../../src/export/acled-csv.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { freshStoreUrl } from '../support/dialects.js'
import { fillStore, FIXTURE_NAMES } from './export-fixtures.js'

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
}

describe('sitrep export (the compiled CLI)', () => {
  let db = ''
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-export-cli-'))

  beforeAll(async () => {
    buildCli()
    db = await freshStoreUrl('sqlite')
    const store = await openStore(db)
    await fillStore(store, false)
    await store.close()
  }, 180_000)
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('writes --out FILE, and standard output without it', () => {
    const file = path.join(dir, 'events.csv')
    const run = sitrep('export', '--format', 'acled-csv', '--db', db, '--out', file, '--bom', '--about', FIXTURE_NAMES.group)
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    const bytes = fs.readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...ACLED_COLUMNS])
    expect(rows.map((row) => row['actor1'])).toEqual([FIXTURE_NAMES.group])

    const geo = sitrep('export', '--format', 'geojson', '--db', db, '--layer', 'events', '--until', '2025-05-31')
    expect(geo.status, geo.stderr).toBe(0)
    const collection = checkGeoJson(geo.stdout) as { features: { properties: { place: string } }[] }
    expect(collection.features.map((feature) => feature.properties.place)).toEqual([FIXTURE_NAMES.town])
  })

  it.each([
    [['--format', 'kml'], /--format must be one of stix, acled-csv, plover, geojson, graphml, got "kml"/],
    [['--format', 'stix', '--status', 'maybe'], /--status must be one of contested, corroborated, single-source/],
    [['--format', 'stix', '--since', 'March'], /expected a date as YYYY-MM-DD, got "March"/],
    [['--format', 'stix', '--since', '2025-07-01', '--until', '2025-01-01'], /--since 2025-07-01 is after --until 2025-01-01/],
    [['--format', 'stix', '--out', '/nonexistent-dir/x.json'], /cannot write --out \/nonexistent-dir\/x.json/],
  ])('%j fails with a message naming the input', (args, message) => {
    const run = sitrep('export', '--db', db, ...args)
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(message)
  })

  it('stops quietly when the reader of standard output goes away (| head)', async () => {
    const child = spawn(process.execPath, [CLI, 'export', '--format', 'plover', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] })
    // Close our end at once: the export's first write meets a pipe without a reader (EPIPE).
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('names a missing store', () => {
    const run = sitrep('export', '--format', 'plover', '--db', path.join(dir, 'missing.db'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/no store at .*missing\.db/)
  })
})
