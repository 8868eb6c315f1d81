import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { curatedRecordProblems, toCuratedEntry, type CuratedEntry } from '../gazetteer/gazetteer.js'
import { aliasKey } from '../text/normalize.js'
import type { ActorEntry } from './actor.js'
import {
  actorRecordProblems,
  addAmbiguousName,
  namesOf,
  describeProblem,
  entryLabel,
  isPlainObject,
  knowledgeBaseProblems,
  loadKnowledgeBase,
  recordLabel,
  KnowledgeBaseError,
  type KnowledgeBase,
  type LocatedProblem,
  type RecordOrigin,
} from './load-kb.js'

/**
 * The analyst's own knowledge (`--kb DIR`): YAML or JSON files in the knowledge base's format, added to
 * data/kb and data/gazetteer. A file holds either a list of actor records (like data/kb/*.json) or an
 * object with any of the sections `actors`, `ambiguous` (like data/kb/ambiguous.json) and `places`
 * (records like data/gazetteer/region.json). A file named ambiguous.yaml/json may hold the bare list.
 *
 * An actor whose id is already in the knowledge base amends it: by default the record *extends* the
 * base one (its aliases, metonyms and roles are added, every other field it gives replaces the base
 * value, the fields it leaves out are kept); with `merge: replace` it replaces the base record whole.
 */
export interface CustomKnowledge {
  dir: string
  /** Base and custom actors merged. */
  kb: KnowledgeBase
  places: CuratedEntry[]
  files: string[]
  added: string[]
  extended: string[]
  replaced: string[]
  ambiguousNames: number
  problems: LocatedProblem[]
}

/**
 * The YAML parser, required with the first YAML file: the run context imports this module for `--kb`, and the
 * parser's module tree would otherwise cost every `sitrep analyze` its start-up (~60 ms of CPU).
 */
function parseYaml(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text)
}

const DATA_FILE = /\.(ya?ml|json)$/i
const SECTIONS = ['actors', 'ambiguous', 'places'] as const
type Section = (typeof SECTIONS)[number]
const MERGE_MODES = ['extend', 'replace'] as const
const CUSTOM_KEYS = new Set(['merge'])

/** Reads and checks a knowledge folder, collecting every problem rather than stopping at the first. */
export function readCustomKnowledge(dir: string, base: KnowledgeBase = loadKnowledgeBase()): CustomKnowledge {
  const problems: LocatedProblem[] = []
  const files = listFiles(dir)
  const result: CustomKnowledge = { dir, kb: base, places: [], files, added: [], extended: [], replaced: [], ambiguousNames: 0, problems }
  const byId = new Map(base.byId)
  const actors = [...base.actors]
  const origin = new Map<string, RecordOrigin>()
  const ambiguousEntries: Array<{ file: string; index: number; raw: unknown }> = []
  const placeIds = new Map<string, string>()

  for (const file of files) {
    const shown = join(dir, file)
    const sections = readSections(shown, file, problems)
    for (const [index, raw] of (sections.actors ?? []).entries()) {
      const id = isPlainObject(raw) ? raw.id : undefined
      const existing = typeof id === 'string' ? byId.get(id) : undefined
      const mode = isPlainObject(raw) ? (raw.merge ?? 'extend') : 'extend'
      const label = recordLabel(index, id)
      const recordProblems = actorRecordProblems(raw, { extraKeys: CUSTOM_KEYS, partial: existing !== undefined && mode !== 'replace' })
      if (!(MERGE_MODES as readonly unknown[]).includes(mode))
        recordProblems.push({ field: 'merge', problem: `${JSON.stringify(mode)} is not one of ${MERGE_MODES.join(', ')}` })
      if (typeof id === 'string' && origin.has(id))
        recordProblems.push({ field: 'id', problem: `duplicate id, already defined in ${join(dir, origin.get(id)!.file)}` })
      for (const problem of recordProblems) problems.push({ file: shown, record: label, message: describeProblem(problem) })
      if (recordProblems.length > 0) continue
      const { merge: _merge, ...entry } = raw as unknown as ActorEntry & { merge?: string }
      const actor = existing ? (mode === 'replace' ? entry : extendActor(existing, entry)) : entry
      origin.set(actor.id, { file, index })
      if (existing) {
        actors[actors.indexOf(existing)] = actor
        ;(mode === 'replace' ? result.replaced : result.extended).push(actor.id)
      } else {
        actors.push(actor)
        result.added.push(actor.id)
      }
      byId.set(actor.id, actor)
    }
    for (const [index, raw] of (sections.ambiguous ?? []).entries()) ambiguousEntries.push({ file, index, raw })
    for (const [index, raw] of (sections.places ?? []).entries()) {
      const label = recordLabel(index, isPlainObject(raw) ? raw.id : undefined)
      const placeProblems = curatedRecordProblems(raw)
      const id = isPlainObject(raw) ? raw.id : undefined
      if (typeof id === 'string' && placeIds.has(id))
        placeProblems.push({ field: 'id', problem: `duplicate id, already defined in ${placeIds.get(id)}` })
      for (const problem of placeProblems) problems.push({ file: shown, record: label, message: describeProblem(problem) })
      if (placeProblems.length > 0) continue
      placeIds.set(id as string, shown)
      result.places.push(toCuratedEntry(raw as Record<string, unknown>))
    }
  }

  const ambiguous = new Map(base.ambiguous)
  for (const { file, index, raw } of ambiguousEntries) {
    const problem = addAmbiguousName(raw, ambiguous, byId, true)
    if (problem) problems.push({ file: join(dir, file), record: entryLabel(raw, index), message: describeProblem(problem) })
    else result.ambiguousNames++
  }
  result.kb = { actors, byId, ambiguous }
  // Cross-record checks over the merged set; only custom records can be at fault (the base passed them).
  for (const problem of knowledgeBaseProblems(result.kb, origin)) problems.push({ ...problem, file: join(dir, problem.file) })
  return result
}

