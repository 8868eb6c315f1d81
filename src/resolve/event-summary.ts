import type { Fatalities } from '../record/record.js'
import { reportSpan, summarizeFatalities } from './event-matching.js'

/** One stored report of a merged event, as plain values. */
export interface EventReport {
  date: { start: string | null; end: string | null }
  /** The reporting article's publication date. */
  published: string | null
  /** YYYY-MM-DD: publication date, else ingest date. */
  seen: string
  /** Near-duplicate group of the reporting article. */
  sourceGroup: string
  mode: string | null
  actors: string[]
  targets: string[]
  fatalities: Fatalities
}

/** What a merged event says, from its reports. */
export interface EventSummary {
  dateStart: string | null
  dateEnd: string | null
  modes: string[]
  actors: string[]
  targets: string[]
  fatalities: Fatalities
  /** Independent sources: near-duplicate groups. */
  sourceCount: number
  reportCount: number
  firstSeen: string
  lastSeen: string
}

/**
 * A merged event's dates (earliest start, latest end of its reports' spans), its modes and parties (most
 * reported first), figures (resolve/event-matching.ts) and sources. Null when no report is left.
 */
export function summarizeEvent(reports: readonly EventReport[]): EventSummary | null {
  if (reports.length === 0) return null
  const spans = reports.map((report) => reportSpan(report.date, report.published))
  const starts = spans.flatMap((span) => (span ? [span.start] : [])).sort()
  const ends = spans.flatMap((span) => (span ? [span.end] : [])).sort()
  const seen = reports.map((report) => report.seen).sort()
  const fatalities = summarizeFatalities(reports.map((report) => ({ sourceGroup: report.sourceGroup, ...report.fatalities })))
  return {
    dateStart: starts[0] ?? null,
    dateEnd: ends[ends.length - 1] ?? null,
    modes: byFrequency(reports.flatMap((report) => (report.mode ? [report.mode] : []))),
    actors: byFrequency(reports.flatMap((report) => report.actors)),
    targets: byFrequency(reports.flatMap((report) => report.targets)),
    fatalities,
    sourceCount: new Set(reports.map((report) => report.sourceGroup)).size,
    reportCount: reports.length,
    firstSeen: seen[0]!,
    lastSeen: seen[seen.length - 1]!,
  }
}

/** Distinct values, most frequent first, ties in code-unit order. */
export function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value)
}
