import { describe, expect, it } from 'vitest'
import { analyzeSource } from '../../src/pipeline/analyze.js'
import type { AnalysisRecord, Via } from '../../src/record/record.js'

const DENIAL = [
  'Pakistan says militants use Afghan havens',
  '',
  'Pakistani officials said on Tuesday that TTP fighters were operating from Afghanistan.',
  '',
  'Zabihullah Mujahid said the group had no presence in Afghanistan.',
  '',
  'Police arrested two suspects in Quetta later that day.',
].join('\n')

const SILENCE = [
  'Pakistan accuses Kabul over border raids',
  '',
  "Pakistan's Foreign Office said the Taliban were sheltering TTP militants. The Taliban did not immediately respond to the accusation.",
].join('\n')

function analyze(text: string): AnalysisRecord {
  return analyzeSource({ name: 'via.txt', format: 'text', content: text, meta: {} }, { referenceDate: '2026-02-10' })
}

const via = (item: { via: Via } | undefined) => item && `${item.via.stage}/${item.via.rule}`

describe('via: the stage and rule behind every record item', () => {
  it('names the recognizer and extractor rules that produced each item', () => {
    const record = analyze(DENIAL)
    expect(via(record.entities.find((e) => e.id === 'actor:ttp'))).toBe('recognize/kb-alias')
    // the spokesperson's body is never named: extraction adds it from the knowledge base role
    const taliban = record.entities.find((e) => e.id === 'actor:taliban')
    expect(via(taliban)).toBe('extract/spokesperson-body')
    expect(taliban?.mentions).toEqual([])
    expect(via(record.places.find((p) => p.id === 'country:AF'))).toBe('recognize/gazetteer-country')
    expect(via(record.places.find((p) => p.name === 'Quetta'))).toBe('recognize/gazetteer-ranked')
    expect(via(record.events.find((e) => e.type === 'COERCE'))).toBe('extract/trigger')
    const denial = record.claims.find((c) => c.claimant === 'actor:taliban' && c.stance === 'denies')
    expect(via(denial)).toBe('extract/attribution')
  })

  it('tells silences and speech acts apart from the claims they answer', () => {
    const record = analyze(SILENCE)
    const harbors = record.claims.filter((c) => c.relation === 'harbors' && c.subject === 'actor:taliban')
    expect(harbors.map((c) => [c.claimant, c.stance, via(c)])).toEqual([
      ['actor:pakistan', 'asserts', 'extract/attribution'],
      ['actor:taliban', 'no_response', 'extract/silence'],
    ])
    expect(via(record.events.find((e) => e.type === 'ACCUSE'))).toBe('extract/speech-act')
  })

  it('gives every item a stage and a rule', () => {
    for (const record of [analyze(DENIAL), analyze(SILENCE)]) {
      const items = [...record.entities, ...record.places, ...record.events, ...record.claims]
      expect(items.length).toBeGreaterThanOrEqual(8)
      for (const item of items)
        expect(item.via).toEqual({ stage: expect.stringMatching(/^(recognize|extract)$/), rule: expect.stringMatching(/^[a-z-]+$/) })
    }
  })
})
