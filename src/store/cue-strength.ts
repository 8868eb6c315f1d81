import { lexicon } from '../recognize/lexicon.js'

interface AttributionLexicon {
  asserts: string[]
  denies: string[]
  accuse: string[]
  according: string[]
  noResponse: string[]
}

let firm: Set<string> | null = null

/** The reporting vocabulary of data/lexicon/attribution.json: a cue among these is a firm attribution. */
function firmCues(): Set<string> {
  if (!firm) {
    const words = lexicon<AttributionLexicon>('attribution')
    firm = new Set([...words.asserts, ...words.denies, ...words.accuse, ...words.according, ...words.noResponse].map((word) => word.toLowerCase()))
  }
  return firm
}

/**
 * Why an analyst may doubt who said it or which way: no cue at all (the stance is the article's own
 * wording), or a cue outside the reporting vocabulary ("identified", "highlighted"), read as a claim by a
 * pattern rather than by a verb of saying. null: a firm cue.
 */
export function weakCueReason(cue: string): string | null {
  const word = cue.trim().toLowerCase()
  if (word === '') return 'no attribution cue: the stance is read from the article’s own wording'
  if (firmCues().has(word)) return null
  return `“${cue.trim()}” is not a verb of saying: claimant and stance come from a looser pattern`
}
