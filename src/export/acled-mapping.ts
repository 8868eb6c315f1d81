import type { EntityType, EventType } from '../record/record.js'

/**
 * PLOVER type and mode → ACLED event type and sub-event type (README, "ACLED mapping").
 * ACLED codes political violence, demonstrations and strategic developments; PLOVER's verbal and
 * cooperative types (consultations, accusations, appeals, threats…) are no ACLED events and are
 * left out of the CSV (null).
 */

export const ACLED_EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const
export type AcledEventType = (typeof ACLED_EVENT_TYPES)[number]

export interface AcledCode {
  eventType: AcledEventType
  subEventType: string
}

interface TypeMapping {
  /** The code when the mode has none of its own; 'by-target' for ASSAULT without a telling mode. */
  fallback: AcledCode | 'by-target' | null
  modes?: Record<string, AcledCode>
}

const code = (eventType: AcledEventType, subEventType: string): AcledCode => ({ eventType, subEventType })
const strategic = (subEventType: string) => code('Strategic developments', subEventType)

export const ACLED_MAPPING: Record<EventType, TypeMapping> = {
  ASSAULT: {
    fallback: 'by-target',
    modes: {
      aerial: code('Explosions/Remote violence', 'Air/drone strike'),
      drone: code('Explosions/Remote violence', 'Air/drone strike'),
      suicide: code('Explosions/Remote violence', 'Suicide bomb'),
      explosion: code('Explosions/Remote violence', 'Remote explosive/landmine/IED'),
      'heavy-weapons': code('Explosions/Remote violence', 'Shelling/artillery/missile attack'),
      clash: code('Battles', 'Armed clash'),
      ambush: code('Battles', 'Armed clash'),
    },
  },
  COERCE: {
    fallback: strategic('Other'),
    modes: {
      abduction: code('Violence against civilians', 'Abduction/forced disappearance'),
      arrest: strategic('Arrests'),
    },
  },
  PROTEST: { fallback: code('Protests', 'Peaceful protest') },
  MOBILIZE: { fallback: strategic('Change to group/activity') },
  RETREAT: { fallback: strategic('Other') },
  AGREE: { fallback: strategic('Agreement') },
  CONCEDE: { fallback: null },
  CONSULT: { fallback: null },
  SUPPORT: { fallback: null },
  COOPERATE: { fallback: null },
  AID: { fallback: null },
  REQUEST: { fallback: null },
  ACCUSE: { fallback: null },
  REJECT: { fallback: null },
  THREATEN: { fallback: null },
  SANCTION: { fallback: null },
}

/** Targets that fight back make an attack a battle; an attack on anyone else is violence against civilians. */
const ARMED_TYPES: ReadonlySet<string> = new Set<EntityType>(['armed_group', 'security_force'])

export function acledCodeOf(type: EventType, modes: string[], targetTypes: string[]): AcledCode | null {
  const mapping = ACLED_MAPPING[type]
  for (const mode of modes) {
    const byMode = mapping.modes?.[mode]
    if (byMode) return byMode
  }
  if (mapping.fallback !== 'by-target') return mapping.fallback
  return targetTypes.some((targetType) => ARMED_TYPES.has(targetType))
    ? code('Battles', 'Armed clash')
    : code('Violence against civilians', 'Attack')
}

export function disorderTypeOf(eventType: AcledEventType): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations'
  if (eventType === 'Strategic developments') return 'Strategic developments'
  return 'Political violence'
}

/** ACLED's actor categories (inter1/inter2) by entity type. */
export const ACLED_INTER: Record<EntityType, string> = {
  state: 'State forces',
  government: 'State forces',
  security_force: 'State forces',
  armed_group: 'Rebel group',
  political_party: 'Political militia',
  international_org: 'External/Other forces',
  organization: 'Civilians',
  media: 'Civilians',
  person: 'Civilians',
}
