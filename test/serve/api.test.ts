import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { openStore, type Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { buildServer } from '../../src/serve/server.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { analyzed, claim, entity, event, filler, place } from '../support/records.js'

const TOKEN = 'test-token-123456'
const pakistan = entity('actor:pakistan', 'Pakistan', 'state')
const taliban = entity('actor:taliban', 'Taliban government', 'government', ['Islamic Emirate'])
const ttp = entity('actor:ttp', 'Tehrik-i-Taliban Pakistan', 'armed_group', ['TTP'])
const spokesman = entity('actor:x-zabihullah-mujahid', 'Zabihullah Mujahid', 'person')
const bannu = place('geonames:1177654', 'Bannu')

const firstText = `Pakistan accused Kabul of sheltering the TTP on Sunday. ${filler('one')}`
const articles = [
  analyzed({
    text: firstText,
    title: 'Islamabad accuses Kabul',
    source: 'Dawn',
    url: 'https://example.org/a',
    published: '2025-03-02',
    entities: [{ ...pakistan, mentions: [{ start: 0, end: 8 }] }, taliban, { ...ttp, mentions: [{ start: 41, end: 44 }] }],
    places: [bannu],
    events: [
      event({
        type: 'ASSAULT',
        place: bannu.id,
        actors: ['actor:ttp'],
        date: { start: '2025-03-01', end: '2025-03-01', text: null },
        fatalities: { low: 4, best: 4, high: 4 },
      }),
      event({
        type: 'ACCUSE',
        actors: ['actor:pakistan'],
        targets: ['actor:taliban'],
        date: { start: '2025-03-02', end: '2025-03-02', text: 'Sunday' },
        evidence: { start: 0, end: 56 },
      }),
    ],
    claims: [
      claim({
        subject: 'actor:taliban',
        relation: 'harbors',
        object: 'actor:ttp',
        claimant: 'actor:pakistan',
        cue: 'accused',
        evidence: { start: 0, end: 45 },
      }),
    ],
  }),
  analyzed({
    text: `The Islamic Emirate rejected the allegation. ${filler('two')}`,
    title: 'Kabul rejects',
    source: 'Tolo',
    published: '2025-03-03',
    entities: [taliban, ttp, spokesman],
    places: [bannu],
    claims: [
      claim({
        subject: 'actor:taliban',
        relation: 'harbors',
        object: 'actor:ttp',
        claimant: 'actor:taliban',
        speaker: 'actor:x-zabihullah-mujahid',
        stance: 'denies',
        cue: 'rejected',
      }),
    ],
  }),
  analyzed({
    text: `TTP fighters operate in Bannu. ${filler('three')}`,
    title: 'Militants in Bannu',
    source: 'Dawn',
    published: '2025-04-10',
    entities: [ttp],
    places: [bannu],
    claims: [claim({ subject: 'actor:ttp', relation: 'present_in', object: bannu.id })],
  }),
]

for (const dialect of dialects) {
  describe(`API on ${dialect}`, () => {
    let store: Store
    let app: FastifyInstance
    let base = ''

    beforeAll(async () => {
      store = await openStore(await freshStoreUrl(dialect))
      await writeBatch(store, articles)
      app = await buildServer({ store, token: TOKEN, readOnly: false, webRoot: null })
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    })

    afterAll(async () => {
      await app?.close()
      await store?.close()
    })

    async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
      const response = await fetch(`${base}${path}`, { headers })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers }
    }

    async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    }

    const harborsId = 'actor:taliban|harbors|actor:ttp'

    describe('read endpoints', () => {
      it('stats and overview', async () => {
        const stats = await get('/api/stats')
        expect(stats.status).toBe(200)
        expect(stats.body).toMatchObject({ articles: 3, propositions: 2 })
        const overview = await get('/api/overview?limit=3')
        expect(overview.body.contested.map((p: any) => p.id)).toEqual([harborsId])
        expect(overview.body.latestEvents.length).toBeGreaterThan(0)
        expect(overview.body.activeActors[0]).toMatchObject({ id: 'actor:ttp', articles: 3 })
      })

      it.each([
        ['?status=contested', [harborsId]],
        ['?status=single-source', ['actor:ttp|present_in|geonames:1177654']],
        ['?relation=harbors', [harborsId]],
        ['?actor=Zabihullah%20Mujahid', [harborsId]],
        ['?actor=TTP&relation=present_in', ['actor:ttp|present_in|geonames:1177654']],
        ['?place=Bannu', ['actor:ttp|present_in|geonames:1177654']],
        ['?since=2025-04-01', ['actor:ttp|present_in|geonames:1177654']],
        ['?until=2025-03-05', [harborsId]],
        ['?actor=nobody-at-all', []],
      ])('propositions%s', async (query, ids) => {
        const { status, body } = await get(`/api/propositions${query}`)
        expect(status).toBe(200)
        expect(body.items.map((p: any) => p.id)).toEqual(ids)
        expect(body.total).toBe(ids.length)
      })

      it('pages propositions with a total', async () => {
        const { body } = await get('/api/propositions?limit=1&offset=1')
        expect(body).toMatchObject({ total: 2, limit: 1, offset: 1 })
        expect(body.items).toHaveLength(1)
      })

      it('proposition detail with statements and evidence offsets', async () => {
        const { status, body } = await get(`/api/propositions/${encodeURIComponent(harborsId)}`)
        expect(status).toBe(200)
        expect(body.status).toBe('contested')
        expect(body.statements).toHaveLength(2)
        expect(body.statements[0]).toMatchObject({
          stance: 'asserts',
          source: 'Dawn',
          published: '2025-03-02',
          claimant: { name: 'Pakistan' },
          evidence: { start: 0, end: 45 },
        })
        expect(body.statements[1]).toMatchObject({ stance: 'denies', speaker: { name: 'Zabihullah Mujahid' } })
      })

      it.each([
        ['', 2],
        ['?type=assault', 1],
        ['?place=Bannu', 1],
        ['?actor=Pakistan', 1],
        ['?since=2025-03-02', 1],
        ['?until=2025-03-01', 1],
        ['?bbox=60,25,75,35', 1],
        ['?bbox=0,0,10,10', 0],
      ])('events%s', async (query, total) => {
        const { status, body } = await get(`/api/events${query}`)
        expect(status).toBe(200)
        expect(body.total).toBe(total)
      })

      it('event detail with sources', async () => {
        const list = await get('/api/events?type=ASSAULT')
        const id = list.body.items[0].id
        const { body } = await get(`/api/events/${encodeURIComponent(id)}`)
        expect(body).toMatchObject({ type: 'ASSAULT', place: { name: 'Bannu', lat: 30, lon: 67 }, fatalities: { best: 4 } })
        expect(body.sources[0]).toMatchObject({ title: 'Islamabad accuses Kabul', source: 'Dawn' })
      })

      it('timeline and places', async () => {
        const timeline = await get('/api/timeline')
        expect(timeline.body.buckets).toEqual([
          { date: '2025-03-01', type: 'ASSAULT', events: 1, fatalities: 4 },
          { date: '2025-03-02', type: 'ACCUSE', events: 1, fatalities: 0 },
        ])
        const places = await get('/api/places')
        expect(places.body.items).toEqual([expect.objectContaining({ id: bannu.id, events: 1, fatalities: 4, lat: 30, lon: 67 })])
        expect(places.body.total).toBe(1)
      })

      it('entity profile', async () => {
        const { status, body } = await get('/api/entities/actor%3Ataliban')
        expect(status).toBe(200)
        expect(body).toMatchObject({ name: 'Taliban government', type: 'government', aliases: ['Islamic Emirate'] })
        expect(body.claimsAbout.map((p: any) => p.id)).toEqual([harborsId])
        expect(body.claimsBy.map((p: any) => p.id)).toEqual([harborsId])
        expect(body.events.map((e: any) => e.type)).toEqual(['ACCUSE'])
      })

      it('network: propositions between actors and accusations', async () => {
        const { body } = await get('/api/network')
        const edges = body.edges.map((e: any) => `${e.source} ${e.relation} ${e.target} ${e.stance} ${e.weight}`).sort()
        expect(edges).toEqual(['actor:pakistan accuses actor:taliban asserted 1', 'actor:taliban harbors actor:ttp contested 2'])
        expect(body.nodes.map((n: any) => n.id).sort()).toEqual(['actor:pakistan', 'actor:taliban', 'actor:ttp'])
        const only = await get('/api/network?relation=accuses')
        expect(only.body.edges).toHaveLength(1)
      })

      it('article with text and highlight spans', async () => {
        const id = articles[0]!.record.document.id
        const { body } = await get(`/api/articles/${id}`)
        expect(body.text).toBe(firstText)
        const kinds = body.spans.map((s: any) => `${s.kind}:${body.text.slice(s.start, s.end)}`)
        expect(kinds).toContain('entity:Pakistan')
        expect(kinds).toContain('entity:TTP')
        expect(kinds).toContain(`claim:${firstText.slice(0, 45)}`)
        expect(kinds).toContain(`event:${firstText.slice(0, 56)}`)
        expect(body.spans.find((s: any) => s.kind === 'date')).toMatchObject({ start: 48, end: 54, label: 'Sunday (2025-03-02)' })
      })

      it('search: articles, actors, places', async () => {
        const { body } = await get('/api/search?q=bannu')
        expect(body.articles.map((a: any) => a.title)).toEqual(['Militants in Bannu'])
        expect(body.places.map((p: any) => p.id)).toEqual([bannu.id])
        const actors = await get('/api/search?q=ttp')
        expect(actors.body.actors.map((a: any) => a.id)).toEqual(['actor:ttp'])
      })

      it.each(['"unbalanced', '***', "it's", '(x) OR y', 'a-b:c', '%', 'NEAR/3', '\u0627\u0644\u0642\u0627\u0639\u062f\u0629'])(
        'search survives the query %s',
        async (q) => {
          const { status, body } = await get(`/api/search?q=${encodeURIComponent(q)}`)
          expect(status, JSON.stringify(body)).toBe(200)
          expect(Array.isArray(body.articles)).toBe(true)
        },
      )

      it('openapi document lists every endpoint', async () => {
        const { body } = await get('/api/openapi.json')
        expect(body.openapi).toMatch(/^3\./)
        for (const path of [
          '/api/stats',
          '/api/overview',
          '/api/propositions',
          '/api/propositions/{id}',
          '/api/events',
          '/api/events/{id}',
          '/api/timeline',
          '/api/places',
          '/api/entities/{id}',
          '/api/network',
          '/api/articles/{id}',
          '/api/search',
        ]) {
          expect(body.paths[path]?.get, path).toBeDefined()
        }
        expect(body.paths['/api/ingest'].post.security).toEqual([{ bearer: [] }])
        expect(body.paths['/api/events'].get.parameters.map((p: any) => p.name)).toContain('bbox')
        for (const [path, operations] of Object.entries(body.paths) as [string, any][]) {
          if (path === '/api/openapi.json') continue
          for (const operation of Object.values(operations) as any[]) {
            const content = operation.responses['200'].content
            // Downloads (/api/export) are files, described by their media types.
            if (!content['application/json']) {
              expect(
                Object.values(content).every((media: any) => media.schema.format === 'binary'),
                path,
              ).toBe(true)
              continue
            }
            const schema = content['application/json'].schema
            expect(schema.properties ?? schema.$ref ?? schema.allOf, `${path} answers a described shape`).toBeDefined()
          }
        }
        const refs = JSON.stringify(body).match(/#\/components\/schemas\/\w+/g) ?? []
        for (const target of new Set(refs)) expect(body.components.schemas[target.split('/').pop()!], target).toBeDefined()
      })
    })

    describe('errors', () => {
      it.each([
        ['/api/propositions?limit=0', /limit must be >= 1/],
        ['/api/propositions?limit=abc', /limit must be integer/],
        ['/api/propositions?status=maybe', /status must be equal to one of the allowed values/],
        ['/api/propositions?since=March', /since must match pattern/],
        ['/api/propositions?since=2025-05-01&until=2025-01-01', /since \(2025-05-01\) is after until/],
        ['/api/propositions?colour=red', /must NOT have additional properties/],
        ['/api/events?bbox=1,2,3', /bbox must be west,south,east,north/],
        ['/api/events?bbox=10,0,0,10', /bbox must be/],
        ['/api/search', /must have required property 'q'/],
        ['/api/search?q=%20%20', /q must not be blank/],
      ])('400 for %s', async (path, message) => {
        const { status, body } = await get(path)
        expect(status).toBe(400)
        expect(body.message).toMatch(message)
      })

      it('a long id is looked up, not refused', async () => {
        const { status, body } = await get(
          `/api/propositions/${encodeURIComponent(`actor:${'x'.repeat(150)}|supports|actor:${'y'.repeat(150)}`)}`,
        )
        expect(status).toBe(404)
        expect(body.message).toMatch(/no proposition with id "actor:x+\|supports/)
      })

      it.each(['/api/propositions/nope', '/api/events/nope', '/api/entities/nope', '/api/articles/nope', '/api/nothing-here'])(
        '404 for %s',
        async (path) => {
          const { status, body } = await get(path)
          expect(status).toBe(404)
          expect(body.message).toMatch(/no (route|proposition|event|entity|article)/)
        },
      )
    })

    describe('ETags', () => {
      it('answers 304 to a matching If-None-Match and 200 otherwise', async () => {
        const first = await get('/api/stats')
        const etag = first.headers.get('etag')
        expect(etag).toMatch(/^".+"$/)
        const again = await fetch(`${base}/api/stats`, { headers: { 'if-none-match': etag! } })
        expect(again.status).toBe(304)
        expect(await again.text()).toBe('')
        const other = await fetch(`${base}/api/stats`, { headers: { 'if-none-match': '"something-else"' } })
        expect(other.status).toBe(200)
      })
    })

    describe('POST /api/ingest', () => {
      const upload = {
        files: [
          { name: 'note.txt', content: 'Militants attacked a police checkpoint in Bannu on Monday, killing two officers, police said.' },
        ],
        date: '2025-05-05',
      }

      it('needs the token', async () => {
        const missing = await post('/api/ingest', upload)
        expect(missing.status).toBe(401)
        expect(missing.body.message).toMatch(/missing Authorization/)
        const wrong = await post('/api/ingest', upload, 'not-the-token')
        expect(wrong.status).toBe(401)
        expect(wrong.body.message).toMatch(/wrong bearer token/)
      })

      it('rejects malformed bodies', async () => {
        expect((await post('/api/ingest', { files: [] }, TOKEN)).status).toBe(400)
        expect((await post('/api/ingest', { files: [{ name: 'x.txt' }] }, TOKEN)).body.message).toMatch(/content/)
        expect((await post('/api/ingest', { files: [{ name: 'x.gz', content: '***', encoding: 'base64' }] }, TOKEN)).body.message).toMatch(
          /not valid base64/,
        )
        const response = await fetch(`${base}/api/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: '{broken',
        })
        expect(response.status).toBe(400)
        expect(((await response.json()) as { message: string }).message).toMatch(/JSON/i)
      })

      it('stores uploads and reports bad ones by name', async () => {
        const before = (await get('/api/stats')).body.articles
        const result = await post('/api/ingest', { files: [...upload.files, { name: 'empty.txt', content: '' }], date: upload.date }, TOKEN)
        expect(result.status).toBe(200)
        expect(result.body).toMatchObject({ added: 1, failed: 1 })
        expect(result.body.failures[0].error).toMatch(/^empty\.txt: /)
        expect((await get('/api/stats')).body.articles).toBe(before + 1)
        const again = await post('/api/ingest', upload, TOKEN)
        expect(again.body).toMatchObject({ added: 0, unchanged: 1 })
      })

      it('a read-only server refuses writes even with the token', async () => {
        const readOnly = await buildServer({ store, token: TOKEN, readOnly: true, webRoot: null })
        const response = await readOnly.inject({
          method: 'POST',
          url: '/api/ingest',
          headers: { authorization: `Bearer ${TOKEN}` },
          payload: upload,
        })
        expect(response.statusCode).toBe(403)
        expect(response.json().message).toMatch(/read-only/)
        await readOnly.close()
      })
    })
  })
}
