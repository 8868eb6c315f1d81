import type { MaskedSentence, Ref } from './article-view.js'
import type { Frame } from './attribution.js'

/**
 * "The BLF said it has no hideouts in Iran", "Islamabad said its forces struck camps in Sistan": inside what a
 * party says, the first-person voice of the report ("it", "they", "we" as the content's subject, "its / their /
 * our" before the party's own forces or assets) is the party itself. Masking those pronouns as the claimant lets
 * the relation patterns and the event reader treat them like the name, so one rule covers every wording that
 * uses a pronoun instead of repeating the name.
 *
 * Only pronouns that open the content (the reported clause's subject) or possess a noun a party has (forces,
 * fighters, bases…) are bound: a pronoun deeper in the clause may refer to anything the clause names.
 */
const SUBJECT_PRONOUN =
  /^([\s,:"“‘']*(?:that\s+)?)(it|they|we)(?=\s+(?:\w+ly\s+|also\s+|not\s+|never\s+)?(?:has|have|had|is|are|was|were|will|would|did|does|do|can|could|may|might|must|should|\w{2,}ed|\w{2,}[^s\W]s)\b)(?!\s+(?:is|was)\s+(?:a|an|the|not|also)\b)/i
const OWN_ASSETS =
  /\b(its|their|our)(?=\s+(?:own\s+)?(?:forces|fighters|troops|men|members|militants|mujahideen|soldiers|personnel|army|military|security forces|jets|aircraft|warplanes|drones|bases|hideouts|camps|positions|presence|cadres|operatives|commanders|units|guards|border forces)\b)/gi

interface Binding {
  at: number
  length: number
  replacement: (placeholder: string) => string
}

/** Binds the speaker pronouns of every frame's content to its claimant, in place (masks, offsets, frames). */
export function bindSpeakerPronouns(frames: Frame[]): void {
  const bySentence = new Map<MaskedSentence, Frame[]>()
  for (const frame of frames) {
    if (frame.claimant?.kind !== 'entity' || frame.claimant.type === 'person' || frame.stance === 'no_response') continue
    if (frame.content[1] <= frame.content[0]) continue
    const list = bySentence.get(frame.sentence) ?? []
    list.push(frame)
    bySentence.set(frame.sentence, list)
  }
  for (const [sentence, sentenceFrames] of bySentence) bindIn(sentence, sentenceFrames, frames)
}

function bindIn(sentence: MaskedSentence, sentenceFrames: Frame[], allFrames: Frame[]): void {
  const bindings: { binding: Binding; claimant: Ref }[] = []
  const taken = new Set<number>()
  for (const frame of sentenceFrames) {
    const [from, to] = frame.content
    const content = sentence.masked.slice(from, to)
    const subject = SUBJECT_PRONOUN.exec(content)
    if (subject && !taken.has(from + subject[1]!.length)) {
      const at = from + subject[1]!.length
      taken.add(at)
      bindings.push({ binding: { at, length: subject[2]!.length, replacement: (p) => p }, claimant: frame.claimant! })
    }
    for (const owned of content.matchAll(OWN_ASSETS)) {
      const at = from + owned.index!
      if (taken.has(at)) continue
      taken.add(at)
      bindings.push({ binding: { at, length: owned[1]!.length, replacement: (p) => `${p}’s` }, claimant: frame.claimant! })
    }
  }
  bindings.sort((a, b) => b.binding.at - a.binding.at)
  for (const { binding, claimant } of bindings) {
    const placeholder = `«E${sentence.refs.length}»`
    const replacement = binding.replacement(placeholder)
    const delta = replacement.length - binding.length
    sentence.masked = sentence.masked.slice(0, binding.at) + replacement + sentence.masked.slice(binding.at + binding.length)
    for (let k = 0; k < sentence.refAt.length; k++) if (sentence.refAt[k]! > binding.at) sentence.refAt[k]! += delta
    sentence.refs.push({ ...claimant, sentence: sentence.index, via: 'speaker-pronoun' })
    sentence.refAt.push(binding.at)
    for (const frame of allFrames) {
      if (frame.sentence !== sentence) continue
      if (frame.content[0] > binding.at) frame.content[0] += delta
      if (frame.content[1] > binding.at) frame.content[1] += delta
    }
  }
}
