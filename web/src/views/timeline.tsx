import { useEffect, useRef, useState } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { EventsTable, Pager, Status } from '../components/common'
import type { EventItem, Page, TimelineBucket } from '../api'
import { useApi } from '../use-api'
import { typeColor, weekOf } from '../colors'
import { setRange, useRange } from '../state'

const DAY = 86_400

interface Series {
  weeks: string[]
  types: string[]
  counts: number[][]
  fatalities: number[]
}

/** Weekly counts per event type (the five commonest, the rest as "other") and weekly fatalities. */
function weekly(buckets: TimelineBucket[]): Series {
  const totals = new Map<string, number>()
  for (const b of buckets) totals.set(b.type, (totals.get(b.type) ?? 0) + b.events)
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([type]) => type)
  const types = totals.size > top.length ? [...top, 'other'] : top
  const weeks = allWeeks([...new Set(buckets.map((b) => weekOf(b.date)))].sort())
  const index = new Map(weeks.map((week, i) => [week, i]))
  const counts = types.map(() => weeks.map(() => 0))
  const fatalities = weeks.map(() => 0)
  for (const b of buckets) {
    const w = index.get(weekOf(b.date))!
    const t = top.includes(b.type) ? top.indexOf(b.type) : types.length - 1
    counts[t]![w]! += b.events
    fatalities[w]! += b.fatalities
  }
  return { weeks, types, counts, fatalities }
}

/** Every week from the first to the last, so quiet weeks show as zero (at most ~20 years of weeks). */
function allWeeks(sorted: string[]): string[] {
  if (sorted.length < 2) return sorted
  const first = toSeconds(sorted[0]!)
  const last = toSeconds(sorted[sorted.length - 1]!)
  if ((last - first) / (7 * DAY) > 1040) return sorted
  const weeks: string[] = []
  for (let t = first; t <= last; t += 7 * DAY) weeks.push(toDate(t))
  return weeks
}

const toSeconds = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000
const toDate = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10)

export function TimelineView() {
  const timeline = useApi<{ buckets: TimelineBucket[] }>('timeline')
  const range = useRange()
  return (
    <section class="view timeline">
      <h1>Timeline</h1>
      <p class="muted">Drag across the chart to select a date range; the map, the claims board and the table below follow it.</p>
      <p>
        {range.since || range.until ? `Selected: ${range.since ?? '…'} – ${range.until ?? '…'} ` : 'All dates '}
        {(range.since || range.until) && <button onClick={() => setRange({ since: null, until: null })}>clear</button>}
      </p>
      <Status loaded={timeline}>{(data) => (data.buckets.length === 0 ? <p class="muted">No dated events.</p> : <Chart series={weekly(data.buckets)} />)}</Status>
      <RangeEvents />
    </section>
  )
}

function Chart({ series }: { series: Series }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!box.current) return
    const xs = series.weeks.map(toSeconds)
    const bars = uPlot.paths.bars!({ size: [0.8, 40] })
    const options: uPlot.Options = {
      width: Math.max(600, box.current.clientWidth || 900),
      height: 320,
      cursor: { drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true }, deaths: { auto: true } },
      axes: [{}, { label: 'events per week' }, { scale: 'deaths', side: 1, label: 'fatalities', grid: { show: false } }],
      series: [
        { label: 'week', value: (_u, v) => (v == null ? '' : toDate(v)) },
        ...series.types.map((type) => ({ label: type, stroke: typeColor(type), fill: `${typeColor(type)}55`, paths: bars, points: { show: false } })),
        { label: 'fatalities', scale: 'deaths', stroke: '#000', width: 1.5, points: { show: false } },
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 2) return
            const from = u.posToVal(u.select.left, 'x')
            const to = u.posToVal(u.select.left + u.select.width, 'x')
            setRange({ since: toDate(from), until: toDate(to + 7 * DAY - 1) })
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false)
          },
        ],
      },
    }
    const plot = new uPlot(options, [xs, ...series.counts, series.fatalities], box.current)
    return () => plot.destroy()
  }, [series])
  return <div class="chart" ref={box} />
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
