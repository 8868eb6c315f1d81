import { lexicon } from '../lexicon/load.js'
import { allMatches } from '../lexicon/pattern.js'
import type { Fatalities } from '../record/record.js'

const {
  units: UNITS,
  tens: TENS,
  vague: VAGUE,
  deathAfter,
  deathBefore,
  asideOpeners,
  lifeTakers,
  tallyJoiners,
  oneDeadPassive,
  oneDeadActive,
  notAVictim,
} = lexicon('numbers')

export interface Count {
  best: number
  low: number | null
  high: number | null
  /** Characters of text the count spans. */
  length: number
}

const NUMBER_WORD = new RegExp(`^(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand'].join('|')})$`, 'i')

/**
 * Reads a count at the start of `text`: "30", "1,200", "thirty-five", "a dozen", "dozens", "at least 12",
 * "nearly 30", "more than 100", "10 to 15". Returns undefined when the text does not start with one.
 */
export function readCount(text: string): Count | undefined {
  const modifier =
    /^(at least|at most|no fewer than|no less than|not less than|more than|over|nearly|almost|around|about|roughly|approximately|some|up to|as many as|an estimated|estimated|close to)\s+/i.exec(
      text,
    )
  const rest = modifier ? text.slice(modifier[0].length) : text
  const base = readBareCount(rest)
  if (!base) return undefined
  const length = (modifier?.[0].length ?? 0) + base.length
  const word = modifier?.[1]?.toLowerCase()
  if (
    word === 'at least' ||
    word === 'more than' ||
    word === 'over' ||
    word === 'no fewer than' ||
    word === 'no less than' ||
    word === 'not less than'
  ) {
    return { best: base.best, low: base.best, high: base.high && base.high > base.best ? base.high : null, length }
  }
  if (word === 'up to' || word === 'as many as' || word === 'at most') return { best: base.best, low: null, high: base.best, length }
  if (word) return { best: base.best, low: null, high: null, length }
  return { ...base, length }
}

function readBareCount(text: string): Count | undefined {
  const range = /^(\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)\b/.exec(text)
  if (range) {
    const low = Number(range[1]!.replace(/,/g, ''))
    const high = Number(range[2]!.replace(/,/g, ''))
    if (high > low) return { best: low, low, high, length: range[0].length }
  }
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?![\d.:/-]\d)\b/.exec(text)
  if (digits) {
    const best = Number(digits[1]!.replace(/,/g, ''))
    return { best, low: best, high: best, length: digits[0].length }
  }
  const vague = /^(a dozen|dozens|tens|scores|hundreds|a hundred|several|a few|few|thousands)\b/i.exec(text)
  if (vague) {
    const key = vague[1]!.toLowerCase().replace(/^a (dozen|hundred)$/, '$1')
    const reading = VAGUE[key]!
    return { best: reading.best, low: reading.best, high: reading.high, length: vague[0].length }
  }
  const words = /^([a-z]+)(?:[-\s]([a-z]+))?(?:\s+(hundred))?/i.exec(text)
  if (words && NUMBER_WORD.test(words[1]!) && !/^(a|an)$/i.test(words[1]!)) {
    const first = words[1]!.toLowerCase()
    let value = UNITS[first] ?? TENS[first] ?? 0
    let length = words[1]!.length
    const second = words[2]?.toLowerCase()
    if (TENS[first] && second && UNITS[second] !== undefined && UNITS[second]! < 10) {
      value += UNITS[second]!
      length = words[0].length - (words[3] ? words[3].length + 1 : 0)
    } else if (second === 'hundred') {
      value *= 100
      length = words[1]!.length + 1 + second.length
    }
    return { best: value, low: value, high: value, length }
  }
  return undefined
}

const DEATH_WORDS = deathAfter.join('|')
const DEATH_AFTER = new RegExp(`^\\s*(?:(?:[a-z-]+\\s+){0,6}?)(?:were|was|have been|had been|are|got|being)?\\s*(?:${DEATH_WORDS})\\b`, 'i')
const DEATH_BEFORE = new RegExp(`\\b(?:${deathBefore.join('|')})\\s*$`, 'i')
/** "five soldiers, including a major who led the patrol, were killed": the count's death word comes after the aside. */
const DEATH_PAST_ASIDE = new RegExp(
  `^\\s*(?:[\\w-]+\\s+){0,2}?[\\w-]+\\s*,\\s*(?:${asideOpeners.join('|')})\\b[^.;]*?,\\s*(?:(?:were|was|have been|had been)\\s+)?(?:${DEATH_WORDS})\\b`,
  'i',
)
const ASIDE_BEFORE_DEATH = new RegExp(
  `,\\s*((?:${asideOpeners.join('|')})\\b[^.;]*?),\\s*(?:(?:were|was|have been|had been)(?:\\s*$|\\s+(?=${DEATH_WORDS}))|(?:${DEATH_WORDS})\\b)`,
  'gi',
)

/**
 * The spans of asides on the dead ("…, including a major who had led a raid in the area, were killed"): what they
 * tell of the victims is no event of its own. The death word may be cut off when `text` ends at the verb before it.
 */
