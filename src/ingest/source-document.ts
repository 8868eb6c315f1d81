/** The ingest stage's product is declared in the ground folder, so cleaning need not import ingest. */
export type { SourceDocument, SourceFormat, SourceMetadata } from '../record/source-document.js'
