/**
 * Regular English verb inflection, so cue and trigger vocabularies can be written as lemmas ("emphasize") and
 * match every finite and participial form ("emphasizes", "emphasized", "emphasizing"). The base form itself is
 * left out on purpose: bare lemmas are mostly nouns or infinitives in news text ("a note", "to deny"). Irregular
 * verbs list their forms in the lexicon instead.
 */
export function inflections(lemma: string): string[] {
  const words = lemma.split(' ')
  const head = words[0]!
  const rest = words.slice(1).join(' ')
  const forms = [thirdPerson(head), past(head), gerund(head)]
  return forms.map((form) => (rest ? `${form} ${rest}` : form))
}

/** "admit" → "admitt": a final stressed consonant after one short vowel doubles (one-syllable words, and -it/-el/-ol/-er endings the lexicon marks with a trailing "+"). */
function stem(verb: string): string {
  if (verb.endsWith('+')) return verb.slice(0, -1) + verb.at(-2)
  const syllables = verb.match(/[aeiouy]+/g)?.length ?? 0
  const cvc = /[^aeiou][aeiou][bdfgklmnprtvz]$/.test(verb)
  return syllables === 1 && cvc ? verb + verb.at(-1) : verb
}

function plain(verb: string): string {
  return verb.endsWith('+') ? verb.slice(0, -1) : verb
}

function thirdPerson(verb: string): string {
  const v = plain(verb)
  if (/(?:s|x|z|ch|sh|o)$/.test(v)) return `${v}es`
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`
  return `${v}s`
}

function past(verb: string): string {
  const v = plain(verb)
  if (v.endsWith('e')) return `${v}d`
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`
  return `${stem(verb)}ed`
}

function gerund(verb: string): string {
  const v = plain(verb)
  if (/ie$/.test(v)) return `${v.slice(0, -2)}ying`
  if (/e$/.test(v) && !/(?:ee|ye|oe)$/.test(v)) return `${v.slice(0, -1)}ing`
  return `${stem(verb)}ing`
}
