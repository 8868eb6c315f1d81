import type { Fatalities } from '../record/record.js'

/**
 * When two reports describe one incident, and how their figures combine. Matching needs the same
 * type and place (the caller filters on those), overlapping dates and compatible participants.
 */
export interface DateSpan {
  start: string
  end: string
}

/** Reports a day apart still describe one incident: "late Monday" vs "Tuesday" after a night attack. */
const DATE_SLACK_DAYS = 1

export function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`)
  shifted.setUTCDate(shifted.getUTCDate() + days)
  return shifted.toISOString().slice(0, 10)
}

export function datesOverlap(a: DateSpan, b: DateSpan, slackDays = DATE_SLACK_DAYS): boolean {
  return a.start <= shiftDate(b.end, slackDays) && b.start <= shiftDate(a.end, slackDays)
}

/**
 * Longest span, in days, that merged reports of one incident may cover (unless a single report covers
 * more): reports a day or two apart describe one attack, but chaining daily reports at a busy place
 * must not grow one "event" across weeks.
 */
export const MAX_INCIDENT_DAYS = 3

function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000)
}

/** Whether a report may join an event without stretching it beyond one incident's span. */
export function staysOneIncident(event: DateSpan, report: DateSpan): boolean {
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings; Math.min would turn them into NaN
  const start = event.start < report.start ? event.start : report.start
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings; Math.max would turn them into NaN
  const end = event.end > report.end ? event.end : report.end
  return daysBetween(start, end) <= Math.max(MAX_INCIDENT_DAYS, daysBetween(report.start, report.end))
}

/** An unnamed side is compatible with anything; named sides must share someone. */
export function participantsCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true
  return a.some((id) => b.includes(id))
}

/**
 * Events that began over a month before a report are not candidates: that keeps the index range small
 * as the store grows, and an "incident" spanning months is a campaign, not one event to merge into.
 */
export const LONGEST_EVENT_DAYS = 31

/** The dates a stored event of the report's type and place must fall in to be a candidate for the report. */
export interface CandidateWindow {
  startNotAfter: string
  startNotBefore: string
  endNotBefore: string
}

/** Candidates are events whose dates come within the slack of the report's span and began at most a month before it. */
export function eventCandidateWindow(span: DateSpan): CandidateWindow {
  return {
    startNotAfter: shiftDate(span.end, DATE_SLACK_DAYS),
    startNotBefore: shiftDate(span.start, -LONGEST_EVENT_DAYS),
    endNotBefore: shiftDate(span.start, -DATE_SLACK_DAYS),
  }
}

/** A stored event a report may join, with its current dates and parties. */
export interface EventCandidate {
  id: string
  span: DateSpan
  actors: readonly string[]
  targets: readonly string[]
}

export interface PlacedReport {
  span: DateSpan
  actors: readonly string[]
  targets: readonly string[]
}

/**
 * The event a report joins: the first candidate (in the store's order, most sources first) that stays one
 * incident with it and whose participants are compatible on both sides; null when none is.
 */
export function matchingEvent<C extends EventCandidate>(candidates: readonly C[], report: PlacedReport): C | null {
  return (
    candidates.find(
      (candidate) =>
        staysOneIncident(candidate.span, report.span) &&
        participantsCompatible(candidate.actors, report.actors) &&
        participantsCompatible(candidate.targets, report.targets),
    ) ?? null
  )
}

/** The span an event report covers: its own dates, else the article's publication date. */
export function reportSpan(date: { start: string | null; end: string | null }, published: string | null): DateSpan | null {
  const start = date.start ?? date.end ?? published
  const end = date.end ?? date.start ?? published
  if (!start || !end) return null
  return start <= end ? { start, end } : { start: end, end: start }
}

export interface SourceFatalities extends Fatalities {
  /** Near-duplicate group of the reporting article: copies of one story give one figure. */
  sourceGroup: string
}

/**
 * low = the smallest figure any independent source gives, high = the largest,
 * best = the median of the sources' best figures (rounded mean of the middle two when even).
 */
export function summarizeFatalities(reports: readonly SourceFatalities[]): Fatalities {
  const firstPerGroup = new Map<string, SourceFatalities>()
  for (const report of reports) {
    if (report.best === null && report.low === null && report.high === null) continue
    if (!firstPerGroup.has(report.sourceGroup)) firstPerGroup.set(report.sourceGroup, report)
  }
  const independent = [...firstPerGroup.values()]
  if (independent.length === 0) return { low: null, best: null, high: null }
  const lows = independent.map((r) => r.low ?? r.best ?? r.high).filter(isNumber)
  const highs = independent.map((r) => r.high ?? r.best ?? r.low).filter(isNumber)
  const bests = independent
    .map((r) => r.best ?? r.high ?? r.low)
    .filter(isNumber)
    .sort((a, b) => a - b)
  return {
    low: Math.min(...lows),
    best: median(bests),
    high: Math.max(...highs),
  }
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2)
}

function isNumber(value: number | null): value is number {
  return value !== null
}
