import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { SourceDocument } from '../ingest/source-document.js'

/** examples/demo of the package, from src/bench (tsx) or dist/bench (built). */
export const DEMO_DIR = fileURLToPath(new URL('../../examples/demo/', import.meta.url))

const PLACES = [
  'Bannu',
  'Lakki Marwat',
  'Dera Ismail Khan',
  'Tank',
  'North Waziristan',
  'Khyber',
  'Kurram',
  'Bajaur',
  'Quetta',
  'Kalat',
  'Mastung',
  'Turbat',
  'Panjgur',
  'Gwadar',
  'Nushki',
  'Khuzdar',
  'Kandahar',
  'Nangarhar',
  'Kunar',
  'Khost',
  'Paktika',
]
const GROUPS = [
  'Tehreek-e-Taliban Pakistan (TTP)',
  'Baloch Liberation Army (BLA)',
  'Balochistan Liberation Front (BLF)',
  'Hafiz Gul Bahadur group',
  'Islamic State Khorasan Province (ISKP)',
  'Lashkar-e-Islam',
]
const NUMBERS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  '11',
  '12',
  '14',
  '17',
  '23',
  'a dozen',
  'at least 15',
  'nearly 30',
]
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** A deterministic pseudo-random generator, so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The demo articles as plain texts (the .txt files; JSONL lines are used by the ingest bench through readSources). */
export function demoTexts(): string[] {
  return readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(`${DEMO_DIR}${name}`, 'utf8'))
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!

/**
 * Article `n` of a synthetic corpus: a demo article with its places, groups, numbers and weekdays swapped, and a
 * paragraph of its own, so every article differs. `nearDuplicateOf` ≥ 0 gives a near-copy of that article instead
 * (a syndicated version with a changed headline and one sentence dropped).
 */
export function syntheticArticle(n: number, templates: readonly string[], nearDuplicateOf = -1): SourceDocument {
  if (nearDuplicateOf >= 0) {
    const original = syntheticArticle(nearDuplicateOf, templates)
    const lines = original.content.split('\n')
    const dropAt = lines.findIndex((line, i) => i > 4 && line.length > 80)
    if (dropAt > 0) lines.splice(dropAt, 1)
    lines[0] = `UPDATE: ${lines[0]}`
    return {
      name: `synthetic-${n}.txt`,
      format: 'text',
      content: lines.join('\n'),
      meta: { ...original.meta, url: `https://mirror.sitrep.invalid/${n}` },
    }
  }
  const random = seededRandom(n + 1)
  let text = templates[n % templates.length]!
  const swap = (list: readonly string[]) => {
    for (const item of list) if (text.includes(item)) text = text.split(item).join(pick(random, list))
  }
  swap(PLACES)
  swap(GROUPS)
  swap(WEEKDAYS)
  text = text.replace(/\b(two|three|four|five|six|at least six|13)\b/g, () => pick(random, NUMBERS))
  text += `\n\nLocal residents in ${pick(random, PLACES)} said ${pick(random, NUMBERS)} families had left the area after the incident, report number ${n}.`
  const day = 1 + Math.floor(random() * 28)
  const month = 1 + Math.floor(random() * 12)
  const published = `20${22 + Math.floor(random() * 4)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { name: `synthetic-${n}.txt`, format: 'text', content: text, meta: { published, url: `https://demo.sitrep.invalid/${n}` } }
}

const FACILITIES = [
  'checkpoint',
  'police station',
  'market',
  'convoy',
  'school',
  'border post',
  'power station',
  'bus terminal',
  'levies post',
  'mosque',
  'bank branch',
  'customs office',
]
const VICTIMS = [
  'soldiers',
  'policemen',
  'civilians',
  'labourers',
  'levies personnel',
  'passengers',
  'shopkeepers',
  'students',
  'guards',
  'villagers',
]
const ROLES = [
  'a district police officer',
  'a provincial spokesman',
  'a hospital official',
  'a local elder',
  'an army statement',
  'a senior security official',
  'the deputy commissioner',
  'a rescue worker',
]
const ATTACKS = ['attacked', 'ambushed', 'stormed', 'fired on', 'raided', 'bombed']
const AFTERMATH = [
  'Schools in the area stayed closed',
  'Traders shut their shops',
  'Mobile service was suspended',
  'Roads to the district were blocked',
  'Funeral prayers were held',
  'A curfew was imposed',
  'Relatives gathered outside the hospital',
  'The highway reopened after several hours',
]

/**
 * A long article of `units` × ~4 KB (a typical article) in which no sentence repeats, so the cleaner keeps it
 * all: the linearity benchmark needs the analysed text to grow with the input. Sentences are drawn from a few
 * shapes with every slot varied and a serial reference in each.
 */
export function variedArticle(units: number, seed = 1): SourceDocument {
  const random = seededRandom(seed)
  const paragraphs: string[] = []
  let serial = 0
  let length = 0
  const p = <T>(list: readonly T[]) => pick(random, list)
  while (length < units * 4000) {
    serial++
    const place = p(PLACES)
    const sentences = [
      `Gunmen from the ${p(GROUPS)} ${p(ATTACKS)} a ${p(FACILITIES)} in ${place} on ${p(WEEKDAYS)}, killing ${p(NUMBERS)} ${p(VICTIMS)}, ${p(ROLES)} said.`,
      `The ${p(GROUPS)} claimed responsibility in a message to reporters, case ${serial}.`,
      `${p(AFTERMATH)} in ${p(PLACES)} while ${p(NUMBERS)} wounded ${p(VICTIMS)} were taken to hospital in ${place}.`,
      `Officials in ${p(PLACES)} accused the ${p(GROUPS)} of sheltering fighters near ${p(PLACES)}, a charge the group denied in statement ${serial}.`,
    ]
    paragraphs.push(sentences.slice(0, 2 + Math.floor(random() * 3)).join(' '))
    length += paragraphs[paragraphs.length - 1]!.length + 2
  }
  return { name: `varied-${units}x.txt`, format: 'text', content: paragraphs.join('\n\n'), meta: { published: '2024-05-01' } }
}
