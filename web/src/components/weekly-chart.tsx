import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { TimelineBucket } from '../api'
import { typeColor, weekOf } from '../colors'
import { setRange } from '../state'

const DAY = 86_400

export interface WeeklySeries {
  weeks: string[]
  types: string[]
  counts: number[][]
  fatalities: number[]
}

/** Weekly counts per event type (the commonest `top`, the rest as "other") and weekly fatalities; dated events only. */
export function weekly(buckets: TimelineBucket[], top = 6): WeeklySeries {
  const totals = new Map<string, number>()
  for (const b of buckets) totals.set(b.type, (totals.get(b.type) ?? 0) + b.events)
  const main = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([type]) => type)
  const types = totals.size > main.length ? [...main, 'other'] : main
  const weeks = allWeeks([...new Set(buckets.map((b) => weekOf(b.date)))].sort())
  const index = new Map(weeks.map((week, i) => [week, i]))
  const counts = types.map(() => weeks.map(() => 0))
  const fatalities = weeks.map(() => 0)
  for (const b of buckets) {
    const w = index.get(weekOf(b.date))
    if (w === undefined) continue
    const t = main.includes(b.type) ? main.indexOf(b.type) : types.length - 1
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

export const toSeconds = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000
export const toDate = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10)

/**
 * Events per week stacked by type (bars), fatalities per week (line, right axis), dated axes; dragging across it
 * sets the shared date range (the brush).
 */
export function WeeklyChart({ series, height = 320 }: { series: WeeklySeries; height?: number }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!box.current) return
    const xs = series.weeks.map(toSeconds)
    // Stacked bars: each type's bar reaches the running total; the tallest is drawn first, the rest over it.
    const running: number[][] = []
    series.counts.forEach((counts, t) => void running.push(counts.map((n, w) => n + (t > 0 ? running[t - 1]![w]! : 0))))
    const order = series.types.map((_, t) => t).reverse()
    const bars = uPlot.paths.bars!({ size: [0.85, 60], align: 1 })
    const options: uPlot.Options = {
      width: Math.max(600, box.current.clientWidth || 900),
      height,
      cursor: { drag: { x: true, y: false, setScale: false } },
      scales: {
        x: { time: true },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        deaths: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { label: 'week', values: (_u, ticks) => ticks.map((t) => toDate(t)) },
        { label: height < 260 ? 'events / week' : 'events per week (stacked by type)' },
        { scale: 'deaths', side: 1, label: height < 260 ? 'killed / week' : 'fatalities per week', grid: { show: false } },
      ],
      series: [
        { label: 'week of', value: (_u, v) => (v == null ? '' : toDate(v)) },
        ...order.map((t) => {
          const type = series.types[t]!
          return {
            label: type,
            stroke: typeColor(type),
            fill: typeColor(type),
            paths: bars,
            points: { show: false },
            value: (_u: uPlot, _v: number | null, _s: number, idx: number | null) =>
              idx == null ? '' : String(series.counts[t]![idx] ?? 0),
          }
        }),
        { label: 'fatalities', scale: 'deaths', stroke: '#111', width: 2, points: { show: true, size: 4 } },
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
    const plot = new uPlot(options, [xs, ...order.map((t) => running[t]!), series.fatalities], box.current)
    return () => plot.destroy()
  }, [series, height])
  return <div class="chart" ref={box} />
}
