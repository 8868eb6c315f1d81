import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import type { ClaimRelation } from '../record/record.js'
import {
  aggregateProposition,
  deleteProposition,
  propositionKeyOf,
  propositionStatusOf,
  recordStatusChange,
  savePropositionSummary,
} from '../store/claims-repo.js'
import { deleteEvent, eventReports, saveEventParties, updateEvent } from '../store/events-repo.js'
import { propositionKey, summarizeProposition } from './propositions.js'
import { reportSpan, summarizeFatalities } from './event-matching.js'
import type { GradingContext } from './source-grading.js'

/**
 * Recomputes a proposition from all its claims, under the analyst's grades and corroboration rule; drops it when
 * no claim is left. A new status is recorded with the time of the change.
 */
export async function refreshProposition(db: Kysely<Database>, id: string, grading: GradingContext, changedAt: string): Promise<void> {
  const key = await propositionKeyOf(db, id)
  if (!key) {
    await deleteProposition(db, id)
    return
  }
  const aggregate = await aggregateProposition(db, id, grading)
  if (!aggregate) {
    await deleteProposition(db, id)
    return
  }
  const summary = summarizeProposition(aggregate.stances, aggregate.totals, aggregate.bestGrade)
  const previous = await propositionStatusOf(db, id)
  await savePropositionSummary(db, propositionKey(key.subject, key.relation as ClaimRelation, key.object), summary)
  if (previous !== summary.status) await recordStatusChange(db, id, previous, summary.status, changedAt)
}

/** Recomputes a merged event's dates, participants and figures from its reports; drops it when none is left. */
export async function refreshEvent(db: Kysely<Database>, id: string): Promise<void> {
  const reports = await eventReports(db, id)
  if (reports.length === 0) {
    await deleteEvent(db, id)
    return
  }
  const spans = reports.map((report) => reportSpan({ start: report.date_start, end: report.date_end }, report.published))
  const starts = spans.flatMap((span) => (span ? [span.start] : [])).sort()
  const ends = spans.flatMap((span) => (span ? [span.end] : [])).sort()
  const seen = reports.map((report) => report.published ?? report.ingested_at.slice(0, 10)).sort()
  const groups = reports.map((report) => report.duplicate_of ?? report.article_id)
  const fatalities = summarizeFatalities(
    reports.map((report, i) => ({
      sourceGroup: groups[i]!,
      low: report.fatalities_low,
      best: report.fatalities_best,
      high: report.fatalities_high,
    })),
  )
  const actors = byFrequency(reports.flatMap((report) => JSON.parse(report.actors) as string[]))
  const targets = byFrequency(reports.flatMap((report) => JSON.parse(report.targets) as string[]))
  await saveEventParties(db, id, actors, targets)
  await updateEvent(db, id, {
    date_start: starts[0] ?? null,
    date_end: ends[ends.length - 1] ?? null,
    modes: JSON.stringify(byFrequency(reports.flatMap((report) => (report.mode ? [report.mode] : [])))),
    actors: JSON.stringify(actors),
    targets: JSON.stringify(targets),
    fatalities_low: fatalities.low,
    fatalities_best: fatalities.best,
    fatalities_high: fatalities.high,
    source_count: new Set(groups).size,
    report_count: reports.length,
    first_seen: seen[0]!,
    last_seen: seen[seen.length - 1]!,
  })
}

function byFrequency(values: string[]): string[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value)
}
