/** What the ingest stage hands to cleaning: one article's raw content, decoded to a string, plus any metadata it carried. */
export type SourceFormat = 'text' | 'html' | 'markdown'

export interface SourceMetadata {
  url?: string | null
  title?: string | null
  published?: string | null
  author?: string | null
  source?: string | null
}

export interface SourceDocument {
  /** A name for messages and for `--out` file names: the file's base name, or `stdin`, or `file.jsonl#3`. */
  name: string
  format: SourceFormat
  content: string
  meta: SourceMetadata
}
