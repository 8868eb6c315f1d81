import { lexicon } from '../lexicon/load.js'
import { createRequire } from 'node:module'
import type { en, ParsedComponents, ParsedResult } from 'chrono-node'
import type { DateMention } from '../record/article.js'
import { dateStretches } from './date-cues.js'

// English only: the package root loads every locale it ships (a third of the start-up). Required through Node's own
// resolver, which reads the package's `./*` export pattern that vitest's resolver does not.
const chrono = createRequire(import.meta.url)('chrono-node/en') as typeof en

export type { DateMention } from '../record/article.js'

const DAY_MS = 86_400_000
const DATE_CUE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|week|month|year|weekend)/i

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day))
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function monthRange(year: number, month: number, part: 'early' | 'mid' | 'late' | null): { start: string; end: string } {
  const last = lastDayOfMonth(year, month)
  const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last]
  return { start: iso(utcDate(year, month, from)), end: iso(utcDate(year, month, to)) }
}

const SKIP = /^(now|today|tonight|this|present|current|later|sec|min)$/i
const PART_BEFORE = /\b(early|mid|middle of|late|end of|beginning of|start of)[\s-]*$/i
const WINDOW =
  /\b(?:in|over|during|within)\s+the\s+(?:last|past|previous)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(day|week|month|year)s?\b/gi
const LAST_UNIT = /\b(last|past|previous)\s+(week|month|year)\b/gi
const YEAR =
  /\b(?:in|since|during|of|by|until|before|after|from)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\b(?=\s+(?:attack|bombing|election|agreement|accord|deal|war|invasion|takeover|offensive|operation|report|talks))/gi
const MONTH_PART =
  /\b(early|mid|late)[\s-]+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+((?:19|20)\d\d))?/g
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** Number words, from the lexicon (the patterns below spell which of them a date expression may use). */
const NUMBER_WORDS = lexicon('numbers').units

/**
 * Finds time expressions and resolves them against the reference date (the article's publication date).
 * News reports the past, so expressions without a year resolve to the most recent matching day before the
 * reference, and "mid-March" / "last week" / "in the last month" become day ranges (chrono gives points).
 */
export function recognizeDates(text: string, reference: string | null): DateMention[] {
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : null
  const mentions = chronoMentions(text, ref, dateStretchesIn(text), 'together')
  addPatternMentions(text, ref, mentions)
  mentions.sort((a, b) => a.start - b.start)
  anchorOffsets(text, mentions)
  return mentions
}

export interface Stretch {
  start: number
  end: number
}

/** The paragraphs that carry a date word or a number: chrono, the slowest part of recognition, reads no others. */
export function datedParagraphs(text: string): Stretch[] {
  const paragraphs: Stretch[] = []
  const paragraphRe = /[^\n]+/g
  for (let paragraph = paragraphRe.exec(text); paragraph; paragraph = paragraphRe.exec(text)) {
    if (DATE_CUE.test(paragraph[0])) paragraphs.push({ start: paragraph.index, end: paragraph.index + paragraph[0].length })
  }
  return paragraphs
}

/** Within those paragraphs, the stretches that can hold a date (date-cues.ts). */
export function dateStretchesIn(text: string): Stretch[] {
  return datedParagraphs(text).flatMap((paragraph) =>
    dateStretches(text.slice(paragraph.start, paragraph.end)).map((s) => ({
      start: paragraph.start + s.start,
      end: paragraph.start + s.end,
    })),
  )
}

/**
 * Joins the stretches chrono reads and ends the joined text: a character no parser accepts inside a date, around a
 * date, or between the two halves of a range or a date and its time (not a letter, digit, space or punctuation
 * chrono names), so one parse of the joined text finds what a parse of each stretch finds. It lies outside
 * Latin-1, so chrono always reads a two-byte string: V8 compiles each regular expression once per string width,
 * and chrono's patterns cost ~0.3 s of CPU to compile for one-byte strings, ~0.07 s for two-byte ones.
 */
