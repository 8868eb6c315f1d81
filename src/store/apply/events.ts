import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import type { EventRecord } from '../../record/record.js'
import { matchingEvent, reportSpan } from '../../resolve/event-matching.js'
import { summarizeEvent, type EventReport, type EventSummary } from '../../resolve/event-summary.js'
import {
  createEvent,
  deleteEvent,
  eventExists,
  eventReports,
  findEventCandidates,
  insertEventParties,
  saveEventParties,
  updateEvent,
  type EventReportRow,
  type EventSummaryColumns,
} from '../events-repo.js'

type Db = Kysely<Database>

export interface ReportOrigin {
  articleId: string
  ordinal: number
  published: string | null
  /** The article was stored before (reanalysis): a new event id must not clash with one its old reports made. */
  rewriting: boolean
  createdAt: string
  /** The article's ingest time (its `seen` day when it has no publication date). */
  ingestedAt: string
  /** The article's near-duplicate group. */
  sourceGroup: string
}

/**
 * Stores an article's event report under the merged event it belongs to: the stored event of its type and place
 * that the matching rule (resolve/event-matching.ts) picks, else a new one. Reports without a place or any date
 * stay on their own: there is nothing to tell them apart from other incidents. A new event is written whole from
 * its one report; a joined event is brought up to date from all its reports. Returns the event's id.
 */
export async function storeEventReport(
  db: Db,
  event: EventRecord,
  origin: ReportOrigin,
  writeReport: (eventId: string) => Promise<void>,
): Promise<string> {
  const span = reportSpan(event.date, origin.published)
  if (event.place && span) {
    const candidates = await findEventCandidates(db, event.type, event.place, span)
    const match = matchingEvent(candidates, { span, actors: event.actors, targets: event.targets })
    if (match) {
      await writeReport(match.id)
      // Refreshed now, not at batch end, so the next report in this batch matches against current dates.
      await refreshEvent(db, match.id)
      return match.id
    }
  }
  const id = await freshEventId(db, origin)
  // The same summary refreshEvent would compute from the one stored report, without reading it back.
  const summary = summarizeEvent([
    {
      date: { start: event.date.start ?? null, end: event.date.end ?? null },
      published: origin.published,
      seen: origin.published ?? origin.ingestedAt.slice(0, 10),
      sourceGroup: origin.sourceGroup,
      mode: event.mode ?? null,
      actors: event.actors,
      targets: event.targets,
      fatalities: {
        low: event.fatalities?.low ?? null,
        best: event.fatalities?.best ?? null,
        high: event.fatalities?.high ?? null,
      },
    },
  ])!
  await createEvent(db, { id, type: event.type, placeId: event.place, createdAt: origin.createdAt }, summaryColumns(summary))
  await writeReport(id)
  await insertEventParties(db, id, event.type, summary.actors, summary.targets)
  return id
}

async function freshEventId(db: Db, origin: ReportOrigin): Promise<string> {
  let id = eventIdFor(origin.articleId, origin.ordinal)
  // Reanalysis: the event this report first made may live on through other articles' reports.
  for (let n = 1; origin.rewriting && (await eventExists(db, id)); n++) id = eventIdFor(origin.articleId, `${origin.ordinal}#${n}`)
  return id
}

function eventIdFor(articleId: string, ordinal: number | string): string {
  return `evt:${createHash('sha1').update(`${articleId}#${ordinal}`).digest('hex').slice(0, 16)}`
}

/** Recomputes a merged event's dates, participants and figures from its reports; drops it when none is left. */
export async function refreshEvent(db: Db, id: string): Promise<void> {
  const summary = summarizeEvent((await eventReports(db, id)).map(reportOf))
  if (!summary) {
    await deleteEvent(db, id)
    return
  }
  await saveEventParties(db, id, summary.actors, summary.targets)
  await updateEvent(db, id, summaryColumns(summary))
}

function summaryColumns(summary: EventSummary): EventSummaryColumns {
  return {
    date_start: summary.dateStart,
    date_end: summary.dateEnd,
    modes: JSON.stringify(summary.modes),
    actors: JSON.stringify(summary.actors),
    targets: JSON.stringify(summary.targets),
    fatalities_low: summary.fatalities.low,
    fatalities_best: summary.fatalities.best,
    fatalities_high: summary.fatalities.high,
    source_count: summary.sourceCount,
    report_count: summary.reportCount,
    first_seen: summary.firstSeen,
    last_seen: summary.lastSeen,
  }
}

function reportOf(row: EventReportRow): EventReport {
  return {
    date: { start: row.date_start, end: row.date_end },
    published: row.published,
    seen: row.published ?? row.ingested_at.slice(0, 10),
    sourceGroup: row.duplicate_of ?? row.article_id,
    mode: row.mode,
    actors: JSON.parse(row.actors) as string[],
    targets: JSON.parse(row.targets) as string[],
    fatalities: { low: row.fatalities_low, best: row.fatalities_best, high: row.fatalities_high },
  }
}
