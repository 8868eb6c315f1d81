/** Text printed twice: repeated lines, captions shown with and without their credit, pull quotes. */
import { findNearDuplicates } from './near-duplicates.js'
import { textKey } from '../text/normalize.js'
import { kept, type Unit } from './unit.js'

/** Above this many units the pull-quote pass is skipped, so huge inputs stay linear. */
const NEAR_DUPLICATE_LIMIT = 4000

/**
 * Exact repeats of a line (repeated headline, nav blocks printed twice): the first stays, later copies go.
 * With scope 'title' only copies of the headline go.
 */
export function removeRepeats(units: Unit[], title: string | null, scope: 'all' | 'title' = 'all'): void {
  const seen = new Set<string>()
  if (title) seen.add(textKey(title))
  for (const unit of units) {
    // only what stays can be the original: an article's lede shown first as a teaser must not drop the lede
    if (unit.norm.length < 4 || !kept(unit)) continue
    if (seen.has(unit.norm)) unit.verdict = 'duplicate'
    else if (scope === 'all') seen.add(unit.norm)
  }
}

/** A caption printed twice, once with its credit: the bare copy next to it goes too. */
export function removeCaptionCopies(units: Unit[]): void {
  units.forEach((unit, index) => {
    if (!unit.caption) return
    for (const neighbour of [units[index - 1], units[index + 1]]) {
      if (neighbour && kept(neighbour) && neighbour.norm.length >= 20 && unit.norm.includes(neighbour.norm)) neighbour.verdict = 'duplicate'
    }
  })
}

export function removePullQuotes(units: Unit[]): void {
  if (units.length > NEAR_DUPLICATE_LIMIT) return
  const copies = findNearDuplicates(units.map((unit) => ({ text: unit.text, kept: kept(unit) })))
  for (const index of copies) units[index]!.verdict = 'duplicate'
}
