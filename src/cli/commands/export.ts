import fs from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { InvalidArgumentError, type Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import { EXPORT_FORMATS, GEOJSON_LAYERS, type ExportFormat, type GeoJsonLayer } from '../../export/format.js'
import type { PropositionStatus } from '../../resolve/propositions.js'
import { type OptionValues, parseDateOption, sharedOptions } from '../options.js'

const shared = sharedOptions({
  db: {},
  since: { description: 'events ending, propositions last seen, articles published on or after this date' },
})

type ExportFlags = OptionValues<typeof shared> & {
  format: ExportFormat
  out?: string
  until?: string
  about?: string
  status?: PropositionStatus
  layer: GeoJsonLayer
  bom?: boolean
}

const STATUSES: readonly PropositionStatus[] = ['contested', 'corroborated', 'single-source']

function oneOf<T extends string>(name: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`${name} must be one of ${values.join(', ')}, got "${value}"`)
    return value as T
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write the store in another tool's format: STIX 2.1, ACLED-style CSV, PLOVER JSON Lines, GeoJSON or GraphML (streamed)")
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, oneOf('--format', EXPORT_FORMATS))
    .addOption(shared.db)
    .option('--out <file>', 'write to this file instead of standard output')
    .addOption(shared.since)
    .option('--until <YYYY-MM-DD>', 'events starting, propositions first seen, articles published on or before this date', parseDateOption)
    .option('--about <name>', 'an actor or place (name or id): what involves it')
    .option('--status <status>', `propositions of this status only: ${STATUSES.join(', ')}`, oneOf('--status', STATUSES))
    .option('--layer <layer>', `geojson: ${GEOJSON_LAYERS.join(', ')}`, oneOf('--layer', GEOJSON_LAYERS), 'both')
    .option('--bom', 'acled-csv: start with a UTF-8 byte order mark (for spreadsheets)')
    .action(async (flags: ExportFlags) => {
      if (flags.since && flags.until && flags.since > flags.until) throw new Error(`--since ${flags.since} is after --until ${flags.until}`)
      const { writeExport } = await import('../../export/index.js')
      const store = await openExistingStore(flags.db)
      let out: Writable
      try {
        out = flags.out ? fs.createWriteStream(flags.out, { fd: fs.openSync(flags.out, 'w') }) : process.stdout
      } catch (error) {
        await store.close()
        throw new Error(`cannot write --out ${flags.out}: ${error instanceof Error ? error.message : String(error)}`)
      }
      try {
        await writeExport(
          store,
          flags.format,
          {
            ...(flags.since ? { since: flags.since } : {}),
            ...(flags.until ? { until: flags.until } : {}),
            ...(flags.about ? { about: flags.about } : {}),
            ...(flags.status ? { status: flags.status } : {}),
          },
          out,
          { layer: flags.layer, bom: Boolean(flags.bom) },
        )
      } catch (error) {
        // A reader that stops early (`| head`) is no failure of the export.
        if (out !== process.stdout || (error as NodeJS.ErrnoException).code !== 'EPIPE') throw error
      } finally {
        await store.close()
        if (out !== process.stdout) {
          out.end()
          await finished(out)
        }
      }
    })
}
