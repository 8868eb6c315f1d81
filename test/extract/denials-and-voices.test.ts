import { describe, expect, it } from 'vitest'
import { claims, events } from '../support/analyze-text.js'

// Denials worded as labels, and whose voice a cue gives, on sentences written for these tests.

const ALLEGATION =
  'Relations between Pakistan and Afghanistan have soured. The Taliban said ISKP militants were being trained in Balochistan.'

describe('a denial worded as a label for the allegation', () => {
  it.each([
    'Pakistan’s Foreign Office called the allegations unfounded.',
    'Pakistan termed the claims baseless and malicious.',
    'Islamabad described the accusation as “a pack of lies”.',
    'Pakistan labelled these reports propaganda.',
  ])('%s', (denial) => {
    expect(claims(`${ALLEGATION} ${denial}`)).toContain('Pakistan denies Islamic State Khorasan Province present_in Balochistan')
  })

  it('leaves a label that is no denial an assertion', () => {
    const told = claims(`${ALLEGATION} Pakistan called the claims a distraction from the Taliban’s failures.`)
    expect(told.filter((claim) => claim.startsWith('Pakistan denies'))).toEqual([])
  })
})

describe('the name after a cue', () => {
  it('is the speaker when it closes the sentence', () => {
    expect(claims('“BLA commanders are living in Afghanistan,” said the Pakistani military.')).toContain(
      'Pakistan Armed Forces asserts Baloch Liberation Army present_in Afghanistan',
    )
  })

  it('begins what was said when a clause follows it', () => {
    const told = claims('A senior security official, speaking on condition of anonymity, said BLA commanders were living in Afghanistan.')
    expect(told.filter((claim) => claim.startsWith('Baloch Liberation Army asserts'))).toEqual([])
  })
})

describe('a country acting through a verb a tagger reads as a noun', () => {
  it.each([
    ['finances', 'Pakistan says India finances the BLA.'],
    ['funds', 'A Pakistani think tank, the Islamabad Policy Research Institute, said that India funds the BLA.'],
    ['arms', 'Pakistan says India arms the BLA.'],
  ])('%s', (_, text) => {
    expect(claims(text).some((claim) => claim.endsWith('India supports Baloch Liberation Army'))).toBe(true)
  })
})

describe('a blanket assurance about the speaker’s soil answers the allegations against it', () => {
  const ALLEGED =
    'Relations between Pakistan and Afghanistan have soured. Pakistan’s defence minister said the TTP was operating from Afghanistan with the support of the Taliban government.'
  it.each([
    'Responding to the remarks, Taliban spokesman Zabihullah Mujahid said Afghanistan did not allow anyone to use its territory against other countries.',
    'The Taliban insist that Afghan soil will not be used against any country.',
    'Kabul said no group would be allowed to use Afghan soil against neighbours.',
  ])('%s', (answer) => {
    const told = claims(`${ALLEGED}\n\nTrade through the Torkham crossing has been suspended for a week.\n\n${answer}`)
    expect(told).toContain('Taliban denies Tehreek-e-Taliban Pakistan present_in Afghanistan')
    expect(told).toContain('Taliban denies Taliban supports Tehreek-e-Taliban Pakistan')
  })

  it('is no denial when the soil is another country’s', () => {
    const told = claims(`${ALLEGED} Pakistan said it would not allow anyone to use its airspace for strikes.`)
    expect(told.filter((claim) => claim.includes(' denies '))).toEqual([])
  })
})

describe('a spokesperson introduced beside the body, quoted by pronoun later', () => {
  it('speaks for the body in the later sentences', () => {
    const told = claims(
      'Relations between Pakistan and Afghanistan have soured. Pakistan’s Foreign Office spokesperson Mumtaz Zahra Baloch addressed the weekly briefing on Thursday. She said the TTP was operating from Afghan soil. She further said that India was funding the BLA.',
    )
    expect(told).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Afghanistan')
    expect(told).toContain('Pakistan asserts India supports Baloch Liberation Army')
  })
})

describe('an accuser’s own second act', () => {
  it('is not part of what it accuses the other of', () => {
    const told = claims(
      'Relations between Pakistan and Afghanistan have soured. Pakistan accused Kabul of harbouring the TTP and carried out air strikes in Khost.',
    )
    expect(told).toContain('Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan')
    expect(told).not.toContain('Pakistan asserts Tehreek-e-Taliban Pakistan attacks Khost')
  })

  it('keeps a coordinated accusation whole', () => {
    expect(
      claims('Relations between Pakistan and Afghanistan have soured. Pakistan accused Kabul of harbouring and arming the TTP.'),
    ).toContain('Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan')
  })
})

describe('a speaker after the content', () => {
  it('is the only speaker: the actor that ends the content is no co-speaker', () => {
    const told = claims('The Taliban regime continues to provide sanctuary to the TTP, the Pakistani foreign office said.')
    expect(told).toContain('Ministry of Foreign Affairs of Pakistan asserts Taliban harbors Tehreek-e-Taliban Pakistan')
    expect(told.filter((c) => c.startsWith('Tehreek-e-Taliban Pakistan '))).toEqual([])
  })

  it('keeps a list of speakers joined by "and"', () => {
    const told = claims('The TTP operates from camps in Kunar, Pakistan and the United States said.')
    expect(told).toContain('Pakistan asserts Tehreek-e-Taliban Pakistan present_in Kunar')
    expect(told).toContain('United States asserts Tehreek-e-Taliban Pakistan present_in Kunar')
  })
})

