import type { Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import { DEFAULT_BATCH_SIZE } from '../../queue/batch-size.js'
import { applyKbOption, type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({ db: {}, jobs: {}, batchSize: { default: DEFAULT_BATCH_SIZE }, kb: {} })

type ReanalyzeFlags = OptionValues<typeof shared>

export function registerReanalyze(program: Command): void {
  program
    .command('reanalyze')
    .description(
      "analyse the stored articles again (after a knowledge change) and replace what they yielded; the analyst's source grades stay",
    )
    .addOption(shared.db)
    .addOption(shared.jobs)
    .addOption(shared.batchSize)
    .addOption(shared.kb)
    .action(async (flags: ReanalyzeFlags) => {
      const custom = await applyKbOption(flags.kb)
      // Loaded here, not at the top, so that `sitrep --help` does not load the pipeline.
      const [{ loadKnowledgeBase }, { reanalyzeStore }, { storeStats }] = await Promise.all([
        import('../../kb/load-kb.js'),
        import('../../queue/reanalyze-run.js'),
        import('../../store/read/index.js'),
      ])
      const store = await openExistingStore(flags.db)
      try {
        let lastLine = performance.now()
        const summary = await reanalyzeStore(store, {
          jobs: flags.jobs,
          batchSize: flags.batchSize,
          kb: custom?.kb ?? loadKnowledgeBase(),
          run: { kbDir: flags.kb ?? null },
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
