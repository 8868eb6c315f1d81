import type { Store } from '../store/open-store.js'
import type { ResolvedFilter } from '../store/read/index.js'
import type { TextSink } from './sink.js'

export const EXPORT_FORMATS = ['stix', 'acled-csv', 'plover', 'geojson', 'graphml'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const GEOJSON_LAYERS = ['events', 'presences', 'both'] as const
export type GeoJsonLayer = (typeof GEOJSON_LAYERS)[number]

export interface ExportOptions {
  /** CSV: start with a UTF-8 byte order mark, so spreadsheets read the file as UTF-8. */
  bom?: boolean
  /** GeoJSON: which features. */
  layer?: GeoJsonLayer
}

/** One export format: what it writes and how a download names it. */
export interface Exporter {
  mediaType: string
  extension: string
  write(store: Store, filter: ResolvedFilter, sink: TextSink, options: ExportOptions): Promise<void>
}
