import {
  exportEventPages,
  exportPropositionPages,
  type ExportEvent,
  type ExportParty,
  type ExportProposition,
} from '../store/read/index.js'
import type { Exporter, GeoJsonLayer } from './format.js'
import type { TextSink } from './sink.js'

/**
 * A GeoJSON FeatureCollection (RFC 7946) of events and of claimed presences (present_in
 * propositions), each a Point at its place; things without coordinates are left out.
 * Features are written one by one: the collection is never held in memory.
 */
export const geojsonExporter: Exporter = {
  mediaType: 'application/geo+json; charset=utf-8',
  extension: 'geojson',
  async write(store, filter, sink, options) {
    const layer: GeoJsonLayer = options.layer ?? 'both'
    await sink.write(
      `{"type":"FeatureCollection","name":${JSON.stringify(`sitrep ${layer === 'both' ? 'events and presences' : layer}`)},"features":[`,
    )
    const features = new FeatureList(sink)
    if (layer !== 'presences') {
      for await (const page of exportEventPages(store, filter)) await features.add(page.flatMap(eventFeature))
    }
    if (layer !== 'events') {
      for await (const page of exportPropositionPages(store, filter, { relations: ['present_in'] }))
        await features.add(page.flatMap(presenceFeature))
    }
    await sink.write('\n]}\n')
  },
}

class FeatureList {
  private first = true
  constructor(private readonly sink: TextSink) {}

  async add(features: object[]): Promise<void> {
    if (features.length === 0) return
    const text = features.map((feature) => JSON.stringify(feature)).join(',\n')
    await this.sink.write(`${this.first ? '\n' : ',\n'}${text}`)
    this.first = false
  }
}

function point(lon: number, lat: number) {
  return { type: 'Point', coordinates: [lon, lat] }
}

function eventFeature(event: ExportEvent): object[] {
  const place = event.place
  if (!place || place.lat === null || place.lon === null) return []
  return [
    {
      type: 'Feature',
      id: event.id,
      geometry: point(place.lon, place.lat),
      properties: {
        layer: 'events',
        event_type: event.type,
        mode: event.modes[0] ?? null,
        date_start: event.dateStart,
        date_end: event.dateEnd,
        place: place.name,
        fatalities_low: event.fatalities.low,
        fatalities_best: event.fatalities.best,
        fatalities_high: event.fatalities.high,
        actors: event.actors.map((actor) => actor.name).join('; '),
        targets: event.targets.map((target) => target.name).join('; '),
        sources: event.sourceCount,
      },
    },
  ]
}

function partyNames(parties: ExportParty[]): string {
  return parties.map((party) => party.party?.name ?? 'the reporting outlet').join('; ')
}

function presenceFeature(proposition: ExportProposition): object[] {
  const place = proposition.object
  if (place?.kind !== 'place' || place.lat === null || place.lon === null) return []
  return [
    {
      type: 'Feature',
      id: proposition.id,
      geometry: point(place.lon, place.lat),
      properties: {
        layer: 'presences',
        actor: proposition.subject?.name ?? proposition.subjectId,
        place: place.name,
        status: proposition.status,
        asserters: partyNames(proposition.asserters),
        deniers: partyNames(proposition.deniers),
        sources: proposition.sourceCount,
        first_seen: proposition.firstSeen,
        last_seen: proposition.lastSeen,
      },
    },
  ]
}
