import type { Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import { renderTable } from '../../store/render-table.js'
import { type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({ db: {}, limit: { default: 20 }, json: {} })

type SearchFlags = OptionValues<typeof shared>

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search over stored articles (words are ANDed; "quoted phrases"; prefix*)')
    .argument('<query...>', 'words to look for')
    .addOption(shared.db)
    .addOption(shared.limit)
    .addOption(shared.json)
    .action(async (words: string[], flags: SearchFlags) => {
      const { searchArticles } = await import('../../store/read/index.js')
      const store = await openExistingStore(flags.db)
      try {
        const hits = await searchArticles(store, words.join(' '), flags.limit)
        if (flags.json) process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`)
        else if (hits.length === 0) process.stdout.write('no articles match\n')
        else
          process.stdout.write(
            `${renderTable(
              [{ header: 'PUBLISHED' }, { header: 'TITLE', max: 50 }, { header: 'SOURCE', max: 20 }, { header: 'MATCH', max: 110 }],
              hits.map((hit) => [hit.published ?? '-', hit.title ?? hit.url ?? hit.id, hit.source ?? '-', hit.snippet]),
            )}\n`,
          )
      } finally {
        await store.close()
      }
    })
}
