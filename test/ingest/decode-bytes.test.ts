import { gzipSync } from 'node:zlib'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DecodeError, decodeBytes } from '../../src/ingest/decode-bytes.js'
import { readSources, type InputFailure } from '../../src/ingest/read-sources.js'

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode('Quetta – “quoted” é'), 'Quetta – “quoted” é'],
    ['Windows-1252 punctuation', bytes(0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0x85), '\u201cA\u201d \u2013 \u20ac \u2026'],
    ['Latin-1 letters', bytes(0x63, 0x61, 0x66, 0xe9), 'café'],
    ['UTF-16 LE with BOM', bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00), 'Hi'],
    ['UTF-16 BE with BOM', bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0x69), 'Hi'],
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, 0x48, 0x69), 'Hi'],
    [
      'UTF-16 LE without BOM',
      new Uint8Array(Buffer.from('Troops entered Khost on Monday.\n', 'utf16le')),
      'Troops entered Khost on Monday.\n',
    ],
    [
      'UTF-16 BE without BOM',
      new Uint8Array(Buffer.from('Troops entered Khost on Monday.', 'utf16le').swap16()),
      'Troops entered Khost on Monday.',
    ],
    ['a text starting with letters that some formats use as magic', new TextEncoder().encode('MZ Baloch said'), 'MZ Baloch said'],
  ])('%s', (_label, input, expected) => {
    expect(decodeBytes(input)).toBe(expected)
  })

  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), /\(PNG\)/],
    ['ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /\(ZIP\)/],
    ['NUL bytes', bytes(0x41, 0x00, 0x42), /control bytes/],
    [
      'NULs in alternate bytes around control codes (not UTF-16 text)',
      new Uint8Array(64).map((_, i) => (i % 2 === 1 ? 0 : 0x02)),
      /control bytes/,
    ],
    ['many control characters', new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41)), /control bytes/],
  ])('refuses %s', (_label, input, message) => {
    expect(() => decodeBytes(input)).toThrow(DecodeError)
    expect(() => decodeBytes(input)).toThrow(message)
  })
})

describe('readSources: gzip limits', () => {
  it('refuses a gzip file that inflates past the size limit', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sitrep-gzip-'))
    try {
      const path = join(folder, 'big.txt.gz')
      await writeFile(path, gzipSync(Buffer.from('a'.repeat(50_000))))
      const results: InputFailure[] = []
      for await (const result of readSources([path], { maxBytes: 10_000 })) results.push(result as InputFailure)
      expect(results).toEqual([{ name: 'big.txt.gz', error: 'big.txt.gz: decompresses to more than 9.8 KiB, the limit per file' }])
    } finally {
      await rm(folder, { recursive: true })
    }
  })
})
