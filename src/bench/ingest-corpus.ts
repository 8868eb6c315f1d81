import fs from 'node:fs'
import path from 'node:path'
import { demoTexts, seededRandom, syntheticArticle } from './corpus.js'

/**
 * The ingest benchmark's corpus: JSON Lines files of synthetic articles built from examples/demo.
 * Each article is a demo article with names, places, numbers and dates varied (corpus.ts), about a
 * third of its sentences dropped and sentences of other demo articles mixed in, so that two articles
 * are different stories to a near-duplicate detector; one in five is a syndicated copy of an earlier
 * article (headline changed, one sentence dropped, a credit line added).
 */
export function writeIngestCorpus(folder: string, articles: number, perFile = 1000): { files: string[]; bytes: number } {
  fs.mkdirSync(folder, { recursive: true })
  const templates = demoTexts()
  const random = seededRandom(20_250_101)
  const files: string[] = []
  let bytes = 0
  for (let start = 0; start < articles; start += perFile) {
    const lines: string[] = []
    for (let n = start; n < Math.min(articles, start + perFile); n++) {
      const copyOf = n % 5 === 4 ? n - 1 - Math.floor(random() * Math.min(n, 500)) : -1
      lines.push(JSON.stringify(copyOf >= 0 ? syndicatedCopy(n, copyOf, templates) : mixedArticle(n, templates)))
    }
    const file = path.join(folder, `corpus-${String(files.length).padStart(5, '0')}.jsonl`)
    const content = `${lines.join('\n')}\n`
    fs.writeFileSync(file, content)
    bytes += Buffer.byteLength(content)
    files.push(file)
  }
  return { files, bytes }
}

interface CorpusLine {
  text: string
  url: string
  published: string | null
  source: string
}

const OUTLETS = ['Frontier Post Wire', 'Balochistan Monitor', 'Kabul Ledger', 'Indus Daily', 'Khyber Times']

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== '')
}

export function mixedArticle(n: number, templates: readonly string[]): CorpusLine {
  const random = seededRandom(n * 2 + 7)
  const base = syntheticArticle(n, templates)
  const [headline, ...body] = sentencesOf(base.content)
  const kept = body.filter(() => random() > 0.35)
  for (let k = 0; k < 3; k++) {
    const donor = sentencesOf(syntheticArticle(n * 31 + k + 1, templates).content).slice(1)
    const sentence = donor[Math.floor(random() * donor.length)]
    if (sentence) kept.splice(Math.floor(random() * (kept.length + 1)), 0, sentence)
  }
  // one sentence per paragraph: a page-furniture line mixed in stays a line of its own, as on a real page,
  // instead of turning the paragraph it lands in into boilerplate
  return {
    text: [headline, ...kept].join('\n\n'),
    url: base.meta.url ?? `https://demo.sitrep.invalid/${n}`,
    published: base.meta.published ?? null,
    source: OUTLETS[n % OUTLETS.length]!,
  }
}

function syndicatedCopy(n: number, of: number, templates: readonly string[]): CorpusLine {
  const original = mixedArticle(of, templates)
  const sentences = sentencesOf(original.text)
  if (sentences.length > 4) sentences.splice(2 + (n % (sentences.length - 3)), 1)
  return {
    text: `UPDATE: ${sentences.join('\n\n')}\n\n(With input from agencies.)`,
    url: `https://mirror.sitrep.invalid/${n}`,
    published: original.published,
    source: OUTLETS[(of + 1 + (n % 4)) % OUTLETS.length]!,
  }
}
