/** The top of the page: title, deck, byline and date lines, and the labels and lists around them. */
import { findDates } from '../ingest/normalize-date.js'
import { endsWithFullDate } from './date-lines.js'
import { isBodyLike, isHeadlineLike, isNameLike } from './text-shape.js'
import { textKey } from '../text/normalize.js'
import { kept, type Unit } from './unit.js'

/** Header zone: the units before the first real paragraph (prose ending like a sentence). */
export function headerEnd(units: Unit[]): number {
  const index = units.findIndex((unit) => kept(unit) && isBodyLike(unit.shape) && (unit.shape.terminal || unit.shape.wordCount >= 20))
  return index === -1 ? units.length : index
}

function isTitleCandidate(unit: Unit): boolean {
  return kept(unit) && unit.shape.wordCount >= 2 && isHeadlineLike(unit.text, unit.shape) && !isNameLike(unit.text)
}

/** A headline with a teaser ending in an ellipsis under it belongs to a list of other articles. */
function headsTeaser(units: Unit[], index: number): boolean {
  for (let i = index + 1; i < units.length; i++) if (kept(units[i]!)) return units[i]!.shape.ellipsis
  return false
}

/** A photo caption above the headline: a short sentence ending with a full date, right before a headline. */
function removeCaptionsAboveTitle(units: Unit[]): void {
  const open = units
    .map((unit, index) => ({ unit, index }))
    .filter(({ unit }) => kept(unit))
    .slice(0, 3)
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
  const wanted = new Set([textKey(title), textKey(title.replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, ''))])
  let found = false
  for (const unit of units) {
    if (!wanted.has(unit.norm)) continue
    unit.verdict = found ? 'duplicate' : 'title'
    found = true
  }
  return found
}

/** Finds the title, keeps decks, and removes the labels, names and lists around them. Returns the title text. */
export function resolveHeader(units: Unit[], metaTitle: string | null, sweep: boolean): string | null {
  let title = metaTitle
  if (metaTitle) markTitleFromMeta(units, metaTitle)
  else removeCaptionsAboveTitle(units)
  const end = headerEnd(units)
  let titleIndex = units.findIndex((unit) => unit.verdict === 'title')
  // in a page's extracted body the headline was already taken from the markup: the first line is the article's
  if (titleIndex === -1 && !metaTitle && sweep) {
    titleIndex = units.slice(0, Math.max(end, 1)).findIndex((unit, index) => isTitleCandidate(unit) && !headsTeaser(units, index))
    if (titleIndex !== -1) {
      units[titleIndex]!.verdict = 'title'
      title = units[titleIndex]!.text
    }
  }
  for (let i = 0; i < end && sweep; i++) {
    const unit = units[i]!
    if (!kept(unit)) continue
    if (title && unit.norm === textKey(title)) unit.verdict = 'duplicate'
    else if (isDeck(unit)) continue
    else if (isNameLike(unit.text)) {
      unit.verdict = 'byline'
      unit.author = unit.text
    } else unit.verdict = isHeadlineLike(unit.text, unit.shape) && unit.shape.wordCount >= 3 ? 'related' : 'navigation'
  }
  return title
}

/** A date line under the headline, unless it belongs to a teaser of another article. */
function dateUnderHeadline(units: Unit[]): string | null {
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

/** "KARACHI, March 5, 2024: …": a full date in the dateline of the first paragraph. */
function dateInDateline(units: Unit[]): string | null {
  const first = units.find(kept)
  const dateline = first?.text.match(/^[\p{Lu}][\p{L} .'’-]{1,40},\s*([^:(—–-]{6,40})\s*(?:[:(—–-])/u)
  return dateline ? (findDates(dateline[1]!)[0]?.iso ?? null) : null
}

/** "Published in …, March 5th, 2024" at the foot of the page. */
function stampedDateLine(units: Unit[]): string | null {
  return units.find((unit) => unit.dateIso && /\b(?:published|posted|updated)\b/i.test(unit.text))?.dateIso ?? null
}

export function publishedFromText(units: Unit[]): string | null {
  return dateUnderHeadline(units) ?? dateInDateline(units) ?? stampedDateLine(units)
}
