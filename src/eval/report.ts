/** Renders an evaluation for people (fixed-width tables) and for machines (JSON). */
import type { EvaluationResult, DocumentResult } from './run.js'
import type { AccuracyScore, CategoryScore, FragmentTally, Prf } from './score.js'
import { ACCURACY_MEASURES, CLAIM_MISS_REASONS, PRF_CATEGORIES } from './score.js'

export interface ReportOptions {
  perDoc?: boolean
  verbose?: boolean
}

const ACCURACY_LABELS: Record<(typeof ACCURACY_MEASURES)[number], string> = {
  event_actors: 'event actors',
  event_actors_any: 'event actors (any)',
  event_targets: 'event targets',
  event_targets_any: 'event targets (any)',
  event_fatalities: 'event fatalities',
}

export function renderJson(result: EvaluationResult): string {
  return `${JSON.stringify(result, null, 2)}\n`
}

export function renderText(result: EvaluationResult, options: ReportOptions = {}): string {
  const sections: string[] = []
  if (options.verbose) sections.push(...result.documents.map(renderDocumentDetails), renderMissReasons(result.documents))
  if (options.perDoc) sections.push(renderPerDocument(result.documents))
  sections.push(renderTotals(result))
  return `${sections.join('\n\n')}\n`
}

function renderTotals({ documents, totals }: EvaluationResult): string {
  const failed = documents.filter((d) => d.error !== null).length
  const heading = `${documents.length} document${documents.length === 1 ? '' : 's'}${failed ? `, ${failed} without a record (scored as all-miss)` : ''}`
  const prfRows = PRF_CATEGORIES.map((category) => prfRow(category, totals[category]))
  const rateRows = [
    rateRow('cleaning keep', totals.cleaning.keep, totals.cleaning.keep_passed, totals.cleaning.keep_total),
    rateRow('cleaning remove', totals.cleaning.remove, totals.cleaning.remove_passed, totals.cleaning.remove_total),
    ...ACCURACY_MEASURES.map((m) => rateRow(ACCURACY_LABELS[m], totals[m].accuracy, totals[m].correct, totals[m].total)),
  ]
  return [
    heading,
    '',
    table(['category', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], prfRows),
    '',
    table(['measure', 'rate', 'right', 'of'], rateRows),
  ].join('\n')
}

function prfRow(label: string, score: Prf): string[] {
  return [label, fixed(score.p), fixed(score.r), fixed(score.f1), String(score.tp), String(score.fp), String(score.fn)]
}

function rateRow(label: string, rate: number | null, passed: number, total: number): string[] {
  return [label, fixed(rate), String(passed), String(total)]
}

function renderPerDocument(documents: DocumentResult[]): string {
  const rows = documents.map((d) => [
    d.gold.replace(/\.gold\.json$/, ''),
    fixed(d.cleaning.keep.rate),
    fixed(d.cleaning.remove.rate),
    ...PRF_CATEGORIES.map((category) => fixed(d[category].f1)),
    fixed(d.event_actors.accuracy),
    d.error === null ? '' : 'no record',
  ])
  return table(['document', 'keep', 'remove', 'ent F1', 'place F1', 'event F1', 'claim F1', 'actors', ''], rows)
}

function renderDocumentDetails(document: DocumentResult): string {
  const lines = [`== ${document.gold} (${document.doc})`]
  if (document.error !== null) lines.push(`  error: ${document.error}`)
  lines.push(...listing('keep fragments missing from the text', fragmentsOf(document.cleaning.keep)))
  lines.push(...listing('remove fragments still in the text', fragmentsOf(document.cleaning.remove)))
  for (const category of PRF_CATEGORIES) lines.push(...categoryDetails(category, document[category]))
  for (const measure of ['event_actors', 'event_targets', 'event_fatalities'] as const) {
    lines.push(...accuracyDetails(ACCURACY_LABELS[measure], document[measure]))
  }
  return lines.join('\n')
}

function fragmentsOf(tally: FragmentTally): string[] {
  return tally.failed.map((fragment) => JSON.stringify(fragment))
}

/** Missed claims counted by family of error over all documents, so progress shows per family. */
function renderMissReasons(documents: DocumentResult[]): string {
  const counts = new Map<string, number>(CLAIM_MISS_REASONS.map((reason) => [reason, 0]))
  for (const d of documents) for (const reason of d.claims.reasons ?? []) counts.set(reason, (counts.get(reason) ?? 0) + 1)
  return table(
    ['claims missed by reason', 'count'],
    [...counts].map(([reason, count]) => [reason, String(count)]),
  )
}

function categoryDetails(category: string, score: CategoryScore): string[] {
  const misses = score.reasons ? score.misses.map((miss, i) => `${miss}  [${score.reasons![i]}]`) : score.misses
  return [
    ...listing(`${category} missed (gold, unmatched)`, misses),
    ...listing(`${category} spurious (system, unmatched)`, score.spurious),
  ]
}

function accuracyDetails(label: string, score: AccuracyScore): string[] {
  return listing(`${label} wrong (gold ⇄ system)`, score.wrong)
}

function listing(title: string, items: string[]): string[] {
  if (items.length === 0) return []
  return [`  ${title}: ${items.length}`, ...items.map((item) => `    - ${item}`)]
}

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(3)
}

/** Left-aligned first column, right-aligned others. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}
