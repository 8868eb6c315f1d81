/**
 * The HTML article extractor (src/clean/html), one small hand-written page per signal it relies on.
 * Every page and sentence here is made up for these tests.
 */
import { describe, expect, it } from 'vitest'
import { cleanDocument } from '../../src/clean/clean-document.js'
import { extractArticle, htmlFragmentText, type HtmlArticle } from '../../src/clean/html/extract-article.js'
import { MAX_DEPTH } from '../../src/clean/html/parse-html.js'
import type { RemovalReason } from '../../src/record/record.js'

// Article prose: each sentence is long enough (80+ characters) to count as a paragraph of an article.
const FLOOD = [
  'Rescue teams reached the flooded valley villages on Monday morning, two days after the river burst its banks, and began moving families to higher ground.',
  'The regional governor said the water had damaged more than three hundred homes, several schools and the only road linking the valley to the coast.',
  'Engineers from the national water agency, working with local volunteers, are expected to inspect the dam upstream before the end of the week.',
  'Aid groups warned that clean drinking water, medicine and blankets were running short in the shelters, where nights have already turned cold.',
]

const COUNCIL = [
  'The town council, after months of delay, approved the new water plan on Tuesday, setting aside money for pipes, pumps, meters and two storage tanks.',
  'Residents of the northern districts, where taps often run dry in August, packed the public gallery, and several of them spoke before the vote.',
  'The mayor, who had opposed an earlier version of the plan, said the revised budget was modest, realistic and, above all, long overdue.',
  'Work on the first tank, near the old railway depot, should start in the spring, although the contract has not yet been signed, officials said.',
]

const BRIDGE = [
  'The old stone bridge over the canal reopened to cars on Friday after eight months of repairs that cost the city far more than first planned.',
  'Divers found in the spring that two of the piers had been worn away by the current, and the repair crew had to rebuild them from the riverbed.',
  'Cyclists will share the roadway with cars for now, but the city intends to add a separate lane once the approach roads are widened next year.',
]

const p = (text: string): string => `<p>${text}</p>`
const paragraphs = (texts: string[]): string => texts.map(p).join('\n')

function page(body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
}

/** Asserts that some removed entry has `reason` and contains `fragment`. */
function expectRemoved(result: Pick<HtmlArticle, 'removed'>, reason: RemovalReason, fragment: string): void {
  const hit = result.removed.some((entry) => entry.reason === reason && entry.text.includes(fragment))
  expect(hit, `removed has no "${reason}" entry containing "${fragment}": ${JSON.stringify(result.removed)}`).toBe(true)
}

function expectAll(text: string, sentences: string[]): void {
  for (const sentence of sentences) expect(text).toContain(sentence)
}

function expectNone(text: string, fragments: string[]): void {
  for (const fragment of fragments) expect(text).not.toContain(fragment)
}

