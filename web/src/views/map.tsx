import { useEffect, useRef, useState } from 'preact/hooks'
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import 'leaflet.markercluster'
import 'leaflet.markercluster/dist/MarkerCluster.css'
import 'leaflet.markercluster/dist/MarkerCluster.Default.css'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countries50m from 'world-atlas/countries-50m.json'
import { getJson, type EventItem, type Page, type Proposition } from '../api'
import { fatalitiesText, formatDate } from '../components/common'
import { TYPE_COLORS, typeColor } from '../colors'
import { href, setRange, useRange, type Route } from '../state'
import { provinces } from '../provinces'
import { ExportControl, type ExportChoice } from '../components/export-control'

const MAP_EXPORTS: ExportChoice[] = [
  { format: 'geojson', label: 'GeoJSON events and presences' },
  { format: 'acled-csv', label: 'ACLED-style CSV', options: { bom: 'true' } },
  { format: 'plover', label: 'PLOVER JSON Lines' },
  { format: 'stix', label: 'STIX 2.1 bundle' },
]
import { WhatsNew } from '../components/whats-new'

const REGION_CENTER: L.LatLngExpression = [32, 67]

function basemap(): L.GeoJSON {
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection }>
  const world = feature(topology, topology.objects.countries)
  return L.geoJSON(world, { style: () => ({ color: '#8a8f98', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 }), interactive: false })
}

function provinceLayer(): L.GeoJSON {
  return L.geoJSON(provinces, { style: () => ({ color: '#b5b9c0', weight: 0.5, dashArray: '2 3', fill: false }), interactive: false })
}

/** Popup content as DOM nodes: names and titles come from articles and must stay text. */
function popupFor(event: EventItem): HTMLElement {
  const box = document.createElement('div')
  const title = document.createElement('strong')
  title.textContent = `${event.type} · ${event.place?.name ?? ''}`
  const line = document.createElement('div')
  line.textContent = [formatDate(event), fatalitiesText(event), `${event.sourceCount} source(s)`].filter(Boolean).join(' · ')
  const who = document.createElement('div')
  who.textContent = event.actors.length ? `by ${event.actors.map((a) => a.name).join(', ')}` : ''
  const link = document.createElement('a')
  link.href = href(['event', event.id])
  link.textContent = 'event and sources →'
  box.append(title, line, who, link)
  return box
}

function presencePopup(proposition: Proposition): HTMLElement {
  const box = document.createElement('div')
  const title = document.createElement('strong')
  title.textContent = `${proposition.subject.name} present in ${proposition.object?.name ?? ''}`
  const line = document.createElement('div')
  line.textContent = `${proposition.status} · ${proposition.sourceCount} source(s)`
  const link = document.createElement('a')
  link.href = href(['proposition', proposition.id])
  link.textContent = 'statements →'
  box.append(title, line, link)
  return box
}

const normalName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()

/** Spelling-tolerant keys: "Balochistan" and "Baluchistan" share a consonant skeleton; "K.P." is the initials of "Khyber Pakhtunkhwa". */
const skeleton = (name: string): string => normalName(name).replace(/[aeiouy ]+/g, '')
const initials = (name: string): string =>
  normalName(name)
    .split(' ')
    .map((word) => word[0] ?? '')
    .join('')

/** The province outline a province-level place stands for (same country, same name as spelled either way), if the bundled outlines have it. */
function provinceOutline(place: NonNullable<EventItem['place']>): GeoJSON.Feature | null {
  const inCountry = provinces.features.filter((f) => !place.country || (f.properties as { country?: string }).country === place.country)
  const nameOf = (f: GeoJSON.Feature): string => String((f.properties as { name?: string }).name ?? '')
  return (
    inCountry.find((f) => normalName(nameOf(f)) === normalName(place.name)) ??
    inCountry.find((f) => skeleton(nameOf(f)) === skeleton(place.name)) ??
    inCountry.find(
      (f) =>
        /^([A-Za-z]\.)+$/.test(nameOf(f).replace(/\s/g, '')) &&
        nameOf(f)
          .replace(/[^A-Za-z]/g, '')
          .toLowerCase() === initials(place.name),
    ) ??
    null
  )
}

