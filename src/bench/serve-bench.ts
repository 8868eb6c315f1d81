import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  CLAIM_RELATIONS,
  type AnalysisRecord,
  type ClaimRecord,
  type EntityRecord,
  type EventRecord,
  type PlaceRecord,
} from '../record/record.js'
import { encodeSignature, minhashSignature } from '../resolve/minhash.js'
import { openStore, type Store } from '../store/open-store.js'
import { writeBatch, type AnalyzedArticle } from '../store/write-batch.js'
import { buildServer } from '../serve/server.js'
import { generatedArticles, generatedStoreFile } from './bench-size.js'
import { seededRandom } from './corpus.js'

/**
 * The API's latency (`sitrep serve`) on a large generated store: analysis records written straight
 * to SQLite (no analysis: this measures the read side), then each main endpoint requested over
 * real HTTP with varied parameters, sequentially, reporting p50/p95/max per endpoint.
 */
export interface ServeBenchOptions {
  articles: number
  /** Requests per endpoint. */
  requests: number
  /** Keep the store here (reused when it already holds the articles). */
  dir?: string | null
  /** Measure this existing store (SQLite path or postgres:// URL) as it is instead of generating one. */
  db?: string | null
  log?: (line: string) => void
}

export interface EndpointLatency {
  endpoint: string
  requests: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** CPU time of the bench process (server and client) per request: what a loaded, shared machine does not inflate. */
  p50CpuMs: number
  p95CpuMs: number
}

export interface ServeBenchResult {
  articles: number
  buildSeconds: number
  storeMb: number
  endpoints: EndpointLatency[]
}

const WORDS = (
  'officials said the district police province border security attack convoy market checkpoint night morning residents fighters group ' +
  'government spokesman statement killed injured hospital road village camp operation forces militants week talks meeting capital region ' +
  'report local sources added tribal elders highway bridge school mosque vehicle blast firing clash curfew'
).split(' ')
const ACTOR_TYPES = ['armed_group', 'state', 'government', 'security_force', 'person'] as const
const RELATIONS = CLAIM_RELATIONS
const EVENT_TYPES = ['ASSAULT', 'ASSAULT', 'ASSAULT', 'COERCE', 'ACCUSE', 'REJECT', 'PROTEST', 'CONSULT'] as const
const ACTOR_COUNT = 400
const PLACE_COUNT = 600
const SYNTHETIC = { stage: 'bench', rule: 'synthetic' }

function actor(i: number): EntityRecord {
  return {
    id: `actor:bench-${i}`,
    name: `Bench Actor ${i}`,
    type: ACTOR_TYPES[i % ACTOR_TYPES.length]!,
    country: i % 2 ? 'PK' : 'AF',
    aliases: [`BA${i}`],
    mentions: [],
    via: SYNTHETIC,
  }
}

function place(i: number): PlaceRecord {
  const random = seededRandom(10_000 + i)
  return {
    id: `bench:place-${i}`,
    name: `Bench Place ${i}`,
    kind: 'city',
    country: i % 3 ? 'PK' : 'AF',
    admin1: null,
    lat: 25 + random() * 12,
    lon: 61 + random() * 14,
    mentions: [],
    via: SYNTHETIC,
  }
}

/** Article n: ~250 words, 4 actors and 2 places mentioned, 2 events and 3 claims. */
function benchArticle(n: number): AnalyzedArticle {
  const random = seededRandom(n + 7)
  const pick = (count: number): number => Math.floor(random() ** 2 * count)
  const actors = [pick(ACTOR_COUNT), pick(ACTOR_COUNT), pick(ACTOR_COUNT), pick(ACTOR_COUNT)].map(actor)
  const places = [pick(PLACE_COUNT), pick(PLACE_COUNT)].map(place)
  const words: string[] = [`Report ${n}:`]
  for (let i = 0; i < 250; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!)
  const mentions = new Map<string, { start: number; end: number }[]>()
  let text = words.join(' ')
  for (const named of [...actors, ...places]) {
    const start = text.length + 1
    text += ` ${named.name} ${WORDS[Math.floor(random() * WORDS.length)]}.`
    mentions.set(named.id, [...(mentions.get(named.id) ?? []), { start, end: start + named.name.length }])
  }
  const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000).toISOString().slice(0, 10)
  const evidence = { start: 0, end: Math.min(text.length, 160) }
  const events: EventRecord[] = [0, 1].map((k) => ({
    type: EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!,
    mode: null,
    actors: [actors[k]!.id],
    targets: [actors[k + 2]!.id],
    place: places[k]!.id,
    date: { start: day, end: day, text: null },
    fatalities: { low: null, best: Math.floor(random() * 20), high: null },
    reported_by: null,
    evidence,
    via: SYNTHETIC,
  }))
  const claims: ClaimRecord[] = [0, 1, 2].map((k) => {
    const relation = RELATIONS[Math.floor(random() * RELATIONS.length)]!
    return {
      claimant: actors[(k + 1) % 4]!.id,
      speaker: null,
      cue: 'said',
      stance: random() < 0.15 ? 'denies' : 'asserts',
      subject: actors[k]!.id,
      relation,
      object: relation === 'present_in' ? places[k % 2]!.id : actors[3]!.id,
      evidence,
      via: SYNTHETIC,
    }
  })
  const record: AnalysisRecord = {
    schema: 'sitrep.analysis/1',
    document: {
      id: `bench-${n}`,
      title: `Bench report ${n}`,
      source: `Outlet ${n % 40}`,
      url: `https://bench.invalid/${n}`,
      author: null,
      published: day,
      text,
      removed: [],
    },
    entities: [...new Map(actors.map((a) => [a.id, { ...a, mentions: mentions.get(a.id) ?? [] }])).values()],
    places: [...new Map(places.map((p) => [p.id, { ...p, mentions: mentions.get(p.id) ?? [] }])).values()],
    events,
    claims,
  }
  return { record, signature: encodeSignature(minhashSignature(text)), inputName: `bench-${n}` }
}

