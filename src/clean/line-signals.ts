/** Verdicts a line earns on its own: spam, cookie notices, comment widgets, share bars, captions, date lines, bylines. */
import { parseDateLine } from './date-lines.js'
import { boilerplate } from './boilerplate.js'
import { lexicon } from '../lexicon/load.js'
import { isBodyLike, isNameLike, isSentenceLike, urlShare } from './text-shape.js'
import { textKey } from '../text/normalize.js'
import type { Unit } from './unit.js'

function isSpam(unit: Unit): boolean {
  const urls = urlShare(unit.text)
  if (urls.share >= 0.5) return true
  if (urls.count >= 2 && urls.share >= 0.25 && !isBodyLike(unit.shape)) return true
  return boilerplate().spamPhrases.test(unit.norm) && (urls.count > 0 || !isSentenceLike(unit.shape))
}

const NAVIGATION_TOKENS = new Set(lexicon('boilerplate').shareBarTokens)

/** Wire-service credits: "(Reporting by …; Editing by …)". */
const CREDITS_LINE = /^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b/i
const BREADCRUMB = /^[^.!?]{1,40}(?:\s[»›>/|]\s[^.!?]{1,40}){2,}$/
const READING_TIME = /^(?:reading time \d+ ?(?:min|mins|minutes?)(?: read)?|\d+ ?(?:min|mins|minutes?) (?:read|reading time))$/

function isNavigation(unit: Unit): boolean {
  const lex = boilerplate()
  if (lex.navigationLines.has(unit.norm)) return true
  if (unit.shape.wordCount > 30) return false
  if (lex.navigationPrefix.test(unit.text) || BREADCRUMB.test(unit.text) || READING_TIME.test(unit.norm)) return true
  if (unit.shape.wordCount <= 6 && unit.norm.startsWith('advertisement')) return true
  if (unit.shape.wordCount > 10) return false
  const tokens = unit.norm.split(' ')
  return tokens.length <= 10 && (tokens.length >= 2 || tokens[0] === 'share') && tokens.every((token) => NAVIGATION_TOKENS.has(token))
}

function isComments(unit: Unit): boolean {
  const lex = boilerplate()
  if (lex.commentLines.has(unit.norm) || /^(?:\d+ comments?|comments? \d+)$/.test(unit.norm)) return true
  return lex.commentPhrases.test(unit.norm) && unit.shape.wordCount <= 40
}

function isCaption(unit: Unit): boolean {
  const lex = boilerplate()
  if (lex.photoCreditSuffix.test(unit.text) || lex.photoCreditMarker.test(unit.text)) return true
  return unit.shape.wordCount <= 50 && lex.photoCreditPhrases.test(unit.norm)
}

/** "By Jane Doe", "By Jane Doe | Outlet", "Reported by …", a desk name ("Web Desk"); returns the author. */
function bylineAuthor(unit: Unit): string | null {
  const lex = boilerplate()
  if (unit.shape.wordCount > 12 || (unit.shape.terminal && isSentenceLike(unit.shape))) return null
  if (lex.deskBylines.has(unit.norm)) return unit.text.replace(/^[\W_]+|[\W_]+$/g, '')
  const prefix = unit.text.match(lex.bylinePrefix)
  if (!prefix) return null
  const rest = unit.text
    .slice(prefix[0].length)
    .split(/\s*(?:[|,•·]|\s[-–—]\s|\bon\b|\bupdated\b|\bpublished\b|\d)/i)[0]!
    .trim()
  if (isNameLike(rest) || /^[A-Z\p{Lu}][\p{L}'’.-]+$/u.test(rest) || lex.deskBylines.has(textKey(rest))) return rest
  return null
}

/** "Jane Doe | Outlet" or "Jane Doe, Outlet": a name, a separator and an outlet. */
function nameWithOutlet(unit: Unit): string | null {
  const match = unit.text.match(/^([^|,]{3,60})\s*[|,]\s*[^|,]{2,60}$/)
  if (!match || unit.shape.wordCount > 10) return null
  return isNameLike(match[1]!.trim()) ? match[1]!.trim() : null
}

export function classifyLine(unit: Unit): void {
  const lex = boilerplate()
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
  else if (lex.disclaimerPhrases.test(unit.norm) && shape.wordCount <= 40) unit.verdict = 'other'
  else if (/^\S+@\S+\.\w+$/.test(unit.text)) unit.verdict = 'other'
  else if (CREDITS_LINE.test(unit.text) && shape.wordCount <= 25) unit.verdict = 'byline'
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
