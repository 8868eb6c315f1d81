/** Splits raw article text into units: one per line, with lines that were broken mid-sentence joined back. */

export interface RawUnit {
  text: string
  /** Index of the blank-line-separated block the unit came from. */
  block: number
}

const CONTINUES_AFTER =
  /\b(?:a|an|the|of|to|in|on|at|by|for|with|and|or|but|from|is|are|was|were|as|that|which|who|its|their|his|her|into|than|said|says)$/i

function tidyLine(line: string): string {
  return line
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** A line ending in an article or a preposition, or followed by one starting in lowercase or "(", was cut mid-sentence. */
function continuesOnNextLine(line: string, next: string): boolean {
  if (/[.!?:;…"”]$/.test(line)) return false
  return CONTINUES_AFTER.test(line) || /^[(\p{Ll}]/u.test(next)
}

export function splitUnits(text: string): RawUnit[] {
  const units: RawUnit[] = []
  let block = 0
  let previousBlank = true
  for (const rawLine of text.split('\n')) {
    const line = tidyLine(rawLine)
    if (!line) {
      if (!previousBlank) block++
      previousBlank = true
      continue
    }
    const last = units[units.length - 1]
    if (last && !previousBlank && last.block === block && continuesOnNextLine(last.text, line)) {
      last.text = `${last.text} ${line}`
    } else {
      units.push({ text: line, block })
    }
    previousBlank = false
  }
  return units
}
