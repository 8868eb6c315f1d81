import { cpus, totalmem } from 'node:os'
import { analyzeArticle, analyzeSource, loadResources } from '../pipeline/analyze.js'
import { demoTexts, syntheticArticle, variedArticle } from './corpus.js'

export interface AnalyzeBenchResult {
  articles: number
  megabytes: number
  seconds: number
  articlesPerSecond: number
  megabytesPerSecond: number
  loadSeconds: number
  peakRssMb: number
  events: number
  claims: number
}

/**
 * Analyzes a synthetic corpus of at least `targetMb` megabytes on one core (this thread) and times it; with
 * `extract: false`, only cleaning, nlp and recognition run (the baseline extraction is compared with).
 */
export function benchAnalyze(targetMb: number, log: (line: string) => void = () => {}, extract = true): AnalyzeBenchResult {
  const loadStart = performance.now()
  loadResources()
  const loadSeconds = (performance.now() - loadStart) / 1000
  const templates = demoTexts()
  let bytes = 0
  let articles = 0
  let events = 0
  let claims = 0
  let peakRss = process.memoryUsage().rss
  const target = targetMb * 1e6
  const start = performance.now()
  while (bytes < target) {
    const source = syntheticArticle(articles, templates)
    bytes += Buffer.byteLength(source.content)
    if (extract) {
      const record = analyzeSource(source)
      events += record.events.length
      claims += record.claims.length
    } else analyzeArticle(source)
    articles++
    if (articles % 500 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      log(`  analyzed ${articles} articles, ${(bytes / 1e6).toFixed(1)} MB`)
    }
  }
  const seconds = (performance.now() - start) / 1000
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  return {
    articles,
    megabytes: bytes / 1e6,
    seconds,
    articlesPerSecond: articles / seconds,
    megabytesPerSecond: bytes / 1e6 / seconds,
    loadSeconds,
    peakRssMb: peakRss / 2 ** 20,
    events,
    claims,
  }
}

export function machineDescription(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`
}

export interface LinearityPoint {
  /** How many typical articles the one long article is made of. */
  factor: number
  kilobytes: number
  /** CPU time of this process (user + system), steadier than wall time on a shared machine. */
  milliseconds: number
  /** Cost per typical article: 1.00 means exactly linear against the 1× article. */
  costRatio: number
}

/**
 * One article made of `factor` different synthetic articles joined as paragraphs, analyzed whole: an article 64×
 * longer than a typical one should cost 64× (a per-sentence scan over the whole article shows as a ratio that grows).
 */
export function benchLinearity(factors: readonly number[] = [1, 4, 16, 64], repeats = 3): LinearityPoint[] {
  loadResources()
  // joined demo articles would repeat their sentences, and the cleaner drops repeats: the text must really grow
  const longArticle = (factor: number) => variedArticle(factor)
  // warm up the JIT and the lexicons on the 4× article, so the 1× baseline is not paying for them
  analyzeSource(longArticle(4))
  analyzeSource(longArticle(1))
  const points: LinearityPoint[] = []
  let base = 0
  for (const factor of factors) {
    const source = longArticle(factor)
    let best = Infinity
    for (let r = 0; r < repeats; r++) {
      const start = process.cpuUsage()
      analyzeSource(source)
      const used = process.cpuUsage(start)
      best = Math.min(best, (used.user + used.system) / 1000)
    }
    if (points.length === 0) base = best / factor
    points.push({ factor, kilobytes: Buffer.byteLength(source.content) / 1024, milliseconds: best, costRatio: best / factor / base })
  }
  return points
}
