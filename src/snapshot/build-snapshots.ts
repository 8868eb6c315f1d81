import { buildGazetteer, GAZETTEER_SNAPSHOT } from '../gazetteer/gazetteer.js'
import { toGazetteerSnapshot } from '../gazetteer/snapshot.js'
import { loadKnowledgeBase } from '../kb/load-kb.js'
import { buildActorIndex } from '../recognize/actor-index.js'
import { ANCHORS_SNAPSHOT, relationPatternAnchors } from '../extract/relations.js'
import { ACTORS_SNAPSHOT } from './actor-snapshot.js'
import { inputsFingerprint, writeSnapshot } from './snapshot-file.js'

/** Run by `npm run build` after tsc: derives the indexes from data/ once and writes dist/snapshot/. */
export function buildSnapshots(): string[] {
  const fingerprint = inputsFingerprint()
  if (fingerprint === null) throw new Error('cannot fingerprint the snapshot inputs (is dist/ built?)')
  return [
    writeSnapshot(GAZETTEER_SNAPSHOT, toGazetteerSnapshot(buildGazetteer().parts()), fingerprint),
    writeSnapshot(ACTORS_SNAPSHOT, buildActorIndex(loadKnowledgeBase()), fingerprint),
    writeSnapshot(ANCHORS_SNAPSHOT, new Map(relationPatternAnchors().map(({ source, anchorSets }) => [source, anchorSets])), fingerprint),
  ]
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const started = performance.now()
  const written = buildSnapshots()
  process.stdout.write(`snapshots: ${written.join(', ')} (${Math.round(performance.now() - started)} ms)\n`)
}
