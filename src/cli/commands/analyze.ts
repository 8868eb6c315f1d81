import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Command } from 'commander'
import type { AnalysisRecord } from '../../record/record.js'
import { applyKbOption, type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({
  json: { description: 'print the SPEC analysis record (one JSON document per input, or a JSON array for several)' },
  date: {},
  maxBytes: {},
  kb: {},
})

type AnalyzeFlags = OptionValues<typeof shared> & {
  jsonl?: boolean
  out?: string
  explain?: boolean
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyze articles (text, HTML, Markdown, JSON Lines, feeds; - for stdin) and print their analysis records')
    .argument('<files...>', 'files or folders to read; - reads standard input')
    .addOption(shared.json)
    .option('--jsonl', 'print one SPEC analysis record per line (JSON Lines) as each input is analysed')
    .option('--out <dir>', 'write one NAME.json per input into DIR')
    .option('--explain', 'print every entity, place, event and claim with its evidence and the stage and rule that produced it')
    .addOption(shared.date)
    .addOption(shared.maxBytes)
    .addOption(shared.kb)
    .action(async (files: string[], flags: AnalyzeFlags) => {
      await applyKbOption(flags.kb)
      process.exitCode = await runAnalyze(files, flags)
    })
}

async function runAnalyze(files: string[], flags: AnalyzeFlags): Promise<number> {
  // Loaded here, not at the top: every command pays for the modules the CLI imports before it parses its arguments.
  const [{ isInputFailure, readSources }, { analyzeSource }, { formatSummary }, { formatExplain }, { SiteBoilerplate }] = await Promise.all(
    [
      import('../../ingest/read-sources.js'),
      import('../../pipeline/analyze.js'),
      import('../format-summary.js'),
      import('../format-explain.js'),
      import('../../clean/html/site-boilerplate.js'),
    ],
  )
  let failed = 0
  const output = flags.jsonl ? new JsonLinesOutput() : new JsonOutput()
  if (flags.out) mkdirSync(flags.out, { recursive: true })
  const usedNames = new Set<string>()
  const siteMemory = new SiteBoilerplate()
  for await (const item of readSources(files, flags.maxBytes ? { maxBytes: flags.maxBytes } : {})) {
    if (isInputFailure(item)) {
      failed++
      process.stderr.write(`sitrep analyze: ${item.error}\n`)
      continue
    }
    let record: AnalysisRecord
    try {
      record = analyzeSource(item, { referenceDate: flags.date ?? null, kbDir: flags.kb ?? null }, siteMemory)
    } catch (error) {
      failed++
      process.stderr.write(`sitrep analyze: ${item.name}: analysis failed: ${error instanceof Error ? error.message : String(error)}\n`)
      continue
    }
    if (flags.out) {
      const path = join(flags.out, `${uniqueName(outputName(item.name), usedNames)}.json`)
      writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`)
      if (!flags.json) process.stdout.write(`${item.name} → ${path}\n`)
    } else if (flags.json || flags.jsonl) await output.add(record)
    else await write(`${(flags.explain ? formatExplain : formatSummary)(item.name, record)}\n`)
  }
  if ((flags.json || flags.jsonl) && !flags.out) await output.end()
  return failed > 0 ? 1 : 0
}

/** Writes to stdout, waiting when its buffer is full, so output of any length takes constant memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
}

/** `--jsonl`: each record on its own line as soon as it is analysed. */
class JsonLinesOutput {
  async add(record: AnalysisRecord): Promise<void> {
    await write(`${JSON.stringify(record)}\n`)
  }

  async end(): Promise<void> {}
}

/**
 * `--json`: one record alone for one input, an array for several, streamed: only the first record waits (until a
 * second shows it is an array); every later one is written as it finishes.
 */
class JsonOutput {
  private first: AnalysisRecord | null = null
  private count = 0

  async add(record: AnalysisRecord): Promise<void> {
    this.count++
    if (this.count === 1) {
      this.first = record
      return
    }
    if (this.count === 2) {
      await write(`[\n${indent(this.first!)}`)
      this.first = null
    }
    await write(`,\n${indent(record)}`)
  }

  async end(): Promise<void> {
    if (this.count === 0) await write('[]\n')
    else if (this.count === 1) await write(`${JSON.stringify(this.first, null, 2)}\n`)
    else await write('\n]\n')
  }
}

/** A record as an element of the pretty-printed array: the same text `JSON.stringify(records, null, 2)` gives. */
function indent(record: AnalysisRecord): string {
  return JSON.stringify(record, null, 2).replace(/^/gm, '  ')
}

function outputName(name: string): string {
  return (
    basename(name)
      .replace(/\.(txt|html?|md|markdown|jsonl|xml|rss|atom|gz)$/gi, '')
      .replace(/[^\w.-]+/g, '_') || 'article'
  )
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name
  for (let n = 2; used.has(candidate); n++) candidate = `${name}-${n}`
  used.add(candidate)
  return candidate
}
