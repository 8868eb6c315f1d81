import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { openStore, type Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { setCorroborationRule } from '../../src/store/grades-repo.js'
import { buildServer } from '../../src/serve/server.js'
import { dialects, freshStoreUrl } from '../support/dialects.js'
import { analyzed, claim, entity, filler, place } from '../support/records.js'

const TOKEN = 'grading-token-98765'
const pakistan = entity('actor:pakistan', 'Pakistan', 'state')
const un = entity('actor:un', 'United Nations', 'international_org')
const group = entity('actor:x-sable-crescent', 'Sable Crescent', 'armed_group')
const kunar = place('geonames:1135572', 'Kunar')

// Two parties assert one presence, each through its own outlet; a third outlet reports something else.
const articles = [
  analyzed({
    text: `Officials said the group keeps camps in Kunar. ${filler('valley')}`,
    source: 'Valley Courier',
    url: 'https://one.example.invalid/a',
    published: '2025-05-03',
    entities: [pakistan, group],
    places: [kunar],
    claims: [claim({ subject: group.id, relation: 'present_in', object: kunar.id, claimant: pakistan.id })],
  }),
  analyzed({
    text: `A monitoring report placed the group's camps in Kunar. ${filler('hill')}`,
    source: 'Hill Gazette',
    url: 'https://two.example.invalid/b',
    published: '2025-05-04',
    entities: [un, group],
    places: [kunar],
    claims: [claim({ subject: group.id, relation: 'present_in', object: kunar.id, claimant: un.id })],
  }),
  analyzed({
    text: `Officials said the group was supported from abroad. ${filler('river')}`,
    source: 'River Times',
    url: 'https://three.example.invalid/c',
    published: '2025-05-05',
    entities: [pakistan, group],
    claims: [claim({ subject: pakistan.id, relation: 'attacks', object: group.id })],
  }),
]
const presence = `${group.id}|present_in|${kunar.id}`

for (const dialect of dialects) {
  describe(`source grading over HTTP on ${dialect}`, () => {
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

    async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : null }
    }
    const grade = (outlet: string, body: unknown, token: string | undefined = TOKEN) =>
      call('PUT', `/api/sources/${encodeURIComponent(outlet)}`, body, token)
    const proposition = async () => (await call('GET', `/api/propositions/${encodeURIComponent(presence)}`)).body

    it('lists the outlets, ungraded, with the default rule; an ungraded store keeps the plain rule', async () => {
      const { status, body } = await call('GET', '/api/sources')
      expect(status).toBe(200)
      expect(body.rule).toEqual({ minGrade: 'C', ungraded: 'count' })
      expect(body.items.map((s: any) => [s.outlet, s.articles, s.grade])).toEqual([
        ['Hill Gazette', 1, null],
        ['River Times', 1, null],
        ['Valley Courier', 1, null],
      ])
      const p = await proposition()
      expect(p.status).toBe('corroborated')
      expect(p.bestGrade).toBeNull()
      expect(p.statements.map((s: any) => s.sourceGrade)).toEqual([null, null])
    })

    it('refuses a grade without the token, with a wrong token, and a grade that is not A–F', async () => {
      expect((await grade('Hill Gazette', { grade: 'E' }, '')).status).toBe(401)
      expect((await grade('Hill Gazette', { grade: 'E' }, 'wrong-token-000000')).status).toBe(401)
      const bad = await grade('Hill Gazette', { grade: 'G' })
      expect(bad.status).toBe(400)
      expect(bad.body.message).toMatch(/grade/)
      expect((await grade('No Such Outlet', { grade: 'B' })).status).toBe(404)
      expect((await call('GET', '/api/sources')).body.items.every((s: any) => s.grade === null)).toBe(true)
    })

    it('an outlet graded below C stops counting: the proposition it carried is no longer corroborated', async () => {
      const { status, body } = await grade('Hill Gazette', { grade: 'E', note: 'has printed rumours as fact' })
      expect(status).toBe(200)
      // only the propositions with a statement from that outlet are refreshed
      expect(body.refreshed).toBe(1)
      expect(body.source).toMatchObject({ outlet: 'Hill Gazette', grade: 'E', note: 'has printed rumours as fact' })
      const p = await proposition()
      expect(p.status).toBe('single-source')
      expect(p.bestGrade).toBe('E')
      const byOutlet = Object.fromEntries(p.statements.map((s: any) => [s.source, s.sourceGrade]))
      expect(byOutlet).toEqual({ 'Hill Gazette': { grade: 'E', note: 'has printed rumours as fact' }, 'Valley Courier': null })
    })

    it('graded C or better counts again; the best grade among the outlets is carried; the list shows the grades', async () => {
      expect((await grade('hill gazette', { grade: 'C' })).status).toBe(200)
      expect((await grade('Valley Courier', { grade: 'A', note: null })).status).toBe(200)
      const p = await proposition()
      expect(p.status).toBe('corroborated')
      expect(p.bestGrade).toBe('A')
      const listed = (await call('GET', `/api/propositions?status=corroborated`)).body.items
      expect(listed.find((x: any) => x.id === presence)?.bestGrade).toBe('A')
      const sources = (await call('GET', '/api/sources')).body.items
      expect(Object.fromEntries(sources.map((s: any) => [s.outlet, s.grade]))).toEqual({
        'Hill Gazette': 'C',
        'Valley Courier': 'A',
        'River Times': null,
      })
    })

    it('the stricter rule (ungraded outlets excluded) is applied to every proposition; clearing a grade refreshes', async () => {
      expect((await grade('Hill Gazette', { grade: null })).status).toBe(200)
      expect((await proposition()).status).toBe('corroborated')
      await setCorroborationRule(store, { minGrade: 'C', ungraded: 'exclude' })
      expect((await call('GET', '/api/sources')).body.rule).toEqual({ minGrade: 'C', ungraded: 'exclude' })
      expect((await proposition()).status).toBe('single-source')
      await setCorroborationRule(store, { minGrade: 'C', ungraded: 'count' })
      expect((await proposition()).status).toBe('corroborated')
    })

    it('documents the endpoints in the OpenAPI document', async () => {
      const doc = (await call('GET', '/api/openapi.json')).body
      expect(doc.paths['/api/sources'].get.responses['200']).toBeDefined()
      const put = doc.paths['/api/sources/{id}'].put
      expect(put.security).toEqual([{ bearer: [] }])
      expect(put.requestBody.content['application/json'].schema.properties.grade.enum).toEqual(['A', 'B', 'C', 'D', 'E', 'F', null])
      expect(put.responses['401']).toBeDefined()
      expect(doc.components.schemas.Statement.properties.sourceGrade).toBeDefined()
      expect(doc.components.schemas.Proposition.properties.bestGrade).toBeDefined()
    })
  })
}
