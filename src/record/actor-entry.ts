import type { EntityType } from './record.js'

/** A role a person holds in an organisation, e.g. spokesperson of the Taliban government since 2021. */
export interface ActorRole {
  /** spokesperson | leader | deputy_leader | minister | foreign_minister | head | commander | official | founder | member */
  role: string
  /** The actor id of the body the role belongs to. */
  of: string
  /** Free-text title as used in the press, e.g. "Director General ISPR". */
  title?: string
  /** ISO date or year the role began / ended; null when open or unknown. */
  from?: string | null
  to?: string | null
}

/** One record of the knowledge base (data/kb/*.json): a real actor with every common spelling of its name. */
export interface ActorEntry {
  /** Stable id, "actor:" + a short slug, e.g. "actor:iskp". */
  id: string
  /** Canonical name. */
  name: string
  type: EntityType
  /** ISO 3166-1 alpha-2 of the actor's home country, or null for international bodies. */
  country: string | null
  /** Every common spelling, transliteration, abbreviation and descriptive name that unambiguously means this actor. */
  aliases: string[]
  /** The actor id of the parent organisation (a wing, faction, ministry or unit belongs to its parent). */
  parent?: string | null
  roles?: ActorRole[]
  /**
   * Names that stand for this actor only when used as an acting party (metonymy), e.g. a capital for its
   * government: "Islamabad accused Kabul". They are places otherwise.
   */
  metonyms?: string[]
  /** Alternate names valid only in a period, e.g. the Taliban as Afghanistan's government from 2021-08-15. */
  from?: string | null
  to?: string | null
  wikidata?: string | null
  description?: string
}

/** The knowledge base's stand-in for "unknown gunmen", "unidentified assailants": an actor no one can be said to be. */
export const UNIDENTIFIED_ARMED_GROUP = 'actor:unidentified-armed-group'
