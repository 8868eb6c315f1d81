/**
 * `npm run bench:extraction [-- DIR] [--worst N] [--json]`: sitrep's article extraction against Readability.js on
 * the public article-extraction benchmark (181 pages with human-made bodies; default ../shared/data/
 * article-extraction-benchmark), scored with the benchmark's own metric (src/eval/shingle-score.ts), every
 * system over the same pages in the same run. Readability.js runs on jsdom (its documented setup) and on
 * linkedom; jsdom and linkedom are development dependencies, so this benchmark needs a full `npm ci`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { cleanDocument } from '../clean/clean-document.js'
import { SiteBoilerplate } from '../clean/html/site-boilerplate.js'
import { scoreCorpus, scorePage, type CorpusScore, type PageScore } from '../eval/shingle-score.js'
import { machineDescription } from './analyze-bench.js'

interface Page {
  id: string
  url: string
  html: string
  expected: string
}

interface SystemResult extends CorpusScore {
  name: string
  msPerPage: number
  pagesPerSecond: number
  worst: Array<{ id: string; url: string; precision: number; recall: number }>
}

type Extractor = (page: Page) => string

const DEFAULT_DIR = new URL('../../../shared/data/article-extraction-benchmark', import.meta.url).pathname

function loadPages(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>
  return readdirSync(join(dir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .flatMap((file) => {
      const id = file.replace(/\.html\.gz$/, '')
      const expected = truth[id]
      if (!expected) return []
      return [
        { id, url: expected.url, html: gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8'), expected: expected.articleBody },
      ]
    })
}

function run(name: string, pages: Page[], extract: Extractor): SystemResult {
  const texts: string[] = []
  const started = performance.now()
  for (const page of pages) texts.push(extract(page))
  const seconds = (performance.now() - started) / 1000
  const scores: PageScore[] = pages.map((page, i) => scorePage(texts[i]!, page.expected))
  const worst = pages
    .map((page, i) => ({ id: page.id, url: page.url, precision: scores[i]!.precision, recall: scores[i]!.recall }))
    .sort((a, b) => Math.min(a.precision, a.recall) - Math.min(b.precision, b.recall))
  return { name, ...scoreCorpus(scores), msPerPage: (seconds * 1000) / pages.length, pagesPerSecond: pages.length / seconds, worst }
}

/** sitrep's clean stage exactly as `sitrep analyze` runs it on an HTML file: document.text is what is scored. */
function sitrep(siteMemory?: SiteBoilerplate): Extractor {
  return (page) => cleanDocument({ name: page.id, format: 'html', content: page.html, meta: { url: page.url } }, { siteMemory }).text
}

/** Pages a Readability setup threw on (they count as extracted empty), reported under the table. */
const failures: string[] = []

async function readabilityOnJsdom(): Promise<Extractor> {
  const { JSDOM, VirtualConsole } = await import('jsdom')
  const { Readability } = await import('@mozilla/readability')
  const quiet = new VirtualConsole()
  return (page) => {
    let dom: InstanceType<typeof JSDOM> | null = null
    try {
      dom = new JSDOM(page.html, { url: page.url, virtualConsole: quiet })
      return new Readability(dom.window.document).parse()?.textContent ?? ''
    } catch (error) {
      failures.push(`${page.id.slice(0, 12)}: ${error instanceof Error ? error.message : String(error)}`)
      return ''
    } finally {
      dom?.window.close()
    }
  }
}

async function readabilityOnLinkedom(): Promise<Extractor> {
  const { parseHTML } = await import('linkedom')
  const { Readability } = await import('@mozilla/readability')
  return (page) => {
    const { document } = parseHTML(page.html)
    try {
      return new Readability(document as never).parse()?.textContent ?? ''
    } catch (error) {
      failures.push(`${page.id.slice(0, 12)} (linkedom): ${error instanceof Error ? error.message : String(error)}`)
      return ''
    }
  }
}

function row(result: SystemResult): string {
  const figures = [result.f1, result.precision, result.recall, result.accuracy].map((value) => value.toFixed(3).padStart(6))
  return `  ${result.name.padEnd(34)}${figures.join('')}${result.pagesPerSecond.toFixed(1).padStart(10)}${result.msPerPage.toFixed(1).padStart(10)}`
}

export async function main(args: string[]): Promise<void> {
  const dirArg = args.find((arg, i) => !arg.startsWith('--') && !['--worst'].includes(args[i - 1] ?? ''))
  const dir = resolve(dirArg ?? DEFAULT_DIR)
  if (!existsSync(join(dir, 'ground-truth.json'))) throw new Error(`no benchmark at ${dir} (expected ground-truth.json and html/)`)
  const worstAt = args.indexOf('--worst')
  const worstCount = worstAt >= 0 ? Number(args[worstAt + 1]) : 0
  const pages = loadPages(dir)
  const results: SystemResult[] = []
  // every page is first learned into a memory of each site's template (a pass that also warms up the JIT, so
  // module loading does not count against the first system timed); the second sitrep row extracts with that
  // memory, a page never counting as its own template (pages of one site arrive together when a site is ingested)
  const memory = new SiteBoilerplate()
  for (const page of pages) sitrep(memory)(page)
  results.push(run('sitrep (one page at a time)', pages, sitrep()))
  results.push(run('sitrep (with site templates)', pages, sitrep(memory)))
  const jsdom = await readabilityOnJsdom()
  for (const page of pages.slice(0, 5)) jsdom(page)
  results.push(run('Readability.js 0.6 on jsdom', pages, jsdom))
  results.push(run('Readability.js 0.6 on linkedom', pages, await readabilityOnLinkedom()))
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        {
          machine: machineDescription(),
          pages: pages.length,
          results: results.map(({ worst, ...rest }) => ({ ...rest, worst: worst.slice(0, worstCount) })),
        },
        null,
        2,
      ),
    )
    return
  }
  console.log(`sitrep extraction bench — ${machineDescription()}`)
  console.log(`${pages.length} pages from ${dir}\n`)
  console.log(
    `  ${'system'.padEnd(34)}${'F1'.padStart(6)}${'P'.padStart(6)}${'R'.padStart(6)}${'acc'.padStart(6)}${'pages/s'.padStart(10)}${'ms/page'.padStart(10)}`,
  )
  for (const result of results) console.log(row(result))
  if (failures.length) console.log(`\n  Readability.js threw on ${failures.length} page(s), scored as empty: ${failures.join('; ')}`)
  const reference = results.find((result) => result.name.includes('jsdom'))!
  console.log(
    `\n  sitrep is ${(reference.msPerPage / results[0]!.msPerPage).toFixed(1)}× faster per page than Readability.js on jsdom (parsing included for both)`,
  )
  console.log(`  peak RSS of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the pages are held in memory)`)
  if (worstCount > 0) {
    console.log(`\n  sitrep's ${worstCount} weakest pages (precision, recall):`)
    for (const page of results[0]!.worst.slice(0, worstCount))
      console.log(`    ${page.id.slice(0, 12)}  ${page.precision.toFixed(2)} ${page.recall.toFixed(2)}  ${page.url}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`sitrep bench:extraction: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
