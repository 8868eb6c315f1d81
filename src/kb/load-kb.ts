import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ENTITY_TYPES } from '../pipeline/record.js'
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

export class KnowledgeBaseError extends Error {
  constructor(
    readonly file: string,
    readonly recordId: string | null,
    problem: string,
  ) {
    super(`${file}${recordId ? ` (${recordId})` : ''}: ${problem}`)
    this.name = 'KnowledgeBaseError'
  }
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
const ENTRY_KEYS = new Set(['id', 'name', 'type', 'country', 'aliases', 'parent', 'roles', 'metonyms', 'from', 'to', 'wikidata', 'description'])
const ROLE_KEYS = new Set(['role', 'of', 'title', 'from', 'to'])
// ISO 3166-1 alpha-2, inlined so the loader needs no package at run time.
const ISO_COUNTRIES = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH ' +
    'CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN ' +
    'GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI ' +
    'LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD ' +
    'TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW').split(' '),
)

export function defaultKnowledgeBaseDir(): string {
  // src/kb/load-kb.ts and dist/kb/load-kb.js both sit two levels below the package root.
  return fileURLToPath(new URL('../../data/kb/', import.meta.url))
}

/**
 * The key under which two names count as the same: diacritics dropped, apostrophes removed
 * ("Pakistan's" = "Pakistans"), case folded, every other run of non-letters/digits one space.
 */
export function aliasKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Every name an actor is known by: canonical name, aliases and metonyms. */
export function namesOf(actor: ActorEntry): string[] {
  return [actor.name, ...actor.aliases, ...(actor.metonyms ?? [])]
}

