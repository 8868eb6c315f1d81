import { describe, expect, it } from 'vitest'
import { claims, events } from '../support/analyze-text.js'

// Pronouns and descriptions that carry an actor from one sentence to the next, on sentences written for these tests.

describe('a group named before, referred to by a pronoun', () => {
  it.each([
    [
      'its leaders, as the object of an accusation',
      'The TTP has stepped up attacks in Khyber Pakhtunkhwa. Pakistan accuses the Taliban of sheltering its leaders.',
      'Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan',
    ],
    [
      'its leaders, as the subject of what was said',
      'ISKP claimed the bombing in Kabul. Taliban officials said its leaders were hiding in Balochistan.',
      'Taliban asserts Islamic State Khorasan Province present_in Balochistan',
    ],
    [
      'their commanders',
      'The BLA ambushed a convoy in Kech. Pakistan said their commanders were based in Iran.',
      'Pakistan asserts Baloch Liberation Army present_in Iran',
    ],
  ])('%s', (_, text, claim) => {
    expect(claims(text)).toContain(claim)
  })

  it('reads "them" after a verb of support as the group', () => {
    expect(
      claims(
        'The UN report estimated that 6,500 TTP fighters were present in Afghanistan. According to the report, the Taliban provide them with weapons.',
      ),
    ).toContain('United Nations asserts Taliban supports Tehreek-e-Taliban Pakistan')
  })

  it('reads "providing it with" as the group named before, not the verb’s own subject', () => {
    expect(
      claims('The UN report said the TTP had about 6,000 fighters. The report said al-Qaeda was providing it with guidance and training.'),
    ).toContain('United Nations asserts al-Qaeda supports Tehreek-e-Taliban Pakistan')
  })

  it('leaves "them" after other verbs alone', () => {
    const told = claims('TTP fighters crossed into Kurram on Monday. Pakistan said the Taliban watched them closely.')
    expect(told.filter((claim) => claim.includes('Taliban supports') || claim.includes('Taliban harbors'))).toEqual([])
  })
})

describe('the report of a named body', () => {
  it('makes "the UN report" the UN’s, so "according to the report" speaks for it', () => {
    expect(claims('The UN report was published on Monday. According to the report, the Taliban give shelter to TTP leaders.')).toContain(
      'United Nations asserts Taliban harbors Tehreek-e-Taliban Pakistan',
    )
  })
})

describe('a claim through the group’s own fighter', () => {
  it('reads "its fighter blew himself up among …" as the group’s attack', () => {
    expect(
      claims('The Islamic State claimed, through its Amaq news agency, that its fighter blew himself up among Taliban fighters in Kabul.'),
    ).toContain('Islamic State Khorasan Province asserts Islamic State Khorasan Province attacks Taliban')
  })
})

describe('a claim of responsibility as a noun', () => {
  it.each([
    'A suicide bomber blew himself up near a mosque in Quetta. ISKP later issued a claim of responsibility.',
    'A suicide bomber blew himself up near a mosque in Quetta. The Islamic State’s regional branch, ISKP, later issued a claim of responsibility.',
    'A suicide bomber blew himself up near a mosque in Quetta. ISKP released a brief claim of responsibility on Telegram.',
  ])('%s', (text) => {
    expect(claims(text)).toContain('Islamic State Khorasan Province asserts Islamic State Khorasan Province attacks Quetta')
  })
})

describe('a description with modifiers before its noun', () => {
  it('carries a quotation told by "the defence minister" to the minister named before', () => {
    const text = 'Khawaja Asif said Kabul was sheltering the TTP. "India is funding the BLA," the defence minister added.'
    expect(claims(text)).toContain('Ministry of Defence of Pakistan asserts India supports Baloch Liberation Army')
  })

  it('takes no description whose modifier names a body of its own ("the provincial government spokesperson")', () => {
    const text =
      'The Baloch Yakjehti Committee accused the state of abducting students. The provincial government spokesperson rejected the allegations.'
    expect(events(text).filter((e) => e.type === 'REJECT' && e.actors.includes('Baloch Yakjehti Committee'))).toEqual([])
  })

  it('takes no description whose modifier is a name', () => {
    const text = 'Zabihullah Mujahid spoke in Kabul. "India is funding the BLA," the Pakistani minister said.'
    expect(claims(text).filter((c) => c.startsWith('Taliban'))).toEqual([])
  })

  it('never makes the speaker’s own ministry the target of a condemnation', () => {
    const found = events('Iran’s foreign ministry spokesman Esmaeil Baghaei condemned the attack.')
    expect(found.filter((e) => e.type === 'ACCUSE' && e.targets.length > 0)).toEqual([])
  })
})

describe('"according to him"', () => {
  it('gives the content to the last speaker, not to the party named right after', () => {
    const text =
      'Defence Minister Khawaja Asif told reporters that the TTP had sanctuaries in Afghanistan. According to him, the Afghan Taliban were facilitating the group.'
    const told = claims(text)
    expect(told).toContain('Ministry of Defence of Pakistan asserts Taliban supports Tehreek-e-Taliban Pakistan')
    expect(told.filter((c) => c.startsWith('Taliban asserts'))).toEqual([])
  })
})
