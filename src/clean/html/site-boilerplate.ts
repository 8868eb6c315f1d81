/**
 * Boilerplate learned across one site's pages: a block of text printed on other pages of the same site (an
 * "About us" paragraph under every press release, a subscription pitch, a recurring caption) is the site's,
 * not the article's. Pages are remembered as sets of block fingerprints per site, bounded in memory.
 */

const MAX_SITES = 2000
const MAX_BLOCKS_PER_SITE = 20_000
/** A page sharing more than this share of its body with earlier pages is a copy of one, not a template. */
const MAX_SHARED_SHARE = 0.4

/** Blocks of five words or more: shorter lines ("Here's the thing:") recur in articles by their nature. */
const MIN_WORDS = 5

function fingerprint(text: string): string | null {
  const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return key.split(' ').length >= MIN_WORDS ? key : null
}

export class SiteBoilerplate {
  /** site → block fingerprint → ids of the pages that printed it */
  private readonly sites = new Map<string, Map<string, Set<string>>>()

  /** Remembers the blocks of one page (all of them, chrome included). */
  learn(site: string, pageId: string, blocks: string[]): void {
    let blocksOfSite = this.sites.get(site)
    if (!blocksOfSite) {
      if (this.sites.size >= MAX_SITES) this.sites.delete(this.sites.keys().next().value!)
      blocksOfSite = new Map()
      this.sites.set(site, blocksOfSite)
    }
    for (const text of blocks) {
      const key = fingerprint(text)
      if (!key) continue
      let pages = blocksOfSite.get(key)
      if (!pages) {
        if (blocksOfSite.size >= MAX_BLOCKS_PER_SITE) continue
        pages = new Set()
        blocksOfSite.set(key, pages)
      }
      pages.add(pageId)
    }
  }

  /**
   * Which of a page's body blocks other pages of the site printed too. Empty when the page shares so much with
   * them that it is a copy of an earlier page (a syndicated or re-fetched article) rather than a template's child.
   */
  repeatedBlocks(site: string, pageId: string, body: string[]): Set<number> {
    const blocksOfSite = this.sites.get(site)
    const repeated = new Set<number>()
    if (!blocksOfSite) return repeated
    let sharedChars = 0
    let totalChars = 0
    body.forEach((text, index) => {
      totalChars += text.length
      const key = fingerprint(text)
      const pages = key ? blocksOfSite.get(key) : undefined
      if (!pages || ![...pages].some((other) => other !== pageId)) return
      repeated.add(index)
      sharedChars += text.length
    })
    return sharedChars > totalChars * MAX_SHARED_SHARE ? new Set() : repeated
  }
}

/** The site a page belongs to: its URL's host without "www.". */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null
  } catch {
    return null
  }
}
