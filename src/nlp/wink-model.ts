import { createRequire } from 'node:module'
import packageModel from 'wink-eng-lite-web-model'

/** The parts of wink's English core model (eng-core-web-model.json) the reader below touches. */
interface CoreModelJson {
  packing: { layout: Record<string, unknown[]> }
  features: Record<string, { list: string[] }>
  pos: { hash: Record<string, number> }
  lexicon: string
  xpansions: string
  [part: string]: unknown
}

interface CoreFeature {
  list: unknown[]
  [counter: string]: unknown
}

const CORE_JSON = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json'

/**
 * wink's English model with a faster reader of its core part, which wink reads once when the pipeline's
 * instance is made. The package's reader deep-copies the 3 MB model (JSON.stringify then JSON.parse) and decodes
 * its two base64 tables a character at a time: ~60 ms of every run's start-up. This one copies only what wink
 * mutates (each feature's list, hash and counters, and the small parts, structured-cloned), decodes with Buffer,
 * and builds the same value-to-index tables, so wink gets an equal model (test/nlp/wink-model.test.ts compares
 * it with the package's, part by part) and the package's own JSON, which the package's reader still copies from,
 * is left untouched.
 */
export const englishModel = { ...packageModel, core: readCoreModel }

function readCoreModel(): unknown {
  const json = createRequire(import.meta.url)(CORE_JSON) as CoreModelJson
  const { features, lexicon, xpansions, ...small } = json
  const model = structuredClone(small) as Pick<CoreModelJson, 'pos' | 'packing'> & Record<string, unknown>
  const copied: Record<string, CoreFeature> = {}
  for (const [name, { list, ...rest }] of Object.entries(features)) copied[name] = { list: list.slice(), ...structuredClone(rest) }
  const layout = model.packing.layout as Record<string, number[]>
  const extractable: string[] = []
  for (const name in layout) {
    const [, mask, shift, packed, canExtract] = layout[name]!
    if (packed === 0) indexFeature(copied[name]!, mask! >>> shift!)
    if (canExtract === 1) extractable.push(name)
  }
  indexFeature(copied.lexeme!)
  const clusters = copied.posClusters!
  clusters.list = (clusters.list as string[]).map((cluster) => new Set(cluster.split('_').map((tag) => model.pos.hash[tag] || 0)))
  const packing = { ...model.packing, efList: extractable }
  return { ...model, packing, features: copied, lexicon: words(lexicon), xpansions: words(xpansions) }
}

/**
 * A feature's value-to-index table (without a prototype: wink looks words up in it, `constructor` too) and the
 * counters wink grows it by: `intrinsicSize` values come with the model, the next new one gets `index`.
 */
function indexFeature(feature: CoreFeature, maxIndex?: number): void {
  const list = feature.list as string[]
  const hash: Record<string, number> = Object.create(null)
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k
  Object.assign(feature, { hash, intrinsicSize: list.length, index: list.length }, maxIndex === undefined ? {} : { maxIndex })
}

/** A base64 table of 32-bit words in the platform's byte order, as wink packs them. */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64')
  const aligned = new Uint8Array(bytes.length)
  aligned.set(bytes)
  return new Uint32Array(aligned.buffer)
}
