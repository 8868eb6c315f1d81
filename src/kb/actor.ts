/** Knowledge-base record types live in the ground folder (src/record/), where the working article refers to them. */
export type { ActorEntry, ActorRole } from '../record/actor-entry.js'
