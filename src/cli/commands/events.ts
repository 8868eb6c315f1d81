import type { Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import type { EventView } from '../../store/read/index.js'
import { renderTable } from '../../store/render-table.js'
import { type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({
  db: {},
  since: { description: 'events on or after this date' },
  limit: {},
  json: { description: 'print JSON (with every source)' },
})

type EventsFlags = OptionValues<typeof shared> & {
  type?: string
  place?: string
}

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('events merged across articles, with fatalities per source summarized as low/best/high')
    .addOption(shared.db)
    .option('--type <type>', 'PLOVER event type, e.g. ASSAULT')
    .option('--place <name>', 'place name or id')
    .addOption(shared.since)
    .addOption(shared.limit)
    .addOption(shared.json)
    .action(async (flags: EventsFlags) => {
      const { listEvents } = await import('../../store/read/index.js')
      const store = await openExistingStore(flags.db)
      try {
        const { items: events } = await listEvents(store, {
          ...(flags.type ? { type: flags.type } : {}),
          ...(flags.place !== undefined ? { place: flags.place } : {}),
          ...(flags.since ? { since: flags.since } : {}),
          limit: flags.limit,
          withSources: Boolean(flags.json),
        })
        process.stdout.write(`${flags.json ? JSON.stringify(events, null, 2) : renderEvents(events)}\n`)
      } finally {
        await store.close()
      }
    })
}

function figure(value: number | null): string {
  return value === null ? '?' : String(value)
}

export function renderEvents(events: EventView[]): string {
  if (events.length === 0) return 'no events match'
  return renderTable(
    [
      { header: 'DATE' },
      { header: 'TYPE' },
      { header: 'PLACE', max: 24 },
      { header: 'ACTORS', max: 36 },
      { header: 'TARGETS', max: 30 },
      { header: 'KILLED (low/best/high)' },
      { header: 'SOURCES', align: 'right' },
    ],
    events.map((event) => [
      event.dateStart === event.dateEnd ? (event.dateStart ?? '?') : `${event.dateStart ?? '?'}…${event.dateEnd ?? '?'}`,
      event.type + (event.modes.length ? ` (${event.modes[0]})` : ''),
      event.place?.name ?? '-',
      event.actors.map((a) => a.name).join(', ') || '-',
      event.targets.map((t) => t.name).join(', ') || '-',
      event.fatalities.best === null
        ? '-'
        : `${figure(event.fatalities.low)}/${figure(event.fatalities.best)}/${figure(event.fatalities.high)}`,
      String(event.sourceCount),
    ]),
  )
}
