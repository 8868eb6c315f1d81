import type { FeatureCollection } from 'geojson'
import data from './data/provinces-pk-af-ir.json'

/** Province outlines of Pakistan, Afghanistan and Iran (Natural Earth admin-1, derived by web/scripts/derive-provinces.mjs). */
export const provinces = data as unknown as FeatureCollection
