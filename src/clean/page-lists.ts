/** Lists of other articles, menus, author bios and whatever follows the last paragraph of the article. */
import { boilerplate } from './boilerplate.js'
import { isContactLine, isTailProse } from './page-furniture.js'
import { isBodyLike, isHeadlineLike, isNameLike, isSentenceLike, words } from './text-shape.js'
import { textKey } from '../text/normalize.js'
import { kept, type Unit } from './unit.js'

/** A headline line with a teaser ending in an ellipsis right under it. */
function isTeaserPair(units: Unit[], index: number): boolean {
  const headline = units[index]
  const teaser = units[index + 1]
  if (!headline || !teaser || !kept(headline) || !kept(teaser)) return false
  return (
    isHeadlineLike(headline.text, headline.shape) && headline.shape.wordCount <= 20 && teaser.shape.ellipsis && teaser.text.length <= 500
  )
}

/** One pair under a title-case headline is enough; a sentence-case one must be followed by a second pair. */
function startsTeaserList(units: Unit[], index: number): boolean {
  if (!isTeaserPair(units, index)) return false
  return units[index]!.shape.lowercase <= 0.4 || isTeaserPair(units, index + 2)
}

/**
 * Teaser lists of other articles: after a marker ("Latest News", "Related"), or a short headline followed by a
 * teaser ending in an ellipsis. The list runs until prose resumes that is not a teaser.
 */
export function removeTeasers(units: Unit[], pairsStartLists: boolean): void {
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
      if (pairsStartLists && startsTeaserList(units, i)) {
        unit.verdict = 'related'
        units[i + 1]!.verdict = 'related'
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

/** "Jane Doe is a journalist with …" or "The writer is …" after the last paragraph of the article. */
function isAuthorBio(unit: Unit, author: string | null): boolean {
  if (/^\W*(?:the (?:writer|author|columnist|contributor)s? (?:is|are|was)\b|about the (?:author|writer)s?\b)/i.test(unit.text)) return true
  const opening = unit.text.match(/^(.{3,60}?)\s+(?:is|was|has been)\s+(?:a|an|the)\s/)
  if (!opening) return false
  const name = opening[1]!
  if (author && textKey(name) === textKey(author)) return true
  return isNameLike(name) && boilerplate().bioRoles.test(textKey(words(unit.text).slice(0, 25).join(' ')))
}

export function removeAuthorBios(units: Unit[], author: string | null): void {
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
  return (
    index === units.length - 1 &&
    !!previous &&
    kept(previous) &&
    isBodyLike(previous.shape) &&
    unit.shape.wordCount >= 6 &&
    unit.shape.lowercase >= 0.6
  )
}

/** "He added." or "Both denied it." right after prose: too short to be body-like on its own, but a sentence of the article. */
function isShortClosingSentence(unit: Unit, previousIsBody: boolean): boolean {
  return previousIsBody && unit.shape.terminal && unit.shape.wordCount >= 2 && unit.shape.lowercase >= 0.5 && !unit.shape.ellipsis
}

/** "Jane Doe covers courts for the paper." right before her contact line: the bio's opening sentence. */
function opensBio(unit: Unit, next: Unit | undefined): boolean {
  if (!next || !isContactLine(next) || unit.shape.wordCount > 30) return false
  const tokens = words(unit.text)
  return [2, 3].some((length) => isNameLike(tokens.slice(0, length).join(' ')) && /^\p{Ll}+s$/u.test(tokens[length] ?? ''))
}

/**
 * Anything after the last paragraph of prose is page furniture. Prose in the site's own voice (a newsletter
 * box, an app prompt) and an author's contact line read like sentences but never end the article.
 */
export function removeTail(units: Unit[]): void {
  let last = -1
  let previousIsBody = false
  units.forEach((unit, index) => {
    if (!kept(unit)) return
    const body =
      !isTailProse(unit) && (isBodyLike(unit.shape) || isTruncatedEnding(units, index) || isShortClosingSentence(unit, previousIsBody))
    if (body) last = index
    previousIsBody = body
  })
  while (last >= 0 && opensBio(units[last]!, units.slice(last + 1).find(kept))) last = units.slice(0, last).findLastIndex(kept)
  for (let i = last + 1; i < units.length; i++) {
    const unit = units[i]!
    if (!kept(unit)) continue
    if (isContactLine(unit) || opensBio(unit, units.slice(i + 1).find(kept))) unit.verdict = 'byline'
    else unit.verdict = isHeadlineLike(unit.text, unit.shape) && unit.shape.wordCount >= 3 ? 'related' : 'other'
  }
}

const LINK_LIST_RUN = 5

/** Menus and link lists: five or more short lines in a row, none of them a sentence. */
export function removeLinkLists(units: Unit[]): void {
  const isListItem = (unit: Unit): boolean =>
    kept(unit) && unit.shape.wordCount <= 12 && !unit.shape.terminal && !isSentenceLike(unit.shape)
  let start = 0
  for (let i = 0; i <= units.length; i++) {
    if (i < units.length && (isListItem(units[i]!) || (!kept(units[i]!) && i > start))) continue
    const run = units.slice(start, i).filter(isListItem)
    if (run.length >= LINK_LIST_RUN)
      for (const unit of run) unit.verdict = isHeadlineLike(unit.text, unit.shape) && unit.shape.wordCount >= 4 ? 'related' : 'navigation'
    start = i + 1
  }
}
