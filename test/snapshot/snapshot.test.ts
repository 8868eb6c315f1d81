import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import v8 from 'node:v8'
import { afterAll, describe, expect, it } from 'vitest'
import { buildGazetteer } from '../../src/gazetteer/gazetteer.js'
import { SnapshotGazetteer, toGazetteerSnapshot, type GazetteerSnapshot } from '../../src/gazetteer/snapshot.js'
import { loadKnowledgeBase } from '../../src/kb/load-kb.js'
import { parseText } from '../../src/nlp/nlp-doc.js'
import { buildActorIndex, type ActorIndex } from '../../src/recognize/actor-index.js'
import { revivedActorIndex } from '../../src/snapshot/actor-snapshot.js'
import { findString, packStrings, stringAt } from '../../src/snapshot/packed-strings.js'
import { readSnapshot, writeSnapshot } from '../../src/snapshot/snapshot-file.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-snapshot-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('packed strings', () => {
  it('finds every key, and nothing else', () => {
    const keys = ['kabul', 'kab', 'kabul province', 'پشاور', '', 'a|b', 'zhob']
    const table = packStrings(keys)
    keys.forEach((key, i) => {
      expect(findString(table, key)).toBe(i)
      expect(stringAt(table, i)).toBe(key)
    })
    for (const missing of ['kabu', 'kabul ', 'Kabul', 'zho', 'x']) expect(findString(table, missing)).toBe(-1)
  })
})

describe('gazetteer snapshot', () => {
  const built = buildGazetteer()
  const parts = built.parts()
  const restored = new SnapshotGazetteer(v8.deserialize(v8.serialize(toGazetteerSnapshot(parts))) as GazetteerSnapshot)

  it('answers every name with the same candidates in the same order, one object per place', () => {
    expect(restored.keyCount).toBe(parts.byKey.size)
    expect(restored.size).toBe(built.size)
    expect(restored.maxNameTokens).toBe(built.maxNameTokens)
    // Compared as id lists in one go (an expect per key takes vitest half a minute); entries are compared by id below.
    const ids = (g: { candidates(name: string): { id: string }[] }) =>
      [...parts.byKey.keys()].map((key) =>
        g
          .candidates(key)
          .map((e) => e.id)
          .join(' '),
      )
    expect(ids(restored)).toEqual(ids(built))
    const first = restored.candidates('Kabul')[0]!
    expect(restored.candidates('kabul')[0]).toBe(first)
    expect(restored.get(first.id)).toBe(first)
    expect(restored.candidates('no such place anywhere')).toEqual([])
  })

  it('resolves ids (absorbed GeoNames ids too), countries and provinces like the built index', () => {
    expect([...parts.byId.keys()].map((id) => JSON.stringify(restored.get(id)))).toEqual(
      [...parts.byId.keys()].map((id) => JSON.stringify(built.get(id))),
    )
    for (const code of parts.countries.keys()) expect(restored.country(code.toLowerCase())).toEqual(built.country(code))
    const entries = [...new Set(parts.byId.values())]
    const provinceIds = (g: typeof built) => entries.map((entry) => g.admin1Of(entry)?.id ?? '-')
    expect(provinceIds(restored)).toEqual(provinceIds(built))
    expect(provinceIds(built).filter((id) => id !== '-').length).toBeGreaterThan(1000)
  })
})

describe('actor index snapshot', () => {
  it('matches the same names as the index built from data/kb', () => {
    const built = buildActorIndex(loadKnowledgeBase())
    const restored = revivedActorIndex(v8.deserialize(v8.serialize(built)) as ActorIndex)
    const tokens = parseText(
      'The TTP and IS-KP attacked a post; the Interior Ministry and ISPR said Pakistan’s Foreign Office would respond.',
    ).tokens
    const names = (index: ActorIndex) => index.trie.scan(tokens).map((m) => [m.start, m.end, m.values.map((a) => a.id)])
    expect(names(restored)).toEqual(names(built))
    expect(names(built).length).toBeGreaterThan(2)
    expect(restored.genericBodies.scan(tokens).map((m) => m.values)).toEqual(built.genericBodies.scan(tokens).map((m) => m.values))
    // One object per actor, shared by the trie and the maps, as in the built index.
    const ttp = restored.trie.scan(parseText('TTP').tokens)[0]!.values[0]!
    expect(restored.kb.byId.get(ttp.id)).toBe(ttp)
  })
})

describe('snapshot files', () => {
  it('are read back only while the inputs they were built from are unchanged', () => {
    writeSnapshot('probe', { answer: 42 }, 'inputs-v1', dir)
    expect(readSnapshot('probe', 'inputs-v1', dir)).toEqual({ answer: 42 })
    expect(readSnapshot('probe', 'inputs-v2', dir)).toBeUndefined()
    expect(readSnapshot('missing', 'inputs-v1', dir)).toBeUndefined()
    expect(readSnapshot('probe', null, dir)).toBeUndefined()
  })
})
