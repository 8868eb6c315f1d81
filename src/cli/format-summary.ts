import type { AnalysisRecord } from '../record/record.js'

/** The human-readable summary `sitrep analyze` prints without --json. */
export function formatSummary(name: string, record: AnalysisRecord): string {
  const { document } = record
  const lines: string[] = []
  lines.push(`── ${name}`)
  if (document.title) lines.push(`title      ${document.title}`)
  const meta = [document.source, document.author, document.published].filter(Boolean).join(' · ')
  if (meta) lines.push(`source     ${meta}`)
  lines.push(`text       ${document.text.length} characters kept, ${document.removed.length} blocks removed${summarizeRemoved(record)}`)
  lines.push(`entities   ${record.entities.length}`)
  for (const entity of record.entities) {
    lines.push(
      `  ${entity.name.padEnd(38)} ${entity.type.padEnd(17)} ${(entity.country ?? '').padEnd(3)} ×${entity.mentions.length}  ${entity.id}`,
    )
  }
  lines.push(`places     ${record.places.length}`)
  for (const place of record.places) {
    const where = place.lat === null ? 'no coordinates' : `${place.lat.toFixed(2)}, ${place.lon!.toFixed(2)}`
    const within = [place.admin1, place.country].filter(Boolean).join(', ')
    lines.push(`  ${place.name.padEnd(38)} ${place.kind.padEnd(9)} ${within.padEnd(28)} ${where}`)
  }
  lines.push(`events     ${record.events.length}`)
  for (const event of record.events) {
    const date = event.date.start
      ? ` ${event.date.start}${event.date.end && event.date.end !== event.date.start ? `..${event.date.end}` : ''}`
      : ''
    const dead = event.fatalities?.best != null ? ` ${event.fatalities.best} killed` : ''
    lines.push(
      `  ${event.type}${event.mode ? `/${event.mode}` : ''}${date}${dead}  ${record.document.text.slice(event.evidence.start, event.evidence.end).slice(0, 90)}`,
    )
  }
  lines.push(`claims     ${record.claims.length}`)
  const nameOf = (id: string | null) =>
    id === null ? 'the article' : (record.entities.find((e) => e.id === id)?.name ?? record.places.find((p) => p.id === id)?.name ?? id)
  for (const claim of record.claims) {
    lines.push(
      `  ${nameOf(claim.claimant)} ${claim.stance}: ${nameOf(claim.subject)} ${claim.relation} ${claim.object ? nameOf(claim.object) : ''}`.trimEnd(),
    )
  }
  return lines.join('\n')
}

function summarizeRemoved(record: AnalysisRecord): string {
  const counts = new Map<string, number>()
  for (const block of record.document.removed) counts.set(block.reason, (counts.get(block.reason) ?? 0) + 1)
  if (counts.size === 0) return ''
  return ` (${[...counts].map(([reason, n]) => `${n} ${reason}`).join(', ')})`
}
