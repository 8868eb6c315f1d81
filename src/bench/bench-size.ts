import path from 'node:path'

/**
 * The size of the store the export and serve benches generate: their own flag (`--export-articles N`,
 * `--serve-articles N`), else `SITREP_BENCH_ARTICLES` (one size for both, e.g. 100000 to reproduce the
 * 100k figures), else the bench's default.
 */
export function generatedArticles(args: readonly string[], flag: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const at = args.indexOf(flag)
  const given = at >= 0 ? args[at + 1] : env.SITREP_BENCH_ARTICLES
  const articles = given === undefined || given === '' ? fallback : Number(given)
  const from = at >= 0 ? flag : 'SITREP_BENCH_ARTICLES'
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`${from} expects a positive whole number, got ${given}`)
  return articles
}

/** The generated store of `articles` in a kept folder: one name for both benches, so they share it. */
export function generatedStoreFile(dir: string, articles: number): string {
  return path.join(dir, `bench-store-${articles}.db`)
}
