import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isInputFailure, readSources, type InputFailure } from '../../src/ingest/read-sources.js'
import type { SourceDocument } from '../../src/ingest/source-document.js'

const fixtures = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url))
const fixture = (name: string): string => join(fixtures, name)

async function readAll(paths: string[], maxBytes?: number): Promise<Array<SourceDocument | InputFailure>> {
  const results: Array<SourceDocument | InputFailure> = []
  for await (const result of readSources(paths, maxBytes ? { maxBytes } : {})) results.push(result)
  return results
}

async function readOne(name: string): Promise<SourceDocument | InputFailure> {
  const results = await readAll([fixture(name)])
  expect(results).toHaveLength(1)
  return results[0]!
}

describe('readSources: decoding', () => {
  it.each([
    [
      'windows-1252.txt',
      'Cafe owners in the old city said the \u201cnew rules\u201d would hurt business \u2013 na\u00efve planning, one called it.\n',
    ],
    ['utf16le-bom.txt', 'Villagers reported a landslide that blocked the mountain road on Friday.\nNo one was hurt.\n'],
    ['utf16be-bom.txt', 'Villagers reported a landslide that blocked the mountain road on Friday.\nNo one was hurt.\n'],
    ['utf8-bom.txt', 'A school reopened in the valley after repairs.\n'],
    ['crlf.txt', 'plain article text that has a line\nand windows line endings.\n'],
  ])('%s decodes to the right text', async (name, expected) => {
    const result = await readOne(name)
    expect(isInputFailure(result)).toBe(false)
    expect((result as SourceDocument).content).toBe(expected)
    expect((result as SourceDocument).format).toBe('text')
    expect((result as SourceDocument).name).toBe(name)
  })
})

describe('readSources: bad inputs become failures naming the input', () => {
  it.each([
    ['report.pdf', /^report\.pdf: looks like a binary file \(PDF\), not an article$/],
    ['bad.bin', /^bad\.bin: looks like a binary file/],
    ['empty.txt', /^empty\.txt: is empty/],
    ['blank.txt', /^blank\.txt: is empty/],
    ['bom-only.txt', /^bom-only\.txt: is empty/],
    ['broken.gz', /^broken\.gz: is not a readable gzip file/],
    ['does-not-exist.txt', /does-not-exist\.txt: no such file or folder/],
  ])('%s', async (name, message) => {
    const result = await readOne(name)
    expect(isInputFailure(result)).toBe(true)
    expect((result as InputFailure).error).toMatch(message)
  })

  it('refuses a file over the size limit and goes on with the next one', async () => {
    const results = await readAll([fixture('feed.rss'), fixture('utf8-bom.txt')], 200)
    expect(isInputFailure(results[0]!)).toBe(true)
    expect((results[0] as InputFailure).error).toMatch(/^feed\.rss: is 1017 bytes, larger than 200 bytes, the limit per file/)
    expect(isInputFailure(results[1]!)).toBe(false)
  })
})

describe('readSources: formats', () => {
  it('reads JSON Lines: one document per good line, one failure per bad line', async () => {
    const results = await readAll([fixture('articles.jsonl')])
    expect(results.map((r) => [r.name, isInputFailure(r)])).toEqual([
      ['articles.jsonl#1', false],
      ['articles.jsonl#2', true],
      ['articles.jsonl#3', false],
      ['articles.jsonl#4', true],
    ])
    const first = results[0] as SourceDocument
    expect(first).toMatchObject({ format: 'text', content: 'Inspectors finished checking the dam on Thursday.' })
    expect(first.meta).toEqual({
      url: 'https://example.org/a',
      title: 'Dam Inspection Completed',
      published: '2023-09-14',
      author: 'R. Malik',
      source: 'Example Daily',
    })
    expect(results[2]).toMatchObject({ format: 'html', meta: { published: '2023-09-14' } })
    expect((results[1] as InputFailure).error).toMatch(/^articles\.jsonl#2: not valid JSON/)
    expect((results[3] as InputFailure).error).toBe('articles.jsonl#4: has neither "text" nor "html"')
  })

  it('reads an RSS feed item by item', async () => {
    const results = (await readAll([fixture('feed.rss')])) as SourceDocument[]
    expect(results.map((r) => r.name)).toEqual(['feed.rss#1', 'feed.rss#2'])
    expect(results[0]).toMatchObject({
      format: 'html',
      meta: {
        title: 'New Clinic Opens in Hill Town',
        url: 'https://valley.example/clinic',
        published: '2024-03-05',
        author: 'Aisha Noor',
        source: 'Valley Weekly',
      },
    })
    expect(results[0]!.content).toContain('serving twelve villages')
    expect(results[1]!.content).toContain('<p>Bus services were delayed')
  })

  it('reads an Atom feed', async () => {
    const [entry] = (await readAll([fixture('feed.atom')])) as SourceDocument[]
    expect(entry).toMatchObject({
      name: 'feed.atom#1',
      format: 'html',
      meta: {
        title: 'Crossing Hours Extended',
        url: 'https://border.example/hours',
        published: '2024-11-20',
        author: 'Imran Shah',
        source: 'Border Notes',
      },
    })
    expect(entry!.content).toContain('open until nine')
  })

  it.each([
    ['page.html.gz', 'page.html', 'html'],
    ['notes.md', 'notes.md', 'markdown'],
    ['sniffed-html.txt', 'sniffed-html.txt', 'html'],
  ])('%s is read as %s (%s)', async (file, name, format) => {
    const result = (await readOne(file)) as SourceDocument
    expect(result.name).toBe(name)
    expect(result.format).toBe(format)
  })
})

describe('readSources: folders', () => {
  it('walks a folder recursively in sorted order and skips dotfiles', async () => {
    const results = (await readAll([fixture('folder')])) as SourceDocument[]
    expect(results.map((r) => r.name)).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('reports an empty folder and keeps going', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'))
    try {
      await writeFile(join(empty, '.ignored'), 'x')
      const results = await readAll([empty, fixture('utf8-bom.txt')])
      expect(isInputFailure(results[0]!)).toBe(true)
      expect((results[0] as InputFailure).error).toMatch(/folder holds no files/)
      expect(isInputFailure(results[1]!)).toBe(false)
    } finally {
      await rm(empty, { recursive: true })
    }
  })
})
