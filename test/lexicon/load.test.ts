import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LEXICON_FILES, type LexiconName } from '../../src/lexicon/files.js'
import { LEXICON_DIR, LexiconError, lexicon, parseLexicon } from '../../src/lexicon/load.js'

describe('lexicon loader', () => {
  it('every file in data/lexicon has a schema, and every one loads', () => {
    const files = readdirSync(LEXICON_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort()
    expect(files).toEqual(Object.keys(LEXICON_FILES).sort())
    for (const name of files) expect(lexicon(name as LexiconName)).toBeTypeOf('object')
  })

  it('reads a file once and hands out the same value', () => {
    expect(lexicon('events')).toBe(lexicon('events'))
  })

  it('drops the _about lines of maps', () => {
    expect(Object.keys(lexicon('demonyms'))).not.toContain('_about')
    expect(lexicon('demonyms').Pakistani).toBe('PK')
  })

  it.each([
    ['events', '{"triggers":[{"words":["raid"],"type":"RAID","mode":null}]}', 'events.json: triggers[0].type must be one of'],
    ['weak-cues', '{"cues":["a",3]}', 'weak-cues.json: cues[1] must be a string'],
    ['weak-cues', '{"cues":[],"extra":[]}', 'weak-cues.json: extra is not a known key'],
    ['places', '{"kindAfter":{},"kindBefore":{},"locativeBefore":[]}', 'places.json: notPlaces is missing'],
    [
      'places',
      '{"kindAfter":{"province":"state"},"kindBefore":{},"locativeBefore":[],"notPlaces":[]}',
      'places.json: kindAfter.province must be one of',
    ],
    ['demonyms', '["PK"]', 'demonyms.json: the file must be an object'],
    ['demonyms', '{"Pakistani":', 'demonyms.json: is not JSON'],
  ] as const)('refuses a bad %s file, naming the file and key', (name, json, message) => {
    expect(() => parseLexicon(name, json)).toThrow(LexiconError)
    expect(() => parseLexicon(name, json)).toThrow(`data/lexicon/${message}`)
  })

  it('a relations file must cover every relation of the record', () => {
    const relations = JSON.parse(JSON.stringify({ ...lexicon('relations') }))
    delete relations.relations.member_of
    expect(() => parseLexicon('relations', JSON.stringify(relations))).toThrow('relations.json: relations.member_of is missing')
  })
})