const SEPARATOR = '\u2060'

/**
 * chrono's mentions in `stretches` of `text`, each read on its own ('apart') or all in one parse ('together': one
 * call instead of one per stretch, and one string width; the same results, as `SEPARATOR` keeps them apart).
 */
export function chronoMentions(text: string, ref: Date | null, stretches: readonly Stretch[], mode: 'apart' | 'together'): DateMention[] {
  if (mode === 'apart' || stretches.some((s) => text.slice(s.start, s.end).includes(SEPARATOR))) {
    return stretches.flatMap((s) => parseStretch(text, ref, text.slice(s.start, s.end), s.start))
  }
  if (stretches.length === 0) return []
  const joinedStarts: number[] = []
  let joined = ''
  for (const stretch of stretches) {
    joinedStarts.push(joined.length)
    joined += text.slice(stretch.start, stretch.end) + SEPARATOR
  }
  const mentions: DateMention[] = []
  for (const result of parseChrono(joined, ref)) {
    if (result.text.includes(SEPARATOR)) return chronoMentions(text, ref, stretches, 'apart')
    const piece = lastAtOrBefore(joinedStarts, result.index)
    const mention = fromChrono(text, result, ref, stretches[piece]!.start - joinedStarts[piece]!)
    if (mention) mentions.push(mention)
  }
  return mentions
}

function parseStretch(text: string, ref: Date | null, stretch: string, offset: number): DateMention[] {
  return parseChrono(stretch, ref).flatMap((result) => fromChrono(text, result, ref, offset) ?? [])
}

function parseChrono(text: string, ref: Date | null): ParsedResult[] {
  return chrono.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })
}

function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

const COUNT = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+|a few|few|several)'
const UNIT = '(hours?|days?|weeks?|fortnight|months?|years?)'
/** "for three weeks", "within 48 hours", "in a week", "over the next two days": how long, not when. */
const DURATION = new RegExp(`^(?:for|within|over|during|in|after)?\\s*(?:the\\s+(?:next|coming|following)\\s+)?${COUNT}\\s+${UNIT}$`, 'i')
/** "a week after", "two days before": an offset from another event, which the words after it name. */
const OFFSET = new RegExp(`^${COUNT}\\s+${UNIT}\\s+(after|before|later|earlier|prior to|following)$`, 'i')
const UNIT_DAYS: Record<string, number> = { hour: 0, day: 1, week: 7, fortnight: 14, month: 30, year: 365 }

function countOf(word: string): number | null {
  const lower = word.toLowerCase()
  if (/^\d+$/.test(lower)) return Number(lower)
  if (lower === 'a' || lower === 'an' || lower === 'one') return 1
  return NUMBER_WORDS[lower] ?? null
}

/**
 * "three days after the bombing on 10 January": an offset counts from the event it modifies, not from the
 * publication date. With a dated anchor later in the same sentence the offset is applied to it; otherwise the
 * day is unknown (SPEC §1: null rather than a guess).
 */
function anchorOffsets(text: string, mentions: DateMention[]): void {
  mentions.forEach((mention, index) => {
    const offset = OFFSET.exec(mention.text.trim())
    if (!offset) return
    mention.granularity = 'day'
    mention.range = null
    const count = countOf(offset[1]!)
    const days = UNIT_DAYS[offset[2]!.toLowerCase().replace(/s$/, '')]
    const direction = /^(?:before|earlier|prior to)$/i.test(offset[3]!) ? -1 : 1
    const anchor = mentions[index + 1]
    if (count === null || days === undefined || !anchor?.range || /later|earlier/i.test(offset[3]!)) return
    // the anchor must be the event named right after the offset, in the same sentence
    const between = text.slice(mention.end, anchor.start)
    if (between.length > 80 || /[.!?;]\s|\n/.test(between)) return
    const shift = direction * count * days
    const from = new Date(`${anchor.range.start}T12:00:00Z`)
    const to = new Date(`${anchor.range.end}T12:00:00Z`)
    mention.range = { start: iso(addDays(from, shift)), end: iso(addDays(to, shift)) }
  })
}

