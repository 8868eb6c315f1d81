// Prints keep-rate and remove-rate (SPEC section 3) of the text cleaner on the shared gold sets.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { cleanText } from '../src/clean/clean-text.js'
import { textKey } from '../src/text/normalize.js'

const shared = process.argv[2] ?? '../shared'
const sets = [
  { gold: join(shared, 'gold'), docs: join(shared, 'seeds') },
  { gold: join(shared, 'dev/gold'), docs: join(shared, 'dev/docs') },
]
let keep = 0,
  keepFound = 0,
  remove = 0,
  removeGone = 0
for (const set of sets) {
  if (!existsSync(set.gold)) continue
  for (const file of readdirSync(set.gold)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()) {
    const gold = JSON.parse(readFileSync(join(set.gold, file), 'utf8'))
    const raw = readFileSync(join(set.docs, gold.doc), 'utf8')
    const result = cleanText(raw)
    const text = textKey(result.text)
    for (const k of gold.keep) {
      keep++
      if (text.includes(textKey(k))) keepFound++
      else console.log(`MISSING KEEP ${file}: ${k}`)
    }
    for (const r of gold.remove) {
      remove++
      if (!text.includes(textKey(r))) removeGone++
      else console.log(`LEFT REMOVE ${file}: ${r}`)
    }
    if (process.env.SHOW)
      console.log(
        `== ${file} title=${result.title} author=${result.author} published=${result.published}\n${result.text}\n-- removed:\n${result.removed.map((r) => `[${r.reason}] ${r.text}`).join('\n')}\n`,
      )
  }
}
console.log(
  `keep-rate ${(keepFound / keep).toFixed(3)} (${keepFound}/${keep})  remove-rate ${(removeGone / remove).toFixed(3)} (${removeGone}/${remove})`,
)
