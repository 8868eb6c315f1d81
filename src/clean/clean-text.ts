/**
 * The plain-text cleaner: keeps every sentence of the article and moves boilerplate into `removed`.
 * Every decision rests on general signals (shape of a line, links, repetition, position, web boilerplate
 * phrases from data/lexicon/boilerplate.json), never on particular outlets.
 */
import type { RemovalReason, RemovedBlock } from '../pipeline/record.js'
import { parseDateLine, endsWithFullDate } from './date-lines.js'
import { lexicon } from './lexicon.js'
import { findNearDuplicates } from './near-duplicates.js'
import { splitUnits } from './split-units.js'
import { isBodyLike, isHeadlineLike, isNameLike, isSentenceLike, norm, shapeOf, urlShare, words, type Shape } from './text-shape.js'

export interface TextMeta {
  title?: string | null
  author?: string | null
  published?: string | null
  /**
   * The text already went through an article extractor (Readability): what surrounds the article is gone,
   * so the position rules for headers and tails, which would cut lists and short closing lines, are skipped.
   */
  extracted?: boolean
}

export interface CleanedText {
  title: string | null
  author: string | null
  published: string | null
  text: string
  removed: RemovedBlock[]
}

type Verdict = RemovalReason | 'title' | null

interface Unit {
  text: string
  norm: string
  shape: Shape
  verdict: Verdict
  marker: boolean
  caption: boolean
  dateIso: string | null
  dateLine: boolean
  author: string | null
}

const STAMP = /^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*/
/** Above this many units the pairwise near-duplicate pass is skipped to stay linear on huge inputs. */
const NEAR_DUPLICATE_LIMIT = 4000

function makeUnit(text: string): Unit {
  return { text, norm: norm(text), shape: shapeOf(text), verdict: null, marker: false, caption: false, dateIso: null, dateLine: false, author: null }
}

const kept = (unit: Unit): boolean => unit.verdict === null

// ---------- line-level signals ----------

function isSpam(unit: Unit): boolean {
  const urls = urlShare(unit.text)
  if (urls.count >= 2 && urls.share >= 0.25) return true
  if (urls.count >= 1 && urls.share >= 0.6) return true
  return lexicon().spamPhrases.test(unit.norm) && (urls.count > 0 || !isSentenceLike(unit.shape))
}

const NAVIGATION_TOKENS = new Set(['share', 'tweet', 'print', 'email', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'telegram', 'pinterest', 'reddit', 'messenger', 'copy', 'link', 'on', 'this', 'article', 'via'])

const BREADCRUMB = /^[^.!?]{1,40}(?:\s[»›>/|]\s[^.!?]{1,40}){2,}$/
const READING_TIME = /^(?:reading time )?\d+ ?(?:min|mins|minute|minutes) (?:read|reading time)$/

function isNavigation(unit: Unit): boolean {
  const lex = lexicon()
  if (lex.navigationLines.has(unit.norm)) return true
  if (unit.shape.wordCount > 30) return false
  if (lex.navigationPrefix.test(unit.text) || BREADCRUMB.test(unit.text) || READING_TIME.test(unit.norm)) return true
  if (unit.shape.wordCount <= 6 && unit.norm.startsWith('advertisement')) return true
  if (unit.shape.wordCount > 10) return false
  const tokens = unit.norm.split(' ')
  return tokens.length <= 10 && (tokens.length >= 2 || tokens[0] === 'share') && tokens.every((token) => NAVIGATION_TOKENS.has(token))
}

function isComments(unit: Unit): boolean {
  const lex = lexicon()
  if (lex.commentLines.has(unit.norm) || /^(?:\d+ comments?|comments? \d+)$/.test(unit.norm)) return true
  return lex.commentPhrases.test(unit.norm) && unit.shape.wordCount <= 40
}

function isCaption(unit: Unit): boolean {
  const lex = lexicon()
  if (lex.photoCreditSuffix.test(unit.text) || lex.photoCreditMarker.test(unit.text)) return true
  return unit.shape.wordCount <= 50 && lex.photoCreditPhrases.test(unit.norm)
}

