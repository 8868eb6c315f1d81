/**
 * Furniture that other outlets print inside and after the article, found by shape and position rather than by
 * phrase: the site speaking to its reader (newsletter boxes, app and channel prompts), contact lines of an author
 * bio, runs of headlines of other articles without links or teasers, video titles with their running time,
 * hashtag lists, and captions standing beside an image credit.
 */
import { boilerplate } from './boilerplate.js'
import { words } from './text-shape.js'
import { kept, type Unit } from './unit.js'

/** A report's own voice: an article tells what someone said; a box addressing "you" speaks for the site. */
const REPORTED =
  /\b(?:said|says|told|tells|according|added|adds|stated|states|reported|reports|quoted|claimed|claims|asked|urged|warned|announced|wrote|writes)\b/i
const QUOTE_MARKS = /["“”«»]|(?:^|\s)['‘]|['’](?:\s|$)/
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i
// "US" in capitals is the United States, not the site speaking
const SITE_FIRST_PERSON = /\b(?:[Oo]ur|OUR|[Uu]s)\b/

/** Nobody is quoted and nobody is reported as saying it: the line is in the voice of whoever printed it. */
function isUnattributed(unit: Unit): boolean {
  return !QUOTE_MARKS.test(unit.text) && !REPORTED.test(unit.text)
}

/**
 * The site addressing its reader: second person ("delivered to your inbox"), the site's "our/us" on a short line,
 * or an imperative call ("Follow the Post on…"), with nobody quoted or reported. After the article's last sentence
 * this is enough; inside the article see isCallToReader.
 */
export function isReaderAddress(unit: Unit): boolean {
  const { wordCount } = unit.shape
  if (wordCount < 2 || wordCount > 40 || !isUnattributed(unit)) return false
  if (SECOND_PERSON.test(unit.text)) return true
  return wordCount <= 14 && (SITE_FIRST_PERSON.test(unit.text) || isImperativeCall(unit))
}

/** "Follow the Post on…", "Get alerts on your phone": an imperative opener, to the reader or of nothing past. */
function isImperativeCall(unit: Unit): boolean {
  if (!boilerplate().callToAction.test(unit.text)) return false
  return SECOND_PERSON.test(unit.text) || SITE_FIRST_PERSON.test(unit.text) || !PAST_OR_REPORTED.test(unit.text)
}

/**
 * Inside the article an opinion writer may say "you" in a sentence of their own ("If you drive to Quetta today,
 * you will see…"): there, only an imperative call or a short label ("Join our WhatsApp channel", "Enter your
 * email") is the site's.
 */
export function isCallToReader(unit: Unit): boolean {
  if (!isReaderAddress(unit)) return false
  if (isImperativeCall(unit)) return true
  return unit.shape.wordCount <= 14 && !unit.shape.terminal
}

const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/
const HANDLE = /(?:^|[\s(])@[A-Za-z0-9_]{2,30}\b/

/** "She can be reached at name@outlet" or "on X at @handle": how to contact the writer, as a bio ends. */
export function isContactLine(unit: Unit): boolean {
  return unit.shape.wordCount <= 60 && (EMAIL.test(unit.text) || HANDLE.test(unit.text))
}

/** "#Security #Floods #Quetta": every word a hashtag. */
export function isHashtagList(unit: Unit): boolean {
  const tokens = words(unit.text)
  return tokens.length >= 2 && tokens.every((token) => /^#[\p{L}\p{N}_]+[,;]?$/u.test(token))
}

const RUNNING_TIME = /(?:^|\s)(?:\(?\d{1,2}:\d{2}(?::\d{2})?\)?)$|^\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s/

/** A video's title with its running time ("Rescue teams reach the valley 02:14"). */
export function isVideoTitle(unit: Unit): boolean {
  if (!RUNNING_TIME.test(unit.text) || unit.shape.wordCount < 3 || unit.shape.wordCount > 25) return false
  // a clock time in a sentence ("at 10:30") ends with a full stop or follows a preposition
  return !unit.shape.terminal && !/\b(?:at|by|from|until|till|before|after|around|about)\s+\S+$/i.test(unit.text)
}

/**
 * A caption that carries its credit at the end ("… near the bridge. — Reuters", "… | AFP"): a short line that
 * tells no one's words and, unless the credit is labelled as a photo's, no past event.
 */
export function isCaptionWithCredit(unit: Unit): boolean {
  if (unit.shape.wordCount > 45 || QUOTE_MARKS.test(unit.text) || REPORTED.test(unit.text)) return false
  const credit = unit.text.match(boilerplate().photoCreditTail)
  if (!credit || credit.index === 0) return false
  return /photo|image|picture/i.test(credit[0]) || !/\b(?:was|were|had|did)\b/i.test(unit.text)
}

/** Site voice and video titles inside the article: the article never addresses its reader in its own voice. */
export function removeInlineFurniture(units: Unit[]): void {
  for (const unit of units) {
    if (!kept(unit)) continue
    if (isHashtagList(unit)) unit.verdict = 'navigation'
    else if (isVideoTitle(unit)) unit.verdict = 'related'
    else if (isCaptionWithCredit(unit)) {
      unit.verdict = 'other'
      unit.caption = true
    } else if (isCallToReader(unit)) unit.verdict = 'other'
  }
}

/** A headline of another article: a short line with a verb-bearing length, no closing punctuation, not prose. */
function isBareHeadline(unit: Unit): boolean {
  const { shape } = unit
  if (!kept(unit) || shape.wordCount < 4 || shape.wordCount > 20 || unit.text.length > 160) return false
  if (shape.terminal || shape.ellipsis || /[:;,]$/.test(unit.text) || /^\s*(?:[-–•*·▪●]|\d{1,2}[.)])\s/.test(unit.text)) return false
  return shape.wordCount < 12 || shape.lowercase < 0.35
}

const FUNCTION_WORD = /\s(?:in|on|as|of|for|to|over|after|with|amid|from|at|after|against)\s/

/** Two title-case lines are headlines when they read as clauses, not as names in a list ("Naib Subedar …"). */
function isHeadlinePair(run: Unit[]): boolean {
  return run.every((unit) => unit.shape.lowercase <= 0.4 && unit.shape.wordCount >= 5) && run.some((unit) => FUNCTION_WORD.test(unit.text))
}

/**
 * Headlines of other articles printed as plain lines (their links lost in the scrape), between paragraphs of the
 * article: three or more in a row, or two in title case. A single unpunctuated line is a subheading and stays.
 */
export function removeHeadlineRuns(units: Unit[]): void {
  let start = 0
  for (let i = 0; i <= units.length; i++) {
    if (i < units.length && isBareHeadline(units[i]!)) continue
    const run = units.slice(start, i)
    // the lines before the first paragraph are the page's header (title, deck, labels): resolveHeader reads them
    const before = units.slice(0, start).filter(kept)
    const afterProse = before.some((unit) => unit.shape.terminal && unit.shape.wordCount >= 8)
    // "The demands were:" introduces the article's own list
    const introduced = /:\s*$/.test(before[before.length - 1]?.text ?? '')
    if (afterProse && !introduced && (run.length >= 3 || (run.length === 2 && isHeadlinePair(run))))
      for (const unit of run) unit.verdict = 'related'
    start = i + 1
  }
}

const CREDIT_LABEL = /^(?:photo|image|picture|credit|courtesy|source|pic)s?\b[^:]{0,20}:\s*\S/i

/** A line that is only an image credit ("Image: Provincial authority", "Photo courtesy: police"). */
function isCreditOnly(unit: Unit): boolean {
  return unit.caption && unit.shape.wordCount <= 12 && CREDIT_LABEL.test(unit.text)
}

const PAST_OR_REPORTED = /\b(?:was|were|had|did|said|told|according)\b|\b\w{3,}ed\b/i

/**
 * The caption above or below a bare credit line: short, and written in the present tense of a picture
 * ("Rescue workers clear rocks…") where the article's sentences tell what happened in the past.
 */
export function removeCaptionsBesideCredits(units: Unit[]): void {
  units.forEach((unit, index) => {
    if (!isCreditOnly(unit)) return
    for (const neighbour of [units[index - 1], units[index + 1]]) {
      if (!neighbour || !kept(neighbour) || neighbour.shape.wordCount > 35 || neighbour.shape.wordCount < 4) continue
      if (PAST_OR_REPORTED.test(neighbour.text) || QUOTE_MARKS.test(neighbour.text)) continue
      neighbour.verdict = 'other'
      neighbour.caption = true
    }
  })
}

/**
 * Lines that end the page after the article's last sentence even though they read as prose. A closing sentence
 * of an opinion piece may say "you" too, so second person alone does not end the article.
 */
export function isTailProse(unit: Unit): boolean {
  return (
    isCallToReader(unit) || (unit.shape.wordCount <= 14 && isReaderAddress(unit) && !SECOND_PERSON.test(unit.text)) || isContactLine(unit)
  )
}