export function loadKnowledgeBase(dir: string = defaultKnowledgeBaseDir()): KnowledgeBase {
  const files = listDataFiles(dir)
  const actors: ActorEntry[] = []
  const byId = new Map<string, ActorEntry>()
  const fileOf = new Map<string, string>()
  for (const file of files) {
    for (const [index, raw] of readJsonArray(join(dir, file), file).entries()) {
      const actor = checkEntryShape(raw, file, index)
      const earlier = fileOf.get(actor.id)
      if (earlier) throw new KnowledgeBaseError(file, actor.id, `duplicate id, already defined in ${earlier}`)
      fileOf.set(actor.id, file)
      byId.set(actor.id, actor)
      actors.push(actor)
    }
  }
  for (const actor of actors) checkReferences(actor, byId, fileOf.get(actor.id)!)
  const ambiguous = loadAmbiguousNames(dir, byId)
  checkSharedNames(actors, ambiguous, fileOf)
  return { actors, byId, ambiguous }
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

function checkEntryShape(raw: unknown, file: string, index: number): ActorEntry {
  if (!isPlainObject(raw)) throw new KnowledgeBaseError(file, `record #${index}`, 'record must be an object')
  const id = raw.id
  if (typeof id !== 'string' || !ACTOR_ID.test(id)) {
    throw new KnowledgeBaseError(file, `record #${index}`, `id ${JSON.stringify(id)} must look like "actor:slug" (lowercase, digits, hyphens)`)
  }
  const fail = (problem: string): never => {
    throw new KnowledgeBaseError(file, id, problem)
  }
  for (const key of Object.keys(raw)) if (!ENTRY_KEYS.has(key)) fail(`unknown field "${key}"`)
  if (!isName(raw.name)) fail('name must be a non-empty trimmed string')
  if (!(ENTITY_TYPES as readonly unknown[]).includes(raw.type)) fail(`type ${JSON.stringify(raw.type)} is not one of ${ENTITY_TYPES.join(', ')}`)
  if (raw.country !== null && !ISO_COUNTRIES.has(raw.country as string)) {
    fail(`country ${JSON.stringify(raw.country)} must be an ISO 3166-1 alpha-2 code or null`)
  }
  checkNameList(raw.aliases, 'aliases', fail, true)
  if (raw.metonyms !== undefined) checkNameList(raw.metonyms, 'metonyms', fail, false)
  if (raw.parent !== undefined && raw.parent !== null && typeof raw.parent !== 'string') fail('parent must be an actor id or null')
  checkDate(raw.from, 'from', fail)
  checkDate(raw.to, 'to', fail)
  for (const key of ['wikidata', 'description'] as const) {
    if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string') fail(`${key} must be a string`)
  }
  if (raw.roles !== undefined) {
    if (!Array.isArray(raw.roles)) fail('roles must be an array')
    ;(raw.roles as unknown[]).forEach((role, i) => checkRoleShape(role, i, fail))
  }
  return raw as unknown as ActorEntry
}

function checkRoleShape(raw: unknown, index: number, fail: (problem: string) => never): void {
  if (!isPlainObject(raw)) fail(`roles[${index}] must be an object`)
  const role = raw as Record<string, unknown>
  for (const key of Object.keys(role)) if (!ROLE_KEYS.has(key)) fail(`roles[${index}] has unknown field "${key}"`)
  if (!(ROLE_NAMES as readonly unknown[]).includes(role.role)) fail(`roles[${index}].role ${JSON.stringify(role.role)} is not one of ${ROLE_NAMES.join(', ')}`)
  if (typeof role.of !== 'string') fail(`roles[${index}].of must be an actor id`)
  if (role.title !== undefined && !isName(role.title)) fail(`roles[${index}].title must be a non-empty string`)
  checkDate(role.from, `roles[${index}].from`, fail)
  checkDate(role.to, `roles[${index}].to`, fail)
}

function checkNameList(value: unknown, field: string, fail: (problem: string) => never, required: boolean): void {
  if (value === undefined && !required) return
  if (!Array.isArray(value)) fail(`${field} must be an array of names`)
  for (const name of value as unknown[]) {
    if (!isName(name)) fail(`${field} has an empty, untrimmed or non-string name ${JSON.stringify(name)}`)
    if (aliasKey(name as string) === '') fail(`${field} has a name with no letters or digits ${JSON.stringify(name)}`)
  }
}

function checkDate(value: unknown, field: string, fail: (problem: string) => never): void {
  if (value === undefined || value === null) return
  if (typeof value !== 'string' || !PARTIAL_DATE.test(value)) fail(`${field} ${JSON.stringify(value)} must be YYYY, YYYY-MM or YYYY-MM-DD`)
}

function checkReferences(actor: ActorEntry, byId: Map<string, ActorEntry>, file: string): void {
  const fail = (problem: string): never => {
    throw new KnowledgeBaseError(file, actor.id, problem)
  }
  if (actor.parent) {
    if (!byId.has(actor.parent)) fail(`parent ${actor.parent} is not a known actor id`)
    if (parentChainLoops(actor, byId)) fail(`parent chain loops back to ${actor.id}`)
  }
  actor.roles?.forEach((role: ActorRole, i) => {
    if (!byId.has(role.of)) fail(`roles[${i}].of ${role.of} is not a known actor id`)
  })
}

function parentChainLoops(actor: ActorEntry, byId: Map<string, ActorEntry>): boolean {
  const seen = new Set<string>([actor.id])
  for (let next = actor.parent; next; next = byId.get(next)?.parent) {
    if (seen.has(next)) return true
    seen.add(next)
  }
  return false
}

function loadAmbiguousNames(dir: string, byId: Map<string, ActorEntry>): Map<string, string[]> {
  const ambiguous = new Map<string, string[]>()
  const path = join(dir, AMBIGUOUS_FILE)
  const entries = existsSync(path) ? readJsonArray(path, AMBIGUOUS_FILE) : []
  entries.forEach((raw, index) => {
    const label = isPlainObject(raw) && typeof raw.name === 'string' ? raw.name : `entry #${index}`
    const fail = (problem: string): never => {
      throw new KnowledgeBaseError(AMBIGUOUS_FILE, label, problem)
    }
    if (!isPlainObject(raw) || !isName(raw.name)) fail('entry must be an object with a non-empty "name"')
    const entry = raw as unknown as AmbiguousName
    if (!Array.isArray(entry.actors) || entry.actors.length === 0) fail('"actors" must list the actor ids that share the name')
    for (const id of entry.actors) {
      const actor = byId.get(id)
      if (!actor) fail(`actor ${id} is not a known actor id`)
      if (!namesOf(actor!).some((name) => aliasKey(name) === aliasKey(entry.name))) fail(`actor ${id} does not carry the name`)
    }
    const key = aliasKey(entry.name)
    if (ambiguous.has(key)) fail('listed twice')
    ambiguous.set(key, [...entry.actors])
  })
  return ambiguous
}

function checkSharedNames(actors: ActorEntry[], ambiguous: Map<string, string[]>, fileOf: Map<string, string>): void {
  const owners = new Map<string, string[]>()
  for (const actor of actors) {
    for (const key of new Set(namesOf(actor).map(aliasKey))) {
      const ids = owners.get(key) ?? []
      ids.push(actor.id)
      owners.set(key, ids)
    }
  }
  for (const [key, ids] of owners) {
    const listed = ambiguous.get(key)
    if (ids.length > 1 && !listed) {
      throw new KnowledgeBaseError(fileOf.get(ids[1]!)!, ids[1]!, `name "${key}" is shared with ${ids.filter((id) => id !== ids[1]).join(', ')}; list it in ${AMBIGUOUS_FILE} or remove it`)
    }
    const unlisted = listed ? ids.filter((id) => !listed.includes(id)) : []
    if (unlisted.length > 0) {
      throw new KnowledgeBaseError(fileOf.get(unlisted[0]!)!, unlisted[0]!, `name "${key}" is listed in ${AMBIGUOUS_FILE} without this actor`)
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.trim() === value
}
