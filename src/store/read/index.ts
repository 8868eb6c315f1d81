/**
 * The read layer: every read of the store, by concept, for the CLI, the API (src/serve) and the exports
 * (src/export). Each concept has one filter type (PropositionFilter, EventFilter, PlaceFilter…).
 */
export * from './names.js'
export * from './propositions.js'
export * from './events.js'
export * from './entities.js'
export * from './places.js'
export * from './articles.js'
export * from './article-extraction.js'
export * from './search.js'
export * from './stats.js'
export * from './network.js'
export * from './dyad.js'
export * from './changes.js'
export * from './sources.js'
export * from './exports.js'
export * from './one-turn.js'
