import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { openStore, type Store } from '../../src/store/open-store.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { ingestPaths } from '../../src/queue/ingest-run.js'
import { buildServer, defaultWebRoot } from '../../src/serve/server.js'
import { REPO_ROOT } from '../support/built-cli.js'
import { analyzed, claim, entity, event, filler } from '../support/records.js'

const CHROMIUM = '/usr/bin/chromium'
const SEEDS = path.join(REPO_ROOT, '..', 'shared', 'seeds')
const DEMO = path.join(REPO_ROOT, 'examples', 'demo')
const SCREENSHOTS = path.join(REPO_ROOT, 'test-output', 'screenshots')
const usingSeeds = fs.existsSync(SEEDS)

/** web/dist ships built; a checkout without it builds it once here. */
function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(defaultWebRoot(), 'index.html'))) return
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web'], { cwd: REPO_ROOT, stdio: 'inherit' })
}
if (fs.existsSync(CHROMIUM)) ensureWebBuilt()

const skipReason = !fs.existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing: run scripts/install-chromium.sh`
  : !fs.existsSync(path.join(defaultWebRoot(), 'index.html'))
    ? `the web UI is not built (${defaultWebRoot()}): run npx vite build web`
    : null
if (skipReason) console.warn(`skipping browser tests: ${skipReason}`)

/** An article whose title, text, names and URL try every way to run script in the page. */
const hostileName = '<img src=x onerror="window.__pwned=\'name\'">'
const hostileText = [
  'Gunmen attacked <script>window.__pwned = "script"</script> a post.',
  '<img src=x onerror="window.__pwned=\'img\'; alert(1)"> was reported by',
  `${hostileName} near the border.`,
  '<a href="javascript:window.__pwned=\'link\'">details</a> javascript:window.__pwned="bare"',
  filler('hostile'),
].join(' ')
const hostileStart = hostileText.indexOf(hostileName)
const hostile = analyzed({
  text: hostileText,
  title: '<script>window.__pwned="title"</script><b onmouseover="window.__pwned=1">Hostile</b>',
  url: 'javascript:window.__pwned="url"',
  source: '<svg onload="window.__pwned=\'source\'">',
  published: '2025-02-01',
  entities: [{ ...entity('actor:x-hostile', hostileName, 'armed_group'), mentions: [{ start: hostileStart, end: hostileStart + hostileName.length }] }],
  places: [{ id: 'sitrep:x-hostile-place', name: '<iframe src="javascript:window.__pwned=\'place\'">', kind: 'locality', country: 'PK', admin1: null, lat: 31, lon: 70, mentions: [] }],
  events: [event({ type: 'ASSAULT', place: 'sitrep:x-hostile-place', actors: ['actor:x-hostile'], date: { start: '2025-02-01', end: '2025-02-01', text: null }, evidence: { start: 0, end: 60 } })],
  claims: [claim({ subject: 'actor:x-hostile', relation: 'present_in', object: 'sitrep:x-hostile-place', claimant: 'actor:x-hostile', evidence: { start: 0, end: 60 } })],
})

describe.skipIf(skipReason !== null)('web UI in chromium', () => {
  let store: Store
  let app: FastifyInstance
  let base = ''
  let context: BrowserContext
  let page: Page
  let userDataDir = ''
  const dialogs: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-e2e-'))
    store = await openStore(path.join(dir, 'ui.db'))
    const summary = await ingestPaths(store, [usingSeeds ? SEEDS : DEMO], { jobs: 0 })
    expect(summary.done).toBeGreaterThan(0)
    await writeBatch(store, [hostile])
    app = await buildServer({ store, token: 'e2e-token-0000', readOnly: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-chromium-'))
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
  }, 180_000)

  afterAll(async () => {
    await context?.close()
    await app?.close()
    await store?.close()
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true })
  })

  async function open(hash: string, ready: string): Promise<void> {
    await page.goto(`${base}/${hash}`)
    await page.waitForSelector(ready, { timeout: 20_000 })
  }

  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
  }

  async function api<T>(pathAndQuery: string): Promise<T> {
    return (await (await fetch(`${base}/api/${pathAndQuery}`)).json()) as T
  }

  it('overview shows counts, contested claims and latest events', async () => {
    await open('#/', '.stat-cards')
    await page.waitForSelector('.events-table tbody tr')
    expect(await page.locator('.stat').count()).toBe(6)
    await shoot('overview')
  })

  it('claims board groups propositions and shows a contested one', async () => {
    await open('#/claims', '.board-column[data-status="contested"] .card, .board-column[data-status="contested"] .muted')
    const contested = page.locator('.board-column[data-status="contested"] .card')
    expect(await contested.count()).toBeGreaterThan(0)
    await shoot('claims')
  })

  it.runIf(usingSeeds)('the ISKP presence in Mastung is on the board', async () => {
    const found = await api<{ total: number }>('propositions?actor=ISKP&place=Mastung&relation=present_in')
    expect(found.total).toBeGreaterThan(0)
    await open('#/claims?actor=ISKP&place=Mastung', '.board .card')
    await page.locator('form.filters button[type=submit]').click()
    await page.waitForFunction(() => [...document.querySelectorAll('.board .card')].some((card) => /Mastung/.test(card.textContent ?? '')))
    await shoot('claims-iskp-mastung')
  })

  it('clicks from a claim to its evidence in the reader', async () => {
    await open('#/claims', '.board-column[data-status="contested"] .card')
    await page.locator('.board-column[data-status="contested"] .card .detail-link').first().click()
    await page.waitForSelector('.statements .statement')
    await shoot('proposition')
    const quote = (await page.locator('.statements .statement blockquote').first().textContent())!.trim()
    await page.locator('.statements .statement a.to-reader').first().click()
    await page.waitForSelector('.article-text .hl.focus')
    const focused = (await page.locator('.article-text .hl.focus').allTextContents()).join('')
    expect(quote.startsWith(focused.trim().slice(0, 20))).toBe(true)
    expect(await page.locator('.article-text .hl-entity').count()).toBeGreaterThan(0)
    expect(await page.locator('.article-text .hl-claim').count()).toBeGreaterThan(0)
    await shoot('reader')
  })

  it('map has event markers and claimed presences', async () => {
    await open('#/map', '.leaflet-container')
    await page.waitForSelector('.event-marker, .marker-cluster', { timeout: 20_000 })
    expect(await page.locator('.event-marker, .marker-cluster').count()).toBeGreaterThan(0)
    expect(await page.locator('.presence-marker').count()).toBeGreaterThan(0)
    await shoot('map')
  })

  it('timeline draws a chart and a brush sets the shared range', async () => {
    await open('#/timeline', '.chart .uplot')
    await page.waitForSelector('.events-table tbody tr')
    const over = page.locator('.chart .u-over')
    const box = (await over.boundingBox())!
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 5 })
    await page.mouse.up()
    await page.waitForSelector('text=Selected:')
    await shoot('timeline')
    await page.locator('button', { hasText: 'clear' }).click()
  })

  it('network has nodes; clicking one opens the actor profile', async () => {
    await open('#/network', '.graph canvas')
    await page.waitForFunction(() => ((window as any).__sitrepGraph?.nodes().length ?? 0) > 0)
    const nodes = await page.evaluate(() => (window as any).__sitrepGraph.nodes().length as number)
    expect(nodes).toBeGreaterThan(1)
    await shoot('network')
    const id = await page.evaluate(() => {
      const node = (window as any).__sitrepGraph.nodes().max((n: any) => n.data('weight')).ele
      node.emit('tap')
      return node.id() as string
    })
    await page.waitForSelector('.actor-profile h1')
    expect(page.url()).toContain(encodeURIComponent(id))
    await shoot('actor')
  })

  it('event detail lists its sources', async () => {
    const events = await api<{ items: { id: string }[] }>('events?limit=1')
    await open(`#/event/${encodeURIComponent(events.items[0]!.id)}`, '.event-detail blockquote')
    await shoot('event')
  })

  it('search finds articles, actors and places', async () => {
    await open('#/search?q=Taliban', '.search .hits li, .search .columns')
    expect(await page.locator('.search .hits li').count()).toBeGreaterThan(0)
    await shoot('search')
  })

  it('ingest view takes dropped files and needs the token', async () => {
    await open('#/ingest', '.dropzone')
    await page.locator('input[type=file]').setInputFiles({ name: 'dropped.txt', mimeType: 'text/plain', buffer: Buffer.from('Security forces arrested three suspects in Quetta on Tuesday, officials said.') })
    await page.locator('input[name=token]').fill('wrong-token')
    await page.locator('button', { hasText: 'Analyse and store' }).click()
    await page.waitForSelector('.ingest .error')
    expect(await page.locator('.ingest .error').textContent()).toMatch(/wrong bearer token/)
    await page.locator('input[name=token]').fill('e2e-token-0000')
    await page.locator('button', { hasText: 'Analyse and store' }).click()
    await page.waitForSelector('.ingest .summary')
    expect(await page.locator('.ingest .summary').textContent()).toMatch(/1 added/)
    await shoot('ingest')
  })

  it('nothing from a hostile article executes', async () => {
    const id = hostile.record.document.id
    await open(`#/article/${id}`, '.article-text')
    expect(await page.locator('.article-title').textContent()).toContain('<script>')
    expect(await page.locator('.article-text').textContent()).toContain('onerror=')
    expect(await page.locator('.article-text script, .article-text img, .article-text iframe, .article-title b').count()).toBe(0)
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    await page.locator('.article-text .hl-entity').first().hover()
    await shoot('hostile-article')
    const views = ['#/', '#/claims?actor=actor:x-hostile', `#/actor/${encodeURIComponent('actor:x-hostile')}`, '#/search?q=Gunmen', '#/network', '#/timeline']
    for (const view of views) {
      await page.goto(`${base}/${view}`)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    }
    await open(`#/map?place=${encodeURIComponent('sitrep:x-hostile-place')}`, '.leaflet-container')
    await page.waitForSelector('.event-marker, .marker-cluster')
    for (const marker of await page.locator('path.event-marker').all()) await marker.click({ force: true }).catch(() => undefined)
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