export function victimAsides(text: string): [number, number][] {
  return allMatches(ASIDE_BEFORE_DEATH, text).map((m) => {
    const start = m.index! + m[0].indexOf(m[1]!)
    return [start, start + m[1]!.length]
  })
}

/** "the loss of six lives", "claimed 12 lives": a count of lives is a toll after the words that take them. */
const LIFE_TAKER = new RegExp(`\\b(?:${lifeTakers.join('|')})\\s+(?:the\\s+)?$`, 'i')
const LIVES = /^\s*(?:[a-z-]+\s+)?lives\b(?!\s+(?:were|have been|had been)\s+saved)/i
const COUNT_WORD = `(?:\\d+|${[...Object.keys(UNITS), ...Object.keys(TENS)].filter((w) => !/^(?:a|an|zero)$/.test(w)).join('|')})`
const COUNTED = `${COUNT_WORD}(?:[-\\s]${COUNT_WORD})?(?:\\s+[a-z-]+){1,2}?`
const COUNT_LIST = `(${COUNTED}(?:\\s*,\\s*${COUNTED})*\\s+and\\s+${COUNTED})`
/** After a verb of killing, "a" counts one too, and a count may follow a possessive ("killed a tribal elder and his two sons"). */
const VICTIM = `(?:(?:his|her|their)\\s+)?(?:${COUNT_WORD}|an?)(?:[-\\s]${COUNT_WORD})?(?:\\s+[a-z-]+){1,2}?`
const VICTIM_LIST = `(${VICTIM}(?:\\s*,\\s*${VICTIM})*\\s+and\\s+${VICTIM})`

/**
 * The fatalities a sentence reports: counts followed by a death word ("12 soldiers were killed", "30 dead"),
 * or preceded by one ("killing 12", "death toll rose to 30"). Coordinated counts add up ("two officers and two
 * insurgents"), and so do two tolls joined in one sentence ("three soldiers were martyred while five militants were
 * killed"); a count after "including" is part of the one before it and is not added.
 */
export function fatalitiesIn(sentence: string): Fatalities | null {
  return locatedFatalitiesIn(sentence)?.fatalities ?? null
}

/** Like `fatalitiesIn`, with where in the sentence the count stands (to give it to the nearest event word). */
const KILLS_A_COUNT =
  /^\s+(?:[\w-]+\s+){1,3}?(?:killed|kill|kills|killing|left|claimed)\s+(?:(?:at least|more than|nearly|about|some|around|over|up to|as many as)\s+)?(?:\d|a dozen|dozens|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)/i

/** "A soldier was martyred", "a policeman guarding the team was killed": one victim told by "a", then the verb of death. */
const ONE_VICTIM_DIED = new RegExp(
  `\\b(?:a|an)\\s+(?:(?!(?:${notAVictim.join('|')})\\b)[\\w-]+\\s+){1,4}?(?:(?:was|has been|had been)\\s+(?:${oneDeadPassive.join('|')})|${oneDeadActive.join('|')})\\b`,
  'i',
)

interface Toll {
  start: number
  count: Count
  /** The death word follows the count ("12 soldiers were killed"), rather than leads it ("killing 12"). */
  deathAfter: boolean
}

export function locatedFatalitiesIn(sentence: string): { fatalities: Fatalities; at: number } | null {
  const coordinated = coordinatedCounts(sentence)
  if (coordinated) return coordinated
  const found = tollsIn(sentence)
  const single =
    /\b(?:(?:death|killing|murder|assassination|martyrdom) of (?:a|an|one)\b|(?:killed|killing|shot dead|gunned down|murdered|beheaded|assassinated|shooting dead|martyring|martyred)\s+(?:a|an)\s+(?!few\b|number\b|dozen\b|total\b|series\b|couple\b))/i.exec(
      sentence,
    )
  const one = single ?? ONE_VICTIM_DIED.exec(sentence)
  if (found.length === 0 && one) return { fatalities: { low: 1, best: 1, high: 1 }, at: one.index }
  if (found.length === 0) return null
  const first = found[0]!
  const joined = joinedToll(sentence, first, found[1])
  if (joined) return { fatalities: addedCounts(first.count, joined), at: first.start }
  return { fatalities: { low: first.count.low, best: first.count.best, high: first.count.high }, at: first.start }
}

/** The tolls of a sentence besides the one `locatedFatalitiesIn` reads ("… since a bombing that killed 84, left 12 dead"). */
export function otherTollsIn(sentence: string): { fatalities: Fatalities; at: number }[] {
  if (coordinatedCounts(sentence)) return []
  const found = tollsIn(sentence)
  const rest = found.slice(joinedToll(sentence, found[0]!, found[1]) ? 2 : 1)
  return rest.map((t) => ({ fatalities: { low: t.count.low, best: t.count.best, high: t.count.high }, at: t.start }))
}

