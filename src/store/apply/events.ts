import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import type { EventRecord } from '../../record/record.js'
import { matchingEvent, reportSpan } from '../../resolve/event-matching.js'
import { summarizeEvent, type EventReport } from '../../resolve/event-summary.js'
import {
  createEvent,
  deleteEvent,
  eventExists,
  eventReports,
  findEventCandidates,
  saveEventParties,
  updateEvent,
  type EventReportRow,
} from '../events-repo.js'

type Db = Kysely<Database>

export interface ReportOrigin {
  articleId: string
  ordinal: number
  published: string | null
  /** The article was stored before (reanalysis): a new event id must not clash with one its old reports made. */
  rewriting: boolean
  createdAt: string
}

/**
 * The merged event an article's event report belongs to: the stored event of its type and place that the
 * matching rule (resolve/event-matching.ts) picks, else a new one. Reports without a place or any date stay on
 * their own: there is nothing to tell them apart from other incidents.
 */
export async function placeEventReport(db: Db, event: EventRecord, origin: ReportOrigin): Promise<string> {
  const span = reportSpan(event.date, origin.published)
  if (event.place && span) {
    const candidates = await findEventCandidates(db, event.type, event.place, span)
    const match = matchingEvent(candidates, { span, actors: event.actors, targets: event.targets })
    if (match) return match.id
  }
  const id = await freshEventId(db, origin)
  await createEvent(db, id, event.type, event.place, origin.createdAt)
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
  await updateEvent(db, id, {
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
  })
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
