import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InvalidArgumentError, Option } from 'commander'
import type { CustomKnowledge } from '../kb/custom-kb.js'
import { defaultStoreUrl } from '../store/default-store.js'

/** Commander parser for YYYY-MM-DD options. */
export function parseDateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`)
  }
  return value
}

const SIZE_UNITS = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 } as const

/** Commander parser for sizes: "5000000", "20MB", "1.5GiB". */
export function parseSizeOption(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i.exec(value.trim())
  if (!match) throw new InvalidArgumentError(`expected a size such as 5000000 or 20MB, got "${value}"`)
  const unit = (match[2] ?? 'b').toLowerCase()
  const factor = SIZE_UNITS[unit as keyof typeof SIZE_UNITS]
  return Math.round(Number(match[1]) * factor)
}

/** Commander parser for positive integers. */
export function parseCountOption(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`)
  return n
}

function parseFolderOption(value: string): string {
  const dir = path.resolve(value)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InvalidArgumentError(`no folder at ${dir}`)
  return dir
}

/** One option several commands take: its flag, help, parser and default, declared once. */
interface OptionSpec<T> {
  readonly flags: string
  readonly description: string
  readonly parse?: (value: string) => T
  /** The value when the flag is not given, computed when the command is declared (it shows in --help). */
  readonly default?: () => T
}

/**
 * The shared options, keyed by the property commander gives the action (`--max-bytes` → `maxBytes`). A command
 * takes the ones it needs with `sharedOptions`, and its action's options type follows from the table.
 */
export const SHARED_OPTIONS = {
  db: {
    flags: '--db <url>',
    description: 'store: a SQLite file or a postgres:// URL ($SITREP_DB when set)',
    default: defaultStoreUrl,
  },
  json: { flags: '--json', description: 'print JSON' },
  // the analyst's own knowledge folder (kb/custom-kb.ts), as an absolute path
  kb: {
    flags: '--kb <dir>',
    description:
      "the analyst's own knowledge: a folder of YAML/JSON actor, alias, role and place files added to the base (see `sitrep kb check`)",
    parse: parseFolderOption,
  },
  date: {
    flags: '--date <YYYY-MM-DD>',
    description: 'reference date for relative dates when an article has no publication date',
    parse: parseDateOption,
  },
  since: { flags: '--since <YYYY-MM-DD>', description: 'on or after this date', parse: parseDateOption },
  limit: { flags: '--limit <n>', description: 'at most this many', parse: parseCountOption, default: () => 50 },
  jobs: {
    flags: '--jobs <n>',
    description: 'analysis threads, one per core unless given',
    parse: parseCountOption,
    default: () => os.availableParallelism(),
  },
  batchSize: { flags: '--batch-size <n>', description: 'articles per write transaction', parse: parseCountOption },
  maxBytes: { flags: '--max-bytes <n>', description: 'refuse inputs larger than this (default 20 MiB)', parse: parseSizeOption },
} as const satisfies Record<string, OptionSpec<unknown>>

type SharedOptions = typeof SHARED_OPTIONS
export type SharedOptionName = keyof SharedOptions

/** The value a shared option's parser gives: a string for `--flag <value>` without a parser, a boolean for a bare flag. */
type ParsedValue<N extends SharedOptionName> = SharedOptions[N] extends { parse: (value: string) => infer T }
  ? T
  : SharedOptions[N]['flags'] extends `${string}<${string}>`
    ? string
    : boolean

/** What a command may change about a shared option: its help for this command, its default, whether it is required. */
export interface OptionChoice<T> {
  readonly description?: string
  readonly default?: T
  readonly required?: boolean
}

/** A command's choice of shared options: each name with its changes (`{}` takes the option as declared). */
export type OptionChoices = { readonly [N in SharedOptionName]?: OptionChoice<ParsedValue<N>> }

/** Given, defaulted or required options always have a value; the others may be undefined. */
type ValueFor<N extends SharedOptionName, C> = C extends { default: ParsedValue<N> } | { required: true }
  ? ParsedValue<N>
  : SharedOptions[N] extends { default: () => unknown }
    ? ParsedValue<N>
    : ParsedValue<N> | undefined

declare const VALUE: unique symbol
/** A commander Option that carries the type of the value it gives the action. */
export type TypedOption<T> = Option & { readonly [VALUE]?: T }

export type TypedOptions<C extends OptionChoices> = { readonly [N in keyof C & SharedOptionName]: TypedOption<ValueFor<N, C[N]>> }

/** The options object an action receives from the shared options it took. */
export type OptionValues<O> = { -readonly [K in keyof O]: O[K] extends TypedOption<infer T> ? T : never }

/**
 * Builds the chosen shared options, for a command to add where it wants them in its help:
 * `const shared = sharedOptions({ db: {}, limit: { default: 20 } })`, then `.addOption(shared.db)`, and the action
 * takes `OptionValues<typeof shared>` (`{ db: string; limit: number }`).
 */
export function sharedOptions<const C extends OptionChoices>(choices: C): TypedOptions<C> {
  const built: Record<string, Option> = {}
  for (const name of Object.keys(choices) as SharedOptionName[]) {
    built[name] = buildOption(SHARED_OPTIONS[name], choices[name] ?? {})
  }
  return built as TypedOptions<C>
}

function buildOption(spec: OptionSpec<unknown>, choice: OptionChoice<unknown>): Option {
  const option = new Option(spec.flags, choice.description ?? spec.description)
  if (spec.parse) option.argParser(spec.parse)
  const fallback = 'default' in choice ? choice.default : spec.default?.()
  if (fallback !== undefined) option.default(fallback)
  if (choice.required) option.makeOptionMandatory()
  return option
}

/**
 * Checks a `--kb` folder (an error lists every problem, naming file, record and field) and makes this
 * process's analyses use it; returns the merged knowledge, or null without the option. The knowledge code
 * loads only here, so a command's --help does not load the pipeline.
 */
export async function applyKbOption(dir: string | undefined): Promise<CustomKnowledge | null> {
  if (dir === undefined) return null
  const [{ loadCustomKnowledge }, { useKnowledgeFolder }] = await Promise.all([
    import('../kb/custom-kb.js'),
    import('../pipeline/analyze.js'),
  ])
  const custom = loadCustomKnowledge(dir)
  useKnowledgeFolder(dir)
  return custom
}
