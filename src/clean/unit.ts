/** A unit is one line of the page (broken lines joined) with its shape and the verdict the cleaner reaches on it. */
import type { RemovalReason } from '../record/record.js'
import { shapeOf, type Shape } from './text-shape.js'
import { textKey } from '../text/normalize.js'

/** null: stays in the text; 'title': moved to the title field; otherwise the reason it was removed. */
export type Verdict = RemovalReason | 'title' | null

export interface Unit {
  text: string
  norm: string
  shape: Shape
  verdict: Verdict
  /** A "Latest News"/"Related" line that opens a list of other articles. */
  marker: boolean
  caption: boolean
  /** The full date on a date line, when it has one. */
  dateIso: string | null
  dateLine: boolean
  /** The author named by a byline. */
  author: string | null
}

export function makeUnit(text: string): Unit {
  return {
    text,
    norm: textKey(text),
    shape: shapeOf(text),
    verdict: null,
    marker: false,
    caption: false,
    dateIso: null,
    dateLine: false,
    author: null,
  }
}

export const kept = (unit: Unit): boolean => unit.verdict === null
