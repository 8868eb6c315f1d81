import { lexicon } from '../lexicon/load.js'

let known: Set<string> | null = null
let weak: Set<string> | null = null

/** Every cue of data/lexicon/attribution.json, and the loose ones of data/lexicon/weak-cues.json. */
function vocabularies(): { known: Set<string>; weak: Set<string> } {
  if (!known || !weak) {
    const words = lexicon('attribution')
    known = new Set(
      [...words.asserts, ...words.denies, ...words.accuse, ...words.according, ...words.noResponse, ...words.claimNouns].map((word) =>
        word.toLowerCase(),
      ),
    )
    weak = new Set(lexicon('weak-cues').cues.map((word) => word.toLowerCase()))
  }
  return { known, weak }
}

/**
 * Why an analyst may doubt who said it or which way: no cue at all (the stance is the article's own
 * wording), a cue that describes or implies rather than reports ("identified", "highlighted"), or one
 * outside the reporting vocabulary. null: a firm cue.
 */
export function weakCueReason(cue: string): string | null {
  const word = cue.trim().toLowerCase()
  if (word === '') return 'no attribution cue: the stance is read from the article’s own wording'
  const { known, weak } = vocabularies()
  if (weak.has(word)) return `“${cue.trim()}” describes or implies rather than reports: check the claimant and the stance`
  if (!known.has(word) && !word.startsWith('claimed') && !word.startsWith('claiming'))
    return `“${cue.trim()}” is not a reporting cue: the claim comes from a looser pattern`
  return null
}
