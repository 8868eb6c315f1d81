import { describe, expect, it } from 'vitest'
import {
  aliasKey,
  entityKey,
  foldText,
  keyWords,
  placeKey,
  plainSpelling,
  slug,
  textKey,
  withoutApostrophes,
} from '../../src/text/normalize.js'

// One row per input: what each normaliser makes of it. Columns: aliasKey, entityKey, placeKey, slug, foldText.
const TABLE: [input: string, alias: string, entity: string, place: string, slugged: string, folded: string][] = [
  // apostrophes: typed, typographic, and the modifier letters of romanised Pashto/Urdu/Arabic
  ["Pakistan's", 'pakistans', 'pakistan s', 'pakistans', 'pakistans', "pakistan's"],
  ['Pakistan’s', 'pakistans', 'pakistan s', 'pakistans', 'pakistans', 'pakistan’s'],
  ['Pakistanʼs', 'pakistans', 'pakistanʼs', 'pakistans', 'pakistan-s', 'pakistanʼs'],
  ['Maʻruf', 'maruf', 'maʻruf', 'maruf', 'ma-ruf', 'maʻruf'],
  ['Ma‘rūf', 'maruf', 'ma ruf', 'maruf', 'ma-ruf', 'ma‘ruf'],
  [
    "Baloch Students' Action Committee",
    'baloch students action committee',
    'baloch students action committee',
    'baloch students action committee',
    'baloch-students-action-committee',
    "baloch students' action committee",
  ],
  // hyphens and dashes
  ['Khyber-Pakhtunkhwa', 'khyber pakhtunkhwa', 'khyber pakhtunkhwa', 'khyber pakhtunkhwa', 'khyber-pakhtunkhwa', 'khyber-pakhtunkhwa'],
  ['ISIS–Khorasan', 'isis khorasan', 'isis khorasan', 'isis khorasan', 'isis-khorasan', 'isis–khorasan'],
  [
    'Tehreek-e-Taliban Pakistan',
    'tehreek e taliban pakistan',
    'tehreek e taliban pakistan',
    'tehreek e taliban pakistan',
    'tehreek-e-taliban-pakistan',
    'tehreek-e-taliban pakistan',
  ],
  // diacritics of transliterated names
  ['Kandahār', 'kandahar', 'kandahar', 'kandahar', 'kandahar', 'kandahar'],
  ['Shāh Walī Kōṯ', 'shah wali kot', 'shah wali kot', 'shah wali kot', 'shah-wali-kot', 'shah wali kot'],
  ['Panjwāʼī', 'panjwai', 'panjwaʼi', 'panjwai', 'panjwa-i', 'panjwaʼi'],
  [
    'Sīstān va Balūchestān',
    'sistan va baluchestan',
    'sistan va baluchestan',
    'sistan va baluchestan',
    'sistan-va-baluchestan',
    'sistan va baluchestan',
  ],
  // letters with no separable accent: only the gazetteer key folds them
  ['Łódź', 'łodz', 'łodz', 'lodz', 'odz', 'łodz'],
  ['Iğdır', 'igdır', 'igdır', 'igdir', 'igd-r', 'igdır'],
  // case, periods and whitespace
  ['U.S.', 'u s', 'u s', 'u s', 'u-s', 'u.s.'],
  ['  D.I.  Khan ', 'd i khan', 'd i khan', 'd i khan', 'd-i-khan', '  d.i.  khan '],
  ['ISKP', 'iskp', 'iskp', 'iskp', 'iskp', 'iskp'],
  ['Jaish\tal-Adl\n', 'jaish al adl', 'jaish al adl', 'jaish al adl', 'jaish-al-adl', 'jaish\tal-adl\n'],
  // compatibility forms: the name keys fold them, the gazetteer key and slugs keep NFD
  ['Ｋａｂｕｌ', 'kabul', 'kabul', 'ｋａｂｕｌ', '', 'ｋａｂｕｌ'],
  ['', '', '', '', '', ''],
  ['—', '', '', '', '', '—'],
]

describe('name and text normalisers', () => {
  it.each(TABLE)('%j', (input, alias, entity, place, slugged, folded) => {
    expect({
      alias: aliasKey(input),
      entity: entityKey(input),
      place: placeKey(input),
      slug: slug(input),
      folded: foldText(input),
    }).toEqual({ alias, entity, place, slug: slugged, folded })
  })

  it('a decomposed accent folds like a composed one', () => {
    const decomposed = 'Kandaha\u0304r'
    expect(aliasKey(decomposed)).toBe(aliasKey('Kandahār'))
    expect(placeKey(decomposed)).toBe(placeKey('Kandahār'))
    expect(foldText(decomposed)).toBe(foldText('Kandahār'))
  })

  it('the gazetteer key’s ASCII fast path agrees with its full folding', () => {
    for (const name of ["O'Neill", 'Sar-e-Pol', 'A  B', 'x_y', 'AfPak/Af-Pak', '`Quoted`']) {
      expect(placeKey(name)).toBe(placeKey(`${name}é`).replace(/ ?e$/, ''))
    }
  })

  it.each([
    ["Cote d'Ivoire", "Cote d'Ivoire"],
    ['Kandahār', 'Kandahar'],
    ['Panjwāʼī', 'Panjwai'],
    ['Maʻrūf', 'Maruf'],
    ['Pakistan’s', 'Pakistan’s'],
  ])('plainSpelling(%j) = %j: accents and romanisation marks go, case and quote apostrophes stay', (input, expected) => {
    expect(plainSpelling(input)).toBe(expected)
  })

  it.each([
    ['Breaking News: Kabul', 'breaking news kabul', 'breaking news kabul'],
    ['Café  Zürich', 'café zürich', 'café zürich'],
    ['Cafe\u0301', 'cafe', 'café'],
    ["  It's — over  ", 'it s over', 'it s over'],
  ])('textKey(%j) keeps accents; composed: true composes first', (input, plain, composed) => {
    expect(textKey(input)).toBe(plain)
    expect(textKey(input, { composed: true })).toBe(composed)
  })

  it('slug options: apostrophes as punctuation, compatibility folding, length', () => {
    expect(slug("O'Neill")).toBe('oneill')
    expect(slug("O'Neill", { apostrophes: 'asPunctuation' })).toBe('o-neill')
    expect(slug('Ｋａｂｕｌ', { compatibility: true })).toBe('kabul')
    expect(slug('a'.repeat(80))).toHaveLength(60)
    expect(slug('a'.repeat(80), { maxLength: Number.POSITIVE_INFINITY })).toHaveLength(80)
  })

  it('keyWords splits the entity key; withoutApostrophes drops every apostrophe mark', () => {
    expect(keyWords('The  Pakistan’s army')).toEqual(['the', 'pakistan', 's', 'army'])
    expect(keyWords(' — ')).toEqual([])
    expect(withoutApostrophes("'’‘ʼʻ`´x")).toBe('x')
  })
})