function approximatePopup(place: NonNullable<EventItem['place']>, events: EventItem[], precision: string): HTMLElement {
  const box = document.createElement('div')
  const title = document.createElement('strong')
  title.textContent = `${place.name}: ${events.length} event${events.length === 1 ? '' : 's'} placed only at ${precision} level`
  const list = document.createElement('ul')
  for (const event of events.slice(0, 12)) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = href(['event', event.id])
    link.textContent = [event.type, formatDate(event), fatalitiesText(event)].filter(Boolean).join(' · ')
    item.append(link)
    list.append(item)
  }
  box.append(title, list)
  return box
}

/**
 * Events known only to a province or a country are not points: a province is shaded (its outline), a district or
 * a place without an outline gets a hollow square at its centroid, a country a dashed ring with its name.
 */
function drawApproximate(layer: L.LayerGroup, events: EventItem[]): number {
  const byPlace = new Map<string, EventItem[]>()
  for (const event of events) byPlace.set(event.place!.id, [...(byPlace.get(event.place!.id) ?? []), event])
  for (const group of byPlace.values()) {
    const place = group[0]!.place!
    const precision = group[0]!.geoPrecision === 3 ? 'country' : 'province/district'
    const color = typeColor(group[0]!.type)
    const outline = place.placeKind === 'admin1' ? provinceOutline(place) : null
    if (outline) {
      L.geoJSON(outline, {
        style: () => ({
          color,
          weight: 1.5,
          fillColor: color,
          fillOpacity: Math.min(0.45, 0.15 + group.length * 0.05),
          className: 'area-marker precision-2',
        }),
      })
        .bindPopup(approximatePopup(place, group, precision))
        .addTo(layer)
      continue
    }
    if (place.lat == null || place.lon == null) continue
    const country = group[0]!.geoPrecision === 3
    const html = document.createElement('div')
    html.className = country ? 'approx-country' : 'approx-district'
    html.textContent = country ? `${place.name} · ${group.length}` : String(group.length)
    html.style.borderColor = color
    const icon = L.divIcon({ html, className: `approx-marker precision-${country ? 3 : 2}`, iconSize: country ? [96, 30] : [22, 22] })
    L.marker([place.lat, place.lon], { icon, title: `${place.name} (${precision} level)` })
      .bindPopup(approximatePopup(place, group, precision))
      .addTo(layer)
  }
  return byPlace.size
}

