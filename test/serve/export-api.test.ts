import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { parse as parseCsv } from 'csv-parse/sync'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import Graph from 'graphology'
import { parse as parseGraphml } from 'graphology-graphml'
import { openStore, type Store } from '../../src/store/open-store.js'
import { buildServer } from '../../src/serve/server.js'
import { ACLED_COLUMNS } from '../../src/export/acled-csv.js'
import { freshStoreUrl } from '../support/dialects.js'
import { exportText, fillStore, FIXTURE_NAMES } from '../export/export-fixtures.js'

describe('GET /api/export over real HTTP', () => {
  let store: Store
  let app: FastifyInstance
  let base = ''

  beforeAll(async () => {
    store = await openStore(await freshStoreUrl('sqlite'))
    await fillStore(store, false)
    app = await buildServer({ store, token: 'export-test-token', readOnly: false, webRoot: null })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })

  afterAll(async () => {
    await app?.close()
    await store?.close()
  })

  it.each([
    ['stix', 'application/stix+json;version=2.1', 'sitrep-stix.stix.json'],
    ['acled-csv', 'text/csv; charset=utf-8', 'sitrep-acled-csv.csv'],
    ['plover', 'application/x-ndjson; charset=utf-8', 'sitrep-plover.jsonl'],
    ['geojson', 'application/geo+json; charset=utf-8', 'sitrep-geojson.geojson'],
    ['graphml', 'application/graphml+xml; charset=utf-8', 'sitrep-graphml.graphml'],
  ] as const)('%s: streamed as an attachment, the same bytes as the CLI export', async (format, mediaType, fileName) => {
    const response = await fetch(`${base}/api/export?format=${format}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(mediaType)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"`)
    expect(response.headers.get('transfer-encoding')).toBe('chunked')
    expect(await response.text()).toBe(await exportText(store, format))
  })

  it('applies the filters: about, status, dates, the GeoJSON layer and the CSV byte order mark', async () => {
    const bytes = Buffer.from(
      await (await fetch(`${base}/api/export?format=acled-csv&about=${encodeURIComponent(FIXTURE_NAMES.town)}&bom=true`)).arrayBuffer(),
    )
    // (Response.text() would drop the byte order mark, as UTF-8 decoding does.)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = bytes.toString('utf8')
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...ACLED_COLUMNS])
    expect(rows.map((row) => row['location'])).toEqual([FIXTURE_NAMES.town])

    const graph = parseGraphml(Graph, await (await fetch(`${base}/api/export?format=graphml&status=contested`)).text())
    expect(graph.size).toBe(1)
    graph.forEachEdge((_edge, attributes) => expect(attributes['contested']).toBe(true))

    const presences = checkGeoJson(await (await fetch(`${base}/api/export?format=geojson&layer=presences`)).text()) as {
      features: { properties: { layer: string } }[]
    }
    expect(presences.features.length).toBeGreaterThan(0)
    expect(presences.features.every((feature) => feature.properties.layer === 'presences')).toBe(true)

    const june = await (await fetch(`${base}/api/export?format=plover&since=2025-06-01`)).text()
    expect(
      june
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { date: string }).date),
    ).toEqual(['2025-06-01'])
  })

  it.each([
    ['/api/export', /must have required property 'format'/],
    ['/api/export?format=kml', /format must be equal to one of the allowed values/],
    ['/api/export?format=stix&status=maybe', /status must be equal to one of the allowed values/],
    ['/api/export?format=stix&since=2025-07-01&until=2025-01-01', /since \(2025-07-01\) is after until/],
    ['/api/export?format=geojson&layer=roads', /layer must be equal to one of the allowed values/],
  ])('%s is a 400 naming the input', async (path, message) => {
    const response = await fetch(`${base}${path}`)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(message)
  })

  it('is in the OpenAPI document as a download', async () => {
    const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as any
    const operation = document.paths['/api/export'].get
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'about',
      'bom',
      'format',
      'layer',
      'since',
      'status',
      'until',
    ])
    expect(Object.keys(operation.responses['200'].content)).toContain('application/stix+json;version=2.1')
    expect(operation.responses['200'].headers['Content-Disposition']).toBeDefined()
  })
})
