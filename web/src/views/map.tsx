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
  const layers = useRef<{ events: L.MarkerClusterGroup; presences: L.LayerGroup } | null>(null)
  const range = useRange()
  const [type, setType] = useState('')
  const [counts, setCounts] = useState<{ shown: number; total: number; presences: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const focusPlace = route.query.get('place')

  useEffect(() => {
    if (!container.current) return
    const instance = L.map(container.current, { center: REGION_CENTER, zoom: 5, minZoom: 2, maxZoom: 12, worldCopyJump: true, attributionControl: true })
    instance.attributionControl.setPrefix(false).addAttribution('Boundaries: Natural Earth')
    basemap().addTo(instance)
    provinceLayer().addTo(instance)
    const events = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, iconCreateFunction: clusterIcon })
    const presences = L.layerGroup()
    events.addTo(instance)
    presences.addTo(instance)
    L.control.layers(undefined, { events, 'claimed presences': presences }, { collapsed: false }).addTo(instance)
    map.current = instance
    layers.current = { events, presences }
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
      const { events: eventLayer, presences: presenceLayer } = layers.current
      eventLayer.clearLayers()
      presenceLayer.clearLayers()
      const located = events.items.filter((event) => event.place?.lat != null && event.place?.lon != null)
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
      const placed = presences.items.filter((p) => p.objectPoint)
      for (const proposition of placed) {
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
      setCounts({ shown: located.length, total: events.total, presences: placed.length })
      if (focusPlace) {
        const target = located.find((event) => event.place!.id === focusPlace)
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
          {(range.since || range.until) && <button onClick={() => setRange({ since: null, until: null })}>clear dates</button>}
        </span>
        <ExportControl choices={MAP_EXPORTS} filter={{ since: range.since, until: range.until }} />
        {counts && (
          <span class="muted map-counts">
            {counts.shown} of {counts.total} events placed · {counts.presences} claimed presences
          </span>
        )}
      </div>
      {error && <div class="error">Error: {error}</div>}
      <div class="map" ref={container} />
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
