/** Turns raw file bytes into text: refuses binaries, honours BOMs, falls back from UTF-8 to Windows-1252. */

const MAGIC_NUMBERS: Array<{ name: string; bytes: number[] }> = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'OLE (old Office document)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
]

export class DecodeError extends Error {}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false
  return prefix.every((value, index) => bytes[index] === value)
}

export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x1f, 0x8b])
}

function binaryKind(bytes: Uint8Array): string | null {
  for (const magic of MAGIC_NUMBERS) if (startsWith(bytes, magic.bytes)) return magic.name
  return null
}

/** A share of control characters (other than tab, newline, carriage return, form feed, escape) that no article has. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++
  }
  return sample.length > 0 && control / sample.length > 0.05
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip = 2): string {
  return new TextDecoder(encoding).decode(bytes.subarray(skip))
}

/**
 * UTF-16 without a byte order mark: text in a Latin script puts a NUL in every other byte (the high byte of each
 * code unit), at odd offsets for little-endian and even ones for big-endian. Demands that pattern in nearly all
 * of the first pairs, and no NUL on the other side, so a binary with scattered NULs is not taken for text.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(4096, Math.floor(bytes.length / 2))
  if (pairs < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++
    if (bytes[2 * i + 1] === 0) oddNul++
  }
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le'
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be'
  return null
}

/** Decodes one input; throws DecodeError with a message (without the input name) when it is not text. */
export function decodeBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le')
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be')
  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf])
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes
  const kind = hasUtf8Bom ? null : binaryKind(body)
  if (kind) throw new DecodeError(`looks like a binary file (${kind}), not an article`)
  const utf16 = hasUtf8Bom ? null : utf16WithoutBom(body)
  if (utf16) {
    const text = decodeUtf16(body, utf16, 0)
    if (!looksBinary(Buffer.from(text, 'utf8'))) return text
  }
  if (looksBinary(body)) throw new DecodeError('looks like a binary file (control bytes), not an article')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return decodeWindows1252(body)
  }
}

// Node's TextDecoder treats 'windows-1252' as Latin-1, so the 0x80–0x9F block is mapped by hand.
const WINDOWS_1252_HIGH_CONTROL = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
]

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH_CONTROL[byte - 0x80]! : byte,
    )
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
