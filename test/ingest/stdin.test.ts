import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const viteNode = fileURLToPath(new URL('../../node_modules/vite-node/vite-node.mjs', import.meta.url))

function readStdin(input: string | Buffer, maxBytes: number): unknown {
  const child = spawnSync(process.execPath, [viteNode, 'test/fixtures/ingest/read-stdin.ts', String(maxBytes)], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(child.status, child.stderr).toBe(0)
  return JSON.parse(child.stdout.slice(child.stdout.indexOf('[')))
}

describe('readSources: stdin', () => {
  it.each([
    [
      'an article',
      'Rain closed the pass on Sunday.\r\n',
      1024,
      [{ name: 'stdin', format: 'text', content: 'Rain closed the pass on Sunday.\n', meta: {} }],
    ],
    ['HTML', '<!doctype html><html><body><p>Hi</p></body></html>', 1024, [{ name: 'stdin', format: 'html' }]],
    ['too much input', 'x'.repeat(5000), 1024, [{ name: 'stdin', error: 'stdin: is larger than 1.0 KiB, the limit per input' }]],
    ['nothing', '', 1024, [{ name: 'stdin', error: 'stdin: is empty (no text to read)' }]],
  ])('%s', (_label, input, maxBytes, expected) => {
    expect(readStdin(input, maxBytes)).toMatchObject(expected)
  })
})
