/**
 * A read-only string → index table that needs no work to load: the keys sit in one string, their offsets and an
 * open-addressing hash table in typed arrays, all of which v8.deserialize copies in one go (a Map of 100k keys
 * has to be rebuilt entry by entry).
 */
export interface PackedStrings {
  text: string
  /** Key i is text.slice(starts[i], starts[i + 1]). */
  starts: Int32Array
  /** Hash slots holding key index + 1, 0 when empty; the length is a power of two. */
  slots: Int32Array
}

export function packStrings(keys: readonly string[]): PackedStrings {
  const starts = new Int32Array(keys.length + 1)
  let offset = 0
  keys.forEach((key, i) => {
    starts[i] = offset
    offset += key.length
  })
  starts[keys.length] = offset
  let size = 1
  while (size < keys.length * 2) size *= 2
  const slots = new Int32Array(size)
  const mask = size - 1
  keys.forEach((key, i) => {
    let slot = hashOf(key) & mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = i + 1
  })
  return { text: keys.join(''), starts, slots }
}

/** The index of `key`, or -1. */
export function findString(table: PackedStrings, key: string): number {
  const { text, starts, slots } = table
  const mask = slots.length - 1
  for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
    const held = slots[slot]!
    if (held === 0) return -1
    const i = held - 1
    const start = starts[i]!
    if (starts[i + 1]! - start === key.length && text.startsWith(key, start)) return i
  }
}

export function stringAt(table: PackedStrings, i: number): string {
  return table.text.slice(table.starts[i], table.starts[i + 1])
}

export function packedSize(table: PackedStrings): number {
  return table.starts.length - 1
}

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
