import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store/open-store.js'
import { ResponseCache } from '../../src/serve/response-cache.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { analyzed, filler } from '../support/records.js'

/** A cache over a fresh SQLite store, closed after the test. */
async function withCache(test: (cache: ResponseCache, store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cache-')), 'store.db'))
  try {
    await test(new ResponseCache(store), store)
  } finally {
    await store.close()
  }
}

/** A computation that takes 50 ms and counts its runs; `answer` shapes its answer from the count. */
function slowCount<T>(answer: (count: number) => T) {
  const counter = {
    computed: 0,
    compute: async () => {
      counter.computed++
      await new Promise((resolve) => setTimeout(resolve, 50))
      return answer(counter.computed)
    },
  }
  return counter
}

describe('ResponseCache', () => {
  it('computes an answer once for requests that arrive while it is being computed, and keeps it', () =>
    withCache(async (cache) => {
      const counter = slowCount((n) => ({ answer: n }))
      const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('/api/overview?{}', counter.compute)))
      expect(counter.computed).toBe(1)
      expect(answers.every((answer) => answer === answers[0])).toBe(true)
      expect(await cache.get('/api/overview?{}', counter.compute)).toBe(answers[0])
      cache.clear()
      await cache.get('/api/overview?{}', counter.compute)
      expect(counter.computed).toBe(2)
    }))

  it('after a store change, the request that recomputes waits for the fresh answer; those during the recomputation get the old one', () =>
    withCache(async (cache, store) => {
      const counter = slowCount((n) => `answer ${n}`)
      expect(await cache.get('/api/overview?{}', counter.compute)).toBe('answer 1')
      await writeBatch(store, [analyzed({ text: filler('cache-change') })])
      const fresh = cache.get('/api/overview?{}', counter.compute)
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(await cache.get('/api/overview?{}', counter.compute)).toBe('answer 1')
      expect(await fresh).toBe('answer 2')
      expect(await cache.get('/api/overview?{}', counter.compute)).toBe('answer 2')
      expect(counter.computed).toBe(2)
    }))

  it('does not keep a failed computation: the next request computes again', () =>
    withCache(async (cache) => {
      await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
      expect(await cache.get('k', async () => 'fine')).toBe('fine')
    }))
})
