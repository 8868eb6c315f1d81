import os from 'node:os'
import type { Command } from 'commander'
import { loadKnowledgeBase } from '../../kb/load-kb.js'
import { reanalyzeStore } from '../../queue/reanalyze-run.js'
import { defaultStoreUrl, openExistingStore } from '../../store/open-store.js'
import { storeStats } from '../../store/read/index.js'
import { DEFAULT_BATCH_SIZE } from '../../queue/ingest-run.js'
import { applyKbOption, kbOption, parseCountOption } from '../options.js'

interface ReanalyzeFlags {
  db: string
  jobs: number
  batchSize: number
  kb?: string
}

export function registerReanalyze(program: Command): void {
  program
    .command('reanalyze')
    .description(
      "analyse the stored articles again (after a knowledge change) and replace what they yielded; the analyst's source grades stay",
    )
    .option('--db <url>', 'store: a SQLite file or a postgres:// URL ($SITREP_DB when set)', defaultStoreUrl())
    .option('--jobs <n>', 'analysis threads, one per core unless given', parseCountOption, os.availableParallelism())
    .option('--batch-size <n>', 'articles per write transaction', parseCountOption, DEFAULT_BATCH_SIZE)
    .addOption(kbOption())
    .action(async (flags: ReanalyzeFlags) => {
      const custom = applyKbOption(flags.kb)
      const store = await openExistingStore(flags.db)
      try {
        let lastLine = performance.now()
        const summary = await reanalyzeStore(store, {
          jobs: flags.jobs,
          batchSize: flags.batchSize,
          kb: custom?.kb ?? loadKnowledgeBase(),
          kbDir: flags.kb ?? null,
          places: custom?.places ?? [],
          onFailure: (failure) => process.stderr.write(`sitrep reanalyze: ${failure.error}\n`),
          onProgress: (progress) => {
            if (performance.now() - lastLine < 5000) return
            lastLine = performance.now()
            process.stderr.write(`sitrep reanalyze: ${progress.done} articles redone, ${progress.failed} failed\n`)
          },
        })
        const stats = await storeStats(store)
        process.stderr.write(
          `sitrep reanalyze: ${summary.done} articles in ${summary.seconds.toFixed(1)} s, ${summary.failed} failed (kept as they were); ` +
            `${summary.entitiesUpdated} known entities renamed, ${summary.entitiesRemoved} unused entities removed\n` +
            `store ${store.location}: ${stats.articles} articles, ${stats.entities} entities, ${stats.places} places, ${stats.events} events, ${stats.propositions} propositions\n`,
        )
        process.exitCode = summary.failed > 0 ? 1 : 0
      } finally {
        await store.close()
      }
    })
}
