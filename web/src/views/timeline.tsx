import { useEffect, useState } from 'preact/hooks'
import { EventsTable, Pager, Status } from '../components/common'
import { WeeklyChart, weekly } from '../components/weekly-chart'
import { WhatsNew } from '../components/whats-new'
import type { EventItem, Page, TimelineBucket } from '../api'
import { useApi } from '../use-api'
import { setRange, useRange } from '../state'

export function TimelineView() {
  const timeline = useApi<{ buckets: TimelineBucket[]; undatedEvents: number }>('timeline')
  const range = useRange()
  return (
    <section class="view timeline">
      <h1>Timeline</h1>
      <WhatsNew />
      <p class="muted">
        Events per week, stacked by type, and fatalities per week (right axis). Drag across the chart to select a date range; the map, the
        claims board and the table below follow it.
      </p>
      <p>
        {range.since || range.until ? `Selected: ${range.since ?? '…'} – ${range.until ?? '…'} ` : 'All dates '}
        {(range.since || range.until) && (
          <button type="button" onClick={() => setRange({ since: null, until: null })}>
            clear
          </button>
        )}
      </p>
      <Status loaded={timeline}>
        {(data) => (
          <>
            {data.buckets.length === 0 ? <p class="muted">No dated events.</p> : <WeeklyChart series={weekly(data.buckets)} />}
            {data.undatedEvents > 0 && (
              <p class="undated undated-note">{data.undatedEvents} undated events are kept off the chart and out of date ranges.</p>
            )}
          </>
        )}
      </Status>
      <RangeEvents />
    </section>
  )
}

function RangeEvents() {
  const range = useRange()
  const [offset, setOffset] = useState(0)
  useEffect(() => setOffset(0), [range.since, range.until])
  const limit = 25
  const page = useApi<Page<EventItem>>('events', { since: range.since, until: range.until, limit, offset })
  return (
    <>
      <h2>Events {page.data && <span class="muted">({page.data.total})</span>}</h2>
      <Status loaded={page}>
        {(data) => (
          <>
            <EventsTable events={data.items} />
            <Pager total={data.total} limit={limit} offset={offset} onChange={setOffset} />
          </>
        )}
      </Status>
    </>
  )
}
