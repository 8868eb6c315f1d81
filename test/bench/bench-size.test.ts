import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generatedArticles, generatedStoreFile } from '../../src/bench/bench-size.js'
import { benchServe } from '../../src/bench/serve-bench.js'

describe('bench store size', () => {
  it('takes the bench flag first, then SITREP_BENCH_ARTICLES, then the default', () => {
    expect(generatedArticles(['--serve-articles', '3000'], '--serve-articles', 100_000, { SITREP_BENCH_ARTICLES: '500' })).toBe(3000)
    expect(generatedArticles([], '--serve-articles', 100_000, { SITREP_BENCH_ARTICLES: '500' })).toBe(500)
    expect(generatedArticles([], '--export-articles', 10_000, {})).toBe(10_000)
  })

  it('names the variable or flag that holds a bad size', () => {
    expect(() => generatedArticles([], '--serve-articles', 1, { SITREP_BENCH_ARTICLES: '1e5x' })).toThrow(/SITREP_BENCH_ARTICLES/)
    expect(() => generatedArticles(['--export-articles', '0'], '--export-articles', 1, {})).toThrow(/--export-articles/)
  })

  it('serves every endpoint over a generated store kept under the shared name, and reuses it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-bench-test-'))
    try {
      const first = await benchServe({ articles: 300, requests: 3, dir })
      expect(fs.existsSync(generatedStoreFile(dir, 300))).toBe(true)
      expect(first.articles).toBe(300)
      expect(first.endpoints.map((e) => e.endpoint)).toEqual(expect.arrayContaining(['dyad', 'network', 'network (ego, filtered)']))
      for (const e of first.endpoints) {
        expect(e.requests).toBe(3)
        expect(e.p95Ms).toBeGreaterThanOrEqual(e.p50Ms)
        expect(e.p95CpuMs).toBeGreaterThan(0)
      }
      const again = await benchServe({ articles: 300, requests: 1, dir })
      expect(again.articles).toBe(300)
      expect(again.buildSeconds).toBeLessThan(first.buildSeconds)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})
