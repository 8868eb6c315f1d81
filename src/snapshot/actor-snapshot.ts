import { loadKnowledgeBase } from '../kb/load-kb.js'
import { buildActorIndex, type ActorIndex } from '../recognize/actor-index.js'
import { NameTrie } from '../recognize/name-trie.js'
import { readSnapshot } from './snapshot-file.js'

export const ACTORS_SNAPSHOT = 'actors'

/**
 * The knowledge base with its alias trie and lookup maps, from dist/snapshot/actors.v8 when current, else derived
 * from data/kb. v8 serialization keeps the sharing of actor objects between the trie and the maps; only the
 * tries' class has to be given back.
 */
export function loadActorIndex(): ActorIndex {
  const snapshot = readSnapshot<ActorIndex>(ACTORS_SNAPSHOT)
  return snapshot ? revivedActorIndex(snapshot) : buildActorIndex(loadKnowledgeBase())
}

/** An actor index as v8.deserialize gives it back, with its tries made NameTries again. */
export function revivedActorIndex(snapshot: ActorIndex): ActorIndex {
  Object.setPrototypeOf(snapshot.trie, NameTrie.prototype)
  Object.setPrototypeOf(snapshot.genericBodies, NameTrie.prototype)
  return snapshot
}
