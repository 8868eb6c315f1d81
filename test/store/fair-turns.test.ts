import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { FairTurns } from '../../src/store/fair-turns.js'
import { openStore } from '../../src/store/open-store.js'
import { inOneTurn } from '../../src/store/read/index.js'

function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // the synchronous work of one better-sqlite3 query
  }
}

function freshSqlite(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-turns-')), 'store.db')
}

describe('FairTurns', () => {
  it('grants turns in the order they were asked for', async () => {
    const turns = new FairTurns(5)
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await turns.acquire()
        busy(1)
        order.push(i)
        turns.release()
      }),
    )
    expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i))
  })

  it('lets the event loop run between slices while turns wait', async () => {
    const turns = new FairTurns(5)
    let granted = 0
    let grantedWhenLoopRan = -1
    setImmediate(() => {
      grantedWhenLoopRan = granted
    })
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        await turns.acquire()
        busy(1)
        granted++
        turns.release()
      }),
    )
    expect(grantedWhenLoopRan).toBeGreaterThan(0)
    expect(grantedWhenLoopRan).toBeLessThan(20)
  })
})

describe('the SQLite store under many waiting queries', () => {
  it('serves the event loop (sockets, timers) before the last waiting query runs', async () => {
    const store = await openStore(freshSqlite())
    try {
      await sql`CREATE TABLE n (v INTEGER)`.execute(store.db)
      await sql`INSERT INTO n WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM c WHERE v < 2000) SELECT v FROM c`.execute(
        store.db,
      )
      let done = 0
      let doneWhenLoopRan = -1
      const queries = Array.from({ length: 200 }, async () => {
        await sql`SELECT sum(a.v * b.v) FROM n a, (SELECT v FROM n LIMIT 20) b`.execute(store.db)
        done++
      })
      setImmediate(() => {
        doneWhenLoopRan = done
      })
      await Promise.all(queries)
      expect(doneWhenLoopRan).toBeGreaterThanOrEqual(0)
      expect(doneWhenLoopRan).toBeLessThan(200)
    } finally {
      await store.close()
    }
  })

  it('runs a read of several queries in one turn: queries asked for later wait until it ends', async () => {
    const store = await openStore(freshSqlite())
    try {
      const order: string[] = []
      const read = inOneTurn(store, async (one) => {
        for (let i = 0; i < 5; i++) {
          await sql`SELECT ${i} AS i`.execute(one.db)
          order.push(`read ${i}`)
        }
      })
      const other = sql`SELECT 1`.execute(store.db).then(() => order.push('other'))
      await Promise.all([read, other])
      expect(order).toEqual(['read 0', 'read 1', 'read 2', 'read 3', 'read 4', 'other'])
    } finally {
      await store.close()
    }
  })
})
