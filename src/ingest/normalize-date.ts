/** Finds calendar dates written the ways news pages write them and turns them into YYYY-MM-DD. */
import { allMatches } from '../lexicon/pattern.js'

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)'
const ORDINAL = '(?:st|nd|rd|th)?'
const WEEKDAY = '(?:(Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,?\\s+)?'

export interface DateMatch {
  iso: string
  index: number
  length: number
}

type Builder = (groups: string[]) => string | null

const PATTERNS: Array<{ regex: RegExp; build: Builder }> = [
  { regex: /\b(\d{4})-(\d{2})-(\d{2})(?=\b|T)/g, build: ([y, m, d]) => isoFrom(+y!, +m!, +d!) },
  { regex: /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/g, build: ([y, m, d]) => isoFrom(+y!, +m!, +d!) },
  {
    regex: new RegExp(`\\b${WEEKDAY}${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'gi'),
    build: ([, mon, d, y]) => isoFrom(+y!, monthNumber(mon!), +d!),
  },
  {
    regex: new RegExp(`\\b${WEEKDAY}(\\d{1,2})${ORDINAL}(?:\\s+of)?[\\s-]+${MONTH}\\.?,?[\\s-]+(\\d{4})\\b`, 'gi'),
    build: ([, d, mon, y]) => isoFrom(+y!, monthNumber(mon!), +d!),
  },
  {
    regex: new RegExp(`\\b${WEEKDAY}(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b`, 'gi'),
    build: ([weekday, a, b, y]) => numericDayMonth(+y!, +a!, +b!, weekday),
  },
]

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0
}

function isoFrom(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null
  return date.toISOString().slice(0, 10)
}

function weekdayOf(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!
}

/** 01/05/2024 is ambiguous: a weekday beside it or a part above 12 decides, otherwise no date. */
function numericDayMonth(year: number, a: number, b: number, weekday: string | undefined): string | null {
  const monthFirst = isoFrom(year, a, b)
  const dayFirst = isoFrom(year, b, a)
  if (!monthFirst || !dayFirst || monthFirst === dayFirst) return monthFirst ?? dayFirst
  if (!weekday) return null
  const wanted = weekday.toLowerCase().slice(0, 3)
  if (weekdayOf(monthFirst).startsWith(wanted)) return monthFirst
  if (weekdayOf(dayFirst).startsWith(wanted)) return dayFirst
  return null
}

/** Every full date (day, month and year) in the text, in order of position. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = []
  for (const { regex, build } of PATTERNS) {
    for (const match of allMatches(regex, text)) {
      const iso = build(match.slice(1))
      if (iso) found.push({ iso, index: match.index, length: match[0].length })
    }
  }
  found.sort((x, y) => x.index - y.index || y.length - x.length)
  return found.filter((match, i) => i === 0 || match.index >= found[i - 1]!.index + found[i - 1]!.length)
}

/** A metadata date (ISO, RFC 822, "March 5, 2022", …) as YYYY-MM-DD, or null when it holds no full date. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const text = String(value).trim()
  if (!text) return null
  const first = findDates(text)[0]
  if (first) return first.iso
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) || /^[A-Z][a-z]{2}, /.test(text)) {
    const parsed = new Date(text)
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10)
  }
  return null
}
