import { describe, expect, it } from 'vitest'
import { cleanText } from '../../src/clean/clean-text.js'

/** A page that gives its date only in the text: the date is read, so its statements are not undated. */
const body =
  'Officials in the district said a convoy was stopped at a checkpoint near the highway on Tuesday morning, and that talks with tribal elders would continue through the week.\n\n' +
  'Residents said the market stayed closed while the police searched vehicles on the main road leading to the bridge.'

describe('publication date from the text', () => {
  it.each([
    ['a dateline', `QUETTA, March 5, 2025: ${body}`, '2025-03-05'],
    ['a "date YYYY-MM-DD" stamp', `date 2025-09-13 ${body}`, '2025-09-13'],
    ['"Published on …" under the headline', `Border talks resume\n\nPublished on 14 August 2025\n\n${body}`, '2025-08-14'],
    ['"Published on …" at the foot', `Border talks resume\n\n${body}\n\nPublished on 14 August 2025`, '2025-08-14'],
  ])('%s', (_name, text, expected) => {
    expect(cleanText(text).published).toBe(expected)
  })

  it('no date in the text leaves the article undated', () => {
    expect(cleanText(`Border talks resume\n\n${body}`).published).toBeNull()
  })
})