describe('choosing the article container', () => {
  it('takes the itemprop="articleBody" container over a longer column of teaser paragraphs', () => {
    const teasers = [
      'A long look at how a small fishing harbour rebuilt its quay after the winter storms, told through the families who have worked there for generations.',
      'Farmers in the eastern plains are switching to drought tolerant crops, and some of them say the change has already saved this year’s harvest.',
      'The national orchestra begins its autumn tour next month with a programme of new works by young composers from every region of the country.',
      'Why the price of bread has risen twice this year, what the bakers say about flour and fuel, and what the government plans to do about it.',
      'A retired teacher has spent ten years mapping the footpaths of the hills above the city, and her hand drawn maps are now in the public library.',
      'The football club’s new stadium will seat twenty thousand people, but neighbours worry about traffic and noise on match days and evenings.',
    ]
    const html = page(`
      <div class="layout">
        <div class="col-main">
          <h1>Floodwater begins to recede in the valley</h1>
          <div itemprop="articleBody">${paragraphs(FLOOD)}</div>
        </div>
        <div class="col-side">
          <h3>Elsewhere today</h3>
          ${teasers.map((teaser, i) => `<div class="card"><h4><a href="/story/${i}">Story number ${i}</a></h4><p>${teaser}</p></div>`).join('\n')}
        </div>
      </div>`)
    expect(teasers.join('').length).toBeGreaterThan(FLOOD.join('').length)
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expect(result.text).toBe(FLOOD.join('\n\n'))
    expectNone(result.text, [teasers[0]!, teasers[5]!, 'Elsewhere today'])
  })

  it('takes the first <article> with prose when teaser <article>s follow it', () => {
    const teasers = [
      'The harbour authority has published its plans for a second ferry terminal, with construction due to begin in the summer.',
      'A new survey of the city’s trees counts more than forty thousand of them, the oldest being a plane tree near the cathedral.',
      'Schools in the district will open an hour later during the winter months, the education office announced on Wednesday.',
    ]
    const html = page(`
      <main>
        <article class="story"><h1>Old bridge reopens to traffic</h1>${paragraphs(BRIDGE)}</article>
        <section class="more">
          <h2>More from the city desk</h2>
          ${teasers.map((teaser, i) => `<article><h3><a href="/city/${i}">City story ${i}</a></h3>${p(teaser)}</article>`).join('\n')}
        </section>
      </main>`)
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expectAll(result.text, BRIDGE)
    expectNone(result.text, [...teasers, 'More from the city desk'])
  })

  it('passes over teaser <article>s before the story that are too short to be the article', () => {
    const html = page(`
      <article><h3><a href="/a">Ferry terminal plans published</a></h3><p>Building starts in the summer.</p></article>
      <article><h3><a href="/b">Tree survey counts forty thousand</a></h3><p>The oldest stands near the cathedral.</p></article>
      <article>${paragraphs(BRIDGE)}</article>`)
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expectAll(result.text, BRIDGE)
    expectNone(result.text, ['Ferry terminal plans published', 'The oldest stands near the cathedral.'])
  })

  it('passes over an <article> teaser card holding a small fraction of the prose the scorer finds elsewhere', () => {
    const teaser = 'The harbour board, meeting on Thursday, is expected to approve the ferry terminal plans and the new timetable.'
    const html = page(`
      <div class="top"><article class="card"><h3><a href="/c">Ferry terminal plans go to the board</a></h3><p>${teaser}</p><p>${teaser.replace('Thursday', 'Friday')}</p></article></div>
      <div id="story"><div class="text">${paragraphs([...COUNCIL, ...FLOOD, ...BRIDGE])}</div></div>`)
    const result = extractArticle(html)
    expect(result.method).toBe('scorer')
    expectAll(result.text, [...COUNCIL, ...FLOOD, ...BRIDGE])
    expect(result.text).not.toContain('Ferry terminal plans')
  })

  it('falls back to the scorer on a page of plain divs and takes the div of comma-rich paragraphs', () => {
    const html = page(`
      <div id="top"><div><a href="/">Home</a> <a href="/local">Local</a> <a href="/weather">Weather</a> <a href="/jobs">Jobs</a></div></div>
      <div id="wrap">
        <div class="col">
          <div class="x1">${paragraphs(COUNCIL)}</div>
        </div>
        <div class="col2"><div>Today 14°C</div><div>Tides: high water 06:40</div></div>
      </div>
      <div id="bottom">
        <div>The Harbour Courier</div>
        <address>14 Quay Street, Port Ellen</address>
        <div>Telephone 555 0100</div>
      </div>`)
    const result = extractArticle(html)
    expect(result.method).toBe('scorer')
    expect(result.text).toBe(COUNCIL.join('\n\n'))
    expectNone(result.text, ['Quay Street', 'Telephone 555 0100', 'The Harbour Courier', 'Tides', 'Home'])
  })
})

