import type { Command } from 'commander'
import { defaultStoreUrl, openExistingStore } from '../../store/open-store.js'
import { renderTable } from '../../store/render-table.js'
import { parseCountOption } from '../options.js'

interface SearchFlags {
  db: string
  limit: number
  json?: boolean
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search over stored articles (words are ANDed; "quoted phrases"; prefix*)')
    .argument('<query...>', 'words to look for')
    .option('--db <url>', 'store: a SQLite file or a postgres:// URL ($SITREP_DB when set)', defaultStoreUrl())
    .option('--limit <n>', 'at most this many', parseCountOption, 20)
    .option('--json', 'print JSON')
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
