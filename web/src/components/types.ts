export type * from '../api'
export type { Loaded } from '../use-api'
