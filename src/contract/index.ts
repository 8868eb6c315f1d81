/**
 * The API contract: every answer's shape, every route's query, path and body, and the closed vocabularies,
 * written once as TypeBox schemas. The read layer returns these types, the routes validate and document
 * with these schemas (@fastify/swagger makes /api/openapi.json of them) and the web UI imports the types.
 */
export * from './vocabulary.js'
export * from './shapes.js'
export * from './api.js'
