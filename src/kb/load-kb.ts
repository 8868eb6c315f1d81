import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ENTITY_TYPES } from '../record/record.js'
import { aliasKey } from '../text/normalize.js'
import type { ActorEntry, ActorRole } from './actor.js'

export interface KnowledgeBase {
  actors: ActorEntry[]
  byId: Map<string, ActorEntry>
  /** Names (keyed by `aliasKey`) that several actors legitimately share and that need context to resolve → their actor ids. */
  ambiguous: Map<string, string[]>
}

/** One line of data/kb/ambiguous.json. */
export interface AmbiguousName {
  name: string
  actors: string[]
  note?: string
}

/** A bad knowledge-base file: the message names the file, the record and the field. */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly file: string,
    /** "record 3 (actor:foo)", "entry 2 (Daesh)", or null for the file as a whole. */
    readonly record: string | null,
    problem: string,
  ) {
    super(`${file}${record ? `: ${record}` : ''}: ${problem}`)
    this.name = 'KnowledgeBaseError'
  }
}

/** One thing wrong with a record: the field it is in (null: the record as a whole) and what is wrong. */
export interface RecordProblem {
  field: string | null
  problem: string
}

/** "record 3 (actor:foo)": records are numbered from 1, as an analyst counts them in a file. */
export function recordLabel(index: number, id?: unknown): string {
  return `record ${index + 1}${typeof id === 'string' && id !== '' ? ` (${id})` : ''}`
}

export function describeProblem({ field, problem }: RecordProblem): string {
  return field === null ? problem : `field "${field}": ${problem}`
}

export const AMBIGUOUS_FILE = 'ambiguous.json'
export const ROLE_NAMES = [
  'spokesperson',
  'leader',
  'deputy_leader',
  'minister',
  'foreign_minister',
  'head',
  'commander',
  'official',
  'founder',
  'member',
] as const

const ACTOR_ID = /^actor:[a-z0-9]+(?:-[a-z0-9]+)*$/
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/
const ENTRY_KEYS = new Set([
  'id',
  'name',
  'type',
  'country',
  'aliases',
  'parent',
  'roles',
  'metonyms',
  'from',
  'to',
  'wikidata',
  'description',
])
const ROLE_KEYS = new Set(['role', 'of', 'title', 'from', 'to'])
// ISO 3166-1 alpha-2, inlined so the loader needs no package at run time.
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH ' +
    'CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN ' +
    'GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI ' +
    'LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD ' +
    'TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
  ).split(' '),
)

export function defaultKnowledgeBaseDir(): string {
  // src/kb/load-kb.ts and dist/kb/load-kb.js both sit two levels below the package root.
  return fileURLToPath(new URL('../../data/kb/', import.meta.url))
}

/** Every name an actor is known by: canonical name, aliases and metonyms. */
export function namesOf(actor: ActorEntry): string[] {
  return [actor.name, ...actor.aliases, ...(actor.metonyms ?? [])]
}

export function loadKnowledgeBase(dir: string = defaultKnowledgeBaseDir()): KnowledgeBase {
  const files = listDataFiles(dir)
  const actors: ActorEntry[] = []
  const byId = new Map<string, ActorEntry>()
  const origin = new Map<string, RecordOrigin>()
  for (const file of files) {
    for (const [index, raw] of readJsonArray(join(dir, file), file).entries()) {
      const problems = actorRecordProblems(raw)
      const id = isPlainObject(raw) ? raw.id : undefined
      if (problems.length > 0) throw new KnowledgeBaseError(file, recordLabel(index, id), describeProblem(problems[0]!))
      const actor = raw as unknown as ActorEntry
      const earlier = origin.get(actor.id)
      if (earlier)
        throw new KnowledgeBaseError(file, recordLabel(index, actor.id), `field "id": duplicate id, already defined in ${earlier.file}`)
      origin.set(actor.id, { file, index })
      byId.set(actor.id, actor)
      actors.push(actor)
    }
  }
  const ambiguous = new Map<string, string[]>()
  const ambiguousPath = join(dir, AMBIGUOUS_FILE)
  if (existsSync(ambiguousPath)) {
    readJsonArray(ambiguousPath, AMBIGUOUS_FILE).forEach((raw, index) => {
      const problem = addAmbiguousName(raw, ambiguous, byId)
      if (problem) throw new KnowledgeBaseError(AMBIGUOUS_FILE, entryLabel(raw, index), describeProblem(problem))
    })
  }
  const first = knowledgeBaseProblems({ actors, byId, ambiguous }, origin)[0]
  if (first) throw new KnowledgeBaseError(first.file, first.record, first.message)
  return { actors, byId, ambiguous }
}

