import type { CleanedArticle, NlpDoc } from '../record/article.js'
import type { Stage } from '../record/stage.js'
import { parseText } from './nlp-doc.js'

/** The nlp stage: lines, sentences, tokens with POS tags and lemmas of the cleaned text. */
export const nlp: Stage<CleanedArticle, { doc: NlpDoc }> = {
  name: 'nlp',
  reads: ['cleaned'],
  adds: ['doc'],
  uses: [],
  run({ cleaned }) {
    // a page of scripts, menus or boilerplate only: nothing to analyse, and nothing to store under the empty text's id
    if (!cleaned.text.trim()) throw new Error('no article text found (only markup, scripts or page furniture)')
    return { doc: parseText(cleaned.text) }
  },
}