/** "By Jane Doe", "By Jane Doe | Outlet", "Reported by …", a desk name ("Web Desk"); returns the author. */
function bylineAuthor(unit: Unit): string | null {
  const lex = lexicon()
  if (unit.shape.wordCount > 12 || (unit.shape.terminal && isSentenceLike(unit.shape))) return null
  if (lex.deskBylines.has(unit.norm)) return unit.text.replace(/^[\W_]+|[\W_]+$/g, '')
  const prefix = unit.text.match(lex.bylinePrefix)
  if (!prefix) return null
  const rest = unit.text.slice(prefix[0].length).split(/\s*(?:[|,•·]|\s[-–—]\s|\bon\b|\bupdated\b|\bpublished\b|\d)/i)[0]!.trim()
  if (isNameLike(rest) || /^[A-Z\p{Lu}][\p{L}'’.-]+$/u.test(rest) || lex.deskBylines.has(norm(rest))) return rest
  return null
}

/** "Jane Doe | Outlet" or "Jane Doe, Outlet": a name, a separator and an outlet. */
function nameWithOutlet(unit: Unit): string | null {
  const match = unit.text.match(/^([^|,]{3,60})\s*[|,]\s*[^|,]{2,60}$/)
  if (!match || unit.shape.wordCount > 10) return null
  return isNameLike(match[1]!.trim()) ? match[1]!.trim() : null
}

function classifyLine(unit: Unit): void {
  const lex = lexicon()
  const { shape } = unit
  if (isSpam(unit)) unit.verdict = 'spam'
  else if (lex.cookiePhrases.test(unit.norm) && shape.wordCount <= 80) unit.verdict = 'cookie'
  else if (isComments(unit)) unit.verdict = 'comments'
  else if (lex.relatedMarkerLines.has(unit.norm)) {
    unit.verdict = 'related'
    unit.marker = true
  } else if (lex.relatedPrefix.test(unit.text) && shape.wordCount <= 30) unit.verdict = 'related'
  else if (isNavigation(unit)) unit.verdict = 'navigation'
  else if (lex.promoPhrases.test(unit.norm) && (shape.wordCount <= 12 || !isBodyLike(shape))) unit.verdict = 'other'
  else if (/^\S+@\S+\.\w+$/.test(unit.text)) unit.verdict = 'other'
  else if (isCaption(unit)) {
    unit.verdict = 'other'
    unit.caption = true
  } else {
    const date = parseDateLine(unit.text)
    if (date) {
      unit.verdict = 'other'
      unit.dateLine = true
      unit.dateIso = date.iso
      return
    }
    const author = bylineAuthor(unit) ?? nameWithOutlet(unit)
    if (author) {
      unit.verdict = 'byline'
      unit.author = author
    }
  }
}

// ---------- position: title, header, teasers, tail ----------

/** Header zone: the units before the first real paragraph (prose ending like a sentence). */
function headerEnd(units: Unit[]): number {
  const index = units.findIndex((unit) => kept(unit) && isBodyLike(unit.shape) && (unit.shape.terminal || unit.shape.wordCount >= 20))
  return index === -1 ? units.length : index
}

function isTitleCandidate(unit: Unit): boolean {
  return kept(unit) && unit.shape.wordCount >= 2 && isHeadlineLike(unit.text, unit.shape) && !isNameLike(unit.text)
}

/** A photo caption above the headline: a short sentence ending with a full date, right before a headline. */
function removeCaptionsAboveTitle(units: Unit[]): void {
  const open = units.map((unit, index) => ({ unit, index })).filter(({ unit }) => kept(unit)).slice(0, 3)
  for (let i = 0; i + 1 < open.length; i++) {
    const { unit } = open[i]!
    if (!unit.shape.terminal || unit.shape.wordCount > 45 || !endsWithFullDate(unit.text)) continue
    if (isTitleCandidate(open[i + 1]!.unit)) {
      unit.verdict = 'other'
      unit.caption = true
    }
  }
}

const isDeck = (unit: Unit): boolean => unit.shape.lowercase >= 0.5 && unit.shape.wordCount >= 7

function markTitleFromMeta(units: Unit[], title: string): boolean {
  const wanted = new Set([norm(title), norm(title.replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, ''))])
  let found = false
  for (const unit of units) {
    if (!wanted.has(unit.norm)) continue
    unit.verdict = found ? 'duplicate' : 'title'
    found = true
  }
  return found
}

/** Finds the title, keeps decks, and removes the labels, names and lists around them. Returns the title text. */
function resolveHeader(units: Unit[], metaTitle: string | null, sweep: boolean): string | null {
  let title = metaTitle
  if (metaTitle) markTitleFromMeta(units, metaTitle)
  else removeCaptionsAboveTitle(units)
  const end = headerEnd(units)
  let titleIndex = units.findIndex((unit) => unit.verdict === 'title')
  if (titleIndex === -1 && !metaTitle) {
    titleIndex = units.slice(0, Math.max(end, 1)).findIndex(isTitleCandidate)
    if (titleIndex !== -1) {
      units[titleIndex]!.verdict = 'title'
      title = units[titleIndex]!.text
    }
  }
  for (let i = 0; i < end && sweep; i++) {
    const unit = units[i]!
    if (!kept(unit)) continue
    if (title && unit.norm === norm(title)) unit.verdict = 'duplicate'
    else if (isDeck(unit)) continue
    else if (isNameLike(unit.text)) {
      unit.verdict = 'byline'
      unit.author = unit.text
    } else unit.verdict = isHeadlineLike(unit.text, unit.shape) && unit.shape.wordCount >= 3 ? 'related' : 'navigation'
  }
  return title
}

/**
 * Teaser lists of other articles: after a marker ("Latest News", "Related"), or a short headline followed by a
 * teaser ending in an ellipsis. The list runs until prose resumes that is not a teaser.
 */
function removeTeasers(units: Unit[], pairsStartLists: boolean): void {
  let inList = false
  let afterHeadline = false
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!
    if (unit.marker) {
      inList = true
      afterHeadline = false
      continue
    }
    if (!inList) {
      const next = units[i + 1]
      if (pairsStartLists && kept(unit) && next && kept(next) && isHeadlineLike(unit.text, unit.shape) && next.shape.ellipsis && next.text.length <= 500) {
        unit.verdict = 'related'
        next.verdict = 'related'
        inList = true
        i++
      }
      continue
    }
    if (!kept(unit)) continue
    if (unit.shape.ellipsis) {
      unit.verdict = 'related'
      afterHeadline = false
    } else if (isBodyLike(unit.shape)) {
      const next = units[i + 1]
      const listGoesOn = !next || (next.verdict === null && isHeadlineLike(next.text, next.shape) && unit.text.length <= 300)
      if (afterHeadline && listGoesOn) unit.verdict = 'related'
      else inList = false
      afterHeadline = false
    } else {
      unit.verdict = 'related'
      afterHeadline = isHeadlineLike(unit.text, unit.shape)
    }
  }
}

