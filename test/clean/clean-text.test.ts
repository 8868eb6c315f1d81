import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../../src/clean/clean-text.js'
import { textKey } from '../../src/text/normalize.js'

const BODY = [
  'Officials said two bridges were damaged when the river rose overnight, cutting off several villages.',
  'Rescue teams reached the area by boat on Wednesday and moved more than two hundred families to a school building.',
  'The district administration said it would assess the damage once the water level falls.',
]

function cleaned(lines: string[]) {
  return cleanText(lines.join('\n\n'))
}

function removedWith(result: ReturnType<typeof cleanText>, text: string): string | undefined {
  return result.removed.find((block) => block.text.split('\n').includes(text))?.reason
}

describe('cleanText keeps the article and removes what surrounds it', () => {
  it.each([
    [
      'a spam line full of links',
      ['Cheap watches http://a.example.xyz/1 http://b.example.xyz/2 http://c.example.xyz/3', ...BODY],
      'Cheap watches http://a.example.xyz/1 http://b.example.xyz/2 http://c.example.xyz/3',
      'spam',
    ],
    ['a share bar', [...BODY.slice(0, 2), 'Share on Facebook', BODY[2]!], 'Share on Facebook', 'navigation'],
    ['social labels', [...BODY, 'Facebook Twitter WhatsApp'], 'Facebook Twitter WhatsApp', 'navigation'],
    [
      'a cookie notice',
      [...BODY, 'This site uses cookies to give you a better experience. Read our cookie policy.'],
      'This site uses cookies to give you a better experience. Read our cookie policy.',
      'cookie',
    ],
    ['a comment widget', [...BODY, 'Leave a Reply', '2 Comments'], '2 Comments', 'comments'],
    [
      'a photo caption with its credit',
      [BODY[0]!, 'Boats wait at the flooded road. JANE ROE / AFP', ...BODY.slice(1)],
      'Boats wait at the flooded road. JANE ROE / AFP',
      'other',
    ],
    [
      'a caption marked as a photo',
      [BODY[0]!, 'A damaged bridge near the village. (Photo: File)', ...BODY.slice(1)],
      'A damaged bridge near the village. (Photo: File)',
      'other',
    ],
    [
      'a file-photo caption',
      [BODY[0]!, 'FILE - Boats carry families across the flooded road near the village, Aug. 3, 2023.', ...BODY.slice(1)],
      'FILE - Boats carry families across the flooded road near the village, Aug. 3, 2023.',
      'other',
    ],
    ['a timestamp line', ['River Floods Cut Off Villages', '09:40 am Aug 14, 2024', ...BODY], '09:40 am Aug 14, 2024', 'other'],
    ['a byline', ['River Floods Cut Off Villages', 'By John Roe', ...BODY], 'By John Roe', 'byline'],
    [
      'a repeated headline',
      ['River Floods Cut Off Villages', 'River Floods Cut Off Villages', ...BODY],
      'River Floods Cut Off Villages',
      'duplicate',
    ],
    [
      'a promotion',
      [...BODY, 'Subscribe to our newsletter for the latest updates'],
      'Subscribe to our newsletter for the latest updates',
      'other',
    ],
    [
      'an inline "also read" link',
      [BODY[0]!, 'Also Read: Dam Gates Opened as Water Rises', ...BODY.slice(1)],
      'Also Read: Dam Gates Opened as Water Rises',
      'related',
    ],
    [
      'an author bio after the article',
      [...BODY, 'John Roe is a reporter who covers climate and disasters for the paper.'],
      'John Roe is a reporter who covers climate and disasters for the paper.',
      'byline',
    ],
    ['a note on the writer', [...BODY, 'The writer is a former civil servant.'], 'The writer is a former civil servant.', 'byline'],
    ['an advertisement label', [BODY[0]!, 'Advertisement', ...BODY.slice(1)], 'Advertisement', 'navigation'],
    ['a tag list', [...BODY, 'Tags: floods, rescue, rivers'], 'Tags: floods, rescue, rivers', 'navigation'],
    ['a breadcrumb', ['Home » World » Asia', ...BODY], 'Home » World » Asia', 'navigation'],
    ['a reading time', ['River Floods Cut Off Villages', '4 min read', ...BODY], '4 min read', 'navigation'],
    ['an e-mail address alone', [...BODY, 'desk@news.example'], 'desk@news.example', 'other'],
    ['furniture after the last paragraph', [...BODY, 'Trending Topics Weather Floods'], 'Trending Topics Weather Floods', 'related'],
  ])('%s', (_label, lines, junk, reason) => {
    const result = cleaned(lines)
    for (const sentence of BODY) expect(result.text).toContain(sentence)
    expect(textKey(result.text)).not.toContain(textKey(junk))
    expect(removedWith(result, junk)).toBe(reason)
  })
})