/** The counts of a sentence that are tolls, in order. */
function tollsIn(sentence: string): Toll[] {
  const found: Toll[] = []
  const re =
    /\b(?:at least|at most|no fewer than|more than|over|nearly|almost|around|about|roughly|approximately|some|up to|as many as|an estimated|close to)?\s*(?:\d|a dozen|dozens|tens|scores|hundreds|several|a few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/gi
  for (const match of allMatches(re, sentence)) {
    const start = match.index! + (match[0].length - match[0].trimStart().length)
    const count = readCount(sentence.slice(start))
    if (!count) continue
    if (/\b(?:19|20)\d\d$/.test(String(count.best)) && count.best > 1900) continue
    const after = sentence.slice(start + count.length, start + count.length + 250)
    if (
      /^\s*(?:-|–)?\s*(?:year|years|month|months|day|days|hour|hours|minute|minutes|km|kilometres|kilometers|percent|%|am|pm|p\.m\.|a\.m\.)\b/i.test(
        after,
      )
    )
      continue
    // "Two blasts killed 90 people", "three gunmen killed four soldiers": the count that does the killing is not the toll
    if (KILLS_A_COUNT.test(after)) continue
    // "destroyed several posts and killed 19 soldiers": a count whose own verb is not the killing is not the toll
    if (OTHER_OBJECT_THEN_KILLED.test(after)) continue
    const before = sentence.slice(Math.max(0, start - 60), start)
    const deathAfter = DEATH_AFTER.test(after.slice(0, 60)) || DEATH_PAST_ASIDE.test(after)
    const deathBefore = DEATH_BEFORE.test(before) || (LIFE_TAKER.test(before) && LIVES.test(after))
    const including = /\b(?:including|among them|among whom|of whom|of them)\s*$/i.test(before)
    // "left two policemen and three passers-by injured"
    const leftHurt = /\b(?:left|leaving)\s*$/i.test(before) && /^\s*(?:(?!dead\b)[\w-]+\s+){0,5}?(?:injured|wounded|hurt)\b/i.test(after)
    if ((deathAfter || deathBefore) && !including && !leftHurt) found.push({ start, count, deathAfter })
  }
  return found
}

const OTHER_OBJECT_THEN_KILLED =
  /^\s+(?:[\w-]+\s+){1,5}?and\s+(?:also\s+)?(?:killed|killing|shot dead|martyred)\s+(?:at least\s+|more than\s+|over\s+|nearly\s+)?(?:\d|a dozen|dozens|several|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty)/i

function addedCounts(a: Count, b: Count): Fatalities {
  const high = a.high !== null && b.high !== null ? a.high + b.high : null
  return { low: (a.low ?? a.best) + (b.low ?? b.best), best: a.best + b.best, high }
}

const DEATH_WORD = new RegExp(`(?:${DEATH_WORDS})\\b`, 'i')
const TALLY_JOINER = new RegExp(`(?:,\\s*|\\s+)(?:${tallyJoiners.join('|')})\\s+(?:another\\s+|also\\s+)?$`, 'i')

/**
 * "Three soldiers were martyred while five militants were killed": a second toll told with its own death word,
 * joined to the first with nothing but its subject between, adds to it (both sides' dead count).
 */
function joinedToll(sentence: string, first: Toll, second: Toll | undefined): Count | null {
  if (!second?.deathAfter) return null
  const between = sentence.slice(first.start + first.count.length, second.start)
  if (!TALLY_JOINER.test(between) || !DEATH_WORD.test(between)) return null
  if (/[.;«]|\b(?:injured|wounded|hurt)\b/i.test(between) || between.length > 80) return null
  return second.count
}

/** "two officers and two insurgents were killed", "killing three soldiers and five militants" → the sum. */
const LIST_THEN_DEATH = new RegExp(`\\b${COUNT_LIST}\\s+(?:(?:were|was|have been|had been)\\s+)?(?:${DEATH_WORDS})\\b`, 'i')
const DEATH_THEN_LIST = new RegExp(
  `\\b(?:killed|killing|kills|martyring|shot dead|gunned down|claimed the lives of|left|leaving)\\s+${VICTIM_LIST}(?!\\s+(?:were|was|have been)\\s+(?:\\w+\\s+)?(?:injured|wounded|hurt))(\\s+dead\\b)?`,
  'i',
)

function coordinatedCounts(sentence: string): { fatalities: Fatalities; at: number } | null {
  const after = LIST_THEN_DEATH.exec(sentence)
  const before = DEATH_THEN_LIST.exec(sentence)
  // "left two soldiers and three civilians injured": after "left", only "dead" makes the list a toll
  const leftAlive = before && /^(?:left|leaving)\b/i.test(before[0]) && !before[2]
  const match = after ?? (leftAlive ? null : before)
  if (!match) return null
  let total = 0
  for (const part of match[1]!.split(/\s*,\s*|\s+and\s+/)) {
    const count = readCount(
      part
        .trim()
        .replace(/^(?:his|her|their)\s+/i, '')
        .replace(/^an?\s/i, 'one '),
    )
    if (!count) return null
    total += count.best
  }
  return { fatalities: { low: total, best: total, high: total }, at: match.index }
}
