import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isInputFailure, readSources, type InputFailure } from '../../src/ingest/read-sources.js'
import type { SourceDocument } from '../../src/ingest/source-document.js'
import { buildCli, CLI } from '../support/built-cli.js'

const article = (n: number) =>
  JSON.stringify({
    url: `https://example.invalid/${n}`,
    published: `2024-03-0${1 + (n % 9)}`,
    text: `Security forces in Kurram said militants attacked a patrol on Monday, report ${n}. Two soldiers were wounded, officials said.`,
  })

let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sitrep-streaming-'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function readAll(path: string, maxBytes: number): Promise<(SourceDocument | InputFailure)[]> {
  const out: (SourceDocument | InputFailure)[] = []
  for await (const item of readSources([path], { maxBytes })) out.push(item)
  return out
}

describe('--max-bytes is per article: a JSON Lines file over the limit is streamed', () => {
  it('reads every line of a file larger than the limit, and refuses only the line over it, by its number', async () => {
    const path = join(folder, 'dump.jsonl')
    const lines = Array.from({ length: 200 }, (_, n) => article(n))
    lines[57] = JSON.stringify({ text: 'x'.repeat(5_000) })
    await writeFile(path, `${lines.join('\n')}\n`)
    const results = await readAll(path, 2_000)
    const failures = results.filter(isInputFailure)
    expect(results).toHaveLength(200)
    expect(failures.map((f) => f.error)).toEqual([
      expect.stringMatching(/^dump\.jsonl#58: is 4\.9 KiB, larger than 2\.0 KiB, the limit per article/),
    ])
    expect((results[0] as SourceDocument).meta.url).toBe('https://example.invalid/0')
  })

  it('still refuses a single article file over the limit, naming it', async () => {
    const path = join(folder, 'one.txt')
    await writeFile(path, 'word '.repeat(1_000))
    const [result] = await readAll(path, 1_000)
    expect((result as InputFailure).error).toMatch(/^one\.txt: is 4\.9 KiB, larger than 1000 bytes/)
  })
})

describe('sitrep analyze --jsonl / --json stream their records', () => {
  beforeAll(() => buildCli(), 240_000)

  it('--jsonl writes the first record before the last input is read, one record per line', async () => {
    const path = join(folder, 'many.jsonl')
    await writeFile(path, `${Array.from({ length: 40 }, (_, n) => article(n)).join('\n')}\n`)
    const child = spawn(process.execPath, [CLI, 'analyze', '--jsonl', path], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let exited = false
    let linesAtFirstChunk = -1
    child.on('exit', () => (exited = true))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (linesAtFirstChunk < 0 && !exited) linesAtFirstChunk = output.split('\n').length - 1
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    const records = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { document: { url: string } })
    expect(records).toHaveLength(40)
    expect(records[39]!.document.url).toBe('https://example.invalid/39')
    // the first lines came while the process was still analysing the rest
    expect(linesAtFirstChunk).toBeGreaterThan(0)
    expect(linesAtFirstChunk).toBeLessThan(40)
  }, 240_000)

  it('--json gives one record for one input and a JSON array for several', async () => {
    const run = (args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, 'analyze', '--json', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
        let out = ''
        child.stdout.on('data', (c: Buffer) => (out += c.toString()))
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
      })
    const path = join(folder, 'three.jsonl')
    await writeFile(path, `${[1, 2, 3].map(article).join('\n')}\n`)
    const array = JSON.parse(await run([path])) as unknown[]
    expect(array).toHaveLength(3)
    const single = join(folder, 'single.jsonl')
    await writeFile(single, `${article(9)}\n`)
    expect(JSON.parse(await run([single]))).toHaveProperty('document')
  }, 240_000)
})
