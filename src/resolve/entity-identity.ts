import type { EntityRecord } from '../record/record.js'
import { entityKey } from '../text/normalize.js'

/** Ids the analyzer mints for names outside the knowledge base ("actor:x-<slug>"). */
export function isProvisionalId(id: string): boolean {
  return /^actor:x-/.test(id)
}

/** The key a name is known under across articles. */
export function identityNameKey(name: string): string {
  return entityKey(name)
}

/** A stored entity of the same type known under the same normalized name. */
export interface NamesakeEntity {
  id: string
  /** A knowledge-base entity. */
  known: boolean
}

export interface MergeChoice {
  target: string
  reason: string
}

/**
 * The entity a provisional one joins: a stored entity of its type under the same normalized name, a
 * knowledge-base entity first, else the first in the store's order; null when it stands on its own.
 * Knowledge-base ids are global already and never merged.
 */
export function chooseMergeTarget(
  entity: Pick<EntityRecord, 'id' | 'name' | 'type'>,
  namesakes: readonly NamesakeEntity[],
): MergeChoice | null {
  if (!isProvisionalId(entity.id)) return null
  const others = namesakes.filter((candidate) => candidate.id !== entity.id)
  const target = (others.find((candidate) => candidate.known) ?? others[0])?.id
  if (target === undefined) return null
  const kind = isProvisionalId(target) ? 'same name' : 'name of a known entity'
  return { target, reason: `${kind} "${identityNameKey(entity.name)}", type ${entity.type}` }
}