/** Where a record was read: for messages about it. */
export interface RecordOrigin {
  file: string
  index: number
}

/** A problem found across records (references, shared names), placed at the record that carries it. */
export interface LocatedProblem {
  file: string
  record: string | null
  message: string
}

/** Parents and roles that point nowhere, parent loops, names shared without an ambiguous.json entry. */
export function knowledgeBaseProblems(kb: KnowledgeBase, origin: Map<string, RecordOrigin>): LocatedProblem[] {
  const problems: LocatedProblem[] = []
  const at = (id: string, problem: RecordProblem): void => {
    const where = origin.get(id)
    if (where) problems.push({ file: where.file, record: recordLabel(where.index, id), message: describeProblem(problem) })
  }
  for (const actor of kb.actors) for (const problem of referenceProblems(actor, kb.byId)) at(actor.id, problem)
  const owners = new Map<string, string[]>()
  for (const actor of kb.actors) {
    for (const key of new Set(namesOf(actor).map(aliasKey))) {
      const ids = owners.get(key) ?? []
      ids.push(actor.id)
      owners.set(key, ids)
    }
  }
  for (const [key, ids] of owners) {
    const listed = kb.ambiguous.get(key)
    if (ids.length > 1 && !listed) {
      // The later record is the one that brought the clash (a custom file comes after the base).
      const culprit = [...ids].reverse().find((id) => origin.has(id)) ?? ids[ids.length - 1]!
      at(culprit, {
        field: 'aliases',
        problem: `name "${key}" is shared with ${ids.filter((id) => id !== culprit).join(', ')}; list it in ${AMBIGUOUS_FILE} or remove it`,
      })
    }
    for (const id of listed ? ids.filter((id) => !listed.includes(id)) : []) {
      at(id, { field: 'aliases', problem: `name "${key}" is listed in ${AMBIGUOUS_FILE} without this actor` })
    }
  }
  return problems
}

function listDataFiles(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    throw new KnowledgeBaseError(dir, null, `cannot read knowledge-base folder: ${(error as Error).message}`)
  }
  const files = names.filter((name) => name.endsWith('.json') && name !== AMBIGUOUS_FILE).sort()
  if (files.length === 0) throw new KnowledgeBaseError(dir, null, 'no actor files (*.json) in knowledge-base folder')
  return files
}

