import type { Command } from 'commander'
import type { AnalysisRecord } from '../../record/record.js'
import type { GoldFile } from '../../eval/gold.js'
import { applyKbOption, type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({ json: { description: 'print the scores as JSON' }, kb: {} })

type EvalOptions = OptionValues<typeof shared> & {
  docs?: string
  verbose?: boolean
  perDoc?: boolean
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Score the analysis of gold-annotated articles (SPEC section 3): precision, recall and F1 per category.')
    .argument('<gold-dir>', 'folder of *.gold.json files')
    .option('--docs <dir>', 'folder holding the articles the gold files name (default: the gold folder)')
    .addOption(shared.json)
    .option('--verbose', 'list every missed and spurious item per document')
    .option('--per-doc', 'add one row of scores per document')
    .addOption(shared.kb)
    .action(async (goldDir: string, options: EvalOptions) => {
      await applyKbOption(options.kb)
      const [{ evaluateDirectory }, { renderJson, renderText }] = await Promise.all([
        import('../../eval/run.js'),
        import('../../eval/report.js'),
      ])
      const result = await evaluateDirectory(goldDir, {
        docsDir: options.docs,
        analyze: analyzeArticle,
        onDocument: (document) => {
          if (document.error !== null) process.stderr.write(`sitrep eval: ${document.gold}: ${document.error}\n`)
        },
      })
      process.stdout.write(options.json ? renderJson(result) : renderText(result, options))
    })
}

async function analyzeArticle(articlePath: string, gold: GoldFile): Promise<AnalysisRecord> {
  const [{ isInputFailure, readSources }, { analyzeSource }] = await Promise.all([
    import('../../ingest/read-sources.js'),
    import('../../pipeline/analyze.js'),
  ])
  for await (const item of readSources([articlePath])) {
    if (isInputFailure(item)) throw new Error(item.error)
    return analyzeSource(item, { referenceDate: gold.published })
  }
  throw new Error(`${articlePath} holds no article`)
}
