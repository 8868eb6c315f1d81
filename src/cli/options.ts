import { InvalidArgumentError } from 'commander'

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
