/**
 * The CI variant of `npm run bench:load` (`npm run test:faults`): `sitrep serve` under 20 concurrent clients for
 * 5 s while `sitrep ingest` writes to the same SQLite store. No errors, no non-2xx answer (so no 5xx), no
 * "database is locked", and the ingest really wrote during the run.
 */
import { describe, expect, it } from 'vitest'
import { loadProblems, loadServe } from '../../src/bench/serve-load.js'
import { buildCli, CLI } from '../support/built-cli.js'

describe('sitrep serve under load while an ingest writes', () => {
  it('answers every request of 20 clients for 5 s with a 2xx, without a lock error', async () => {
    buildCli()
    const result = await loadServe({ seconds: 5, clients: 20, articles: 500, cli: CLI })
    const lines = result.endpoints.map(
      (e) =>
        `${e.endpoint}: ${e.requests} req p50 ${e.p50Ms.toFixed(0)} p95 ${e.p95Ms.toFixed(0)} p99 ${e.p99Ms.toFixed(0)} ms, errors ${e.errors}, non-2xx ${e.non2xx}`,
    )
    console.log(
      `serve load (20 clients, 5 s): ${lines.join('; ')}; locked ${result.lockedMessages}; RSS ${result.rssBeforeMb.toFixed(0)} → ` +
        `${result.rssAfterMb.toFixed(0)} MB; ingest stored ${result.articlesAfter - result.articlesBefore} articles meanwhile`,
    )
    expect(result.endpoints).toHaveLength(5)
    expect(loadProblems(result)).toEqual([])
  }, 600_000)
})
