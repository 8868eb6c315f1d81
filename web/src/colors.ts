import type { EventType, NetworkRelation } from '../../src/contract/vocabulary'

/** One color per PLOVER event type, shared by map, timeline and tables: a new type fails to compile until it has one. */
export const TYPE_COLORS: Record<EventType, string> = {
  ASSAULT: '#d7301f',
  COERCE: '#7a0177',
  THREATEN: '#fc8d59',
  MOBILIZE: '#e6550d',
  ACCUSE: '#3182bd',
  REJECT: '#6baed6',
  PROTEST: '#31a354',
  REQUEST: '#74c476',
  CONSULT: '#636363',
  AGREE: '#1b9e77',
  SUPPORT: '#66a61e',
  AID: '#a6d854',
  COOPERATE: '#8da0cb',
  CONCEDE: '#bdbdbd',
  RETREAT: '#969696',
  SANCTION: '#e7298a',
}

export function typeColor(type: string): string {
  return TYPE_COLORS[type as EventType] ?? '#555'
}

export const RELATION_COLORS: Record<NetworkRelation, string> = {
  attacks: '#d7301f',
  supports: '#2b8cbe',
  harbors: '#88419d',
  cooperates_with: '#31a354',
  threatens: '#fd8d3c',
  accuses: '#636363',
}

export function relationColor(relation: string): string {
  return RELATION_COLORS[relation as NetworkRelation] ?? '#999'
}

/** ISO week start (Monday) of a YYYY-MM-DD date, as YYYY-MM-DD. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  const weekday = (day.getUTCDay() + 6) % 7
  day.setUTCDate(day.getUTCDate() - weekday)
  return day.toISOString().slice(0, 10)
}
