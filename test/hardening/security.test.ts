/**
 * The server as an attacker meets it, over real HTTP on loopback with a real SQLite store: path traversal on the
 * static files, tokens outside the Authorization header, writes on a read-only server, SQL metacharacters and
 * absurd paging in every parameter of every GET route, the security headers, and the request size limit.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../../src/serve/api-routes.js'
import { buildServer } from '../../src/serve/server.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { analyzed, entity, filler, place } from '../support/records.js'

const TOKEN = 'security-test-token-0987'
const folder = mkdtempSync(join(tmpdir(), 'sitrep-security-'))
const webRoot = join(folder, 'web')
let store: Store
const servers: FastifyInstance[] = []

async function serve(readOnly: boolean, bodyLimit?: number): Promise<string> {
  const app = await buildServer({ store, token: TOKEN, readOnly, webRoot, ...(bodyLimit ? { bodyLimit } : {}) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  servers.push(app)
  const address = app.server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

/** A raw request line, so `..` and encodings reach the server unnormalised (fetch would resolve them). */
async function rawGet(base: string, target: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http')
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: target, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

let base = ''
let readOnlyBase = ''
beforeAll(async () => {
  mkdirSync(webRoot, { recursive: true })
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>sitrep</title><script type="module" src="/app.js"></script>')
  writeFileSync(join(folder, 'secret.txt'), 'TOP-SECRET-OUTSIDE-WEB-ROOT')
  store = await openStore(join(folder, 'store.db'))
  await writeBatch(store, [
    analyzed({
      text: `Militants attacked a post in Bannu. ${filler('sec')}`,
      title: 'Bannu',
      source: 'Dawn',
      published: '2025-01-05',
      entities: [entity('actor:ttp', 'TTP')],
      places: [place('geonames:1177654', 'Bannu')],
    }),
  ])
  base = await serve(false)
  readOnlyBase = await serve(true)
}, 60_000)

afterAll(async () => {
  for (const app of servers) await app.close()
  await store?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('static files', () => {
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/..\\secret.txt',
  ])('path traversal %s never serves a file outside the web root', async (target) => {
    const response = await rawGet(base, target)
    expect(response.body).not.toContain('TOP-SECRET')
    expect(response.status).not.toBe(500)
  })
})

describe('headers', () => {
  it('every answer carries a CSP without inline scripts, nosniff, a referrer policy and frame-ancestors', async () => {
    for (const path of ['/', '/api/stats', '/api/no-such-route']) {
      const response = await fetch(`${base}${path}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toMatch(/default-src 'self'/)
      expect(csp).toMatch(/frame-ancestors 'none'/)
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
      expect(csp).not.toMatch(/default-src[^;]*'unsafe-inline'/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })
})

describe('writes', () => {
  const upload = (b: string, url: string, headers: Record<string, string> = {}) =>
    fetch(`${b}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ files: [{ name: 'a.txt', content: 'Police in Bannu said two men were hurt.' }] }),
    })

  it('a token in the query string is refused', async () => {
    const response = await upload(base, `/api/ingest?token=${TOKEN}&access_token=${TOKEN}`)
    expect(response.status).toBe(401)
  })

  it('a read-only server (another address without --token) refuses writes, even with the token', async () => {
    expect((await upload(readOnlyBase, '/api/ingest')).status).toBe(403)
    expect((await upload(readOnlyBase, '/api/ingest', { authorization: `Bearer ${TOKEN}` })).status).toBe(403)
  })

  it('a body over the size limit is refused with 413 before it is read', async () => {
    const small = await serve(false, 1024)
    const response = await fetch(`${small}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ files: [{ name: 'a.txt', content: 'x'.repeat(5000) }] }),
    })
    expect(response.status).toBe(413)
  })
})

describe('hostile parameters on every GET route', () => {
  const HOSTILE = [
    "' OR 1=1 --",
    '"; DROP TABLE articles; --',
    '%',
    '_',
    '\\',
    '-1',
    '0',
    '99999999999999999999',
    '1e309',
    'NaN',
    '%00',
    '<script>alert(1)</script>',
  ]
  const routes = apiRoutes.filter((r) => r.method === 'GET')

  it.each(routes.map((r) => [r.url, r]))(
    '%s answers 200/304/400/404, never 500, and the store is intact',
    async (_url, route) => {
      const names = Object.keys((route.querystring as { properties?: Record<string, unknown> } | undefined)?.properties ?? {})
      const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!)
      for (const value of HOSTILE) {
        const path = route.url.replace(/:(\w+)/g, () => encodeURIComponent(value))
        const targets =
          names.length > 0
            ? names.map((name) => `${path}?${name}=${encodeURIComponent(value)}${name !== 'q' && names.includes('q') ? '&q=x' : ''}`)
            : [path]
        if (paramNames.length > 0 && names.length > 0) targets.push(path)
        for (const target of targets) {
          const response = await fetch(`${base}${target}`)
          expect([200, 304, 400, 404], `${target} → ${response.status}`).toContain(response.status)
          const body = await response.text()
          // an id echoed in an error message is JSON text, never markup a browser would run
          if (body.includes('<script>')) expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        }
      }
      const stats = (await (await fetch(`${base}/api/stats`)).json()) as { articles: number }
      expect(stats.articles).toBe(1)
    },
    60_000,
  )
})
