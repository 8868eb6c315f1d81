import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import Graph from 'graphology'
import { parse as parseGraphml } from 'graphology-graphml'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import { openStore, type Store } from '../../src/store/open-store.js'
import { buildServer, defaultWebRoot } from '../../src/serve/server.js'
import { fillStore, FIXTURE_NAMES } from '../export/export-fixtures.js'

const CHROMIUM = '/usr/bin/chromium'
const skipReason = !fs.existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing`
  : !fs.existsSync(path.join(defaultWebRoot(), 'index.html'))
    ? 'the web UI is not built (npm run build:web)'
    : null
if (skipReason) console.warn(`skipping export UI tests: ${skipReason}`)

describe.skipIf(skipReason !== null)('the Export control in chromium', () => {
  let store: Store
  let app: FastifyInstance
  let context: BrowserContext
  let page: Page
  let base = ''
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-export-ui-'))

  beforeAll(async () => {
    store = await openStore(path.join(dir, 'ui.db'))
    await fillStore(store, false)
    app = await buildServer({ store, token: 'export-ui-token', readOnly: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    page = context.pages()[0] ?? (await context.newPage())
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    await app?.close()
    await store?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function download(): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('.export-control a')])
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') }
  }

  it('claims board: downloads the actor network for the actor filter', async () => {
    await page.goto(`${base}/#/claims`)
    await page.waitForSelector('.export-control select', { timeout: 20_000 })
    await page.fill('input[name="actor"]', FIXTURE_NAMES.council)
    await page.click('form.filters button[type="submit"]')
    await page.selectOption('.export-control select', { label: 'GraphML actor network' })
    const file = await download()
    expect(file.name).toBe('sitrep-graphml.graphml')
    const graph = parseGraphml(Graph, file.text)
    const labels = graph.mapNodes((_node, attributes) => attributes['label'] as string).sort()
    expect(labels).toEqual([FIXTURE_NAMES.group, FIXTURE_NAMES.council].sort())
  })

  it('map: downloads events and presences as GeoJSON', async () => {
    await page.goto(`${base}/#/map`)
    await page.waitForSelector('.map-view .export-control select', { timeout: 20_000 })
    const file = await download()
    expect(file.name).toBe('sitrep-geojson.geojson')
    const collection = checkGeoJson(file.text) as { features: { properties: { layer: string } }[] }
    expect(new Set(collection.features.map((feature) => feature.properties.layer))).toEqual(new Set(['events', 'presences']))
  })
})