/** Exact repeats of a line (repeated headline, nav blocks printed twice): the first stays, later copies go. */
function removeRepeats(units: Unit[], title: string | null): void {
  const seen = new Set<string>()
  if (title) seen.add(norm(title))
  for (const unit of units) {
    if (unit.norm.length < 4 || unit.verdict === 'title') continue
    if (seen.has(unit.norm)) {
      if (kept(unit)) unit.verdict = 'duplicate'
    } else seen.add(unit.norm)
  }
}

/** A caption printed twice, once with its credit: the bare copy next to it goes too. */
function removeCaptionCopies(units: Unit[]): void {
  units.forEach((unit, index) => {
    if (!unit.caption) return
    for (const neighbour of [units[index - 1], units[index + 1]]) {
      if (neighbour && kept(neighbour) && neighbour.norm.length >= 20 && unit.norm.includes(neighbour.norm)) neighbour.verdict = 'duplicate'
    }
  })
}

function removePullQuotes(units: Unit[]): void {
  if (units.length > NEAR_DUPLICATE_LIMIT) return
  const copies = findNearDuplicates(units.map((unit) => ({ text: unit.text, kept: kept(unit) })))
  for (const index of copies) units[index]!.verdict = 'duplicate'
}

/** "Jane Doe is a journalist with …" or "The writer is …" after the last paragraph of the article. */
function isAuthorBio(unit: Unit, author: string | null): boolean {
  if (/^the (?:writer|author|columnist|contributor)s? (?:is|are|was)\b/i.test(unit.text)) return true
  const opening = unit.text.match(/^(.{3,60}?)\s+(?:is|was|has been)\s+(?:a|an|the)\s/)
  if (!opening) return false
  const name = opening[1]!
  if (author && norm(name) === norm(author)) return true
  return isNameLike(name) && lexicon().bioRoles.test(norm(words(unit.text).slice(0, 25).join(' ')))
}

