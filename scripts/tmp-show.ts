import { readFileSync } from 'node:fs'
import { cleanDocument } from '/work/main/src/clean/clean-document.js'
const file = process.argv[2]!
const format = file.endsWith('.html') ? 'html' : file.endsWith('.md') ? 'markdown' : 'text'
const r = cleanDocument({ name: file, format, content: readFileSync(file, 'utf8'), meta: {} })
console.log(JSON.stringify({ ...r, text: undefined }, null, 1)); console.log('TEXT:\n' + r.text)