describe('boilerplate inside and around the article', () => {
  it('removes class- and id-named chrome inside the article with its reason', () => {
    const html = page(`
      <article>
        <h1>Floodwater begins to recede</h1>
        <div class="share-tools"><a href="/share/x">Share on X</a> <a href="/share/mail">Email this story</a></div>
        ${paragraphs(FLOOD.slice(0, 2))}
        <div class="newsletter-signup"><p>Get our morning briefing in your inbox every weekday.</p></div>
        ${paragraphs(FLOOD.slice(2))}
        <div class="related-posts"><h3>Related coverage</h3><ul><li><a href="/r/1">Dam inspection ordered</a></li><li><a href="/r/2">Shelters run short of blankets</a></li></ul></div>
        <div id="comments"><h3>Two responses</h3><p>Thank you for this reporting, stay safe everyone.</p></div>
      </article>`)
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expect(result.text).toBe(['Floodwater begins to recede', ...FLOOD].join('\n\n'))
    expectRemoved(result, 'other', 'Email this story')
    expectRemoved(result, 'spam', 'Get our morning briefing')
    expectRemoved(result, 'related', 'Dam inspection ordered')
    expectRemoved(result, 'comments', 'Thank you for this reporting')
  })

  it('keeps an article wrapper whose class reads like boilerplate (post-meta-wrapper) when it holds the prose', () => {
    const html = page(`
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article>
        <div class="post-meta-wrapper">
          <h1>Council approves water plan</h1>
          <div class="post-meta">Posted on 3 March by the news desk</div>
          ${paragraphs(COUNCIL)}
        </div>
      </article>`)
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expectAll(result.text, COUNCIL)
    // the same word on a small element still marks it
    expectRemoved(result, 'byline', 'Posted on 3 March')
    expect(result.text).not.toContain('Posted on 3 March')
  })

  it('keeps a boilerplate-named wrapper holding the prose on a page without structural markers', () => {
    const html = page(`
      <div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
      <div class="post-meta-wrapper">${paragraphs(COUNCIL)}</div>
      <div class="copyright">All content copyright the Harbour Courier.</div>`)
    const result = extractArticle(html)
    expectAll(result.text, COUNCIL)
    expectNone(result.text, ['Sport', 'All content copyright'])
  })

  it('ignores taxonomy class values (tag-comments, category-social, status-publish) on the article', () => {
    const comments = [
      'I live two streets from the river and we had water in the kitchen by midnight, so I can say the warnings came far too late for us.',
      'My brother drove a tractor through the flood to bring bread to the school, and nobody from the council thanked the volunteers at all.',
      'The same thing happened eleven years ago, and after that flood the council promised a new wall that was never built, as far as I know.',
      'We should stop building houses on the flood plain, however much money the developers offer, because every winter the river comes back.',
      'Does anyone know whether the shelter at the sports hall still has room for families with small children and a dog, since ours is full?',
      'Thanks to the firefighters from the next town, who came without being asked and stayed for two nights pumping out the cellars on our street.',
    ]
    const article = FLOOD.slice(0, 2)
    const html = page(`
      <article class="post tag-comments category-social status-publish">${paragraphs(article)}</article>
      <div class="comments-area">${comments.map((comment) => `<div class="comment-body">${p(comment)}</div>`).join('\n')}</div>`)
    // the article holds under a third of the page's prose, so a name read as "tag" or "comments" would cost it its
    // protection as the page's main prose
    expect(article.join('').length).toBeLessThan(0.3 * (article.join('').length + comments.join('').length))
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expect(result.text).toBe(article.join('\n\n'))
    expectRemoved(result, 'comments', comments[0]!)
  })

  describe('a comment thread with more prose than a short article', () => {
    const article = BRIDGE.slice(0, 2)
    const comments = [
      'About time too. I have been driving the long way round through the industrial estate for eight months, which added twenty minutes to every trip.',
      'Does anyone know if the weight limit is still in place? The sign on the east side says seven tonnes, but the council website says nothing about it.',
      'The contractors did a careful job, to be fair. I watched them from the towpath most mornings, and they were there in all weathers, even in January.',
      'Eight months for one bridge seems slow to me, but I suppose the divers could only work when the current was low, as the article says.',
    ]
    const thread = `<div class="comments-area"><h3>4 thoughts on this story</h3>${comments.map((comment) => `<div class="comment">${p(comment)}</div>`).join('\n')}</div>`

    it.each([
      [
        'on a page of divs (scorer)',
        page(`<div id="site"><div class="entry-content">${paragraphs(article)}</div>${thread}</div>`),
        'scorer',
      ],
      [
        'inside the <article> (structure)',
        page(`<article><div class="entry-content">${paragraphs(article)}</div>${thread}</article>`),
        'structure',
      ],
    ])('%s: removes the comments and keeps the article', (_label, html, method) => {
      expect(comments.join('').length).toBeGreaterThan(article.join('').length)
      const result = extractArticle(html)
      expect(result.method).toBe(method)
      expect(result.text).toBe(article.join('\n\n'))
      expectRemoved(result, 'comments', comments[2]!)
    })
  })

  it('removes a list of links inside the body (related) and keeps a list of plain items', () => {
    const html = page(`
      <article>
        ${paragraphs(FLOOD.slice(0, 2))}
        <p>The agency listed what families should bring to the shelters:</p>
        <ul><li>Identity papers and any medicine they take.</li><li>Warm clothes and a blanket for each person.</li><li>Drinking water for one day.</li></ul>
        ${paragraphs(FLOOD.slice(2))}
        <ul><li><a href="/a">River level live updates</a></li><li><a href="/b">How the dam works</a></li><li><a href="/c">Photos: the valley from the air</a></li></ul>
      </article>`)
    const result = extractArticle(html)
    expectAll(result.text, [
      ...FLOOD,
      'Identity papers and any medicine they take.',
      'Warm clothes and a blanket for each person.',
      'Drinking water for one day.',
    ])
    expectNone(result.text, ['River level live updates', 'How the dam works', 'Photos: the valley from the air'])
    expectRemoved(result, 'related', 'How the dam works')
  })

  it('keeps a sentence of the article that is mostly one link', () => {
    const sentence = 'The findings are set out in the <a href="/report">final report of the bridge commission</a>.'
    const result = extractArticle(page(`<article>${paragraphs(BRIDGE)}<p>${sentence}</p></article>`))
    expect(result.text).toContain('The findings are set out in the final report of the bridge commission.')
  })

  it('never cuts a sentence at an inline box named as boilerplate inside running text', () => {
    const sentence = 'A study by the engineer Jane Roe, published in the spring, found that two of the piers had been worn away.'
    const marked =
      'A study by the engineer <span><span class="author">Jane Roe</span></span>, published in the spring, found that two of the piers had been worn away.'
    const result = extractArticle(page(`<article>${paragraphs(BRIDGE)}<p>${marked}</p></article>`))
    expect(result.text.split('\n\n')).toContain(sentence)
  })

  it('never lets hidden elements, scripts, styles or noscript into the text', () => {
    const html = page(
      `
      <article>
        ${p(`${FLOOD[0]} <span aria-hidden="true">ARIA_HIDDEN_GLYPH</span>`)}
        <p hidden>HIDDEN_ATTRIBUTE_PARAGRAPH with enough words to look like a real paragraph of an article.</p>
        <div style="color: red; display:none">DISPLAY_NONE_BLOCK with enough words to look like a real paragraph of an article.</div>
        <div style="visibility: hidden">VISIBILITY_HIDDEN_BLOCK</div>
        ${p(FLOOD[1]!)}
        <script>var SCRIPT_IN_BODY = "a string, with commas, that looks like prose to a careless extractor";</script>
        <style>.STYLE_IN_BODY { color: red }</style>
        <noscript>NOSCRIPT_FALLBACK please enable JavaScript to read this article.</noscript>
        ${paragraphs(FLOOD.slice(2))}
      </article>`,
      '<script>window.SCRIPT_IN_HEAD = 1</script><style>body { margin: 0 } /* STYLE_IN_HEAD */</style>',
    )
    const result = extractArticle(html)
    expectAll(result.text, FLOOD)
    expectNone(result.text, [
      'ARIA_HIDDEN_GLYPH',
      'HIDDEN_ATTRIBUTE_PARAGRAPH',
      'DISPLAY_NONE_BLOCK',
      'VISIBILITY_HIDDEN_BLOCK',
      'SCRIPT_IN_BODY',
      'STYLE_IN_BODY',
      'NOSCRIPT_FALLBACK',
      'SCRIPT_IN_HEAD',
      'STYLE_IN_HEAD',
    ])
    expect(cleanDocument({ name: 'hidden.html', format: 'html', content: html, meta: {} }).text).not.toMatch(
      /HIDDEN|DISPLAY_NONE|SCRIPT_IN|STYLE_IN|NOSCRIPT/,
    )
  })

  it('removes nav, footer and aside with reasons navigation, navigation and related', () => {
    const html = page(`
      <nav><a href="/">Front page</a> <a href="/world">World news</a> <a href="/opinion">Opinion pieces</a></nav>
      <main>
        <article>${paragraphs(BRIDGE)}</article>
        <aside><h3>Most read this week</h3><p>Ferry strike called off at the last minute after a night of talks.</p></aside>
      </main>
      <footer><p>Contact the newsroom</p><p>Privacy and terms</p></footer>`)
    const result = extractArticle(html)
    expect(result.text).toBe(BRIDGE.join('\n\n'))
    expectRemoved(result, 'navigation', 'World news')
    expectRemoved(result, 'navigation', 'Contact the newsroom')
    expectRemoved(result, 'related', 'Ferry strike called off')
  })
})

