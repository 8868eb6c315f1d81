import { parse as parseUuid, v5 as uuidv5 } from 'uuid'
import type { EntityType } from '../record/record.js'
import type { Store } from '../store/open-store.js'
import {
  exportArticlePages,
  exportEventPages,
  exportNodes,
  exportPropositionPages,
  propositionEnds,
  storeTimeSpan,
  type ExportArticle,
  type ExportEvent,
  type ExportNode,
  type ExportParty,
  type ExportProposition,
  type ExportStatement,
  type ResolvedFilter,
} from '../store/read/index.js'
import type { Exporter } from './format.js'
import type { TextSink } from './sink.js'
import { slug } from '../text/normalize.js'

/**
 * A STIX 2.1 bundle, written object by object. Armed groups are threat-actors; states, governments,
 * bodies, parties, outlets and people identities; places locations; each article a report; each
 * proposition a relationship (located-at, targets, attributed-to where STIX has that type, else
 * related-to) with x_sitrep_* properties; each attributed statement a note carrying its evidence
 * sentence; each event an x-sitrep-event object defined by an extension-definition.
 *
 * Ids are UUIDv5 of sitrep's own ids, so the same store always yields the same ids and a re-import
 * (OpenCTI, MISP) updates objects instead of duplicating them. Entities and places are written last:
 * the export keeps only the ids of those it referred to, never the objects themselves.
 */
export const stixExporter: Exporter = {
  mediaType: 'application/stix+json;version=2.1',
  extension: 'stix.json',
  write: writeStixBundle,
}

/** sitrep's UUIDv5 namespace: fixed forever, or every re-import would duplicate. */
const SITREP_NAMESPACE = 'ea9a4c3c-1290-41e8-8e6d-c807ac100a93'
const SPEC_VERSION = '2.1'
const EPOCH = '1970-01-01T00:00:00.000Z'

/** The namespace as bytes once: uuid would parse and validate the string form on every id otherwise. */
const NAMESPACE_BYTES = parseUuid(SITREP_NAMESPACE)

export function stixId(type: string, key: string): string {
  return `${type}--${uuidv5(`${type}|${key}`, NAMESPACE_BYTES)}`
}

const SITREP_IDENTITY = stixId('identity', 'sitrep')
const EVENT_EXTENSION = stixId('extension-definition', 'x-sitrep-event')
const EVENT_TYPE = 'x-sitrep-event'

type StixObject = Record<string, unknown> & { type: string; id: string }

async function writeStixBundle(store: Store, filter: ResolvedFilter, sink: TextSink): Promise<void> {
  const span = await storeTimeSpan(store)
  const writer = new BundleWriter(sink, { first: stixTime(span?.first) ?? EPOCH, last: stixTime(span?.last) ?? EPOCH })
  await sink.write(`{"type":"bundle","id":${JSON.stringify(stixId('bundle', JSON.stringify(filter)))},"objects":[`)
  await writer.add([sitrepIdentity(), eventExtension()])
  for await (const page of exportPropositionPages(store, filter, { withStatements: true })) {
    await writer.add(page.flatMap((proposition) => propositionObjects(proposition, writer)))
  }
  for await (const page of exportEventPages(store, filter)) await writer.add(page.map((event) => eventObject(event, writer)))
  for await (const page of exportArticlePages(store, filter)) await writer.add(await reportObjects(store, page, writer))
  const ids = [...writer.nodeIds].sort()
  for (let i = 0; i < ids.length; i += 500) {
    const nodes = await exportNodes(store, ids.slice(i, i + 500))
    await writer.add([...nodes.values()].flatMap((node) => nodeObject(node, writer.span) ?? []))
  }
  await sink.write('\n]}\n')
}

class BundleWriter {
  /** Entities and places some written object refers to: their objects are written at the end. */
  readonly nodeIds = new Set<string>()
  private first = true
  constructor(
    private readonly sink: TextSink,
    readonly span: { first: string; last: string },
  ) {}

