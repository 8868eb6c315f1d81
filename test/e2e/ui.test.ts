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
const DEV_DOCS = path.join(REPO_ROOT, '..', 'shared', 'dev', 'docs')
const DEMO = path.join(REPO_ROOT, 'examples', 'demo')
const SCREENSHOTS = path.join(REPO_ROOT, 'test-output', 'screenshots')
const usingSeeds = fs.existsSync(SEEDS)

/** web/dist ships built; a checkout without it builds it once here. */
function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(defaultWebRoot(), 'index.html'))) return
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  })
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
  entities: [
    {
      ...entity('actor:x-hostile', hostileName, 'armed_group'),
      mentions: [{ start: hostileStart, end: hostileStart + hostileName.length }],
    },
  ],
  places: [
    {
      id: 'sitrep:x-hostile-place',
      name: '<iframe src="javascript:window.__pwned=\'place\'">',
      kind: 'locality',
      country: 'PK',
      admin1: null,
      lat: 31,
      lon: 70,
      mentions: [],
    },
  ],
  events: [
    event({
      type: 'ASSAULT',
      place: 'sitrep:x-hostile-place',
      actors: ['actor:x-hostile'],
      date: { start: '2025-02-01', end: '2025-02-01', text: null },
      evidence: { start: 0, end: 60 },
    }),
  ],
  claims: [
    claim({
      subject: 'actor:x-hostile',
      relation: 'present_in',
      object: 'sitrep:x-hostile-place',
      claimant: 'actor:x-hostile',
      evidence: { start: 0, end: 60 },
    }),
  ],
})