/** A cluster takes the color of its commonest event type and grows with its size. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const markers = cluster.getAllChildMarkers() as unknown as L.CircleMarker[]
  const colors = new Map<string, number>()
  for (const marker of markers) {
    const color = marker.options.fillColor ?? '#555'
    colors.set(color, (colors.get(color) ?? 0) + 1)
  }
  const color = [...colors].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '#555'
  const size = Math.round(26 + Math.min(26, Math.log2(markers.length) * 4))
  const badge = document.createElement('div')
  badge.textContent = String(markers.length)
  badge.style.background = color
  return L.divIcon({ html: badge, className: 'marker-cluster event-cluster', iconSize: [size, size] })
}

export function MapView({ route }: { route: Route }) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const layers = useRef<{ events: L.MarkerClusterGroup; approximate: L.LayerGroup; presences: L.LayerGroup } | null>(null)
  const range = useRange()
  const [type, setType] = useState('')
  const [counts, setCounts] = useState<{ shown: number; approximate: number; total: number; presences: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const focusPlace = route.query.get('place')

  useEffect(() => {
    if (!container.current) return
    const instance = L.map(container.current, {
      center: REGION_CENTER,
      zoom: 5,
      minZoom: 2,
      maxZoom: 12,
      worldCopyJump: true,
      attributionControl: true,
    })
    instance.attributionControl.setPrefix(false).addAttribution('Boundaries: Natural Earth')
    basemap().addTo(instance)
    provinceLayer().addTo(instance)
    const events = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, iconCreateFunction: clusterIcon })
    const presences = L.layerGroup()
    const approximate = L.layerGroup()
    approximate.addTo(instance)
    events.addTo(instance)
    presences.addTo(instance)
    L.control
      .layers(
        undefined,
        { 'events at a place': events, 'events known to a province or country': approximate, 'claimed presences': presences },
        { collapsed: false },
      )
      .addTo(instance)
    map.current = instance
    layers.current = { events, approximate, presences }
    return () => {
      instance.remove()
      map.current = null
    }
  }, [])

  useEffect(() => {
    let live = true
    const load = async (): Promise<void> => {
      const [events, presences] = await Promise.all([
        getJson<Page<EventItem>>('events', { type, since: range.since, until: range.until, limit: 5000 }),
        getJson<Page<Proposition>>('propositions', { relation: 'present_in', since: range.since, until: range.until, limit: 500 }),
      ])
      if (!live || !layers.current || !map.current) return
      const { events: eventLayer, approximate: approximateLayer, presences: presenceLayer } = layers.current
      eventLayer.clearLayers()
      approximateLayer.clearLayers()
      presenceLayer.clearLayers()
      const placed = (event: EventItem): boolean => event.place !== null && (event.place.lat != null || event.place.placeKind === 'admin1')
      const located = events.items.filter((event) => event.place?.lat != null && event.place?.lon != null && event.geoPrecision === 1)
      const approximate = events.items.filter((event) => placed(event) && event.geoPrecision !== null && event.geoPrecision > 1)
      drawApproximate(approximateLayer, approximate)
      eventLayer.addLayers(
        located.map((event) => {
          const deaths = event.fatalities.best ?? event.fatalities.low ?? 0
          const marker = L.circleMarker([event.place!.lat!, event.place!.lon!], {
            radius: 5 + Math.min(20, Math.sqrt(deaths) * 2),
            color: '#222',
            weight: 1,
            fillColor: typeColor(event.type),
            fillOpacity: 0.85,
            className: `event-marker type-${event.type}`,
          })
          return marker.bindPopup(popupFor(event))
        }) as unknown as L.Layer[],
      )
      const placedPresences = presences.items.filter((p) => p.objectPoint)
      for (const proposition of placedPresences) {
        L.circleMarker([proposition.objectPoint!.lat, proposition.objectPoint!.lon], {
          radius: 9,
          color: proposition.status === 'contested' ? '#b2182b' : '#2166ac',
          weight: 2,
          dashArray: '3 3',
          fill: false,
          className: 'presence-marker',
        })
          .bindPopup(presencePopup(proposition))
          .addTo(presenceLayer)
      }
      setCounts({ shown: located.length, approximate: approximate.length, total: events.total, presences: placedPresences.length })
      if (focusPlace) {
        const target = [...located, ...approximate].find((event) => event.place!.id === focusPlace && event.place!.lat != null)
        if (target) map.current.setView([target.place!.lat!, target.place!.lon!], 8)
      }
    }
    load().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [type, range.since, range.until, focusPlace])

  return (
    <section class="view map-view">
      <h1>Map</h1>
      <WhatsNew />
      <div class="filters">
        <label>
          type{' '}
          <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">all</option>
            {Object.keys(TYPE_COLORS).map((t) => (
              <option value={t} key={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <span>
          {range.since || range.until ? `${range.since ?? '…'} – ${range.until ?? '…'}` : 'all dates'}{' '}
          {(range.since || range.until) && (
            <button type="button" onClick={() => setRange({ since: null, until: null })}>
              clear dates
            </button>
          )}
        </span>
        <ExportControl choices={MAP_EXPORTS} filter={{ since: range.since, until: range.until }} />
        {counts && (
          <span class="muted map-counts">
            {counts.shown} of {counts.total} events at a place · {counts.approximate} known only to a province or country ·{' '}
            {counts.presences} claimed presences
          </span>
        )}
      </div>
      {error && <div class="error">Error: {error}</div>}
      <div class="map" ref={container} />
      <div class="legend precision-legend">
        <span>
          <i class="legend-point" /> exact place (geo_precision 1)
        </span>
        <span>
          <i class="legend-area" /> province, shaded, or <i class="legend-square" /> district centroid (2)
        </span>
        <span>
          <i class="legend-country" /> country only (3)
        </span>
      </div>
      <div class="legend">
        {Object.entries(TYPE_COLORS).map(([t, color]) => (
          <span key={t}>
            <i style={{ background: color }} /> {t}
          </span>
        ))}
      </div>
    </section>
  )
}
