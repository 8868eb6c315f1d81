import { parseDocument } from '../src/clean/dom.js'
import { blockText } from '../src/clean/html-to-text.js'
import { extractMetadata } from '../src/clean/html-metadata.js'
const P = 'The provincial assembly approved the budget.'
const html = `<html><body>${'<div>'.repeat(20_000)}<p>${P}</p>${'</div>'.repeat(20_000)}</body></html>`
let t = Date.now(); const d = parseDocument(html); console.log('parse', Date.now() - t)
t = Date.now(); extractMetadata(d); console.log('meta', Date.now() - t)
t = Date.now(); d.querySelectorAll('p, pre, blockquote, li'); console.log('qsa', Date.now() - t)
t = Date.now(); d.querySelectorAll('script, style, noscript, template, nav, header, footer, aside, form, svg, iframe'); console.log('qsa2', Date.now() - t)
t = Date.now(); blockText(d.body!); console.log('blocktext', Date.now() - t)