/** Generated analysis records written straight to the store until it holds `articles` (resumes a partial store). */
export async function fillStore(store: Store, articles: number, log: (line: string) => void): Promise<void> {
  const have = Number(
    (
      await store.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
  for (let start = have; start < articles; start += 500) {
    const batch: AnalyzedArticle[] = []
    for (let n = start; n < Math.min(articles, start + 500); n++) batch.push(benchArticle(n))
    await writeBatch(store, batch)
    if ((start / 500) % 20 === 0) log(`  … ${start + batch.length} articles stored`)
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

interface Samples {
  actors: string[]
  propositions: string[]
  events: string[]
  articles: string[]
  words: string[]
}

/** Ids to ask for, taken from the store itself, so any store can be measured. */
async function sampleIds(store: Store): Promise<Samples> {
  const ids = async (table: 'entities' | 'propositions' | 'events' | 'articles', order: 'id' | 'doc_no' = 'id'): Promise<string[]> => {
    const total = Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const rows = await store.db
      .selectFrom(table)
      .select('id')
      .orderBy(order)
      .offset(Math.floor(total / 3))
      .limit(100)
      .execute()
    return rows.map((row) => row.id)
  }
  const actors = await store.db
    .selectFrom('entity_mentions')
    .select((eb) => ['entity_id', eb.fn.countAll().as('n')])
    .groupBy('entity_id')
    .orderBy('n', 'desc')
    .limit(100)
    .execute()
  const names = await store.db
    .selectFrom('entities')
    .select('name')
    .where(
      'id',
      'in',
      actors
        .slice(0, 10)
        .map((row) => row.entity_id)
        .concat(''),
    )
    .execute()
  return {
    actors: actors.map((row) => row.entity_id),
    propositions: await ids('propositions'),
    events: await ids('events'),
    articles: await ids('articles', 'doc_no'),
    words: ['convoy blast', 'checkpoint', 'tribal elders', ...names.map((row) => row.name)],
  }
}

const at = <T>(list: T[], i: number): T => list[i % list.length]!

/** Endpoint name → the i-th request path: varied so caches and ETags do not flatter the figures. */
function endpoints(s: Samples): [string, (i: number) => string][] {
  return [
    ['stats', () => '/api/stats'],
    ['overview', () => '/api/overview'],
    [
      'propositions (status page)',
      (i) => `/api/propositions?status=${['contested', 'corroborated', 'single-source'][i % 3]}&offset=${(i * 25) % 500}&limit=25`,
    ],
    ['propositions (actor filter)', (i) => `/api/propositions?actor=${encodeURIComponent(at(s.actors, i))}&limit=25`],
    ['proposition detail', (i) => `/api/propositions/${encodeURIComponent(at(s.propositions, i))}`],
    ['events (date range)', (i) => `/api/events?since=202${1 + (i % 4)}-01-01&until=202${1 + (i % 4)}-06-30&limit=50`],
    ['events (map, 5000)', (i) => `/api/events?limit=5000&type=${['ASSAULT', 'COERCE', 'ACCUSE'][i % 3]}`],
    ['event detail', (i) => `/api/events/${encodeURIComponent(at(s.events, i))}`],
    ['timeline', () => '/api/timeline'],
    ['places', () => '/api/places'],
    ['network', (i) => `/api/network?minSources=${1 + (i % 3)}`],
    [
      'network (ego, filtered)',
      (i) =>
        `/api/network?actor=${encodeURIComponent(at(s.actors, i))}${i % 2 ? '&status=single-source' : ''}&since=202${1 + (i % 4)}-01-01`,
    ],
    ['dyad', (i) => `/api/dyad?a=${encodeURIComponent(at(s.actors, i))}&b=${encodeURIComponent(at(s.actors, i + 1 + (i % 7)))}`],
    ['changes since', (i) => `/api/changes?since=2020-01-01${i % 2 ? `&actor=${encodeURIComponent(at(s.actors, i))}` : ''}`],
    ['entity profile', (i) => `/api/entities/${encodeURIComponent(at(s.actors, i))}`],
    ['article', (i) => `/api/articles/${encodeURIComponent(at(s.articles, i))}`],
    ['search', (i) => `/api/search?q=${encodeURIComponent(at(s.words, i))}`],
  ]
}

export async function benchServe(options: ServeBenchOptions): Promise<ServeBenchResult> {
  const log = options.log ?? (() => undefined)
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-serve-bench-'))
  fs.mkdirSync(dir, { recursive: true })
  const file = options.db ?? generatedStoreFile(dir, options.articles)
  const store = await openStore(file)
  try {
    const started = performance.now()
    if (!options.db) await fillStore(store, options.articles, log)
    const buildSeconds = (performance.now() - started) / 1000
    const articles = Number(
      (
        await store.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const samples = await sampleIds(store)
    const app = await buildServer({ store, token: 'bench-token', readOnly: true, webRoot: null })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const latencies: EndpointLatency[] = []
    try {
      for (const [endpoint, url] of endpoints(samples)) {
        const times: number[] = []
        const cpuTimes: number[] = []
        for (let i = 0; i < options.requests; i++) {
          const target = url(i)
          const t0 = performance.now()
          const cpu0 = process.cpuUsage()
          const response = await fetch(`${base}${target}`)
          await response.arrayBuffer()
          const cpu = process.cpuUsage(cpu0)
          times.push(performance.now() - t0)
          cpuTimes.push((cpu.user + cpu.system) / 1000)
          if (response.status !== 200 && response.status !== 404) throw new Error(`${target}: HTTP ${response.status}`)
        }
        times.sort((a, b) => a - b)
        cpuTimes.sort((a, b) => a - b)
        latencies.push({
          endpoint,
          requests: times.length,
          p50Ms: percentile(times, 50),
          p95Ms: percentile(times, 95),
          maxMs: times[times.length - 1]!,
          p50CpuMs: percentile(cpuTimes, 50),
          p95CpuMs: percentile(cpuTimes, 95),
        })
      }
    } finally {
      await app.close()
    }
    return {
      articles,
      buildSeconds,
      storeMb: options.db && /^postgres/i.test(options.db) ? 0 : fs.statSync(file).size / 1e6,
      endpoints: latencies,
    }
  } finally {
    await store.close()
    if (!options.dir && !options.db) fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Prints the figures. Flags: --serve-articles N (default SITREP_BENCH_ARTICLES, else 100000; generating them
 * takes about 20 minutes on 2 cores), --serve-requests N (default 20), --keep DIR (keep and reuse the generated
 * store; the export bench's at the same size),
 * --serve-db URL (measure an existing store instead, e.g. the ingest bench's).
 */
export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name)
    return at >= 0 ? args[at + 1] : undefined
  }
  const articles = generatedArticles(args, '--serve-articles', 100_000)
  const requests = Number(value('--serve-requests') ?? 20)
  console.log(
    `\nserve API latency (${value('--serve-db') ?? `${articles} generated articles in SQLite`}, ${requests} sequential requests per endpoint over HTTP)`,
  )
  const result = await benchServe({
    articles,
    requests,
    dir: value('--keep') ?? null,
    db: value('--serve-db') ?? null,
    log: (line) => console.log(line),
  })
  console.log(
    `  store           ${result.articles} articles, ${result.storeMb.toFixed(0)} MB${result.buildSeconds >= 1 ? `, generated in ${result.buildSeconds.toFixed(0)} s` : ''}`,
  )
  console.log('  (stats, overview, timeline, places and network are cached until the store changes: their max is the cold figure;')
  console.log("   CPU is the bench process's own time per request, server and client, unlike wall time not inflated by a busy machine)")
  for (const e of result.endpoints) {
    console.log(
      `  ${e.endpoint.padEnd(28)} p50 ${e.p50Ms.toFixed(1).padStart(7)} ms   p95 ${e.p95Ms.toFixed(1).padStart(7)} ms   max ${e.maxMs.toFixed(1).padStart(7)} ms   CPU p50 ${e.p50CpuMs.toFixed(1).padStart(6)} ms  p95 ${e.p95CpuMs.toFixed(1).padStart(6)} ms`,
    )
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