function readJsonArray(path: string, file: string): unknown[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new KnowledgeBaseError(file, null, `not valid JSON: ${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new KnowledgeBaseError(file, null, 'must hold a JSON array')
  return parsed
}

export interface ActorCheckOptions {
  /** Fields allowed beside the actor's own (a custom file's "merge"). */
  extraKeys?: ReadonlySet<string>
  /** The record amends an existing actor: only the fields it gives are checked, none is required. */
  partial?: boolean
}

/** Everything wrong with one actor record on its own, field by field. */
export function actorRecordProblems(raw: unknown, options: ActorCheckOptions = {}): RecordProblem[] {
  if (!isPlainObject(raw)) return [{ field: null, problem: 'must be an object with id, name, type, country and aliases' }]
  const problems: RecordProblem[] = []
  const add = (field: string | null, problem: string): void => {
    problems.push({ field, problem })
  }
  if (typeof raw.id !== 'string' || !ACTOR_ID.test(raw.id))
    add('id', `${JSON.stringify(raw.id)} must look like "actor:slug" (lowercase, digits, hyphens)`)
  for (const key of Object.keys(raw))
    if (!ENTRY_KEYS.has(key) && !options.extraKeys?.has(key)) add(key, `unknown field (known: ${[...ENTRY_KEYS].join(', ')})`)
  const given = (key: string): boolean => !options.partial || raw[key] !== undefined
  if (given('name') && !isName(raw.name)) add('name', 'must be a non-empty trimmed string')
  if (given('type') && !(ENTITY_TYPES as readonly unknown[]).includes(raw.type))
    add('type', `${JSON.stringify(raw.type)} is not one of ${ENTITY_TYPES.join(', ')}`)
  if (given('country') && raw.country !== null && !ISO_COUNTRIES.has(raw.country as string)) {
    add('country', `${JSON.stringify(raw.country)} must be an ISO 3166-1 alpha-2 code or null`)
  }
  if (given('aliases')) problems.push(...nameListProblems(raw.aliases, 'aliases', true))
  if (raw.metonyms !== undefined) problems.push(...nameListProblems(raw.metonyms, 'metonyms', false))
  if (raw.parent !== undefined && raw.parent !== null && typeof raw.parent !== 'string') add('parent', 'must be an actor id or null')
  for (const key of ['from', 'to'] as const) {
    const problem = dateProblem(raw[key])
    if (problem) add(key, problem)
  }
  for (const key of ['wikidata', 'description'] as const) {
    if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string') add(key, 'must be a string')
  }
  if (raw.roles !== undefined) {
    if (!Array.isArray(raw.roles)) add('roles', 'must be an array')
    else problems.push(...raw.roles.flatMap((role, i) => roleProblems(role, `roles[${i}]`)))
  }
  return problems
}

function roleProblems(raw: unknown, field: string): RecordProblem[] {
  if (!isPlainObject(raw)) return [{ field, problem: 'must be an object with role and of' }]
  const problems: RecordProblem[] = []
  for (const key of Object.keys(raw))
    if (!ROLE_KEYS.has(key)) problems.push({ field: `${field}.${key}`, problem: `unknown field (known: ${[...ROLE_KEYS].join(', ')})` })
  if (!(ROLE_NAMES as readonly unknown[]).includes(raw.role))
    problems.push({ field: `${field}.role`, problem: `${JSON.stringify(raw.role)} is not one of ${ROLE_NAMES.join(', ')}` })
  if (typeof raw.of !== 'string') problems.push({ field: `${field}.of`, problem: 'must be an actor id' })
  if (raw.title !== undefined && !isName(raw.title)) problems.push({ field: `${field}.title`, problem: 'must be a non-empty string' })
  for (const key of ['from', 'to'] as const) {
    const problem = dateProblem(raw[key])
    if (problem) problems.push({ field: `${field}.${key}`, problem })
  }
  return problems
}

function nameListProblems(value: unknown, field: string, required: boolean): RecordProblem[] {
  if (value === undefined && !required) return []
  if (!Array.isArray(value)) return [{ field, problem: 'must be a list of names' }]
  const problems: RecordProblem[] = []
  for (const name of value as unknown[]) {
    if (!isName(name)) problems.push({ field, problem: `has an empty, untrimmed or non-string name ${JSON.stringify(name)}` })
    else if (aliasKey(name) === '') problems.push({ field, problem: `has a name with no letters or digits ${JSON.stringify(name)}` })
  }
  return problems
}

function dateProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return typeof value === 'string' && PARTIAL_DATE.test(value) ? null : `${JSON.stringify(value)} must be YYYY, YYYY-MM or YYYY-MM-DD`
}

function referenceProblems(actor: ActorEntry, byId: Map<string, ActorEntry>): RecordProblem[] {
  const problems: RecordProblem[] = []
  if (actor.parent) {
    if (!byId.has(actor.parent)) problems.push({ field: 'parent', problem: `${actor.parent} is not a known actor id` })
    else if (parentChainLoops(actor, byId)) problems.push({ field: 'parent', problem: `parent chain loops back to ${actor.id}` })
  }
  actor.roles?.forEach((role: ActorRole, i) => {
    if (!byId.has(role.of)) problems.push({ field: `roles[${i}].of`, problem: `${role.of} is not a known actor id` })
  })
  return problems
}

function parentChainLoops(actor: ActorEntry, byId: Map<string, ActorEntry>): boolean {
  const seen = new Set<string>([actor.id])
  for (let next = actor.parent; next; next = byId.get(next)?.parent) {
    if (seen.has(next)) return true
    seen.add(next)
  }
  return false
}

/** "entry 2 (Daesh)": an ambiguous.json entry, by its name when it has one. */
export function entryLabel(raw: unknown, index: number): string {
  return `entry ${index + 1}${isPlainObject(raw) && typeof raw.name === 'string' ? ` (${raw.name})` : ''}`
}

/**
 * Adds one ambiguous-name entry to the map, or says what is wrong with it. With `replace`, an entry
 * for a name already listed replaces its actor list (a custom file amending the base).
 */
export function addAmbiguousName(
  raw: unknown,
  ambiguous: Map<string, string[]>,
  byId: Map<string, ActorEntry>,
  replace = false,
): RecordProblem | null {
  if (!isPlainObject(raw) || !isName(raw.name)) return { field: 'name', problem: 'entry must be an object with a non-empty "name"' }
  const entry = raw as unknown as AmbiguousName
  if (!Array.isArray(entry.actors) || entry.actors.length === 0)
    return { field: 'actors', problem: 'must list the actor ids that share the name' }
  for (const id of entry.actors) {
    const actor = byId.get(id)
    if (!actor) return { field: 'actors', problem: `actor ${id} is not a known actor id` }
    if (!namesOf(actor).some((name) => aliasKey(name) === aliasKey(entry.name)))
      return { field: 'actors', problem: `actor ${id} does not carry the name` }
  }
  const key = aliasKey(entry.name)
  if (ambiguous.has(key) && !replace) return { field: 'name', problem: 'listed twice' }
  ambiguous.set(key, [...entry.actors])
  return null
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.trim() === value
}