describe('a quotation with its speaker after it', () => {
  it('keeps the speaker’s title out of the content, and "we … that the attack" gives the attack no actor', () => {
    const text = '"We have evidence that the attack was planned in Afghanistan," Pakistan’s defence minister Khawaja Asif told reporters.'
    expect(claims(text).filter((c) => c.includes('Pakistan attacks'))).toEqual([])
    expect(events(text).filter((e) => e.actors.length > 0)).toEqual([])
  })
})

describe('"according to a statement from" a named body', () => {
  it('gives the content to the body, not to the article', () => {
    const told = claims('According to a statement from the Balochistan government, the BLA has hideouts in Iran.')
    expect(told).toEqual(['Government of Balochistan asserts Baloch Liberation Army present_in Iran'])
  })

  it('gives "according to a statement" with no author no claimant', () => {
    const told = claims('The UN team released its report. According to a statement, the BLA has hideouts in Iran.')
    expect(told.filter((c) => c.startsWith('Analytical Support'))).toEqual([])
  })
})

describe('a government that does not allow its soil to be used', () => {
  it('denies the harbouring it was accused of', () => {
    const text =
      'Pakistan has accused Afghanistan of harbouring the TTP. The Taliban government insists that it does not allow its soil to be used against any country.'
    expect(claims(text)).toContain('Taliban denies Taliban harbors Tehreek-e-Taliban Pakistan')
  })
})

describe('a denial with its speaker first and a short object', () => {
  it('is aimed at the accuser, not at the speaker itself', () => {
    const text = 'Pakistan has accused Afghanistan of harbouring the TTP. Kabul has denied the charge.'
    const reject = events(text).find((e) => e.type === 'REJECT')
    expect(reject).toMatchObject({ actors: ['Taliban'], targets: ['Pakistan'] })
  })
})

describe('a quotation that goes on in the next sentence', () => {
  it('keeps the quoted speaker’s voice', () => {
    const text = '"Pakistan is hosting ISKP leaders," Zabihullah Mujahid said. "ISKP has camps in Balochistan."'
    expect(claims(text)).toContain('Taliban asserts Islamic State Khorasan Province present_in Balochistan')
  })

  it('does not carry the voice into a sentence that is no quotation', () => {
    const text = '"Pakistan is hosting ISKP leaders," Zabihullah Mujahid said. ISKP has camps in Balochistan.'
    expect(claims(text)).not.toContain('Taliban asserts Islamic State Khorasan Province present_in Balochistan')
  })
})

describe('a description inside a denial', () => {
  it('is not denied with the allegation', () => {
    const told = claims('The Taliban refuted claims of Noor Wali Mehsud, the leader of the TTP, being in Afghanistan.')
    expect(told).toContain('Taliban denies Noor Wali Mehsud present_in Afghanistan')
    expect(told.filter((c) => c.includes('member_of'))).toEqual([])
  })
})

describe('a denial told as a label of the allegation after a verb of saying', () => {
  const ACCUSED = 'Pakistan accused Kabul of sheltering the TTP.'
  it.each([
    ['said the allegations were unfounded', 'Afghan officials said the allegations were unfounded.'],
    ['says the claims are untrue', 'Kabul says the claims are untrue.'],
    ['a quotation that labels them', '"These are baseless accusations," said Zabihullah Mujahid.'],
  ])('%s', (_, sentence) => {
    const text = `${ACCUSED} ${sentence}`
    expect(claims(text)).toContain('Taliban denies Taliban harbors Tehreek-e-Taliban Pakistan')
    expect(events(text).find((e) => e.type === 'REJECT')).toMatchObject({ actors: ['Taliban'], targets: ['Pakistan'] })
  })

  it('leaves a statement that the claims are detailed alone', () => {
    expect(claims(`${ACCUSED} Kabul says the claims are detailed.`)).not.toContain(
      'Taliban denies Taliban harbors Tehreek-e-Taliban Pakistan',
    )
  })
})

describe('a contrastive "not" negates a noun, not the relation', () => {
  it('reads "killed civilians, not militants" as an attack told, not denied', () => {
    const told = claims('Zabihullah Mujahid said the Pakistani strikes had killed civilians, not militants, in Paktika.')
    expect(told).toContain('Taliban asserts Pakistan attacks Paktika')
    expect(told.filter((c) => c.includes(' denies '))).toEqual([])
  })

  it('still reads a plain "not" as a denial', () => {
    expect(claims('The BLF said it does not have any hideouts in Iran.')).toContain(
      'Balochistan Liberation Front denies Balochistan Liberation Front present_in Iran',
    )
  })
})

describe('silences in idioms and in the unavailability of officials', () => {
  it.each([
    'Indian officials were not available for comment.',
    'New Delhi has remained tight-lipped on the allegations.',
    'India kept mum on the charge.',
  ])('%s', (second) => {
    expect(claims(`Pakistan said India was funding the BLA. ${second}`)).toContain(
      'India no_response India supports Baloch Liberation Army',
    )
  })
})
