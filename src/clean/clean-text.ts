/**
 * The plain-text cleaner: keeps every sentence of the article and moves boilerplate into `removed`.
 * Every decision rests on general signals (shape of a line, links, repetition, position, web boilerplate
 * phrases from data/lexicon/boilerplate.json), never on particular outlets.
 */
import type { RemovedBlock } from '../record/record.js'
import { classifyLine } from './line-signals.js'
import { removeAuthorBios, removeLinkLists, removeTail, removeTeasers } from './page-lists.js'
import { publishedFromText, resolveHeader } from './page-header.js'
import { removeCaptionsBesideCredits, removeHeadlineRuns, removeInlineFurniture } from './page-furniture.js'
import { removeCaptionCopies, removePullQuotes, removeRepeats } from './page-repeats.js'
import { splitUnits } from './split-units.js'
import { kept, makeUnit, type Unit } from './unit.js'

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

const STAMP = /^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*/

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
  const published = meta.published ?? stampMatch?.[1] ?? publishedFromText(units)
  removeTeasers(units, !meta.extracted)
  if (!meta.extracted) removeLinkLists(units)
  // in a page's extracted body a repeated line is the article's own (a table, a recipe, a refrain); pull quotes
  // and doubled headlines were already left out with the page elements that held them
  removeRepeats(units, title, meta.extracted ? 'title' : 'all')
  removeCaptionCopies(units)
  removeCaptionsBesideCredits(units)
  removeInlineFurniture(units)
  if (!meta.extracted) removeHeadlineRuns(units)
  if (!meta.extracted) removePullQuotes(units)
  const author = meta.author?.trim() || units.find((unit) => unit.author)?.author || null
  removeAuthorBios(units, author)
  if (!meta.extracted) removeTail(units)
  return {
    title,
    author,
    published,
    text: units
      .filter(kept)
      .map((unit) => unit.text)
      .join('\n\n'),
    removed: mergeRemoved(units, stampMatch ? stampMatch[0].trim() : null),
  }
}