describe('the body a page declares in JSON-LD', () => {
  const declared = (body: string): string =>
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Flood', articleBody: body })}</script>`

  it('is used when the markup holds no article (a page rendered by scripts)', () => {
    const html = page('<div id="app"><p>Loading…</p></div><noscript>Please enable JavaScript.</noscript>', declared(FLOOD.join('\n')))
    const result = extractArticle(html)
    expect(result.method).toBe('json-ld')
    expect(result.text).toBe(FLOOD.join('\n\n'))
  })

  it('loses to the markup when it is a shortened copy of the article', () => {
    const html = page(`<article>${paragraphs(FLOOD)}</article>`, declared(`${FLOOD[0]!.slice(0, 120)}…`))
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expect(result.text).toBe(FLOOD.join('\n\n'))
  })
})

describe('page metadata', () => {
  const body = `<article>${paragraphs(BRIDGE)}</article>`

  it('reads JSON-LD NewsArticle: headline, author, datePublished, publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Not the outlet' },
        {
          '@type': 'NewsArticle',
          headline: 'Canal bridge open again',
          author: [{ '@type': 'Person', name: 'Maria Lopes' }],
          datePublished: '2024-09-13T07:30:00+02:00',
          publisher: { '@type': 'Organization', name: 'City Ledger' },
        },
      ],
    }
    const result = extractArticle(
      page(body, `<title>Something else entirely</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`),
    )
    expect(result).toMatchObject({
      title: 'Canal bridge open again',
      author: 'Maria Lopes',
      published: '2024-09-13',
      source: 'City Ledger',
    })
    expect(result.text).not.toContain('NewsArticle')
  })

  it('skips a JSON-LD block that does not parse and still reads the next one', () => {
    const result = extractArticle(
      page(
        body,
        `<script type="application/ld+json">{ "@type": "NewsArticle", broken</script><script type="application/ld+json">{"@type":"Article","headline":"Second block wins","author":{"name":"Ana Silva"}}</script>`,
      ),
    )
    expect(result).toMatchObject({ title: 'Second block wins', author: 'Ana Silva' })
  })

  it('reads Open Graph: og:title, og:site_name, article:published_time', () => {
    const head = `<meta property="og:title" content="Canal bridge reopens"><meta property="og:site_name" content="Canal Times"><meta property="article:published_time" content="2023-04-05T09:00:00Z"><meta property="og:url" content="https://canaltimes.example/bridge">`
    const result = extractArticle(page(body, head))
    expect(result).toMatchObject({
      title: 'Canal bridge reopens',
      source: 'Canal Times',
      published: '2023-04-05',
      url: 'https://canaltimes.example/bridge',
    })
  })

  it('reads the date from <time datetime> and the author from a byline element', () => {
    const html = page(
      `<article><h1>Canal bridge reopens</h1><span class="byline">By Jane Roe</span> <time datetime="2022-12-01T18:45:00">Thursday evening</time>${paragraphs(BRIDGE)}</article>`,
    )
    expect(extractArticle(html)).toMatchObject({ author: 'Jane Roe', published: '2022-12-01' })
  })

  it('removes a block-level byline from the text with reason byline', () => {
    const html = page(`<article><h1>Canal bridge reopens</h1><div class="byline">By Jane Roe</div>${paragraphs(BRIDGE)}</article>`)
    const result = extractArticle(html)
    expect(result.author).toBe('Jane Roe')
    expect(result.text).not.toContain('By Jane Roe')
    expectRemoved(result, 'byline', 'By Jane Roe')
  })

  it('removes an inline <span class="byline"> that forms a block of its own inside the article', () => {
    const html = page(
      `<article><h1>Canal bridge reopens</h1><span class="byline">By Jane Roe</span> <time datetime="2022-12-01T18:45:00">Thursday evening</time>${paragraphs(BRIDGE)}</article>`,
    )
    const result = extractArticle(html)
    expect(result.text).not.toContain('By Jane Roe')
    expectRemoved(result, 'byline', 'By Jane Roe')
    expect(cleanDocument({ name: 'byline.html', format: 'html', content: html, meta: {} }).text).not.toContain('By Jane Roe')
  })

  it('takes the URL from the canonical link and the outlet from its host when nothing names it', () => {
    const result = extractArticle(
      page(body, `<link rel="canonical" href="https://www.canal-times.example/2024/bridge"><title>Canal bridge reopens</title>`),
    )
    expect(result).toMatchObject({
      url: 'https://www.canal-times.example/2024/bridge',
      source: 'canal-times.example',
      title: 'Canal bridge reopens',
    })
  })

  it.each([
    ['og:site_name', '<meta property="og:site_name" content="Canal Times">'],
    ['the JSON-LD publisher', '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Canal Times"}}</script>'],
  ])('trims the site suffix from "Headline | Outlet" when %s names the outlet', (_label, head) => {
    const result = extractArticle(page(body, `<title>Canal bridge reopens | Canal Times</title>${head}`))
    expect(result.title).toBe('Canal bridge reopens')
    expect(result.source).toBe('Canal Times')
  })

  it('keeps the title’s own separators when trimming the suffix', () => {
    const result = extractArticle(
      page(body, '<title>Budget vote | Analysis | Canal Times</title><meta property="og:site_name" content="Canal Times">'),
    )
    expect(result.title).toBe('Budget vote | Analysis')
  })

  it('trims the suffix from og:title too', () => {
    const result = extractArticle(
      page(
        body,
        `<meta property="og:title" content="Canal bridge reopens - Canal Times"><meta property="og:site_name" content="Canal Times">`,
      ),
    )
    expect(result.title).toBe('Canal bridge reopens')
  })

  it('prefers a meta author to the JSON-LD author and the JSON-LD author to a byline', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"From Json"}}</script>'
    const byline = '<span class="byline">By From Byline</span>'
    expect(extractArticle(page(byline + body, `<meta name="author" content="From Meta">${ld}`)).author).toBe('From Meta')
    expect(extractArticle(page(byline + body, ld)).author).toBe('From Json')
    expect(extractArticle(page(byline + body)).author).toBe('From Byline')
  })

  it('does not take a profile URL in the author meta tag as the author', () => {
    const result = extractArticle(
      page(
        body,
        `<meta property="article:author" content="https://social.example/jane.roe"><script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Jane Roe"}}</script>`,
      ),
    )
    expect(result.author).toBe('Jane Roe')
  })
})