function removeAuthorBios(units: Unit[], author: string | null): void {
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]!
    if (!kept(unit)) continue
    if (isAuthorBio(unit, author)) unit.verdict = 'byline'
    else if (isBodyLike(unit.shape)) break
  }
}

/** A cut-off last line right after prose is the article running on (the input was truncated), not furniture. */
function isTruncatedEnding(units: Unit[], index: number): boolean {
  const unit = units[index]!
  const previous = units[index - 1]
  return index === units.length - 1 && !!previous && kept(previous) && isBodyLike(previous.shape) && unit.shape.wordCount >= 6 && unit.shape.lowercase >= 0.6
}

/** Anything after the last paragraph of prose is page furniture. */
function removeTail(units: Unit[]): void {
  let last = -1
  units.forEach((unit, index) => {
    if (kept(unit) && (isBodyLike(unit.shape) || isTruncatedEnding(units, index))) last = index
  })
  for (let i = last + 1; i < units.length; i++) {
    const unit = units[i]!
    if (kept(unit)) unit.verdict = isHeadlineLike(unit.text, unit.shape) && unit.shape.wordCount >= 3 ? 'related' : 'other'
  }
}

const LINK_LIST_RUN = 5

/** Menus and link lists: five or more short lines in a row, none of them a sentence. */
function removeLinkLists(units: Unit[]): void {
  const isListItem = (unit: Unit): boolean => kept(unit) && unit.shape.wordCount <= 12 && !unit.shape.terminal && !isSentenceLike(unit.shape)
  let start = 0
  for (let i = 0; i <= units.length; i++) {
    if (i < units.length && (isListItem(units[i]!) || (!kept(units[i]!) && i > start))) continue
    const run = units.slice(start, i).filter(isListItem)
    if (run.length >= LINK_LIST_RUN) for (const unit of run) unit.verdict = isHeadlineLike(unit.text, unit.shape) && unit.shape.wordCount >= 4 ? 'related' : 'navigation'
    start = i + 1
  }
}

// ---------- metadata from the text ----------

function publishedFromHeader(units: Unit[]): string | null {
  const end = headerEnd(units)
  for (let i = 0; i < Math.min(units.length, Math.max(end, 8)); i++) {
    const unit = units[i]!
    if (!unit.dateIso) continue
    const previous = units[i - 1]
    if (previous && (previous.verdict === 'related' || previous.verdict === 'navigation') && !previous.dateLine) continue
    return unit.dateIso
  }
  return null
}

function mergeRemoved(units: Unit[], stamp: string | null): RemovedBlock[] {
  const removed: RemovedBlock[] = stamp ? [{ text: stamp, reason: 'other' }] : []
  let previous: Unit | null = null
  for (const unit of units) {
    const verdict = unit.verdict
    if (verdict === null || verdict === 'title') {
      previous = null
      continue
    }
    const last = removed[removed.length - 1]
    if (previous && last && last.reason === verdict) last.text += `\n${unit.text}`
    else removed.push({ text: unit.text, reason: verdict })
    previous = unit
  }
  return removed
}

export function cleanText(raw: string, meta: TextMeta = {}): CleanedText {
  const text = raw.replace(/\r\n?/g, '\n')
  const stampMatch = text.match(STAMP)
  const units = splitUnits(stampMatch ? text.slice(stampMatch[0].length) : text).map((unit) => makeUnit(unit.text))
  units.forEach(classifyLine)
  const title = resolveHeader(units, meta.title?.trim() || null, !meta.extracted)
  const published = meta.published ?? stampMatch?.[1] ?? publishedFromHeader(units)
  removeTeasers(units, !meta.extracted)
  if (!meta.extracted) removeLinkLists(units)
  removeRepeats(units, title)
  removeCaptionCopies(units)
  removePullQuotes(units)
  const author = meta.author?.trim() || units.find((unit) => unit.author)?.author || null
  removeAuthorBios(units, author)
  if (!meta.extracted) removeTail(units)
  return {
    title,
    author,
    published,
    text: units.filter(kept).map((unit) => unit.text).join('\n\n'),
    removed: mergeRemoved(units, stampMatch ? stampMatch[0].trim() : null),
  }
}