/** Like readCustomKnowledge, but a folder with any problem is an error listing them all. */
export function loadCustomKnowledge(dir: string, base?: KnowledgeBase): CustomKnowledge {
  const custom = readCustomKnowledge(dir, base)
  if (custom.problems.length > 0) {
    const lines = custom.problems.map(formatProblem)
    throw new KnowledgeBaseError(
      dir,
      null,
      `${custom.problems.length} problem${custom.problems.length === 1 ? '' : 's'} in the knowledge folder:\n  ${lines.join('\n  ')}`,
    )
  }
  return custom
}

export function formatProblem(problem: LocatedProblem): string {
  return `${problem.file}${problem.record ? `: ${problem.record}` : ''}: ${problem.message}`
}

/** The base record with the custom one's fields: lists grow (no name twice), other given fields replace. */
function extendActor(base: ActorEntry, extra: Partial<ActorEntry>): ActorEntry {
  const union = (a: string[] | undefined, b: string[] | undefined): string[] | undefined => (b ? [...new Set([...(a ?? []), ...b])] : a)
  const merged: ActorEntry = { ...base, ...extra, aliases: union(base.aliases, extra.aliases) ?? [] }
  const metonyms = union(base.metonyms, extra.metonyms)
  if (metonyms) merged.metonyms = metonyms
  if (extra.roles) merged.roles = [...(base.roles ?? []), ...extra.roles]
  return merged
}

function listFiles(dir: string): string[] {
  let names: string[]
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder')
    names = readdirSync(dir)
  } catch (error) {
    throw new KnowledgeBaseError(dir, null, `cannot read knowledge folder: ${(error as Error).message}`)
  }
  const files = names.filter((name) => DATA_FILE.test(name) && !name.startsWith('.')).sort()
  if (files.length === 0) throw new KnowledgeBaseError(dir, null, 'no knowledge files (*.yaml, *.yml, *.json) in the folder')
  return files
}

function readSections(path: string, file: string, problems: LocatedProblem[]): Partial<Record<Section, unknown[]>> {
  const fail = (message: string): Partial<Record<Section, unknown[]>> => {
    problems.push({ file: path, record: null, message })
    return {}
  }
  let parsed: unknown
  const text = readFileSync(path, 'utf8')
  try {
    parsed = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    return fail(`not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`)
  }
  if (Array.isArray(parsed)) return /^ambiguous\./i.test(file) ? { ambiguous: parsed } : { actors: parsed }
  if (!isPlainObject(parsed)) return fail(`must hold a list of actor records or an object with ${SECTIONS.join(', ')}`)
  const sections: Partial<Record<Section, unknown[]>> = {}
  for (const [key, value] of Object.entries(parsed)) {
    // region.json's own shape ({meta, records}) is accepted for places.
    const section = key === 'records' ? 'places' : key
    if (key === 'meta') continue
    if (!(SECTIONS as readonly string[]).includes(section)) {
      problems.push({ file: path, record: null, message: `unknown section "${key}" (expected ${SECTIONS.join(', ')})` })
      continue
    }
    if (!Array.isArray(value)) {
      problems.push({ file: path, record: null, message: `section "${key}" must be a list` })
      continue
    }
    sections[section as Section] = value
  }
  return sections
}

/** Ids of the actors a name (or id) stands for in a knowledge base: for `--about NAME` on names only the folder knows. */
export function actorIdsNamed(kb: KnowledgeBase, name: string): string[] {
  if (kb.byId.has(name)) return [name]
  const key = aliasKey(name)
  if (key === '') return []
  return kb.actors.filter((actor) => namesOf(actor).some((alias) => aliasKey(alias) === key)).map((actor) => actor.id)
}
