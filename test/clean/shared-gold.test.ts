// Cleaning quality on the shared gold sets (SPEC section 3): keep-rate 1.00 and remove-rate ≥ 0.95.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cleanDocument } from '../../src/clean/clean-document.js'
import { textKey } from '../../src/text/normalize.js'

const shared = fileURLToPath(new URL('../../../shared', import.meta.url))
const sets = [
  { gold: join(shared, 'gold'), docs: join(shared, 'seeds') },
  { gold: join(shared, 'dev/gold'), docs: join(shared, 'dev/docs') },
].filter((set) => existsSync(set.gold) && existsSync(set.docs))

interface Gold {
  doc: string
  keep: string[]
  remove: string[]
}

function score() {
  const missingKeeps: string[] = []
  const leftRemoves: string[] = []
  let keeps = 0
  let removes = 0
  for (const set of sets) {
    for (const file of readdirSync(set.gold).filter((name) => name.endsWith('.gold.json'))) {
      const gold = JSON.parse(readFileSync(join(set.gold, file), 'utf8')) as Gold
      const content = readFileSync(join(set.docs, gold.doc), 'utf8')
      const text = textKey(cleanDocument({ name: gold.doc, format: 'text', content, meta: {} }).text)
      keeps += gold.keep.length
      removes += gold.remove.length
      for (const fragment of gold.keep) if (!text.includes(textKey(fragment))) missingKeeps.push(`${gold.doc}: ${fragment}`)
      for (const fragment of gold.remove) if (text.includes(textKey(fragment))) leftRemoves.push(`${gold.doc}: ${fragment}`)
    }
  }
  return { keepRate: 1 - missingKeeps.length / keeps, removeRate: 1 - leftRemoves.length / removes, missingKeeps, leftRemoves }
}

describe.skipIf(sets.length === 0)('cleaning on ../shared gold (skipped when ../shared/gold is absent)', () => {
  const result = score()

  it('keeps every gold keep fragment (keep-rate 1.00)', () => {
    console.log(`cleaning on shared gold: keep-rate ${result.keepRate.toFixed(3)}, remove-rate ${result.removeRate.toFixed(3)}`)
    expect(result.missingKeeps).toEqual([])
    expect(result.keepRate).toBe(1)
  })

  it('removes at least 95% of the gold remove fragments', () => {
    expect(result.removeRate, result.leftRemoves.join('\n')).toBeGreaterThanOrEqual(0.95)
  })
})
