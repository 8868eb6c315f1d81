import type { SwaggerOptions } from '@fastify/swagger'
import * as C from '../contract/index.js'
import { ErrorBody } from '../contract/index.js'
import type { ApiRoute } from './api-routes.js'

/** /api/openapi.json: @fastify/swagger makes it of the contract schemas each route is registered with. */

export const openApiOptions: SwaggerOptions = {
  openapi: {
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
      // The shared shapes by name, for clients that generate types; the routes' answers inline the same schemas.
      schemas: {
        Error: ErrorBody,
        NamedRef: C.NamedRef,
        PlaceRef: C.PlaceRef,
        Party: C.PartyView,
        Stats: C.StoreStats,
        Proposition: C.Proposition,
        Statement: C.StatementView,
        Event: C.ServedEvent,
        EventReport: C.EventReportView,
        Place: C.PlaceView,
        DyadStatement: C.DyadStatement,
        Source: C.SourceView,
        CorroborationRule: C.CorroborationRule,
        Span: C.HighlightSpan,
      },
    },
  },
}

/** A route's Fastify schema: what validates its request and what the OpenAPI document says of it. */
export function routeSchema(route: ApiRoute): Record<string, unknown> {
  const error = (description: string) => ({ ...ErrorBody, description })
  const responses: Record<string, unknown> = {
    200: route.downloads
      ? {
          description: 'the file, streamed (Content-Disposition: attachment)',
          headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="…"' } },
          content: Object.fromEntries(route.downloads.map((mediaType) => [mediaType, { schema: { type: 'string', format: 'binary' } }])),
        }
      : { ...(route.response ?? { type: 'object' }), description: 'OK' },
    400: error('invalid request'),
  }
  if (route.method === 'GET' && !route.downloads)
    responses[304] = { description: 'not modified (If-None-Match matched the ETag)', type: 'null' }
  if (route.params) responses[404] = error('no such id')
  if (route.write) {
    responses[401] = error('missing or wrong bearer token')
    responses[403] = error('the server is read-only')
    responses[413] = error('body too large')
  }
  return {
    summary: route.summary,
    operationId: operationIdOf(route),
    ...(route.params ? { params: route.params } : {}),
    ...(route.querystring ? { querystring: route.querystring } : {}),
    ...(route.body ? { body: route.body } : {}),
    ...(route.write ? { security: [{ bearer: [] }] } : {}),
    response: responses,
  }
}

function operationIdOf(route: ApiRoute): string {
  const words = route.url
    .replace(/^\/api\//, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? 'ById' : part))
  const name = words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('')
  return `${route.method.toLowerCase()}${name.charAt(0).toUpperCase()}${name.slice(1)}`
}
