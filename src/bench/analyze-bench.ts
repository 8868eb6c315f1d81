import { cpus, totalmem } from 'node:os'
import { analyzeArticle, analyzeSource, loadResources } from '../pipeline/analyze.js'
import { demoTexts, syntheticArticle } from './corpus.js'

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