function fromChrono(text: string, parsed: ParsedResult, ref: Date | null, offset: number): DateMention | null {
  const result = { text: parsed.text, index: parsed.index + offset, end: parsed.end }
  const start = parsed.start
  if (SKIP.test(result.text.trim())) return null
  if (/^\d{1,2}(:\d\d)?\s*(am|pm)?$/i.test(result.text.trim())) return null
  const hasYear = start.isCertain('year')
  const hasMonth = start.isCertain('month')
  const hasDay = start.isCertain('day')
  const hasWeekday = start.isCertain('weekday')
  const before = text.slice(Math.max(0, result.index - 14), result.index)
  const partMatch = PART_BEFORE.exec(before)
  const part = partMatch ? normalizePart(partMatch[1]!) : null
  const mentionStart = partMatch ? result.index - (before.length - partMatch.index) : result.index
  let end = result.index + result.text.length
  while (end > mentionStart && /[\s,.;:]/.test(text[end - 1]!)) end--
  let from = mentionStart
  const lead = /^(?:on|in|at|since|by|from|during)\s+/i.exec(text.slice(from, end))
  if (lead && !partMatch) from += lead[0].length
  const base = { start: from, end, text: text.slice(from, end) }
  if (DURATION.test(result.text.trim())) return { ...base, granularity: 'range', range: null }
  // without a reference date chrono resolves relative words against its own default day: only a written year counts
  if (!ref && (!/\b(?:19|20)\d\d\b/.test(result.text) || /\b(ago|yesterday|tomorrow|last|next|this|earlier|later)\b/i.test(result.text))) {
    return { ...base, granularity: 'day', range: null }
  }

  if (hasMonth && !hasDay) {
    const month = start.get('month')!
    const year = hasYear ? start.get('year')! : ref ? pastYearForMonth(month, ref) : null
    return { ...base, granularity: 'month', range: year ? monthRange(year, month, part) : null }
  }
  if (hasMonth && hasDay) {
    const month = start.get('month')!
    const day = start.get('day')!
    let year: number | null = hasYear ? start.get('year')! : null
    if (year === null && ref) {
      year = ref.getUTCFullYear()
      if (utcDate(year, month, day).getTime() > ref.getTime() + DAY_MS) year -= 1
    }
    const range = year ? dayRange(utcDate(year, month, day), result.end ? endDate(result.end, year) : null) : null
    return { ...base, granularity: result.end ? 'range' : 'day', range }
  }
  if (hasWeekday && !hasDay) {
    if (!ref) return { ...base, granularity: 'day', range: null }
    const weekday = start.get('weekday')!
    const delta = (ref.getUTCDay() - weekday + 7) % 7
    const day = addDays(ref, -delta)
    return { ...base, granularity: 'day', range: { start: iso(day), end: iso(day) } }
  }
  if (hasYear && !hasMonth) {
    const year = start.get('year')!
    return { ...base, granularity: 'year', range: { start: `${year}-01-01`, end: `${year}-12-31` } }
  }
  if (hasDay) {
    if (!ref) return { ...base, granularity: 'day', range: null }
    // Relative days chrono resolved against the reference: "yesterday", "two days ago".
    const day = start.date()
    return { ...base, granularity: 'day', range: { start: iso(day), end: iso(day) } }
  }
  return null
}

function endDate(end: ParsedComponents, fallbackYear: number): Date | null {
  if (!end.isCertain('day')) return null
  return utcDate(end.isCertain('year') ? end.get('year')! : fallbackYear, end.get('month')!, end.get('day')!)
}

