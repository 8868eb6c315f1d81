import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

interface ChronoEnglishConstants {
  MONTH_DICTIONARY: Record<string, number>
  WEEKDAY_DICTIONARY: Record<string, number>
  TIME_UNIT_DICTIONARY: Record<string, string>
  NUMBER_PATTERN: string
}

// The vocabulary chrono's English parsers are built from, read from chrono itself so the cues follow its version.
const require = createRequire(import.meta.url)
const constants = require(join(dirname(require.resolve('chrono-node/en')), 'constants.js')) as ChronoEnglishConstants

/** The words of chrono's casual parsers (ENCasualDateParser, ENCasualTimeParser), which hold no number or name. */
const CASUAL_WORDS = [
  'now',
  'today',
  'tonight',
  'tomorrow',
  'overmorrow',
  'tmr',
  'tmrw',
  'yesterday',
  'morning',
  'afternoon',
  'evening',
  'night',
  'midnight',
  'midday',
  'noon',
]

function alternation(words: Iterable<string>): string {
  const escaped = [...new Set(words)].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return escaped.sort((a, b) => b.length - a.length).join('|')
}

const units = Object.keys(constants.TIME_UNIT_DICTIONARY)
const fullUnits = units.filter((unit) => unit.length > 3)
const names = [...Object.keys(constants.MONTH_DICTIONARY), ...Object.keys(constants.WEEKDAY_DICTIONARY), ...CASUAL_WORDS, ...fullUnits]

/**
 * Every expression one of chrono's English parsers matches holds one of these: a digit, a month or weekday name, a
 * casual day or time word, a whole time unit, or a number (as chrono spells numbers) followed by a unit, which may be
 * abbreviated ("an h", "the m"). Chrono's parsers start at a non-word character or the text's start, as these do.
 */
const CUE = new RegExp(
  `[0-9]|(?<![A-Za-z0-9_])(?:(?:${alternation(names)})(?![A-Za-z])|(?:${constants.NUMBER_PATTERN})\\s{0,3}(?:${alternation(units)})(?=\\W|$))`,
  'gi',
)

/**
 * How far a chrono result, with the words its refiners read around it ("within about", "end of the", "until",
 * "at", a time zone), reaches from the cue it holds. A stretch this far from every cue can hold no part of a date.
 */
const REACH = 32

/**
 * The stretches of `paragraph` chrono can find a date in: each cue with REACH characters either side, widened to
 * whole words, stretches that touch merged (so a range or a date followed by its time stays in one piece).
 * Each stretch starts at the paragraph's start or a whitespace character and ends at its end or before one.
 */
export function dateStretches(paragraph: string): Array<{ start: number; end: number }> {
  const stretches: Array<{ start: number; end: number }> = []
  CUE.lastIndex = 0
  for (let cue = CUE.exec(paragraph); cue; cue = CUE.exec(paragraph)) {
    const start = wordStartBefore(paragraph, cue.index - REACH)
    const end = wordEndAfter(paragraph, cue.index + cue[0].length + REACH)
    const last = stretches[stretches.length - 1]
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else stretches.push({ start, end })
    if (cue[0].length === 0) CUE.lastIndex++
  }
  return stretches
}

function wordStartBefore(text: string, at: number): number {
  let i = Math.max(0, at)
  while (i > 0 && !/\s/.test(text[i]!)) i--
  return i
}

function wordEndAfter(text: string, at: number): number {
  let i = Math.min(text.length, at)
  while (i < text.length && !/\s/.test(text[i]!)) i++
  return i
}
