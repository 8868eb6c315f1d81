/** Lines that are only a date, a time or a "published/updated" stamp: never article text. */
import { findDates } from '../ingest/normalize-date.js'

const TIME = /T?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?/gi
const RELATIVE_TIME =
  /^(?:(?:last\s+)?(?:updated|posted|published|modified)\s*:?\s*(?:about\s+)?)?(?:\d+|an?|one|a few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago\b/i
const STAMP_WORDS =
  /\b(?:published|updated|last updated|posted|modified|created|first published|date|on|at|am|pm|ist|pkt|pst|gmt|utc|est|edt|cet|bst|ast|aft|irst|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|today|yesterday)\b/gi

export interface DateLine {
  /** The full date on the line as YYYY-MM-DD, or null for a time or a relative date ("3 hours ago"). */
  iso: string | null
}

/** A date/time line: once its dates, times and stamp words are taken out, at most two words (a place) remain. */
export function parseDateLine(text: string): DateLine | null {
  if (text.length > 120) return null
  if (RELATIVE_TIME.test(text.trim())) return { iso: null }
  const dates = findDates(text)
  let rest = text
  for (const date of [...dates].reverse()) rest = `${rest.slice(0, date.index)} ${rest.slice(date.index + date.length)}`
  const hadTime = TIME.test(rest)
  TIME.lastIndex = 0
  rest = rest.replace(TIME, ' ').replace(STAMP_WORDS, ' ')
  if (dates.length === 0 && !hadTime) return null
  const leftover = rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  // "Published in The Daily Times, March 5th, 2024" names an outlet as well
  const stamped = /^\W*(?:first |last )?(?:published|updated|posted)\b/i.test(text)
  if (leftover.length > (stamped ? 5 : 2)) return null
  if (dates.length === 0 && leftover.length > 0) return null
  return { iso: dates[0]?.iso ?? null }
}

/** A caption or a lede that ends with a full date: "…in Kerman, Iran, January 5, 2024." */
export function endsWithFullDate(text: string): boolean {
  const dates = findDates(text)
  const last = dates[dates.length - 1]
  return !!last && text.slice(last.index + last.length).replace(/[\s.)"”’]+/g, '') === ''
}
