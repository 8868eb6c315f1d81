import type { AnalysisRecord, Span, Via } from '../record/record.js'

/**
 * What `sitrep analyze --explain` prints: every entity, place, event and claim of the record with the text it
 * rests on and the stage and rule that produced it (`via`).
 */
export function formatExplain(name: string, record: AnalysisRecord): string {
  const text = record.document.text
  const quote = (span: Span) => `«${oneLine(text.slice(span.start, span.end))}»`
  const mentions = (spans: Span[]) => (spans.length === 0 ? '(not named in the text)' : spans.map(quote).join(' '))
  const nameOf = (id: string | null) =>
    id === null ? 'the article' : (record.entities.find((e) => e.id === id)?.name ?? record.places.find((p) => p.id === id)?.name ?? id)
  const lines = [`── ${name}`]
  for (const entity of record.entities)
    lines.push(item('entity', `${entity.name} [${entity.type}, ${entity.id}]`, entity.via, mentions(entity.mentions)))
  for (const place of record.places)
    lines.push(item('place', `${place.name} [${place.kind}, ${place.id}]`, place.via, mentions(place.mentions)))
  for (const event of record.events) {
    const parties = [event.actors.map(nameOf).join(', '), event.targets.map(nameOf).join(', ')].filter(Boolean).join(' → ')
    const label = `${event.type}${event.mode ? `/${event.mode}` : ''}${parties ? ` ${parties}` : ''}${event.place ? ` in ${nameOf(event.place)}` : ''}`
    lines.push(item('event', label, event.via, quote(event.evidence)))
  }
  for (const claim of record.claims) {
    const label = `${nameOf(claim.claimant)} ${claim.stance}: ${nameOf(claim.subject)} ${claim.relation}${claim.object ? ` ${nameOf(claim.object)}` : ''}`
    lines.push(item('claim', label, claim.via, quote(claim.evidence)))
  }
  return lines.join('\n')
}

function item(kind: string, label: string, via: Via, evidence: string): string {
  return `${kind.padEnd(7)}${label}\n       via ${via.stage}/${via.rule}  ${evidence}`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
