/** data/lexicon/boilerplate.json (general web boilerplate phrases) as lookup structures. */
import { lexicon } from '../lexicon/load.js'
import type { LexiconOf } from '../lexicon/files.js'
import { textKey } from '../text/normalize.js'

type LexiconFile = LexiconOf<'boilerplate'>

export interface Boilerplate {
  relatedMarkerLines: Set<string>
  relatedPrefix: RegExp
  navigationLines: Set<string>
  navigationPrefix: RegExp
  promoPhrases: RegExp
  disclaimerPhrases: RegExp
  cookiePhrases: RegExp
  commentLines: Set<string>
  commentPhrases: RegExp
  spamPhrases: RegExp
  callToAction: RegExp
  photoCreditSuffix: RegExp
  photoCreditTail: RegExp
  photoCreditMarker: RegExp
  photoCreditPhrases: RegExp
  bylinePrefix: RegExp
  deskBylines: Set<string>
  bioRoles: RegExp
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Matches any of the normalized phrases on word boundaries of a normalized string. */
function phraseRegex(phrases: string[]): RegExp {
  const alternatives = phrases.map((phrase) => escapeRegex(textKey(phrase))).sort((a, b) => b.length - a.length)
  return new RegExp(`(?:^| )(?:${alternatives.join('|')})(?: |$)`)
}

function normalizedSet(lines: string[]): Set<string> {
  return new Set(lines.map((line) => textKey(line)))
}

function buildLexicon(file: LexiconFile): Boilerplate {
  const agencies = file.photoCreditAgencies.map(escapeRegex).join('|')
  const prefixes = file.relatedMarkers.linePrefixes.map(escapeRegex).join('|')
  const bylinePrefixes = file.bylinePrefixes.map(escapeRegex).join('|')
  return {
    relatedMarkerLines: normalizedSet(file.relatedMarkers.lines),
    relatedPrefix: new RegExp(`^\\W*(?:${prefixes})\\s*[:|»›>–—-]+\\s*\\S`, 'i'),
    navigationLines: normalizedSet(file.navigationLines),
    navigationPrefix: new RegExp(`^(?:${file.navigationPrefixes.map(escapeRegex).join('|')})\\s*:\\s*\\S`, 'i'),
    promoPhrases: phraseRegex(file.promoPhrases),
    disclaimerPhrases: phraseRegex(file.disclaimerPhrases),
    cookiePhrases: phraseRegex(file.cookiePhrases),
    commentLines: normalizedSet(file.commentLines),
    commentPhrases: phraseRegex(file.commentPhrases),
    spamPhrases: phraseRegex(file.spamPhrases),
    callToAction: new RegExp(`^\\W*(?:${file.callToActionVerbs.map(escapeRegex).join('|')})\\b`, 'i'),
    // a caption's closing credit after its last word: "… the bridge. — Reuters", "… the bridge | AFP", "(AFP)", "Photo: AFP"
    photoCreditTail: new RegExp(
      `(?:\\s[—–|-]\\s*|\\(|[.!?]\\s+)(?:(?:[Pp]hoto|[Ii]mage|[Pp]icture)s?\\s*(?:[Cc]redits?)?\\s*:\\s*)?(?:${agencies})\\)?\\s*$`,
    ),
    // "… ABDULLAH SAHIL / AP" at the end of a line; capitals only, so "Facebook/X" in a sentence is no credit
    photoCreditSuffix: new RegExp(`\\b[A-Z][A-Z.'’-]+(?:\\s+[A-Z][A-Z.'’-]+)*\\s*/\\s*(?:${agencies})\\W*$`),
    // "(Photo: Reuters)", "| Photo Credit: AP", "Photo: AFP", "FILE - Fighters stand guard …"
    photoCreditMarker:
      /[([](?:photo|image|picture|file)[^)\]]{0,80}[)\]]|\|\s*(?:photo|image|picture)\b|^(?:photo|image|picture|file photo)s?\s*(?:credits?)?\s*:|^file(?: photo)?\s+[-–—]\s/i,
    photoCreditPhrases: phraseRegex(file.photoCreditPhrases),
    bylinePrefix: new RegExp(`^(?:${bylinePrefixes})\\s*[:\\-–—]?\\s+(?=\\S)`, 'i'),
    deskBylines: normalizedSet(file.deskBylines),
    bioRoles: phraseRegex(file.bioRoles.flatMap((role) => [role, `${role}s`])),
  }
}

let cached: Boilerplate | null = null

export function boilerplate(): Boilerplate {
  cached ??= buildLexicon(lexicon('boilerplate'))
  return cached
}
