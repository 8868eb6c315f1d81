import type { Writable } from 'node:stream'
import type { Store } from '../store/open-store.js'
import { resolveExportFilter, type ExportFilter } from '../store/read/index.js'
import { acledCsvExporter } from './acled-csv.js'
import type { ExportFormat, ExportOptions, Exporter } from './format.js'
import { geojsonExporter } from './geojson.js'
import { graphmlExporter } from './graphml.js'
import { ploverExporter } from './plover.js'
import { TextSink } from './sink.js'
import { stixExporter } from './stix.js'

export { EXPORT_FORMATS, GEOJSON_LAYERS, type ExportFormat, type ExportOptions, type GeoJsonLayer } from './format.js'
export type { ExportFilter } from '../store/read/index.js'

/** The export stage: the store's contents in the formats other tools read. */
export const EXPORTERS: Record<ExportFormat, Exporter> = {
  stix: stixExporter,
  'acled-csv': acledCsvExporter,
  plover: ploverExporter,
  geojson: geojsonExporter,
  graphml: graphmlExporter,
}

/** Writes one export to a stream as it reads the store; the caller ends the stream. */
export async function writeExport(
  store: Store,
  format: ExportFormat,
  filter: ExportFilter,
  out: Writable,
  options: ExportOptions = {},
): Promise<void> {
  const resolved = await resolveExportFilter(store, filter)
  await EXPORTERS[format].write(store, resolved, new TextSink(out), options)
}

/** The file name a download of this export gets. */
export function exportFileName(format: ExportFormat, options: ExportOptions = {}): string {
  const layer = format === 'geojson' && options.layer && options.layer !== 'both' ? `-${options.layer}` : ''
  return `sitrep-${format}${layer}.${EXPORTERS[format].extension}`
}
