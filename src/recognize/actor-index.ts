import type { ActorEntry } from '../kb/actor.js'
import type { KnowledgeBase } from '../kb/load-kb.js'
import { aliasKey, foldText } from '../text/normalize.js'
import { lexicon } from '../lexicon/load.js'
import { NameTrie } from './name-trie.js'

/** The knowledge base prepared for matching: built once per process and shared by every article. */
export interface ActorIndex {
  kb: KnowledgeBase
  trie: NameTrie<ActorEntry>
  /** The state actor of each ISO-2 country. */
  stateOf: Map<string, ActorEntry>
  /** Actors a place name stands for when it acts ("Kabul" → the Taliban government), by folded name. */
  metonyms: Map<string, ActorEntry[]>
  /** The main armed forces of each country, for bare "security forces" / "the army". */
  armyOf: Map<string, ActorEntry>
  /** Police forces by folded province or country name ("khyber pakhtunkhwa" → KP Police). */
  policeOf: Map<string, ActorEntry>
  /**
   * A country's bodies by the name they go by at home, without the country: "PK|interior ministry" → Pakistan's
   * Ministry of Interior. Articles write "the Interior Ministry" and leave the country to the context.
   */
  bodyOf: Map<string, ActorEntry>
  /** The generic names `bodyOf` knows, for scanning: "interior ministry", "foreign office", … */
  genericBodies: NameTrie<string>
}

/**
 * A lowercase leading article is not part of a name ("the Taliban" is matched as "Taliban"); a capitalized one is
 * ("The News" must not match the word "news").
 */
function matchableAlias(alias: string): string {
  return alias.replace(/^(the|a|an)\s+(?=\p{Lu})/u, '')
}

export function buildActorIndex(kb: KnowledgeBase): ActorIndex {
  const trie = new NameTrie<ActorEntry>()
  const stateOf = new Map<string, ActorEntry>()
  const metonyms = new Map<string, ActorEntry[]>()
  const armyOf = new Map<string, ActorEntry>()
  const policeOf = new Map<string, ActorEntry>()
  for (const actor of kb.actors) {
    for (const alias of [actor.name, ...actor.aliases]) trie.add(matchableAlias(alias), actor)
    if (actor.type === 'state' && actor.country && !stateOf.has(actor.country)) stateOf.set(actor.country, actor)
    for (const name of actor.metonyms ?? []) {
      const key = foldText(name)
      metonyms.set(key, [...(metonyms.get(key) ?? []), actor])
    }
    if (actor.type === 'security_force' && actor.country) indexForce(actor, armyOf, policeOf)
  }
  // Names several actors share ("ISIS" for Islamic State central and its Khorasan branch) map to all of them;
  // the recognizer picks one from context.
  for (const [key, ids] of kb.ambiguous) {
    const actors = ids.map((id) => kb.byId.get(id)).filter((a): a is ActorEntry => a !== undefined)
    const written = actors.flatMap((a) => [a.name, ...a.aliases]).find((alias) => aliasKey(alias) === key)
    if (!written) continue
    for (const actor of actors) if (!isAliasOf(actor, written)) trie.add(matchableAlias(written), actor)
  }
  const { bodyOf, genericBodies } = indexGenericBodies(kb, stateOf)
  return { kb, trie, stateOf, metonyms, armyOf, policeOf, bodyOf, genericBodies }
}

const BODY_HEADS = /\b(?:ministry|office|department|directorate|commission|council|cabinet|embassy|parliament|assembly|senate)\b/i

function indexGenericBodies(
  kb: KnowledgeBase,
  stateOf: Map<string, ActorEntry>,
): { bodyOf: Map<string, ActorEntry>; genericBodies: NameTrie<string> } {
  const bodyOf = new Map<string, ActorEntry>()
  const genericBodies = new NameTrie<string>()
  const demonyms = Object.entries(lexicon('demonyms'))
  for (const actor of kb.actors) {
    if (actor.type !== 'government' || !actor.country) continue
    const state = stateOf.get(actor.country)
    const countryWords = [
      state?.name,
      ...(state?.aliases ?? []),
      ...demonyms.filter(([, code]) => code === actor.country).map(([word]) => word),
    ]
      .filter((w): w is string => !!w && !/\s/.test(w))
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    if (countryWords.length === 0) continue
    const strip = new RegExp(
      `(?:\\b(?:${countryWords.join('|')})(?:’s|'s)?\\s+|\\s+of\\s+(?:the\\s+)?(?:${countryWords.join('|')})$|^(?:federal|national)\\s+)`,
      'gi',
    )
    for (const alias of [actor.name, ...actor.aliases]) {
      const generic = alias.replace(strip, '').trim()
      if (generic === alias || !BODY_HEADS.test(generic) || generic.split(/\s+/).length < 2) continue
      const key = `${actor.country}|${foldText(generic)}`
      if (!bodyOf.has(key)) bodyOf.set(key, actor)
      genericBodies.add(titleCase(generic), foldText(generic))
    }
  }
  return { bodyOf, genericBodies }
}

/** "interior ministry" → "Interior Ministry": generic body names are matched only when capitalized in the text. */
function titleCase(name: string): string {
  return name.replace(/\b(?!of\b|and\b|the\b|for\b)\p{Ll}/gu, (c) => c.toUpperCase())
}

function isAliasOf(actor: ActorEntry, key: string): boolean {
  return [actor.name, ...actor.aliases].some((alias) => foldText(alias) === foldText(key))
}

function indexForce(actor: ActorEntry, armyOf: Map<string, ActorEntry>, policeOf: Map<string, ActorEntry>): void {
  const names = [actor.name, ...actor.aliases].map((n) => n.toLowerCase())
  const country = actor.country!
  if (names.some((n) => /\barmed forces\b/.test(n)) && !armyOf.has(country)) armyOf.set(country, actor)
  else if (!armyOf.has(country) && names.some((n) => /\b(army|military)$/.test(n)) && !actor.parent?.includes('police'))
    armyOf.set(country, actor)
  for (const name of names) {
    const police = /^(.+?)\s+police$/.exec(name)
    if (police && !policeOf.has(police[1]!)) policeOf.set(foldText(police[1]!), actor)
  }
}

/** Is the actor valid on the reference date? Actors without dates always are. */
export function activeOn(actor: ActorEntry, date: string | null): boolean {
  if (!date) return true
  if (actor.from && date < actor.from) return false
  if (actor.to && date > actor.to) return false
  return true
}
