/** `sitrep analyze` on gzip-compressed web pages of one site: the compiled CLI, our own pages. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI } from '../support/built-cli.js'
import type { AnalysisRecord } from '../../src/record/record.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-web-pages-'))
beforeAll(() => buildCli())
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const PITCH = 'The Frontier Ledger is an independent newsroom supported by readers across the border districts.'

function page(n: number, title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${title} | Frontier Ledger</title>
<meta property="og:site_name" content="Frontier Ledger">
<link rel="canonical" href="https://frontierledger.example/news/${n}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2024-03-0${n}T08:00:00Z","author":{"@type":"Person","name":"Sana Qureshi"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/opinion">Opinion</a></nav>
<main><article><h1>${title}</h1><span class="byline">By Sana Qureshi</span>
<div itemprop="articleBody">${paragraphs.map((text) => `<p>${text}</p>`).join('')}<p>${PITCH}</p>
<div class="share-tools"><a href="#">Share on X</a> <a href="#">Share by email</a></div></div></article>
<aside class="related-posts"><h2>Related</h2><ul><li><a href="/news/9">Traders protest new toll at border crossing</a></li></ul></aside></main>
<footer>© Frontier Ledger. All rights reserved.</footer></body></html>`
}

describe('sitrep analyze on .html.gz web pages', () => {
  it('extracts body and metadata from each page and drops what the site prints under every article', () => {
    const folder = path.join(root, 'pages')
    fs.mkdirSync(folder)
    fs.writeFileSync(
      path.join(folder, '1.html.gz'),
      gzipSync(
        page(1, 'Police post attacked in Zhob', [
          'Gunmen attacked a police post in Zhob district of Balochistan on Monday night, killing two policemen, officials said.',
          'The provincial government condemned the attack and ordered an inquiry.',
        ]),
      ),
    )
    fs.writeFileSync(
      path.join(folder, '2.html.gz'),
      gzipSync(
        page(2, 'Curfew lifted in Kurram', [
          'Authorities lifted the curfew in Kurram district on Tuesday after a week of clashes between rival tribes.',
          'Shops reopened in Parachinar as the main road was cleared for traffic.',
        ]),
      ),
    )
    const run = spawnSync(process.execPath, [CLI, 'analyze', folder, '--json'], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const [first, second] = JSON.parse(run.stdout) as AnalysisRecord[]
    expect(first!.document).toMatchObject({
      title: 'Police post attacked in Zhob',
      source: 'Frontier Ledger',
      url: 'https://frontierledger.example/news/1',
      author: 'Sana Qureshi',
      published: '2024-03-01',
    })
    expect(first!.document.text.startsWith('Gunmen attacked a police post')).toBe(true)
    for (const chrome of [
      'Police post attacked in Zhob',
      'By Sana Qureshi',
      'Share on X',
      'Traders protest',
      'All rights reserved',
      'Opinion',
    ]) {
      expect(first!.document.text).not.toContain(chrome)
    }
    const reasons = new Set(first!.document.removed.map((block) => block.reason))
    for (const reason of ['navigation', 'related', 'byline']) expect(reasons).toContain(reason)
    // the first page of the site keeps the newsroom's pitch; the second page drops it as the site's template
    expect(first!.document.text).toContain(PITCH)
    expect(second!.document.text).not.toContain(PITCH)
    expect(second!.document.removed.some((block) => block.reason === 'other' && block.text.includes(PITCH))).toBe(true)
    // and the analysis runs on the extracted body
    expect(first!.places.map((place) => place.name)).toContain('Zhob')
    expect(second!.places.map((place) => place.name)).toContain('Kurram')
  })

  it('names a page with no article text instead of storing an empty article, and keeps the rest', () => {
    const folder = path.join(root, 'mixed')
    fs.mkdirSync(folder)
    fs.writeFileSync(
      path.join(folder, 'app-shell.html'),
      '<html><head><script>boot()</script></head><body><div id="app"></div><noscript>Enable JavaScript.</noscript></body></html>',
    )
    fs.writeFileSync(
      path.join(folder, 'menu-only.html'),
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© Frontier Ledger</footer></body></html>',
    )
    fs.writeFileSync(
      path.join(folder, 'story.html.gz'),
      gzipSync(
        page(3, 'Police post attacked in Zhob', [
          'Gunmen attacked a police post in Zhob district of Balochistan on Monday night, killing two policemen, officials said.',
        ]),
      ),
    )
    const analyzed = spawnSync(process.execPath, [CLI, 'analyze', folder, '--json'], { encoding: 'utf8' })
    expect(analyzed.status).toBe(1)
    for (const name of ['app-shell.html', 'menu-only.html'])
      expect(analyzed.stderr).toMatch(new RegExp(`${name}: analysis failed: no article text found`))
    expect((JSON.parse(analyzed.stdout) as AnalysisRecord).document.text).toContain('Gunmen attacked a police post')

    const db = path.join(root, 'pages.db')
    const ingested = spawnSync(process.execPath, [CLI, 'ingest', folder, '--db', db, '--jobs', '1'], { encoding: 'utf8', cwd: root })
    expect(ingested.status).toBe(1)
    expect(ingested.stderr).toMatch(/1 added, 0 replaced, 0 unchanged, 2 failed/)
    expect(ingested.stderr).toMatch(/app-shell\.html: analysis failed: no article text found/)
  })
})
