/**
 * Boilerplate learned across one site's pages: a block of text printed on other pages of the same site (an
 * "About us" paragraph under every press release, a subscription pitch, a recurring caption) is the site's,
 * not the article's. Each site keeps a hash of every block it printed with the page that printed it last,
 * bounded in memory.
 */

/**
 * Bounds that keep a long-running worker's memory small (at most 500 × 4,000 entries of a few dozen bytes): a
 * site's template shows in its first pages, so a full site keeps counting the blocks it knows and adds no more.
 */
const MAX_SITES = 500
const MAX_BLOCKS_PER_SITE = 4000
/** A page sharing more than this share of its body with earlier pages is a copy of one, not a template. */
const MAX_SHARED_SHARE = 0.4
/** Blocks of five words or more: shorter lines ("Here's the thing:") recur in articles by their nature. */
const MIN_WORDS = 5

/** Which pages printed a block: the last one, and whether any other did before it. */
interface BlockSeen {
  lastPage: string
  onSeveralPages: boolean
}

/** A 52-bit hash of a block's words (two 32-bit FNV-1a halves), so the memory keeps numbers, not texts. */
function fingerprint(text: string): number | null {
  const key = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  if (key.split(' ').length < MIN_WORDS) return null
  let low = 0x811c9dc5
  let high = 0x01000193
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    low = Math.imul(low ^ code, 0x01000193) >>> 0
    high = Math.imul(high ^ code, 0x0100019d) >>> 0
  }
  return (high & 0xfffff) * 2 ** 32 + low
}

export class SiteBoilerplate {
  private readonly sites = new Map<string, Map<number, BlockSeen>>()

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
      if (key === null) continue
      const seen = blocksOfSite.get(key)
      if (seen) {
        if (seen.lastPage !== pageId) seen.onSeveralPages = true
        seen.lastPage = pageId
      } else if (blocksOfSite.size < MAX_BLOCKS_PER_SITE) {
        blocksOfSite.set(key, { lastPage: pageId, onSeveralPages: false })
      }
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
      const seen = key === null ? undefined : blocksOfSite.get(key)
      if (!seen || (!seen.onSeveralPages && seen.lastPage === pageId)) return
      repeated.add(index)
      sharedChars += text.length
    })
    return sharedChars > totalChars * MAX_SHARED_SHARE ? new Set() : repeated
  }
}