describe('cleanDocument on HTML', () => {
  it('does not repeat the title in the text when the article opens with it as an <h1>', () => {
    const html = page(
      `<article><h1>Canal bridge reopens</h1>${paragraphs(BRIDGE)}</article>`,
      '<title>Canal bridge reopens | Canal Times</title><meta property="og:site_name" content="Canal Times">',
    )
    const result = cleanDocument({ name: 'bridge.html', format: 'html', content: html, meta: {} })
    expect(result.title).toBe('Canal bridge reopens')
    expect(result.source).toBe('Canal Times')
    expect(result.text).not.toContain('Canal bridge reopens')
    expect(result.text).toBe(BRIDGE.join('\n\n'))
  })

  it('takes the <h1> as the title of a page without <title>, and out of the text', () => {
    const result = cleanDocument({
      name: 'bridge.html',
      format: 'html',
      content: page(`<article><h1>Canal bridge reopens</h1>${paragraphs(BRIDGE)}</article>`),
      meta: {},
    })
    expect(result.title).toBe('Canal bridge reopens')
    expect(result.text).toBe(BRIDGE.join('\n\n'))
  })

  it('never takes the first paragraph of a page without any headline for its title', () => {
    const result = cleanDocument({ name: 'bare.html', format: 'html', content: `<html><body><div><p>${BRIDGE[0]}`, meta: {} })
    expect(result.title).toBeNull()
    expect(result.text).toBe(BRIDGE[0])
  })

  it('carries the extractor’s removed blocks into the document', () => {
    const html = page(`<nav><a href="/">Front page</a> <a href="/world">World news</a></nav><article>${paragraphs(BRIDGE)}</article>`)
    const result = cleanDocument({ name: 'bridge.html', format: 'html', content: html, meta: {} })
    expectRemoved(result, 'navigation', 'World news')
  })
})

