import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { buildCli, CLI } from '../support/built-cli.js'
import { freshStoreUrl } from '../support/dialects.js'
import { analyzed, entity, filler } from '../support/records.js'

const children: ChildProcess[] = []

/** Starts the built `sitrep serve` and waits for the line with its address. */
function startServe(args: string[]): Promise<{ url: string; output: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /sitrep serve: (http:\/\/\S+)\//.exec(output)
      if (match && /\n(write token|read-only)[^\n]*\n/.test(output)) {
        clearTimeout(timer)
        resolve({ url: match[1]!, output, child })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

let db = ''

beforeAll(async () => {
  buildCli()
  db = await freshStoreUrl('sqlite')
  const store = await openStore(db)
  await writeBatch(store, [analyzed({ text: filler('served'), title: 'Served', entities: [entity('actor:ttp', 'TTP')] })])
  await store.close()
})

afterAll(() => {
  for (const child of children) child.kill()
})

describe('sitrep serve', () => {
  it('prints its address and token, serves the built UI and the API', async () => {
    const { url, output } = await startServe(['--db', db, '--port', '0'])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const token = /write token: (\S+)/.exec(output)![1]!
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<div id="app">')
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)![1]!
    const asset = await fetch(`${url}/${script}`, { headers: { 'accept-encoding': 'gzip' } })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-encoding')).toBe('gzip')
    expect(((await (await fetch(`${url}/api/stats`)).json()) as { articles: number }).articles).toBe(1)
    const upload = await fetch(`${url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ files: [{ name: 'a.txt', content: 'Police said gunmen attacked a checkpoint in Bannu on Monday.' }] }),
    })
    expect(upload.status).toBe(200)
  })

  it('is read-only on a non-loopback address without --token', async () => {
    const { url, output } = await startServe(['--db', db, '--port', '0', '--host', '0.0.0.0'])
    expect(output).toMatch(/read-only/)
    const port = new URL(url).port
    const response = await fetch(`http://127.0.0.1:${port}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: '{"files":[]}',
    })
    expect(response.status).toBe(403)
  })

  it('refuses a missing store and a bad port with a clear message', () => {
    const missing = spawnSync(process.execPath, [CLI, 'serve', '--db', `${db}.nothing-here`], { encoding: 'utf8' })
    expect(missing.status).not.toBe(0)
    expect(missing.stderr).toMatch(/no store at/)
    expect(fs.existsSync(`${db}.nothing-here`)).toBe(false)
    const port = spawnSync(process.execPath, [CLI, 'serve', '--db', db, '--port', 'eighty'], { encoding: 'utf8' })
    expect(port.status).not.toBe(0)
    expect(port.stderr).toMatch(/expected a port number/)
  })
})
