/** The gazetteer record type lives in the ground folder (src/record/), where the working article refers to it. */
export type { PlaceEntry } from '../record/place-entry.js'
