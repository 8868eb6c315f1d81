import type { Span } from './api'

/** A run of text covered by the same set of spans. */
export interface Segment {
  start: number
  end: number
  text: string
  spans: Span[]
}

/**
 * Splits the text at every span boundary, so overlapping highlights (a name inside a claim's
 * evidence) become plain runs of text each carrying the spans that cover it. The result is
 * rendered as text nodes: nothing in an article is ever parsed as HTML.
 */
export function segment(text: string, spans: Span[]): Segment[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end)
  const cuts = new Set<number>([0, text.length])
  for (const span of valid) {
    cuts.add(span.start)
    cuts.add(span.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    segments.push({ start, end, text: text.slice(start, end), spans: valid.filter((span) => span.start <= start && span.end >= end) })
  }
  return segments
}

const PRIORITY: Record<Span['kind'], number> = { entity: 0, place: 1, date: 2, claim: 3, event: 4 }

/** The span a click on a segment follows: the most specific one (names before evidence sentences). */
export function primarySpan(spans: Span[]): Span | null {
  return [...spans].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.end - a.start - (b.end - b.start))[0] ?? null
}
