import fs from 'node:fs'
import path from 'node:path'
import { InvalidArgumentError, Option } from 'commander'
import { loadCustomKnowledge, type CustomKnowledge } from '../kb/custom-kb.js'
import { useKnowledgeFolder } from '../pipeline/analyze.js'

/** Commander parser for YYYY-MM-DD options. */
export function parseDateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`)
  }
  return value
}

/** Commander parser for sizes: "5000000", "20MB", "1.5GiB". */
export function parseSizeOption(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i.exec(value.trim())
  if (!match) throw new InvalidArgumentError(`expected a size such as 5000000 or 20MB, got "${value}"`)
  const unit = (match[2] ?? 'b').toLowerCase()
  const factor = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 }[unit]!
  return Math.round(Number(match[1]) * factor)
}

/** Commander parser for positive integers. */
export function parseCountOption(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`)
  return n
}

/**
 * `--kb DIR`, one definition for every command that analyses or reads names: the analyst's own
 * knowledge folder (kb/custom-kb.ts). The value is the folder's absolute path.
 */
export function kbOption(): Option {
  return new Option(
    '--kb <dir>',
    "the analyst's own knowledge: a folder of YAML/JSON actor, alias, role and place files added to the base (see `sitrep kb check`)",
  ).argParser(parseFolderOption)
}

function parseFolderOption(value: string): string {
  const dir = path.resolve(value)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InvalidArgumentError(`no folder at ${dir}`)
  return dir
}

/**
 * Checks a `--kb` folder (an error lists every problem, naming file, record and field) and makes this
 * process's analyses use it; returns the merged knowledge, or null without the option.
 */
export function applyKbOption(dir: string | undefined): CustomKnowledge | null {
  if (dir === undefined) return null
  const custom = loadCustomKnowledge(dir)
  useKnowledgeFolder(dir)
  return custom
}