describe('cleanText: teasers of other articles', () => {
  const teasers = [
    'Latest News',
    'Wheat Prices Rise in City Markets',
    'Traders said the price of wheat flour rose for the third week in a row as supplies from...',
    'Teachers Protest Over Unpaid Salaries',
    'Hundreds of teachers gathered outside the education office on Monday demanding that…',
  ]

  it.each([
    ['after a marker, in the middle', [BODY[0]!, ...teasers, ...BODY.slice(1)]],
    ['after a marker, at the end', [...BODY, ...teasers]],
    ['without a marker (headline + text ending in an ellipsis)', [BODY[0]!, ...teasers.slice(1), ...BODY.slice(1)]],
  ])('%s', (_label, lines) => {
    const result = cleaned(lines)
    expect(result.text.split('\n\n')).toEqual(BODY)
    expect(result.removed.every((block) => block.reason === 'related')).toBe(true)
  })
})

describe('cleanText: a subhead over a paragraph that trails off is no teaser', () => {
  it('keeps a sentence-case subhead and a quote ending in an ellipsis', () => {
    const quote = 'One of the boatmen said the water had never risen this fast: "We tied the boats and then we waited..."'
    const lines = [BODY[0]!, 'What the boatmen saw', quote, ...BODY.slice(1)]
    expect(cleaned(lines).text).toBe(lines.join('\n\n'))
  })
})

describe('cleanText: title, metadata and shape of the text', () => {
  it('takes the first headline as the title, a byline as the author and a stamp as the date', () => {
    const result = cleanText([' date 2024-08-14 River Floods Cut Off Villages', 'By Jane Roe', ...BODY].join('\n'))
    expect(result.title).toBe('River Floods Cut Off Villages')
    expect(result.author).toBe('Jane Roe')
    expect(result.published).toBe('2024-08-14')
    expect(result.text).toBe(BODY.join('\n\n'))
  })

  it('reads a date line under the headline as the publication date', () => {
    expect(cleaned(['River Floods Cut Off Villages', 'Thursday, August 15, 2024', ...BODY]).published).toBe('2024-08-15')
  })

  it.each([
    ['a dateline', ['KARACHI, March 5, 2024: Officials said two bridges were damaged.', ...BODY], '2024-03-05'],
    ['a dateline without a year', ['KARACHI, March 5: Officials said two bridges were damaged.', ...BODY], null],
    ['a footer stamp', [...BODY, 'Published in The Daily, August 16th, 2024'], '2024-08-16'],
  ])('reads the publication date from %s', (_label, lines, expected) => {
    expect(cleaned(lines).published).toBe(expected)
  })

  it('takes a lone name above the article as the author', () => {
    const result = cleaned(['Jane Roe', ...BODY])
    expect(result.author).toBe('Jane Roe')
    expect(result.text).toBe(BODY.join('\n\n'))
  })

  it('keeps a deck under the headline', () => {
    const deck = 'Hundreds of families were moved to safety as the water kept rising'
    expect(cleaned(['River Floods Cut Off Villages', deck, ...BODY]).text.startsWith(deck)).toBe(true)
  })

  it('drops a pull quote that repeats a sentence of the article', () => {
    const result = cleaned([...BODY.slice(0, 2), 'Rescue teams moved more than two hundred families to a school building.', BODY[2]!])
    expect(result.text).toBe(BODY.join('\n\n'))
    expect(result.removed[0]?.reason).toBe('duplicate')
  })

  it('joins a sentence broken across lines and collapses spaces', () => {
    const result = cleanText('Officials said the  road to the\nvalley (near the\ndam) was closed on Friday after heavy rain.')
    expect(result.text).toBe('Officials said the road to the valley (near the dam) was closed on Friday after heavy rain.')
  })

  it('keeps a short closing sentence', () => {
    expect(cleaned([...BODY, 'Both denied it.']).text.endsWith('Both denied it.')).toBe(true)
  })

  it('keeps a paragraph that cites two links', () => {
    const cited =
      'The figures come from the census office (https://census.example/2023) and a survey by the university (https://uni.example/survey).'
    expect(cleaned([...BODY, cited]).text.endsWith(cited)).toBe(true)
  })

  it('keeps a line cut off at the end of a truncated input', () => {
    const result = cleaned([...BODY, 'Earlier this month the provincial government said it had set aside funds for rep'])
    expect(result.text.endsWith('set aside funds for rep')).toBe(true)
  })

  it('uses the metadata title and removes its copies from the text', () => {
    const result = cleanText(['River Floods Cut Off Villages', ...BODY].join('\n'), {
      title: 'River Floods Cut Off Villages',
      author: 'Meta Author',
      published: '2024-01-02',
    })
    expect(result).toMatchObject({
      title: 'River Floods Cut Off Villages',
      author: 'Meta Author',
      published: '2024-01-02',
      text: BODY.join('\n\n'),
    })
  })

  it('returns empty text for input with no article', () => {
    expect(cleanText('Home\nMenu\nShare').text).toBe('')
    expect(cleanText('').text).toBe('')
  })
})

