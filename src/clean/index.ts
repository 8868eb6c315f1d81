import type { CleanedArticle, SiteMemory } from '../record/article.js'
import type { SourceDocument } from '../record/source-document.js'
import type { Stage } from '../record/stage.js'
import { cleanDocument } from './clean-document.js'

/** The clean stage: a source document in, the article body with its metadata and the removed boilerplate out. */
export const clean: Stage<{ source: SourceDocument }, CleanedArticle, { siteMemory: SiteMemory | undefined }> = {
  name: 'clean',
  reads: ['source'],
  adds: ['cleaned'],
  uses: ['siteMemory'],
  run: ({ source }, { siteMemory }) => ({ cleaned: cleanDocument(source, { siteMemory }) }),
}