function dayRange(start: Date, end: Date | null): { start: string; end: string } {
  return { start: iso(start), end: iso(end && end >= start ? end : start) }
}

function normalizePart(word: string): 'early' | 'mid' | 'late' {
  const lower = word.toLowerCase()
  if (lower.startsWith('early') || lower.startsWith('beginning') || lower.startsWith('start')) return 'early'
  if (lower.startsWith('late') || lower.startsWith('end')) return 'late'
  return 'mid'
}

function pastYearForMonth(month: number, ref: Date): number {
  const year = ref.getUTCFullYear()
  return month > ref.getUTCMonth() + 1 ? year - 1 : year
}

function overlapsExisting(mentions: DateMention[], start: number, end: number): boolean {
  return mentions.some((m) => m.start < end && start < m.end)
}

function addPatternMentions(text: string, ref: Date | null, mentions: DateMention[]): void {
  for (const match of text.matchAll(WINDOW)) {
    const start = match.index!
    const end = start + match[0].length
    const count = match[1] ? Number(match[1]) || NUMBER_WORDS[match[1].toLowerCase()] || 1 : 1
    const unitDays = { day: 1, week: 7, month: 30, year: 365 }[match[2]!.toLowerCase() as 'day']
    replaceOverlapping(mentions, start, end)
    mentions.push({
      start,
      end,
      text: match[0],
      granularity: 'range',
      range: ref ? { start: iso(addDays(ref, -count * unitDays)), end: iso(ref) } : null,
    })
  }
  for (const match of text.matchAll(LAST_UNIT)) {
    const start = match.index!
    const end = start + match[0].length
    if (overlapsExisting(mentions, start, end) && !mentions.some((m) => m.start === start && m.end === end)) {
      if (mentions.some((m) => m.start <= start && m.end >= end && m.granularity === 'range')) continue
    }
    replaceOverlapping(mentions, start, end)
    mentions.push({ start, end, text: match[0], granularity: 'range', range: ref ? previousUnit(ref, match[2]!.toLowerCase()) : null })
  }
  for (const match of text.matchAll(MONTH_PART)) {
    const start = match.index!
    const end = start + match[0].length
    if (mentions.some((m) => m.start <= start && m.end >= end)) continue
    replaceOverlapping(mentions, start, end)
    const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1
    const year = match[3] ? Number(match[3]) : ref ? pastYearForMonth(month, ref) : null
    const part = normalizePart(match[1]!)
    mentions.push({ start, end, text: match[0], granularity: 'month', range: year ? monthRange(year, month, part) : null })
  }
  for (const match of text.matchAll(YEAR)) {
    const yearText = match[1] ?? match[2]!
    const start = match.index! + match[0].indexOf(yearText)
    const end = start + 4
    if (overlapsExisting(mentions, start, end)) continue
    mentions.push({ start, end, text: yearText, granularity: 'year', range: { start: `${yearText}-01-01`, end: `${yearText}-12-31` } })
  }
}

function replaceOverlapping(mentions: DateMention[], start: number, end: number): void {
  for (let i = mentions.length - 1; i >= 0; i--) {
    if (mentions[i]!.start < end && start < mentions[i]!.end) mentions.splice(i, 1)
  }
}

function previousUnit(ref: Date, unit: string): { start: string; end: string } {
  if (unit === 'week') {
    const mondayOffset = (ref.getUTCDay() + 6) % 7
    const thisMonday = addDays(ref, -mondayOffset)
    return { start: iso(addDays(thisMonday, -7)), end: iso(addDays(thisMonday, -1)) }
  }
  if (unit === 'month') {
    const year = ref.getUTCMonth() === 0 ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear()
    const month = ref.getUTCMonth() === 0 ? 12 : ref.getUTCMonth()
    return monthRange(year, month, null)
  }
  const year = ref.getUTCFullYear() - 1
  return { start: `${year}-01-01`, end: `${year}-12-31` }
}