describe('cleanText on a scraped page', () => {
  const page = readFileSync(new URL('../fixtures/clean/scraped-page.txt', import.meta.url), 'utf8')
  const result = cleanText(page)

  it('keeps every sentence of the article, in order', () => {
    expect(result.text.split('\n\n').map((p) => p.slice(0, 30))).toEqual([
      'Four police officers were kill',
      'The attackers arrived on motor',
      'No group has claimed responsib',
      'Residents said the road to the',
    ])
  })

  it('fills the metadata', () => {
    expect(result).toMatchObject({
      title: 'Gunmen Storm Police Post in Valley District, Four Officers Killed',
      author: 'Sara Qadir',
      published: '2025-03-04',
    })
  })

  it('records why each block went', () => {
    expect(result.removed.map((block) => block.reason)).toEqual([
      'spam',
      'byline',
      'other',
      'related',
      'duplicate',
      'duplicate',
      'byline',
      'navigation',
      'cookie',
      'comments',
    ])
  })
})

describe('cleanText on a wire story with a teaser list above the headline', () => {
  const page = readFileSync(new URL('../fixtures/clean/scraped-wire-story.txt', import.meta.url), 'utf8')
  const result = cleanText(page)

  it('finds the headline under the teaser list and the date under the headline', () => {
    expect(result).toMatchObject({ title: 'Talks on Water Sharing Resume After Two-Year Gap', published: '2024-08-12' })
  })

  it('keeps the five paragraphs of the story and nothing else', () => {
    const paragraphs = result.text.split('\n\n')
    expect(paragraphs).toHaveLength(5)
    expect(paragraphs[0]).toMatch(/^Officials from the two provinces met/)
    expect(paragraphs[4]).toBe('The two sides will meet again next month.')
  })

  it.each([
    'Home',
    'Trending Now',
    'Power Cuts Return',
    'Reading time',
    'ALSO READ',
    'Advertisement',
    'Reporting by',
    'wire agency feed',
    'Google News',
    'Tags',
    'Comments',
  ])('drops "%s"', (fragment) => {
    expect(result.text).not.toContain(fragment)
  })
})

describe('cleanText: a teaser of the article itself above it', () => {
  it('keeps the lede although it was shown as a teaser first', () => {
    const lede = BODY[0]!
    const result = cleaned(['Related', 'River Floods Cut Off Villages', lede.replace(/\.$/, '...'), ...BODY, lede])
    expect(result.text).toBe(BODY.join('\n\n'))
  })
})
