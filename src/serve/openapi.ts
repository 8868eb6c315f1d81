import type { ApiRoute } from './api-routes.js'
import { responseSchemas, routeResponses } from './openapi-schemas.js'

/** The OpenAPI 3 document, made from the same schemas that validate requests. */
export function openApiDocument(routes: ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const openApiPath = route.url.replace(/:(\w+)/g, '{$1}')
    paths[openApiPath] ??= {}
    paths[openApiPath][route.method.toLowerCase()] = operationOf(route)
  }
  paths['/api/openapi.json'] = {
    get: { summary: 'This document', operationId: 'openapi', responses: { '200': { description: 'OpenAPI 3 document' } } },
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'sitrep API',
      version: '1',
      description:
        'Read access to the sitrep knowledge base (articles, actors, places, events, attributed claims and the propositions they support) and uploads for analysis. ' +
        'GET answers carry an ETag and answer 304 to a matching If-None-Match. Lists take limit and offset and return {items, total, limit, offset}. Errors are {statusCode, error, message}.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'the token `sitrep serve` prints at start, or its --token' },
      },
      schemas: { Error: errorSchema, ...responseSchemas },
    },
    paths,
  }
}

const errorSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
  required: ['statusCode', 'error', 'message'],
}

function operationOf(route: ApiRoute): Record<string, unknown> {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.querystring, 'query')]
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  })
  const responses: Record<string, unknown> = {
    '200': route.downloads
      ? {
          description: 'the file, streamed (Content-Disposition: attachment)',
          headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="…"' } },
          content: Object.fromEntries(route.downloads.map((mediaType) => [mediaType, { schema: { type: 'string', format: 'binary' } }])),
        }
      : {
          description: 'OK',
          content: { 'application/json': { schema: routeResponses[`${route.method} ${route.url}`] ?? { type: 'object' } } },
        },
    '400': errorResponse('invalid request'),
  }
  if (route.method === 'GET' && !route.downloads) responses['304'] = { description: 'not modified (If-None-Match matched the ETag)' }
  if (route.params) responses['404'] = errorResponse('no such id')
  if (route.write) {
    responses['401'] = errorResponse('missing or wrong bearer token')
    responses['403'] = errorResponse('the server is read-only')
    responses['413'] = errorResponse('body too large')
  }
  return {
    summary: route.summary,
    operationId: operationIdOf(route),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    ...(route.write ? { security: [{ bearer: [] }] } : {}),
    responses,
  }
}

function parametersOf(schema: ApiRoute['params'], location: 'path' | 'query'): Record<string, unknown>[] {
  if (!schema) return []
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string }
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    }
  })
}

function operationIdOf(route: ApiRoute): string {
  const words = route.url
    .replace(/^\/api\//, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? 'ById' : part))
  const name = words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('')
  return `${route.method.toLowerCase()}${name.charAt(0).toUpperCase()}${name.slice(1)}`
}
