import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { ResponseCache } from '../../src/serve/response-cache.js'
import { writeBatch } from '../../src/store/write-batch.js'
import { analyzed, filler } from '../support/records.js'

describe('ResponseCache', () => {
  it('computes an answer once for requests that arrive while it is being computed, and keeps it', async () => {
    const store = await openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cache-')), 'store.db'))
    try {
      const cache = new ResponseCache(store)
      let computed = 0
      const compute = async () => {
        computed++
        await new Promise((resolve) => setTimeout(resolve, 50))
        return { answer: computed }
      }
      const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('/api/overview?{}', compute)))
      expect(computed).toBe(1)
      expect(answers.every((answer) => answer === answers[0])).toBe(true)
      expect(await cache.get('/api/overview?{}', compute)).toBe(answers[0])
      cache.clear()
      await cache.get('/api/overview?{}', compute)
      expect(computed).toBe(2)
    } finally {
      await store.close()
    }
  })

  it('after a store change, the request that recomputes waits for the fresh answer; those during the recomputation get the old one', async () => {
    const store = await openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cache-')), 'store.db'))
    try {
      const cache = new ResponseCache(store)
      let computed = 0
      const compute = async () => {
        computed++
        await new Promise((resolve) => setTimeout(resolve, 50))
        return `answer ${computed}`
      }
      expect(await cache.get('/api/overview?{}', compute)).toBe('answer 1')
      await writeBatch(store, [analyzed({ text: filler('cache-change') })])
      const fresh = cache.get('/api/overview?{}', compute)
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(await cache.get('/api/overview?{}', compute)).toBe('answer 1')
      expect(await fresh).toBe('answer 2')
      expect(await cache.get('/api/overview?{}', compute)).toBe('answer 2')
      expect(computed).toBe(2)
    } finally {
      await store.close()
    }
  })

  it('does not keep a failed computation: the next request computes again', async () => {
    const store = await openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cache-')), 'store.db'))
    try {
      const cache = new ResponseCache(store)
      await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
      expect(await cache.get('k', async () => 'fine')).toBe('fine')
    } finally {
      await store.close()
    }
  })
})