describe.skipIf(skipReason !== null)('web UI in chromium', () => {
  let store: Store
  let app: FastifyInstance
  let base = ''
  let context: BrowserContext
  let page: Page
  let userDataDir = ''
  let betweenIngests = ''
  const dialogs: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-e2e-'))
    store = await openStore(path.join(dir, 'ui.db'))
    const summary = await ingestPaths(store, [usingSeeds ? SEEDS : DEMO], { jobs: 0 })
    expect(summary.done).toBeGreaterThan(0)
    // A second ingest later on: what it changes is "what's new since" the moment between the two.
    await new Promise((resolve) => setTimeout(resolve, 20))
    betweenIngests = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 20))
    if (usingSeeds && fs.existsSync(DEV_DOCS)) await ingestPaths(store, [DEV_DOCS], { jobs: 0 })
    await writeBatch(store, [hostile])
    app = await buildServer({ store, token: 'e2e-token-0000', readOnly: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-chromium-'))
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
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
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false })
  }

  async function api<T>(pathAndQuery: string): Promise<T> {
    return (await (await fetch(`${base}/api/${pathAndQuery}`)).json()) as T
  }

  it('overview shows counts, contested claims, events by week with axes and latest events', async () => {
    await open('#/', '.stat-cards')
    await page.waitForSelector('.events-table tbody tr')
    expect(await page.locator('.stat').count()).toBe(6)
    await page.waitForSelector('.overview .chart .uplot')
    expect(await page.locator('.overview .chart .u-axis').count()).toBeGreaterThanOrEqual(3)
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
    await shoot('map-points')
  })

  it('timeline draws a chart with axes, type stacking and fatalities, and a brush sets the shared range', async () => {
    await open('#/timeline', '.chart .uplot')
    expect(await page.locator('.chart .u-axis').count()).toBeGreaterThanOrEqual(3)
    const legend = await page.locator('.chart .u-legend').textContent()
    expect(legend).toMatch(/fatalities/)
    expect(await page.locator('.chart .u-legend .u-series').count()).toBeGreaterThan(2)
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

  /** The rendered label boxes of the nodes whose label shows (cytoscape's own label bounding boxes). */
  async function shownLabelBoxes(): Promise<{ id: string; label: string; box: { x1: number; y1: number; x2: number; y2: number } }[]> {
    return page.evaluate(() => {
      const graph = (window as any).__sitrepGraph
      return graph
        .nodes()
        .filter((n: any) => String(n.style('label')) !== '')
        .map((n: any) => ({
          id: n.id(),
          label: String(n.style('label')),
          box: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }),
        }))
    })
  }

  function overlappingPairs(boxes: Awaited<ReturnType<typeof shownLabelBoxes>>): string[] {
    const pairs: string[] = []
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box
        const b = boxes[j]!.box
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${boxes[i]!.label} / ${boxes[j]!.label}`)
      }
    }
    return pairs
  }

  it('network: no two shown labels overlap in the default view; minor labels on hover; ego view and filters', async () => {
    await open('#/network', '.graph canvas')
    await page.waitForFunction(() => ((window as any).__sitrepGraph?.nodes().length ?? 0) > 0)
    await page.waitForTimeout(300)
    const nodes = await page.evaluate(() => (window as any).__sitrepGraph.nodes().length as number)
    expect(nodes).toBeGreaterThan(1)
    const boxes = await shownLabelBoxes()
    expect(boxes.length).toBeGreaterThanOrEqual(Math.min(nodes, 5))
    expect(overlappingPairs(boxes)).toEqual([])
    await shoot('network')
    // a minor actor's label shows on hover
    const quiet = await page.evaluate(() => {
      const node = (window as any).__sitrepGraph.nodes('.quiet')[0]
      if (!node) return null
      node.emit('mouseover')
      return String(node.style('label'))
    })
    if (quiet !== null) expect(quiet).not.toBe('')
    // edge filter by status
    await page.locator('select[name=status]').selectOption('contested')
    await page.waitForFunction(() => (window as any).__sitrepGraph?.edges().every((e: any) => e.data('stance') === 'contested'))
    await page.locator('select[name=status]').selectOption('')
    await page.waitForFunction((n) => (window as any).__sitrepGraph?.nodes().length === n, nodes)
    // click the heaviest actor: its panel offers the ego view and the profile
    const id = await page.evaluate(() => {
      const node = (window as any).__sitrepGraph.nodes().max((n: any) => n.data('weight')).ele
      node.emit('tap')
      return node.id() as string
    })
    await page.waitForSelector('.node-detail .ego-link')
    await page.locator('.node-detail .ego-link').click()
    await page.waitForFunction((center) => {
      const graph = (window as any).__sitrepGraph
      return graph?.$id(center).hasClass('ego') && graph.edges().every((e: any) => e.source().id() === center || e.target().id() === center)
    }, id)
    expect(overlappingPairs(await shownLabelBoxes())).toEqual([])
    await shoot('network-ego')
    await page.evaluate((center) => {
      ;(window as any).__sitrepGraph.$id(center).emit('tap')
    }, id)
    await page.locator('.node-detail .profile-link').click()
    await page.waitForSelector('.actor-profile h1')
    expect(page.url()).toContain(encodeURIComponent(id))
    await shoot('actor')
  })

  it('undated statements are shown as undated, never with the day they were ingested', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const page1 = await api<{ items: { id: string; firstSeen: string | null; undatedClaims: number }[] }>('propositions?limit=500')
    const undated = page1.items.find((p) => p.firstSeen === null)
    expect(undated).toBeDefined()
    expect(page1.items.every((p) => p.firstSeen === null || p.firstSeen < today)).toBe(true)
    await open(`#/proposition/${encodeURIComponent(undated!.id)}`, '.statements .statement')
    expect(await page.locator('.proposition-detail .seen-range').textContent()).toMatch(/undated/)
    expect(await page.locator('.proposition-detail').textContent()).not.toContain(today)
    expect(await page.locator('.statements .statement .meta').first().textContent()).toMatch(/undated/)
    await shoot('proposition-undated')
    // an undated proposition is outside every date range
    const ranged = await api<{ items: { id: string }[] }>('propositions?since=1900-01-01&limit=500')
    expect(ranged.items.map((p) => p.id)).not.toContain(undated!.id)
  })

  it('anonymous reporting is one asserter row with its count', async () => {
    const all = await api<{ items: { asserters: { party: unknown }[]; deniers: { party: unknown }[] }[] }>('propositions?limit=500')
    for (const p of all.items) {
      expect(p.asserters.filter((party) => party.party === null).length).toBeLessThanOrEqual(1)
      expect(p.deniers.filter((party) => party.party === null).length).toBeLessThanOrEqual(1)
    }
    await open('#/claims', '.board .card')
    for (const row of await page.locator('.board .card .parties-row').all())
      expect(await row.locator('.anonymous-party').count()).toBeLessThanOrEqual(1)
  })

  it('a province-level event is a shaded area (or a marked centroid), not a town point; precision shows in tables', async () => {
    const events = await api<{ items: { id: string; geoPrecision: number | null; place: { placeKind: string | null } | null }[] }>(
      'events?limit=5000',
    )
    const province = events.items.find((e) => e.geoPrecision === 2 && e.place?.placeKind === 'admin1')
    expect(province).toBeDefined()
    await open('#/map', '.leaflet-container')
    await page.waitForSelector('path.area-marker, .approx-marker', { timeout: 20_000 })
    expect(await page.locator('path.area-marker').count()).toBeGreaterThan(0)
    await shoot('map')
    await open('#/timeline', '.events-table tbody tr')
    expect(await page.locator('.events-table [data-precision^="geo-"]').count()).toBeGreaterThan(0)
    expect(await page.locator('.events-table [data-precision^="time-"]').count()).toBeGreaterThan(0)
  })

  it.runIf(usingSeeds)('the dyad view shows both directions for a pair that accuse each other', async () => {
    const network = await api<{ edges: { source: string; target: string; relation: string }[] }>('network?relation=accuses&limit=2000')
    const pair = network.edges.find((edge) => network.edges.some((back) => back.source === edge.target && back.target === edge.source))
    expect(pair).toBeDefined()
    await open(`#/dyad?a=${encodeURIComponent(pair!.source)}&b=${encodeURIComponent(pair!.target)}`, '.dyad-side')
    expect(await page.locator('.side-ab .dyad-events li').count()).toBeGreaterThan(0)
    expect(await page.locator('.side-ba .dyad-events li').count()).toBeGreaterThan(0)
    expect(await page.locator('.dyad-axis .dyad-event[data-direction="ab"]').count()).toBeGreaterThan(0)
    expect(await page.locator('.dyad-axis .dyad-event[data-direction="ba"]').count()).toBeGreaterThan(0)
    expect(await page.locator('table.balance tbody tr').count()).toBeGreaterThan(0)
    await shoot('dyad')
    // evidence one click away: a statement's "read in context" opens the sentence in the reader
    const toReader = page.locator('.dyad-side .to-reader').first()
    await toReader.click()
    await page.waitForSelector('.article-text .hl.focus')
  })

  it('the reader lists what was extracted beside the text, jumps to it, and marks weak cues', async () => {
    const articles = await api<{ articles: { id: string }[] }>('search?q=Taliban&limit=50')
    let chosen: string | null = null
    let fallback: string | null = null
    for (const hit of articles.articles) {
      const article = await api<{ extraction: { events: unknown[]; claims: { weakCue: string | null }[] } }>(
        `articles/${encodeURIComponent(hit.id)}`,
      )
      if (article.extraction.events.length > 0 && article.extraction.claims.length > 0) {
        fallback ??= hit.id
        if (article.extraction.claims.some((c) => c.weakCue)) {
          chosen = hit.id
          break
        }
      }
    }
    const id = chosen ?? fallback
    expect(id).not.toBeNull()
    await open(`#/article/${encodeURIComponent(id!)}`, '.extraction-panel')
    expect(await page.locator('.extraction-panel .extracted-events li').count()).toBeGreaterThan(0)
    expect(await page.locator('.extraction-panel .extracted-claims li').count()).toBeGreaterThan(0)
    expect(await page.locator('.extraction-panel .extracted-names li').count()).toBeGreaterThan(0)
    await page.locator('.extraction-panel .extracted-claims a.jump').first().click()
    await page.waitForSelector('.article-text .hl.focus')
    if (chosen) {
      expect(await page.locator('.extraction-panel .doubt-mark').count()).toBeGreaterThan(0)
      expect(await page.locator('.article-text .hl-doubt').count()).toBeGreaterThan(0)
    }
    await shoot('reader-panel')
  })

  it("what's new since a moment shows new propositions, status changes and new events", async () => {
    const changes = await api<{
      newPropositions: { total: number }
      statusChanges: { total: number; items: { from: string; to: string }[] }
      newEvents: { total: number }
    }>(`changes?since=${encodeURIComponent(betweenIngests)}`)
    expect(changes.newPropositions.total + changes.newEvents.total).toBeGreaterThan(0)
    if (usingSeeds)
      expect(changes.statusChanges.items.some((c) => c.from === 'single-source' && (c.to === 'corroborated' || c.to === 'contested'))).toBe(
        true,
      )
    const none = await api<{ newPropositions: { total: number }; newEvents: { total: number } }>(`changes?since=2999-01-01`)
    expect(none.newPropositions.total + none.newEvents.total).toBe(0)
    await open('#/', '.whats-new')
    await page.locator('input[name=whats-new-since]').fill(betweenIngests.slice(0, 10))
    await page.waitForSelector('.whats-new .whats-new-counts')
    expect(await page.locator('.whats-new .whats-new-counts').textContent()).toMatch(/\d+ new propositions/)
    if (usingSeeds) await page.waitForSelector('.whats-new .status-changes li')
    await shoot('overview-whats-new')
    // every view carries it
    for (const view of ['#/claims', '#/map', '#/timeline', '#/network']) {
      await open(view, '.whats-new .whats-new-counts')
    }
    await page.evaluate(() => localStorage.removeItem('sitrep.whatsNewSince'))
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
    await page.locator('input[type=file]').setInputFiles({
      name: 'dropped.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Security forces arrested three suspects in Quetta on Tuesday, officials said.'),
    })
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
    const views = [
      '#/',
      '#/claims?actor=actor:x-hostile',
      `#/actor/${encodeURIComponent('actor:x-hostile')}`,
      '#/search?q=Gunmen',
      '#/network',
      '#/timeline',
    ]
    for (const view of views) {
      await page.goto(`${base}/${view}`)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    }
    await open(`#/map?place=${encodeURIComponent('sitrep:x-hostile-place')}`, '.leaflet-container')
    await page.waitForSelector('.event-marker, .marker-cluster')
    for (const marker of await page.locator('path.event-marker').all())
      await marker.click({ force: true, timeout: 2000 }).catch(() => undefined)
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
