import { createHash, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Store } from '../store/open-store.js'
import { inOneTurn } from '../store/read/index.js'
import { apiRoutes, type ApiRoute } from './api-routes.js'
import { HttpError } from './http-error.js'
import { openApiOptions, routeSchema } from './swagger.js'
import { ResponseCache } from './response-cache.js'
import { StreamedAnswer } from './streamed-answer.js'

export interface ServerOptions {
  store: Store
  /** The bearer token write endpoints require. */
  token: string
  /** Refuse every write, token or not. */
  readOnly: boolean
  /** The built web UI; null serves the API only. Default: web/dist beside the package. */
  webRoot?: string | null
  /** Largest request body, bytes. */
  bodyLimit?: number
}

const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024

/** web/dist relative to this module, whether it runs from src/serve or dist/serve. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/dist/', import.meta.url))
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    // Proposition ids join two entity ids and a relation: longer than Fastify's default of 100.
    routerOptions: { maxParamLength: 1000 },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
  })
  // Response schemas document the answers; they never filter or reorder them (answers stay JSON.stringify's).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  await app.register(fastifySwagger, openApiOptions)
  app.setErrorHandler(sendError)
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` })
  })
  app.addHook('onSend', withEtag)
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff')
    void reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
    void reply.header('referrer-policy', 'no-referrer')
    return payload
  })

  const cache = new ResponseCache(options.store)
  for (const route of apiRoutes) registerRoute(app, route, options, cache)
  app.get(
    '/api/openapi.json',
    {
      schema: {
        summary: 'This document',
        operationId: 'openapi',
        response: { 200: { description: 'OpenAPI 3 document', type: 'object' } },
      },
    },
    async () => app.swagger(),
  )

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      preCompressed: true,
      cacheControl: true,
      maxAge: 0,
    })
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(`sitrep API: the web UI is not built (no ${webRoot ?? 'web root'}/index.html); see /api/openapi.json\n`),
    )
  }
  return app
}

/** The aggregate answers the UI asks for first, computed ahead so the first page view does not wait for them. */
export async function warmUp(app: FastifyInstance): Promise<void> {
  for (const url of ['/api/overview?limit=8', '/api/timeline', '/api/network?minSources=1&limit=400', '/api/places']) {
    await app.inject({ method: 'GET', url }).catch(() => undefined)
  }
}

function registerRoute(app: FastifyInstance, route: ApiRoute, options: ServerOptions, cache: ResponseCache): void {
  const run = (request: FastifyRequest, store = options.store): Promise<unknown> =>
    route.handler({
      store,
      params: (request.params ?? {}) as Record<string, string>,
      query: (request.query ?? {}) as Record<string, unknown>,
      body: request.body,
      afterWrite: () => cache.clear(),
    })
  app.withTypeProvider<TypeBoxTypeProvider>().route({
    method: route.method,
    url: route.url,
    schema: routeSchema(route),
    // runs before schema coercion, which would turn "1e309" into Infinity and hand it to the store
    preValidation: (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) =>
      done(checkFiniteNumbers(request) ?? (route.write ? checkWriteAccess(request, options) : undefined)),
    handler: async (request, reply) => {
      // a JSON read is one turn on the store's connection; writes and streamed downloads take theirs query by query
      const read = () => (route.write || route.downloads ? run(request) : inOneTurn(options.store, (store) => run(request, store)))
      const answer = await (route.cached ? cache.get(`${route.url}?${JSON.stringify(request.query)}`, read) : read())
      if (!(answer instanceof StreamedAnswer)) return answer
      return reply
        .header('content-disposition', answer.contentDisposition)
        .header('cache-control', 'no-store')
        .type(answer.mediaType)
        .send(answer.body)
    },
  })
}

/** A parameter written as a number must be a finite one: "1e309" is refused, not read as Infinity. */
function checkFiniteNumbers(request: FastifyRequest): HttpError | undefined {
  for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && /^\s*[+-]?(?:\d|\.\d)/.test(value) && /e/i.test(value) && !Number.isFinite(Number(value))) {
      return new HttpError(400, `invalid request: querystring/${name} must be a finite number`)
    }
  }
  return undefined
}

function checkWriteAccess(request: FastifyRequest, options: ServerOptions): HttpError | undefined {
  if (options.readOnly)
    return new HttpError(403, 'this server is read-only: start `sitrep serve` with --token to allow writes on a non-loopback address')
  const header = request.headers.authorization
  if (!header) return new HttpError(401, 'missing Authorization: Bearer TOKEN header (the token `sitrep serve` printed at start)')
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  if (!match || !sameSecret(match[1]!, options.token)) return new HttpError(401, 'wrong bearer token')
  return undefined
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

function sendError(error: FastifyError | HttpError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const status = statusOf(error)
  const message = 'validation' in error && error.validation ? `invalid request: ${error.message}` : error.message
  if (status >= 500) request.log.error(error)
  if (status === 401) void reply.header('www-authenticate', 'Bearer')
  void reply
    .code(status)
    .send({ statusCode: status, error: reasonPhrase(status), message: status >= 500 ? `internal error: ${message}` : message })
}

function statusOf(error: Error): number {
  const status = (error as { statusCode?: unknown }).statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
  }
  return phrases[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error')
}

/** Strong ETags on JSON answers to GETs, and 304 when the client already has that body. */
async function withEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload
  const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`
  void reply.header('etag', etag)
  void reply.header('cache-control', 'no-cache')
  const wanted = request.headers['if-none-match']
  if (wanted?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    void reply.code(304)
    return ''
  }
  return payload
}
