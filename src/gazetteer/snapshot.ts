import { findString, packStrings, packedSize, type PackedStrings } from '../snapshot/packed-strings.js'
import type { Gazetteer } from './gazetteer-index.js'
import { placeKey } from '../text/normalize.js'
import type { PlaceEntry } from './place-entry.js'

/** What the built index holds, as the gazetteer hands it over for a snapshot. */
export interface PlaceIndexParts {
  byKey: ReadonlyMap<string, PlaceEntry | PlaceEntry[]>
  byId: ReadonlyMap<string, PlaceEntry>
  countries: ReadonlyMap<string, PlaceEntry>
  admin1ByName: ReadonlyMap<string, PlaceEntry>
  maxNameTokens: number
  size: number
}

/** The gazetteer as stored in dist/snapshot/gazetteer.v8: entries as JSON text, parsed when first asked for. */
export interface GazetteerSnapshot {
  keys: PackedStrings
  /** Candidates of key i are entry numbers posts[postStarts[i]] … posts[postStarts[i + 1] - 1], in rank order. */
  postStarts: Int32Array
  posts: Int32Array
  /** Every entry as JSON in UTF-8 (half the bytes of a JS string holding the non-Latin alternate names). */
  entries: Uint8Array
  /** Byte offsets into `entries`. */
  entryStarts: Int32Array
  ids: PackedStrings
  idEntry: Int32Array
  admin1: PackedStrings
  admin1Entry: Int32Array
  countries: [string, number][]
  maxNameTokens: number
  size: number
}

export function toGazetteerSnapshot(parts: PlaceIndexParts): GazetteerSnapshot {
  const numbers = new Map<PlaceEntry, number>()
  const texts: string[] = []
  const numberOf = (entry: PlaceEntry): number => {
    let n = numbers.get(entry)
    if (n === undefined) {
      n = texts.length
      numbers.set(entry, n)
      texts.push(JSON.stringify(entry))
    }
    return n
  }
  const keyList = [...parts.byKey.keys()]
  const postStarts = new Int32Array(keyList.length + 1)
  const posts: number[] = []
  keyList.forEach((key, i) => {
    postStarts[i] = posts.length
    const found = parts.byKey.get(key)!
    for (const entry of Array.isArray(found) ? found : [found]) posts.push(numberOf(entry))
  })
  postStarts[keyList.length] = posts.length
  const idList = [...parts.byId.keys()]
  const admin1List = [...parts.admin1ByName.keys()]
  const snapshot: Omit<GazetteerSnapshot, 'entries' | 'entryStarts'> = {
    keys: packStrings(keyList),
    postStarts,
    posts: Int32Array.from(posts),
    ids: packStrings(idList),
    idEntry: Int32Array.from(idList, (id) => numberOf(parts.byId.get(id)!)),
    admin1: packStrings(admin1List),
    admin1Entry: Int32Array.from(admin1List, (key) => numberOf(parts.admin1ByName.get(key)!)),
    countries: [...parts.countries].map(([code, entry]) => [code, numberOf(entry)]),
    maxNameTokens: parts.maxNameTokens,
    size: parts.size,
  }
  const encoded = texts.map((text) => Buffer.from(text, 'utf8'))
  const entryStarts = new Int32Array(texts.length + 1)
  let offset = 0
  encoded.forEach((bytes, i) => {
    entryStarts[i] = offset
    offset += bytes.length
  })
  entryStarts[texts.length] = offset
  return { ...snapshot, entries: new Uint8Array(Buffer.concat(encoded)), entryStarts }
}

/** Answers like the built index (same entries, same order, one object per place) from a snapshot. */
export class SnapshotGazetteer implements Gazetteer {
  private readonly parsed: (PlaceEntry | undefined)[]
  private readonly entryBytes: Buffer
  private readonly countries: Map<string, number>
  readonly maxNameTokens: number
  readonly size: number

  constructor(private readonly snapshot: GazetteerSnapshot) {
    this.parsed = new Array<PlaceEntry | undefined>(snapshot.entryStarts.length - 1)
    this.countries = new Map(snapshot.countries)
    this.entryBytes = Buffer.from(snapshot.entries.buffer, snapshot.entries.byteOffset, snapshot.entries.byteLength)
    this.maxNameTokens = snapshot.maxNameTokens
    this.size = snapshot.size
  }

  candidates(name: string): PlaceEntry[] {
    const key = findString(this.snapshot.keys, placeKey(name))
    if (key < 0) return []
    const { postStarts, posts } = this.snapshot
    const found: PlaceEntry[] = []
    for (let p = postStarts[key]!; p < postStarts[key + 1]!; p++) found.push(this.entry(posts[p]!))
    return found
  }

  get(id: string): PlaceEntry | undefined {
    const i = findString(this.snapshot.ids, id)
    return i < 0 ? undefined : this.entry(this.snapshot.idEntry[i]!)
  }

  country(code: string): PlaceEntry | undefined {
    const n = this.countries.get(code.toUpperCase())
    return n === undefined ? undefined : this.entry(n)
  }

  admin1Of(entry: PlaceEntry): PlaceEntry | undefined {
    if (!entry.country || !entry.admin1 || entry.kind === 'country' || entry.kind === 'admin1') return undefined
    const i = findString(this.snapshot.admin1, `${entry.country}|${placeKey(entry.admin1)}`)
    return i < 0 ? undefined : this.entry(this.snapshot.admin1Entry[i]!)
  }

  /** Number of distinct names indexed (for tests comparing with the built index). */
  get keyCount(): number {
    return packedSize(this.snapshot.keys)
  }

  private entry(n: number): PlaceEntry {
    let entry = this.parsed[n]
    if (!entry) {
      const { entryStarts } = this.snapshot
      entry = JSON.parse(this.entryBytes.toString('utf8', entryStarts[n], entryStarts[n + 1])) as PlaceEntry
      this.parsed[n] = entry
    }
    return entry
  }
}
