import { describe, expect, it } from 'vitest'
import { chooseMergeTarget, identityNameKey, isProvisionalId, type NamesakeEntity } from '../../src/resolve/entity-identity.js'

const provisional = { id: 'actor:x-omar-khalid', name: 'Omar Khalid', type: 'person' as const }

describe('entity identity', () => {
  it.each([
    ['actor:x-omar-khalid', true],
    ['actor:ttp', false],
    ['place:123', false],
  ])('%s is provisional: %s', (id, expected) => {
    expect(isProvisionalId(id)).toBe(expected)
  })

  it('keys a name by its normalized form', () => {
    expect(identityNameKey('  Omar  KHALID ')).toBe('omar khalid')
    expect(identityNameKey('Ḥaqqānī Network')).toBe('haqqani network')
  })

  const cases: Array<[string, NamesakeEntity[], { target: string; reason: string } | null]> = [
    ['no namesake: it stands on its own', [], null],
    ['only itself: it stands on its own', [{ id: provisional.id, known: false }], null],
    [
      'a knowledge-base namesake',
      [{ id: 'actor:omar-khalid-khorasani', known: true }],
      { target: 'actor:omar-khalid-khorasani', reason: 'name of a known entity "omar khalid", type person' },
    ],
    [
      'an earlier provisional namesake',
      [{ id: 'actor:x-omar-khalid-2', known: false }],
      { target: 'actor:x-omar-khalid-2', reason: 'same name "omar khalid", type person' },
    ],
    [
      'a known namesake before a provisional one, whatever the order',
      [
        { id: 'actor:x-a', known: false },
        { id: 'actor:z', known: true },
      ],
      { target: 'actor:z', reason: 'name of a known entity "omar khalid", type person' },
    ],
    [
      'the first of several in the store order, itself skipped',
      [
        { id: provisional.id, known: false },
        { id: 'actor:x-b', known: false },
        { id: 'actor:x-c', known: false },
      ],
      { target: 'actor:x-b', reason: 'same name "omar khalid", type person' },
    ],
  ]
  it.each(cases)('%s', (_name, namesakes, expected) => {
    expect(chooseMergeTarget(provisional, namesakes)).toEqual(expected)
  })

  it('never merges a knowledge-base entity', () => {
    expect(chooseMergeTarget({ id: 'actor:ttp', name: 'TTP', type: 'organization' }, [{ id: 'actor:x-ttp', known: false }])).toBeNull()
  })
})