  async add(objects: StixObject[]): Promise<void> {
    if (objects.length === 0) return
    await this.sink.write(`${this.first ? '\n' : ',\n'}${objects.map((object) => JSON.stringify(object)).join(',\n')}`)
    this.first = false
  }

  /** The STIX id of an entity or place, remembered for the end; null when it cannot be a STIX object. */
  refTo(node: ExportNode | null): string | null {
    const type = node ? stixTypeOf(node) : null
    if (!node || !type) return null
    this.nodeIds.add(node.id)
    return stixId(type, node.id)
  }
}

/** 'YYYY-MM-DD' or an ISO timestamp as a STIX timestamp (UTC, Z); null when it is no date. */
export function stixTime(value: string | null | undefined): string | null {
  if (!value) return null
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

function common(type: string, id: string, created: string, modified: string = created): StixObject {
  return { type, spec_version: SPEC_VERSION, id, created, modified: modified < created ? created : modified }
}

function sitrepIdentity(): StixObject {
  return {
    ...common('identity', SITREP_IDENTITY, EPOCH),
    name: 'sitrep',
    identity_class: 'system',
    description: 'Evidence-linked knowledge base built by sitrep from news articles',
  }
}

function eventExtension(): StixObject {
  return {
    ...common('extension-definition', EVENT_EXTENSION, EPOCH),
    created_by_ref: SITREP_IDENTITY,
    name: 'sitrep event',
    description:
      'An event coded in PLOVER (type, mode, actors, targets, place, date, fatalities) and merged across the articles that report it.',
    // Plain text: STIX allows the definition itself instead of a URL, and sitrep has no public address of its own.
    schema:
      'x-sitrep-event: name (string); event_type (PLOVER type); modes (strings); date_start, date_end (YYYY-MM-DD); actor_refs, target_refs (identity or threat-actor ids); ' +
      'location_ref (location id); fatalities {low, best, high} (integers or null); independent_sources, reports (integers); evidence (the reports\' sentences). See the sitrep README, "Exports".',
    version: '1.0.0',
    extension_types: ['new-sdo'],
  }
}

// ---------------------------------------------------------------- entities and places

interface IdentityShape {
  identity_class: string
  sectors?: string[]
}

/** How each entity type becomes an identity; armed groups are threat-actors instead. */
const IDENTITY_OF: Record<Exclude<EntityType, 'armed_group'>, IdentityShape> = {
  state: { identity_class: 'organization', sectors: ['government-national'] },
  government: { identity_class: 'organization', sectors: ['government-national'] },
  security_force: { identity_class: 'organization', sectors: ['defense'] },
  political_party: { identity_class: 'organization' },
  international_org: { identity_class: 'organization' },
  organization: { identity_class: 'organization' },
  media: { identity_class: 'organization', sectors: ['communications'] },
  person: { identity_class: 'individual' },
}

/** STIX needs a region, a country or coordinates for a location: a place with none of them is left out. */
function isLocatable(node: ExportNode): boolean {
  return (node.lat !== null && node.lon !== null) || node.country !== null || node.type === 'region'
}

function stixTypeOf(node: ExportNode): string | null {
  if (node.kind === 'place') return isLocatable(node) ? 'location' : null
  return node.type === 'armed_group' ? 'threat-actor' : 'identity'
}

function nodeObject(node: ExportNode, span: { first: string; last: string }): StixObject | null {
  const type = stixTypeOf(node)
  if (!type) return null
  const base = { ...common(type, stixId(type, node.id), span.first, span.last), name: node.name, x_sitrep_id: node.id }
  if (type === 'location') {
    return {
      ...base,
      ...(node.lat !== null && node.lon !== null ? { latitude: node.lat, longitude: node.lon } : {}),
      ...(node.country ? { country: node.country } : {}),
      ...(node.admin1 ? { administrative_area: node.admin1 } : {}),
      ...(node.type === 'region' ? { region: stixSlug(node.name) } : {}),
      x_sitrep_kind: node.type,
    }
  }
  const extras = { x_sitrep_entity_type: node.type, ...(node.country ? { x_sitrep_country: node.country } : {}) }
  if (type === 'threat-actor')
    return { ...base, threat_actor_types: ['unknown'], ...(node.aliases.length ? { aliases: node.aliases } : {}), ...extras }
  const shape = IDENTITY_OF[node.type as Exclude<EntityType, 'armed_group'>] ?? { identity_class: 'unknown' }
  return { ...base, ...shape, ...(node.aliases.length ? { x_sitrep_aliases: node.aliases } : {}), ...extras }
}

function stixSlug(name: string): string {
  return slug(name, { apostrophes: 'asPunctuation', compatibility: true, maxLength: Number.POSITIVE_INFINITY })
}

// ---------------------------------------------------------------- propositions and statements

/** The STIX relationship type for a relation between two STIX object types. */
function relationshipType(relation: string, sourceType: string, targetType: string): string {
  if (relation === 'present_in' && targetType === 'location') return 'located-at'
  if (relation === 'attacks' && sourceType === 'threat-actor' && (targetType === 'identity' || targetType === 'location')) return 'targets'
  if (relation === 'member_of' && sourceType === 'threat-actor' && targetType === 'identity') return 'attributed-to'
  return 'related-to'
}

function partyNames(parties: ExportParty[]): string[] {
  return parties.map((party) => party.party?.name ?? 'the reporting outlet')
}

/** The relationship id of a proposition, when both its ends can be STIX objects. */
function relationshipIdOf(propositionId: string, subject: ExportNode | null, object: ExportNode | null): string | null {
  return subject && object && stixTypeOf(subject) && stixTypeOf(object) ? stixId('relationship', propositionId) : null
}

function propositionObjects(proposition: ExportProposition, writer: BundleWriter): StixObject[] {
  const objects: StixObject[] = []
  const created = stixTime(proposition.firstSeen) ?? writer.span.first
  const modified = stixTime(proposition.lastSeen) ?? created
  const relationshipId = relationshipIdOf(proposition.id, proposition.subject, proposition.object)
  if (relationshipId) {
    const sourceRef = writer.refTo(proposition.subject)!
    const targetRef = writer.refTo(proposition.object)!
    objects.push({
      ...common('relationship', relationshipId, created, modified),
      relationship_type: relationshipType(proposition.relation, stixTypeOf(proposition.subject!)!, stixTypeOf(proposition.object!)!),
      source_ref: sourceRef,
      target_ref: targetRef,
      start_time: created,
      ...(modified > created ? { stop_time: modified } : {}),
      created_by_ref: SITREP_IDENTITY,
      x_sitrep_id: proposition.id,
      x_sitrep_relation: proposition.relation,
      x_sitrep_status: proposition.status,
      x_sitrep_asserters: partyNames(proposition.asserters),
      x_sitrep_deniers: partyNames(proposition.deniers),
      x_sitrep_no_response: partyNames(proposition.noResponse),
      x_sitrep_independent_sources: proposition.sourceCount,
      x_sitrep_claims: proposition.claimCount,
    })
  }
  // Without a relationship a statement is about its subject (and object) themselves.
  const about = relationshipId
    ? [relationshipId]
    : [writer.refTo(proposition.subject), writer.refTo(proposition.object)].filter((ref): ref is string => ref !== null)
  if (about.length === 0) return objects
  for (const statement of proposition.statements ?? []) objects.push(statementNote(proposition, statement, about, created))
  return objects
}

function statementNote(proposition: ExportProposition, statement: ExportStatement, about: string[], fallbackTime: string): StixObject {
  const created = stixTime(statement.published) ?? fallbackTime
  const who = statement.claimant?.name ?? statement.outlet ?? 'the reporting outlet'
  const relation = `${proposition.subject?.name ?? proposition.subjectId} ${proposition.relation.replace(/_/g, ' ')}${proposition.object ? ` ${proposition.object.name}` : ''}`
  return {
    ...common('note', stixId('note', `${statement.articleId}|${statement.ordinal}`), created),
    abstract: `${who} ${statement.stance.replace(/_/g, ' ')}: ${relation}`,
    content: statement.evidence,
    authors: [statement.speaker?.name ?? who],
    object_refs: about,
    created_by_ref: SITREP_IDENTITY,
    ...(statement.url
      ? { external_references: [{ source_name: statement.outlet ?? 'article', url: statement.url, external_id: statement.articleId }] }
      : {}),
    x_sitrep_stance: statement.stance,
    x_sitrep_cue: statement.cue,
    ...(statement.claimant ? { x_sitrep_claimant: statement.claimant.name } : {}),
    ...(statement.speaker ? { x_sitrep_speaker: statement.speaker.name } : {}),
    x_sitrep_article: statement.articleId,
    x_sitrep_proposition: proposition.id,
  }
}

// ---------------------------------------------------------------- events

function eventObject(event: ExportEvent, writer: BundleWriter): StixObject {
  const created = stixTime(event.firstSeen) ?? writer.span.first
  const refs = (nodes: ExportNode[]) => nodes.map((node) => writer.refTo(node)).filter((ref): ref is string => ref !== null)
  const locationRef = writer.refTo(event.place)
  const name = `${event.type}${event.modes.length ? ` (${event.modes.join(', ')})` : ''}${event.place ? ` in ${event.place.name}` : ''}${event.dateStart ? ` on ${event.dateStart}` : ''}`
  return {
    ...common(EVENT_TYPE, stixId(EVENT_TYPE, event.id), created, stixTime(event.lastSeen) ?? created),
    created_by_ref: SITREP_IDENTITY,
    name,
    event_type: event.type,
    modes: event.modes,
    ...(event.dateStart ? { date_start: event.dateStart } : {}),
    ...(event.dateEnd ? { date_end: event.dateEnd } : {}),
    actor_refs: refs(event.actors),
    target_refs: refs(event.targets),
    ...(locationRef ? { location_ref: locationRef } : {}),
    fatalities: event.fatalities,
    independent_sources: event.sourceCount,
    reports: event.reportCount,
    evidence: event.reports.map((report) => report.evidence),
    x_sitrep_id: event.id,
    extensions: { [EVENT_EXTENSION]: { extension_type: 'new-sdo' } },
  }
}

// ---------------------------------------------------------------- articles

async function reportObjects(store: Store, articles: ExportArticle[], writer: BundleWriter): Promise<StixObject[]> {
  const nodes = await exportNodes(
    store,
    articles.flatMap((article) => [...article.entityIds, ...article.placeIds]),
  )
  const ends = await propositionEnds(
    store,
    articles.flatMap((article) => article.propositionIds),
  )
  const endNodes = await exportNodes(
    store,
    [...ends.values()].flatMap((end) => [end.subject, ...(end.object ? [end.object] : [])]),
  )
  const objects: StixObject[] = []
  for (const article of articles) {
    const refs = new Set<string>()
    for (const id of [...article.entityIds, ...article.placeIds]) {
      const ref = writer.refTo(nodes.get(id) ?? null)
      if (ref) refs.add(ref)
    }
    for (const id of article.propositionIds) {
      const end = ends.get(id)
      const relationship = end
        ? relationshipIdOf(id, endNodes.get(end.subject) ?? null, end.object ? (endNodes.get(end.object) ?? null) : null)
        : null
      if (relationship) refs.add(relationship)
    }
    for (const id of article.eventIds) refs.add(stixId(EVENT_TYPE, id))
    if (refs.size === 0) continue
    const created = stixTime(article.ingestedAt) ?? writer.span.first
    objects.push({
      ...common('report', stixId('report', article.id), created),
      created_by_ref: SITREP_IDENTITY,
      name: article.title ?? `Article ${article.id}`,
      report_types: ['threat-report'],
      published: stixTime(article.published) ?? created,
      object_refs: [...refs].sort(),
      ...(article.author ? { description: `By ${article.author}` } : {}),
      external_references: [
        { source_name: article.outlet ?? 'article', ...(article.url ? { url: article.url } : {}), external_id: article.id },
      ],
      x_sitrep_id: article.id,
    })
  }
  return objects
}
