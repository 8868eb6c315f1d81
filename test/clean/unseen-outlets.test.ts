// Cleaning text scraped from outlets the rules were not written against (issue 10, family 7): the fixtures are
// written for these tests and mix every kind of furniture such pages carry into an article whose sentences must
// all survive.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../../src/clean/clean-text.js'
import { textKey } from '../../src/text/normalize.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/clean/${name}`, import.meta.url), 'utf8')

function reasonFor(result: ReturnType<typeof cleanText>, line: string): string | undefined {
  return result.removed.find((block) => block.text.split('\n').includes(line))?.reason
}

/** Every line of the fixture that is not furniture: the title and the article's sentences. */
function articleLines(text: string, furniture: string[]): string[] {
  const title = text.split('\n')[0]!
  return text.split('\n').filter((line) => line.trim() && line !== title && !furniture.includes(line))
}

describe('a scraped page from an unseen outlet with furniture inside and after the article', () => {
  const text = fixture('unseen-outlet-market.txt')
  const result = cleanText(text)
  const furniture: Array<[string, string]> = [
    ['Home / Pakistan / Khyber Pakhtunkhwa', 'navigation'],
    ['Staff Correspondent', 'byline'],
    ['Published: March 4, 2026', 'other'],
    ['Policemen stand guard at the entrance of the checkpost after the attack. Photo courtesy: district police', 'other'],
    ['Also read', 'related'],
    ['Four Injured as Bus Overturns on Highway', 'related'],
    ['Advertisement', 'navigation'],
    ['Follow us on Facebook, Instagram and X for the latest updates.', 'other'],
    ['Join our WhatsApp channel', 'other'],
    ['Students Protest Fee Increase at University', 'related'],
    ['Tags', 'navigation'],
    ['Peshawar', 'navigation'],
    ['Categories: Pakistan, Crime', 'navigation'],
    ['Watch: Farmers Demand Fair Price for Wheat', 'related'],
    ['Sign up for our morning briefing', 'related'],
    ["Get the day's top stories delivered to your inbox every morning.", 'other'],
    ['Ayesha Karim is a senior correspondent based in Peshawar who writes on security and tribal affairs.', 'byline'],
  ]

  it('keeps every sentence of the article', () => {
    const lines = articleLines(
      text,
      furniture.map(([line]) => line),
    ).filter((line) => !/^(?:Read more:|Traders|Court|Flood Relief|Police$|Security$|Related videos|Watch: Rescue)/.test(line))
    expect(lines).toHaveLength(5)
    for (const line of lines) expect(result.text).toContain(line)
  })

  it.each(furniture)('removes %j as %s', (line, reason) => {
    expect(result.text.split('\n\n')).not.toContain(line)
    expect(reasonFor(result, line)).toBe(reason)
  })
})

describe('furniture that reads like prose or loses its links in the scrape', () => {
  const text = fixture('unseen-outlet-valley.txt')
  const result = cleanText(text)
  const furniture: Array<[string, string, string]> = [
    ['a caption beside a bare image credit', 'Rescue workers clear rocks from the highway near the pass on Sunday.', 'other'],
    ['the image credit', 'Image: Provincial Disaster Management Authority', 'other'],
    ['a run of link-less headlines between paragraphs', 'Hospital opens new ward for burn victims', 'related'],
    ['a newsletter box addressing the reader', 'Never miss a story. Get our evening bulletin in your inbox, free.', 'other'],
    ['a video title with its running time', 'Flood victims still await compensation 03:12', 'related'],
    ["an app prompt in the site's voice after the last sentence", 'Stay ahead with breaking alerts on our app.', 'other'],
    [
      'an author bio with contact details at the end',
      'Bilal Ahmed covers disasters and infrastructure. He can be reached at bilal.ahmed@valleynews.example or on X at @bilal_reports.',
      'byline',
    ],
  ]

  it('keeps every sentence of the article', () => {
    const lines = articleLines(
      text,
      furniture.map(([, line]) => line),
    ).filter((line) => !/^(?:Wheat growers|Police recover|Students hold)/.test(line))
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(result.text).toContain(line)
  })

  it.each(furniture)('removes %s', (_label, line, reason) => {
    expect(textKey(result.text)).not.toContain(textKey(line))
    expect(reasonFor(result, line)).toBe(reason)
  })
})

describe('article lines that share a shape with furniture stay', () => {
  it('keeps lists of names, quotes addressing "you", subheadings and imperative-looking sentences', () => {
    const text = fixture('unseen-outlet-guards.txt')
    const result = cleanText(text)
    expect(result.removed).toEqual([])
    for (const line of articleLines(text, [])) expect(result.text).toContain(line)
  })

  const BODY = [
    'Officials said two bridges were damaged when the river rose overnight, cutting off several villages.',
    'Rescue teams reached the area by boat on Wednesday and moved more than two hundred families to a school building.',
    'The district administration said it would assess the damage once the water level falls.',
  ]

  it.each([
    ['a caption ending in its agency credit', 'A view of the flooded road near the village. — Reuters'],
    ['a caption with a labelled credit', 'Villagers wade through water near the bridge. Photo: AFP'],
    ['a caption with the credit after a bar', 'Villagers wade through water near the bridge | AFP'],
    ['a call to follow the outlet', 'Follow The Valley Post on Google News'],
    ['a hashtag list', '#Floods #Rescue #Valley'],
    ['a "continues below" marker', 'Story continues below'],
    ['a video link', 'Watch Video: Boats rescue families from rooftops'],
    ['a reader prompt', 'Get breaking news alerts delivered straight to your phone.'],
  ])('removes %s in the middle of the article and keeps the article', (_label, junk) => {
    const result = cleanText([BODY[0], junk, ...BODY.slice(1)].join('\n\n'))
    for (const sentence of BODY) expect(result.text).toContain(sentence)
    expect(result.text).not.toContain(junk)
  })
})

describe('a short article line naming the US', () => {
  it.each(['The US State Department condemned the attack.', 'US drones struck a compound in North Waziristan.'])('stays: %s', (line) => {
    const result = cleanText(['A bomb killed 12 people in Peshawar on Monday, officials said.', line].join('\n\n'))
    expect(result.text).toContain(line)
  })

  it('still removes the site speaking as "us"', () => {
    const junk = 'Write to us with your story'
    const result = cleanText(['A bomb killed 12 people in Peshawar on Monday, officials said.', junk].join('\n\n'))
    expect(result.text).not.toContain(junk)
  })
})
