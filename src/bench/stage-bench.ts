import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanDocument } from '../clean/clean-document.js'
import { extract } from '../extract/index.js'
import { parseText } from '../nlp/nlp-doc.js'
import { analyzeArticle, loadResources } from '../pipeline/analyze.js'
import { demoTexts, syntheticArticle } from './corpus.js'
import { ENGINE_FLAGS } from '../context/engine-flags.js'

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url))

/**
 * Wall time of `sitrep analyze` on one small article, fresh process each run: median and best of `runs`; and the
 * median CPU time (user + system) of those processes, steadier than wall time on a shared machine (Linux only).
 */
export function benchStartup(runs = 7): { medianMs: number; bestMs: number; cpuMedianMs: number | null } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-startup-'))
  try {
    const file = path.join(dir, 'article.txt')
    fs.writeFileSync(file, syntheticArticle(0, demoTexts()).content)
    const times: number[] = []
    const cpuTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const cpuBefore = childrenCpuMs()
      const run = spawnSync(process.execPath, [...ENGINE_FLAGS, CLI, 'analyze', file], { encoding: 'utf8' })
      if (run.status !== 0) throw new Error(`sitrep analyze failed: ${run.stderr}`)
      times.push(performance.now() - started)
      const cpuAfter = childrenCpuMs()
      if (cpuBefore !== null && cpuAfter !== null) cpuTimes.push(cpuAfter - cpuBefore)
    }
    return { medianMs: median(times), bestMs: Math.min(...times), cpuMedianMs: cpuTimes.length === runs ? median(cpuTimes) : null }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
}

/** CPU time of this process's finished children (cutime + cstime of /proc/self/stat), or null off Linux. */
function childrenCpuMs(): number | null {
  try {
    // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    const ticksPerSecond = 100
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond
  } catch {
    return null
  }
}

/**
 * Milliseconds per article by stage over `articles` synthetic articles (after a warm-up): clean and nlp timed
 * alone, recognition as the rest of analyzeArticle (which runs clean and nlp first), extraction alone.
 */
export function benchStages(articles = 300): Record<'clean' | 'nlp' | 'recognize' | 'extract', number> {
  loadResources()
  const templates = demoTexts()
  const sources = Array.from({ length: articles }, (_, i) => syntheticArticle(i, templates))
  for (const source of sources.slice(0, 20)) extract.run(analyzeArticle(source), loadResources())
  let clean = 0
  let nlp = 0
  let whole = 0
  let extraction = 0
  for (const source of sources) {
    let started = performance.now()
    const cleaned = cleanDocument(source)
    clean += performance.now() - started
    started = performance.now()
    parseText(cleaned.text)
    nlp += performance.now() - started
    started = performance.now()
    const analysis = analyzeArticle(source)
    whole += performance.now() - started
    started = performance.now()
    extract.run(analysis, loadResources())
    extraction += performance.now() - started
  }
  return {
    clean: clean / articles,
    nlp: nlp / articles,
    recognize: Math.max(0, whole - clean - nlp) / articles,
    extract: extraction / articles,
  }
}
