/** One-line descriptions of gold and system items, for the misses and spurious lists of the report. */
import type { ClaimRecord, EventRecord } from '../record/record.js'
import type { GoldClaim, GoldEvent, NameList } from './gold.js'
import type { RecordIndex } from './record-index.js'

export function describeGoldEvent(event: GoldEvent): string {
  return describeEventParts({
    type: event.type,
    place: event.place?.[0] ?? null,
    date: event.date === null ? null : dateText(event.date[0], event.date[1]),
    actors: event.actors.map(firstName),
    targets: event.targets.map(firstName),
    fatalities: event.fatalities,
    note: event.note ?? null,
  })
}

export function describeSystemEvent(event: EventRecord, index: RecordIndex): string {
  const date = event.date
  const known = date !== null && date !== undefined && (date.start !== null || date.end !== null)
  return describeEventParts({
    type: event.type,
    place: event.place === null ? null : index.displayName(event.place),
    date: known ? dateText(date.start, date.end) : (date?.text ?? null),
    actors: event.actors.map((id) => index.displayName(id)),
    targets: event.targets.map((id) => index.displayName(id)),
    fatalities: event.fatalities?.best ?? event.fatalities?.low ?? event.fatalities?.high ?? null,
    note: null,
  })
}

export function describeGoldClaim(claim: GoldClaim): string {
  return describeClaimParts(
    firstName(claim.claimant),
    claim.stance,
    firstName(claim.subject),
    claim.relation,
    claim.object && firstName(claim.object),
  )
}

export function describeSystemClaim(claim: ClaimRecord, index: RecordIndex): string {
  const claimant =
    claim.speaker === null
      ? index.displayName(claim.claimant)
      : `${index.displayName(claim.claimant)} (${index.displayName(claim.speaker)})`
  return describeClaimParts(
    claimant,
    claim.stance,
    index.displayName(claim.subject),
    claim.relation,
    claim.object && index.displayName(claim.object),
  )
}

interface EventParts {
  type: string
  place: string | null
  date: string | null
  actors: string[]
  targets: string[]
  fatalities: number | null
  note: string | null
}

function describeEventParts(parts: EventParts): string {
  const pieces = [parts.type]
  if (parts.place !== null) pieces.push(`at ${parts.place}`)
  if (parts.date !== null) pieces.push(`on ${parts.date}`)
  pieces.push(`actors [${parts.actors.join('; ')}]`, `targets [${parts.targets.join('; ')}]`)
  if (parts.fatalities !== null) pieces.push(`killed ${parts.fatalities}`)
  if (parts.note !== null) pieces.push(`(${parts.note})`)
  return pieces.join(' ')
}

function describeClaimParts(claimant: string, stance: string, subject: string, relation: string, object: string | null): string {
  return `${claimant} ${stance}: ${subject} ${relation} ${object ?? '—'}`
}

function dateText(start: string | null, end: string | null): string {
  return start === end ? (start ?? '?') : `${start ?? '?'}..${end ?? '?'}`
}

function firstName(names: NameList): string {
  return names[0] ?? '?'
}
