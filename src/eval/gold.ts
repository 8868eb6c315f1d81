/**
 * The gold annotation file of SPEC section 3, and a loader that checks its shape so that a
 * typo in hand-written gold fails loudly (naming the file and the field) instead of scoring zero.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { CLAIM_RELATIONS, ENTITY_TYPES, EVENT_TYPES, PLACE_KINDS, STANCES } from '../record/record.js'
import type { ClaimRelation, EntityType, EventType, PlaceKind, Stance } from '../record/record.js'

/** A list of alternative names for one real-world item; any of them may match. */
export type NameList = string[]

export interface GoldEntity {
  names: NameList
  type: EntityType
}

export interface GoldPlace {
  names: NameList
  lat: number | null
  lon: number | null
  country: string | null
  kind?: PlaceKind
}

/** Inclusive ISO-date bounds; a null bound is unknown. */
export type GoldDateRange = [string | null, string | null]

export interface GoldEvent {
  type: EventType
  place: NameList | null
  actors: NameList[]
  targets: NameList[]
  fatalities: number | null
  date: GoldDateRange | null
  note?: string
}

export interface GoldClaim {
  claimant: NameList
  stance: Stance
  subject: NameList
  relation: ClaimRelation
  object: NameList | null
}

export interface GoldFile {
  doc: string
  published: string | null
  keep: string[]
  remove: string[]
  entities: GoldEntity[]
  places: GoldPlace[]
  events: GoldEvent[]
  claims: GoldClaim[]
}

export class GoldFormatError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`)
    this.name = 'GoldFormatError'
  }
}

export const GOLD_SUFFIX = '.gold.json'

/** The gold files of a directory, sorted by name. */
export async function listGoldFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    throw new Error(`cannot read gold directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  return names
    .filter((name) => name.endsWith(GOLD_SUFFIX))
    .sort()
    .map((name) => path.join(dir, name))
}

export async function loadGold(file: string): Promise<GoldFile> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new GoldFormatError(file, '(file)', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new GoldFormatError(file, '(file)', `not valid JSON: ${(error as Error).message}`)
  }
  return parseGold(json, file)
}

/** Checks a parsed gold document; `file` only names it in errors. */
export function parseGold(json: unknown, file: string): GoldFile {
  const check = new GoldChecker(file)
  const root = check.object(json, '(root)')
  return {
    doc: check.nonEmptyString(root.doc, 'doc'),
    published: check.nullable(root.published, 'published', (v, f) => check.isoDate(v, f)),
    keep: check.list(root.keep, 'keep', (v, f) => check.string(v, f)),
    remove: check.list(root.remove, 'remove', (v, f) => check.string(v, f)),
    entities: check.list(root.entities, 'entities', (v, f) => check.entity(v, f)),
    places: check.list(root.places, 'places', (v, f) => check.place(v, f)),
    events: check.list(root.events, 'events', (v, f) => check.event(v, f)),
    claims: check.list(root.claims, 'claims', (v, f) => check.claim(v, f)),
  }
}

type Checker<T> = (value: unknown, field: string) => T

class GoldChecker {
  constructor(private readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new GoldFormatError(this.file, field, problem)
  }

  object(value: unknown, field: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, 'expected an object')
    return value as Record<string, unknown>
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, `expected a string, got ${describe(value)}`)
    return value
  }

  nonEmptyString(value: unknown, field: string): string {
    const text = this.string(value, field)
    if (text.trim() === '') this.fail(field, 'must not be empty')
    return text
  }

  number(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, `expected a number, got ${describe(value)}`)
    return value
  }

  isoDate(value: unknown, field: string): string {
    const text = this.string(value, field)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) this.fail(field, `expected a YYYY-MM-DD date, got ${JSON.stringify(text)}`)
    return text
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
    const text = this.string(value, field)
    if (!(allowed as readonly string[]).includes(text)) this.fail(field, `${JSON.stringify(text)} is not one of ${allowed.join(', ')}`)
    return text as T
  }

  nullable<T>(value: unknown, field: string, inner: Checker<T>): T | null {
    if (value === undefined) this.fail(field, 'is missing (write null when unknown)')
    return value === null ? null : inner(value, field)
  }

  optional<T>(value: unknown, field: string, inner: Checker<T>): T | undefined {
    return value === undefined ? undefined : inner(value, field)
  }

  list<T>(value: unknown, field: string, item: Checker<T>): T[] {
    if (!Array.isArray(value)) this.fail(field, `expected a list, got ${describe(value)}`)
    return value.map((element, index) => item(element, `${field}[${index}]`))
  }

  names(value: unknown, field: string): NameList {
    const names = this.list(value, field, (v, f) => this.nonEmptyString(v, f))
    if (names.length === 0) this.fail(field, 'needs at least one name')
    return names
  }

  entity(value: unknown, field: string): GoldEntity {
    const item = this.object(value, field)
    return { names: this.names(item.names, `${field}.names`), type: this.oneOf(item.type, `${field}.type`, ENTITY_TYPES) }
  }

  place(value: unknown, field: string): GoldPlace {
    const item = this.object(value, field)
    const place: GoldPlace = {
      names: this.names(item.names, `${field}.names`),
      lat: this.nullable(item.lat ?? null, `${field}.lat`, (v, f) => this.number(v, f)),
      lon: this.nullable(item.lon ?? null, `${field}.lon`, (v, f) => this.number(v, f)),
      country: this.nullable(item.country ?? null, `${field}.country`, (v, f) => this.string(v, f)),
    }
    const kind = this.optional(item.kind, `${field}.kind`, (v, f) => this.oneOf(v, f, PLACE_KINDS))
    if (kind !== undefined) place.kind = kind
    return place
  }

  event(value: unknown, field: string): GoldEvent {
    const item = this.object(value, field)
    const event: GoldEvent = {
      type: this.oneOf(item.type, `${field}.type`, EVENT_TYPES),
      place: this.nullable(item.place ?? null, `${field}.place`, (v, f) => this.names(v, f)),
      actors: this.list(item.actors, `${field}.actors`, (v, f) => this.names(v, f)),
      targets: this.list(item.targets, `${field}.targets`, (v, f) => this.names(v, f)),
      fatalities: this.nullable(item.fatalities ?? null, `${field}.fatalities`, (v, f) => this.number(v, f)),
      date: this.nullable(item.date ?? null, `${field}.date`, (v, f) => this.dateRange(v, f)),
    }
    const note = this.optional(item.note, `${field}.note`, (v, f) => this.string(v, f))
    if (note !== undefined) event.note = note
    return event
  }

  dateRange(value: unknown, field: string): GoldDateRange {
    const bounds = this.list(value, field, (v, f) => this.nullable(v, f, (d, g) => this.isoDate(d, g)))
    if (bounds.length !== 2) this.fail(field, `expected [start, end], got ${bounds.length} element(s)`)
    const [start, end] = bounds as [string | null, string | null]
    if (start !== null && end !== null && start > end) this.fail(field, `start ${start} is after end ${end}`)
    return [start, end]
  }

  claim(value: unknown, field: string): GoldClaim {
    const item = this.object(value, field)
    return {
      claimant: this.names(item.claimant, `${field}.claimant`),
      stance: this.oneOf(item.stance, `${field}.stance`, STANCES),
      subject: this.names(item.subject, `${field}.subject`),
      relation: this.oneOf(item.relation, `${field}.relation`, CLAIM_RELATIONS),
      object: this.nullable(item.object ?? null, `${field}.object`, (v, f) => this.names(v, f)),
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}