describe('markup that must not throw', () => {
  it('an empty string', () => {
    const result = extractArticle('')
    expect(result).toMatchObject({ title: null, author: null, published: null, url: null, source: null, text: '', removed: [] })
  })

  it('a page with only a <script>', () => {
    const result = extractArticle('<script>document.write("SCRIPT_ONLY, with, commas, and more words than a title")</script>')
    expect(result.text).toBe('')
    expect(JSON.stringify(result.removed)).not.toContain('SCRIPT_ONLY')
  })

  it('unclosed tags and broken markup', () => {
    const html = `<html><head><title>Broken</title><body><div class="story"><p>${FLOOD[0]}<p>${FLOOD[1]}<div><span><b>${FLOOD[2]}</i></span></p><p class="x>${FLOOD[3]}`
    const result = extractArticle(html)
    expectAll(result.text, FLOOD.slice(0, 3))
  })

  it('a page nested 3,000 divs deep returns its text', () => {
    const depth = 3_000
    const html = page(`${'<div>'.repeat(depth)}${paragraphs(BRIDGE)}${'</div>'.repeat(depth)}`)
    const result = extractArticle(html)
    expect(result.text).toBe(BRIDGE.join('\n\n'))
  })

  it('htmlFragmentText on a page nested just under the depth cap (iterative walks, no stack overflow)', () => {
    const depth = MAX_DEPTH - 10
    const html = page(`${'<div>'.repeat(depth)}${paragraphs(BRIDGE)}${'</div>'.repeat(depth)}`)
    expect(htmlFragmentText(html)).toBe(BRIDGE.join('\n\n'))
  })

  it('a page nested just under the depth cap returns its text within 10 seconds', () => {
    const depth = MAX_DEPTH - 10
    const html = page(`${'<div>'.repeat(depth)}${paragraphs(BRIDGE)}${'</div>'.repeat(depth)}`)
    const started = Date.now()
    const result = extractArticle(html)
    expect(result.text).toBe(BRIDGE.join('\n\n'))
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('a page nested 20,000 divs deep is refused as too deep, with its element count', () => {
    const html = page(`${'<div>'.repeat(20_000)}${paragraphs(BRIDGE)}${'</div>'.repeat(20_000)}`)
    expect(() => extractArticle(html)).toThrow(/page too deep \(more than 5,000 nested elements, after [\d,]+ elements\)/)
  })

  it('a fragment inside a bare <div> (no <html> or <body>) keeps its paragraphs', () => {
    const result = extractArticle(`<div>${paragraphs(BRIDGE)}</div>`)
    expect(result.text).toBe(BRIDGE.join('\n\n'))
  })

  it('a fragment of bare paragraphs (no <html>, <body> or wrapper) keeps its paragraphs', () => {
    const result = extractArticle(paragraphs(BRIDGE))
    expect(result.text).toBe(BRIDGE.join('\n\n'))
  })
})

describe('pages in other languages', () => {
  const portuguese = [
    'As equipas de socorro chegaram às aldeias inundadas do vale na segunda-feira de manhã, dois dias depois de o rio ter galgado as margens.',
    'Segundo o governador, a água danificou mais de trezentas casas, várias escolas e a única estrada que liga o vale ao litoral, já muito degradada.',
    'Os engenheiros da agência da água, com a ajuda de voluntários locais, deverão inspecionar a barragem antes do fim da semana, disse um porta-voz.',
  ]
  const russian = [
    'Спасатели добрались до затопленных деревень в долине в понедельник утром, через два дня после того, как река вышла из берегов.',
    'По словам губернатора, вода повредила более трёхсот домов, несколько школ и единственную дорогу, которая соединяет долину с побережьем.',
    'Инженеры водного агентства вместе с местными добровольцами, как ожидается, осмотрят плотину выше по течению до конца недели.',
  ]

  it('extracts a Portuguese article from plain divs with the scorer', () => {
    const html = page(`
      <div id="cabecalho"><a href="/">Início</a> <a href="/pais">País</a> <a href="/mundo">Mundo</a> <a href="/desporto">Desporto</a></div>
      <div id="conteudo"><div class="texto-noticia">${paragraphs(portuguese)}</div></div>
      <div id="rodape"><div>Rua do Cais, 14, Porto</div><div>Todos os direitos reservados</div></div>`)
    const result = extractArticle(html)
    expect(result.method).toBe('scorer')
    expect(result.text).toBe(portuguese.join('\n\n'))
    expectNone(result.text, ['Desporto', 'Rua do Cais', 'direitos reservados'])
  })

  it('extracts a Russian article and drops the chrome around it', () => {
    const html = page(
      `<nav><a href="/">Главная</a> <a href="/news">Новости</a> <a href="/sport">Спорт</a></nav>
      <article><h1>Вода в долине отступает</h1>${paragraphs(russian)}<div class="related-news"><a href="/1">Плотина будет проверена</a></div></article>
      <footer><p>Все права защищены</p></footer>`,
      '<title>Вода в долине отступает | Вести долины</title><meta property="og:site_name" content="Вести долины">',
    )
    const result = extractArticle(html)
    expect(result.method).toBe('structure')
    expect(result.title).toBe('Вода в долине отступает')
    expectAll(result.text, russian)
    expectNone(result.text, ['Новости', 'Все права защищены', 'Плотина будет проверена'])
    expectRemoved(result, 'related', 'Плотина будет проверена')
  })
})

describe('htmlFragmentText', () => {
  it('keeps the text of every block, chrome included, one block per paragraph', () => {
    const html = `<nav><a href="/">Front page</a></nav><h2>Canal bridge</h2>${p(BRIDGE[0]!)}<ul><li>First item</li><li><a href="/x">Linked item</a></li></ul><aside>Side note</aside><footer>Footer line</footer>`
    expect(htmlFragmentText(html)).toBe(
      ['Front page', 'Canal bridge', BRIDGE[0], 'First item', 'Linked item', 'Side note', 'Footer line'].join('\n\n'),
    )
  })

  it('keeps line breaks inside a block and skips scripts', () => {
    expect(htmlFragmentText('<p>First line<br>second line</p><script>skipped()</script><p>Last</p>')).toBe(
      'First line\nsecond line\n\nLast',
    )
  })
})
