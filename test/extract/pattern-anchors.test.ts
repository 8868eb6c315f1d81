import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnchorScan, AnchorSetsScan, requiredAnchorSets, requiredAnchors } from '../../src/extract/pattern-anchors.js'
import { relationPatternAnchors } from '../../src/extract/relations.js'

describe('required words of a pattern', () => {
  it.each([
    ['\\b(?:camps?|bases?)\\s+in\\s+«P\\d+»', ['camp', 'base']],
    ['«E\\d+» (?:has|have) (?:long )?supported', ['supported']],
    ['fund(?:s|ed|ing)?\\b|financ\\w+', ['fund', 'financ']],
    ['(?:a|b)?x', ['x']],
    ['(?=harbou?r)\\w+', null],
    ['[abc]+\\d*', null],
    ['presence of\\s+(?<S>«E\\d+»)', ['presence of']],
  ])('%s', (source, expected) => {
    expect(requiredAnchors(source)).toEqual(expected)
  })
})

describe('the sets of required words of a pattern', () => {
  it.each([
    ['\\b(?:camps?|bases?)\\s+in\\s+«P\\d+»', [['camp', 'base'], ['in'], ['«P'], ['»']]],
    ['(?<S>«E\\d+»)\\s+(?:is|was)\\s+(?:still\\s+)?in\\b', [['«E'], ['»'], ['is', 'was'], ['in']]],
    ['fund(?:s|ed|ing)?\\b|financ\\w+', [['fund', 'financ']]],
    ['(?=harbou?r)\\w+', []],
  ])('%s', (source, expected) => {
    expect(requiredAnchorSets(source)).toEqual(expected)
  })

  it('opens a pattern only where every one of its sets has a word', () => {
    const scan = new AnchorSetsScan([[['camp'], ['«p']], [['camp']], []])
    expect(scan.candidates('a Camp in «P1»')).toEqual([true, true, true])
    expect(scan.candidates('a camp in «E1»')).toEqual([false, true, true])
  })
})

/** Sentences in sitrep's own words and the demo corpus, masked the way the relation reader sees them and raw. */
function sampleTexts(): string[] {
  const demo = join(import.meta.dirname, '../../examples/demo')
  const raw = readdirSync(demo)
    .filter((name) => /\.(txt|md)$/.test(name))
    .flatMap((name) => readFileSync(join(demo, name), 'utf8').split(/(?<=[.!?])\s+/))
  const masked = raw.map((sentence, i) =>
    sentence.replace(/\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*/g, (name) => (name.length % 3 === 0 ? `«P${i % 7}»` : `«E${name.length % 5}»`)),
  )
  const written = [
    '«E0» has set up training camps in «P1» and «P2», officials said.',
    '«E0» is being supported by «E1», which ALSO FUNDS «E2».',
    '«E3» denied that «E4» had sheltered fighters in «P5».',
    'The long ſ: «E0» ſupported «E1».',
    '«E0» and «E1» have ties with «E2»; «E2» claimed responsibility for the attack in «P0».',
  ]
  return [...raw, ...masked, ...written]
}

describe('the relation prefilter', () => {
  it('never skips a pattern that matches (every relation, speaker and attack pattern over sample sentences)', () => {
    const patterns = relationPatternAnchors()
    expect(patterns.length).toBeGreaterThan(20)
    const scan = new AnchorSetsScan(patterns.map((p) => p.anchorSets))
    const regexes = patterns.map((p) => new RegExp(p.source, 'giu'))
    let matched = 0
    let skipped = 0
    for (const text of sampleTexts()) {
      const open = scan.candidates(text)
      regexes.forEach((regex, i) => {
        regex.lastIndex = 0
        const hit = regex.test(text)
        if (hit) {
          matched++
          expect(open[i], `${patterns[i]!.source.slice(0, 80)} on ${text}`).toBe(true)
        } else if (!open[i]) skipped++
      })
    }
    expect(matched).toBeGreaterThan(5)
    // The point of it: most pattern runs are skipped.
    expect(skipped).toBeGreaterThan(matched * 10)
  })

  it('finds an anchor inside a longer one and across case', () => {
    const scan = new AnchorScan([['supported'], ['support'], ['port'], null, ['camp']])
    expect(scan.candidates('They SUPPORTED it')).toEqual([true, true, true, true, false])
    expect(scan.candidates('a Camp')).toEqual([false, false, false, true, true])
  })
})
