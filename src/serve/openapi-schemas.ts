/** Response shapes for the OpenAPI document (documentation: answers are not filtered through them). */

type Schema = Record<string, unknown>

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true })
const str: Schema = { type: 'string' }
const int: Schema = { type: 'integer' }
const date: Schema = nullable({ type: 'string', description: 'YYYY-MM-DD' })
const list = (items: Schema): Schema => ({ type: 'array', items })
const object = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties) })

const gradeSchema: Schema = { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'], description: 'Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged' }

export function page(item: string): Schema {
  return object({ items: list(ref(item)), total: int, limit: int, offset: int })
}

export const responseSchemas: Record<string, Schema> = {
  NamedRef: object({ id: str, name: str, kind: { type: 'string', enum: ['entity', 'place', 'unknown'] } }),
  PlaceRef: object({ id: str, name: str, kind: str, lat: nullable({ type: 'number' }), lon: nullable({ type: 'number' }), placeKind: nullable(str), country: nullable(str), admin1: nullable(str) }),
  Fatalities: object({ low: nullable(int), best: nullable(int), high: nullable(int) }),
  Evidence: object({ start: int, end: int, text: str }),
  Party: object({ party: nullable(ref('NamedRef')), speakers: list(ref('NamedRef')), outlets: list(str), sources: int }),
  Stats: object({ articles: int, nearDuplicates: int, entities: int, entityMerges: int, places: int, events: int, eventReports: int, claims: int, propositions: int }),
  Proposition: object({
    id: str,
    subject: ref('NamedRef'),
    relation: str,
    object: nullable(ref('NamedRef')),
    objectPoint: nullable(object({ lat: { type: 'number' }, lon: { type: 'number' } })),
    status: { type: 'string', enum: ['contested', 'corroborated', 'single-source'] },
    bestGrade: nullable({ ...gradeSchema, description: 'the best grade among its outlets; null when none is graded' }),
    sourceCount: int,
    claimCount: int,
    firstSeen: nullable({ type: 'string', description: 'publication date of the first statement; null when no statement is dated' }),
    lastSeen: nullable({ type: 'string', description: 'publication date of the last statement; null when no statement is dated' }),
    undatedClaims: { type: 'integer', description: 'statements from articles without a publication date (kept out of date ranges)' },
    asserters: list(ref('Party')),
    deniers: list(ref('Party')),
    noResponse: list(ref('Party')),
  }),
  Statement: object({
    articleId: str,
    title: nullable(str),
    url: nullable(str),
    source: nullable(str),
    published: date,
    stance: str,
    cue: str,
    claimant: nullable(ref('NamedRef')),
    speaker: nullable(ref('NamedRef')),
    evidence: ref('Evidence'),
    sourceGrade: nullable(ref('SourceGrade')),
  }),
  SourceGrade: object({ grade: gradeSchema, note: nullable(str) }),
  Source: object({ id: str, outlet: str, articles: int, grade: nullable(gradeSchema), note: nullable(str), gradedAt: nullable(str) }),
  CorroborationRule: object({
    minGrade: { ...gradeSchema, description: 'the worst grade that still counts towards corroborated (F never counts)' },
    ungraded: { type: 'string', enum: ['count', 'exclude'], description: 'whether sources from ungraded outlets count' },
  }),
  Event: object({
    id: str,
    type: str,
    place: nullable(ref('PlaceRef')),
    dateStart: date,
    dateEnd: date,
    modes: list(str),
    actors: list(ref('NamedRef')),
    targets: list(ref('NamedRef')),
    fatalities: ref('Fatalities'),
    sourceCount: int,
    reportCount: int,
    geoPrecision: nullable({ type: 'integer', enum: [1, 2, 3], description: 'ACLED-style: 1 a town or site, 2 a district or province, 3 a country or wider region' }),
    timePrecision: nullable({ type: 'integer', enum: [1, 2, 3], description: 'ACLED-style: 1 the day, 2 within a week, 3 within a month or wider; null when undated' }),
  }),
  DyadEvidence: object({ articleId: str, title: nullable(str), source: nullable(str), published: date, start: int, end: int, text: str }),
  DyadStatement: object({
    direction: { type: 'string', enum: ['ab', 'ba'], description: 'ab: a said it about b' },
    propositionId: str,
    stance: str,
    cue: str,
    weakCue: nullable({ type: 'string', description: 'why the stance or claimant may be doubted' }),
    claimant: nullable(ref('NamedRef')),
    speaker: nullable(ref('NamedRef')),
    subject: ref('NamedRef'),
    relation: str,
    object: nullable(ref('NamedRef')),
    evidence: ref('DyadEvidence'),
  }),
  EventReport: object({
    articleId: str,
    title: nullable(str),
    url: nullable(str),
    source: nullable(str),
    published: date,
    mode: nullable(str),
    dateText: nullable(str),
    fatalities: ref('Fatalities'),
    reportedBy: nullable(ref('NamedRef')),
    evidence: ref('Evidence'),
  }),
  Place: object({ id: str, name: str, kind: str, placeKind: str, country: nullable(str), admin1: nullable(str), lat: nullable({ type: 'number' }), lon: nullable({ type: 'number' }), events: int, fatalities: int }),
  Span: object({ start: int, end: int, kind: { type: 'string', enum: ['entity', 'place', 'event', 'claim', 'date'] }, ref: str, label: str }),
}

/** The answer of each route, by "METHOD url". */
export const routeResponses: Record<string, Schema> = {
  'GET /api/stats': ref('Stats'),
  'GET /api/overview': object({ stats: ref('Stats'), contested: list(ref('Proposition')), latestEvents: list(ref('Event')), activeActors: list(object({ id: str, name: str, kind: str, type: nullable(str), articles: int })) }),
  'GET /api/propositions': page('Proposition'),
  'GET /api/propositions/:id': { allOf: [ref('Proposition'), object({ statements: list(ref('Statement')) })] },
  'GET /api/events': page('Event'),
  'GET /api/events/:id': { allOf: [ref('Event'), object({ sources: list(ref('EventReport')) })] },
  'GET /api/timeline': object({ buckets: list(object({ date: str, type: str, events: int, fatalities: int })), undatedEvents: { type: 'integer', description: 'events without a date: never in the buckets' } }),
  'GET /api/places': page('Place'),
  'GET /api/entities/:id': object({
    id: str,
    name: str,
    type: str,
    country: nullable(str),
    aliases: list(str),
    known: { type: 'boolean' },
    articleCount: int,
    mentionCount: int,
    mergedFrom: list(object({ id: str, name: str, reason: str })),
    events: list(ref('Event')),
    eventCount: int,
    claimsAbout: list(ref('Proposition')),
    claimsAboutCount: int,
    affiliations: list(ref('Proposition')),
    claimsBy: list(ref('Proposition')),
  }),
  'GET /api/dyad': object({
    a: ref('NamedRef'),
    b: ref('NamedRef'),
    events: list({ allOf: [ref('Event'), object({ direction: { type: 'string', enum: ['ab', 'ba'], description: 'ab: a is an actor, b a target' }, evidence: nullable(ref('DyadEvidence')) })] }),
    statements: list(ref('DyadStatement')),
    months: list(object({ month: { type: 'string', description: 'YYYY-MM' }, direction: { type: 'string', enum: ['ab', 'ba'] }, accuse: int, reject: int, events: int })),
    undatedEvents: int,
    undatedStatements: int,
  }),
  'GET /api/changes': object({
    since: str,
    newPropositions: object({ total: int, items: list(ref('Proposition')) }),
    statusChanges: object({ total: int, items: list(object({ proposition: ref('Proposition'), from: str, to: str, changedAt: str })) }),
    newEvents: object({ total: int, items: list(ref('Event')) }),
  }),
  'GET /api/network': object({
    nodes: list(object({ id: str, name: str, kind: str, type: nullable(str), weight: int })),
    edges: list(
      object({
        id: str,
        source: str,
        target: str,
        relation: str,
        weight: int,
        status: { type: 'string', enum: ['contested', 'corroborated', 'single-source'] },
        stance: { type: 'string', enum: ['asserted', 'contested'] },
        firstSeen: date,
        lastSeen: date,
        ref: object({ kind: { type: 'string', enum: ['proposition', 'event'] }, id: str }),
      }),
    ),
  }),
  'GET /api/articles/:id': object({
    id: str,
    title: nullable(str),
    url: nullable(str),
    source: nullable(str),
    author: nullable(str),
    published: date,
    inputName: nullable(str),
    ingestedAt: str,
    duplicateOf: nullable(str),
    text: str,
    removed: list(object({ text: str, reason: str })),
    spans: list(ref('Span')),
    extraction: object({
      events: list(object({ eventId: str, type: str, dateText: nullable(str), dateStart: date, dateEnd: date, fatalities: ref('Fatalities'), actors: list(ref('NamedRef')), targets: list(ref('NamedRef')), start: int, end: int })),
      claims: list(
        object({
          propositionId: str,
          stance: str,
          cue: str,
          weakCue: nullable(str),
          claimant: nullable(ref('NamedRef')),
          speaker: nullable(ref('NamedRef')),
          subject: ref('NamedRef'),
          relation: str,
          object: nullable(ref('NamedRef')),
          start: int,
          end: int,
        }),
      ),
      actors: list(object({ id: str, name: str, kind: str, mentions: int, start: int, end: int })),
      places: list(object({ id: str, name: str, kind: str, mentions: int, start: int, end: int })),
    }),
  }),
  'GET /api/search': object({
    query: str,
    articles: list(object({ id: str, title: nullable(str), url: nullable(str), source: nullable(str), published: date, duplicateOf: nullable(str), snippet: str })),
    actors: list(object({ id: str, name: str, kind: str, type: nullable(str) })),
    places: list(object({ id: str, name: str, kind: str, type: nullable(str) })),
  }),
  'GET /api/sources': object({ items: list(ref('Source')), rule: ref('CorroborationRule') }),
  'PUT /api/sources/:id': object({ outlet: str, grade: nullable(gradeSchema), note: nullable(str), refreshed: int, source: ref('Source') }),
  'POST /api/ingest': object({ added: int, replaced: int, unchanged: int, failed: int, failures: list(object({ name: str, error: str })), seconds: { type: 'number' } }),
}
