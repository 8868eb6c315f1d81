/** Site templates learned across pages (src/clean/html/site-boilerplate.ts), on hand-written pages of one made-up site. */
import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/clean/html/extract-article.js'
import { SiteBoilerplate } from '../../src/clean/html/site-boilerplate.js'
import { hostOf } from '../../src/clean/url-host.js'

const PITCH = 'Harbour Gazette is an independent newsroom funded by its readers in the three port towns since 1921.'
const STORIES = [
  [
    'The ferry between the two islands resumed service on Wednesday after a week of storms kept every boat in the harbour.',
    'Passengers waiting since the weekend were given priority, and the operator added two evening crossings to clear the queue.',
  ],
  [
    'Fishermen in the northern cove say the new breakwater has changed the currents and pushed the cod shoals further out.',
    'The harbour board, which paid for the wall, has asked the university to measure the currents through the winter.',
  ],
  [
    'The lighthouse on the western point will be open to visitors again from April, the heritage trust said on Thursday.',
    'Volunteers spent the winter replacing the rotten stairs and repainting the lamp room, which had not been touched in decades.',
  ],
  [
    'A cargo ship that lost power off the southern reef was towed into port overnight without damage to the hull or the reef.',
    'The coastguard said the crew of nineteen were safe and that the cause of the engine failure was being investigated.',
  ],
]

function page(n: number, story: string[]): string {
  return `<!doctype html><html><head><link rel="canonical" href="https://www.harbourgazette.example/news/${n}"></head><body>
    <article><h1>Story ${n}</h1>${story.map((text) => `<p>${text}</p>`).join('')}<p>${PITCH}</p></article></body></html>`
}

describe('SiteBoilerplate', () => {
  it('drops a paragraph the site prints under other articles, and records it as removed', () => {
    const memory = new SiteBoilerplate()
    const first = extractArticle(page(1, STORIES[0]!), { siteMemory: memory })
    // the first page of a site has nothing to compare with: it keeps the pitch
    expect(first.text).toContain(PITCH)
    const second = extractArticle(page(2, STORIES[1]!), { siteMemory: memory })
    expect(second.text).not.toContain(PITCH)
    expect(second.text).toContain(STORIES[1]![0])
    expect(second.removed).toContainEqual({ text: PITCH, reason: 'other' })
  })

  it('does not count a page as its own template: the same page seen again keeps everything', () => {
    const memory = new SiteBoilerplate()
    const html = page(3, STORIES[2]!)
    extractArticle(html, { siteMemory: memory })
    expect(extractArticle(html, { siteMemory: memory }).text).toContain(PITCH)
  })

  it('leaves a copy of an earlier article whole (a syndicated or re-fetched page is no template)', () => {
    const memory = new SiteBoilerplate()
    extractArticle(page(4, STORIES[3]!), { siteMemory: memory })
    const copy = extractArticle(page(5, STORIES[3]!), { siteMemory: memory })
    expect(copy.text).toContain(STORIES[3]![0])
    expect(copy.text).toContain(PITCH)
  })

  it('keeps sites apart and ignores short lines that recur in any writing', () => {
    const memory = new SiteBoilerplate()
    memory.learn('harbourgazette.example', 'a', [PITCH, 'Read on:'])
    expect(memory.repeatedBlocks('valleypost.example', 'b', [PITCH]).size).toBe(0)
    expect([
      ...memory.repeatedBlocks('harbourgazette.example', 'b', ['Read on:', STORIES[0]![0]!, PITCH, STORIES[0]![1]!, STORIES[1]![0]!]),
    ]).toEqual([2])
  })

  it('names a page’s site by its host without www', () => {
    expect(hostOf('https://www.harbourgazette.example/news/1')).toBe('harbourgazette.example')
    expect(hostOf('not a url')).toBeNull()
    expect(hostOf(null)).toBeNull()
  })
})
