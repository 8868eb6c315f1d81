import { XMLBuilder } from 'fast-xml-parser'
import { exportNodes, exportPropositionPages, type ExportNode, type ExportParty, type ExportProposition } from '../store/read/index.js'
import type { Exporter } from './format.js'

/**
 * The actor network as GraphML (read by Gephi, igraph, NetworkX, yEd): one node per actor with its
 * type and country, one directed edge per proposition between two actors with the relation, its
 * weight (independent sources), whether it is contested, and when it was first and last seen.
 * Two passes over the propositions: the first learns which actors take part (only their ids are
 * kept), the second writes the edges after the nodes.
 */
export const graphmlExporter: Exporter = {
  mediaType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  async write(store, filter, sink) {
    const pages = () => exportPropositionPages(store, filter, { entityObjects: true })
    await sink.write(HEADER)
    const actorIds = new Set<string>()
    for await (const page of pages()) for (const proposition of page) actorIds.add(proposition.subjectId).add(proposition.objectId!)
    const ids = [...actorIds].sort()
    for (let i = 0; i < ids.length; i += 500) {
      const nodes = await exportNodes(store, ids.slice(i, i + 500))
      await sink.write(
        ids
          .slice(i, i + 500)
          .map((id) => `  ${xml.build({ node: nodeElement(id, nodes.get(id)) })}\n`)
          .join(''),
      )
    }
    for await (const page of pages())
      await sink.write(page.map((proposition) => `  ${xml.build({ edge: edgeElement(proposition) })}\n`).join(''))
    await sink.write('</graph>\n</graphml>\n')
  },
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' })

const NODE_KEYS = { label: 'string', type: 'string', country: 'string', aliases: 'string' } as const
const EDGE_KEYS = {
  relation: 'string',
  weight: 'double',
  contested: 'boolean',
  status: 'string',
  first_seen: 'string',
  last_seen: 'string',
  asserters: 'string',
  deniers: 'string',
  claims: 'int',
} as const

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ...Object.entries(NODE_KEYS).map(([name, type]) => `  ${keyElement('node', name, type)}`),
  ...Object.entries(EDGE_KEYS).map(([name, type]) => `  ${keyElement('edge', name, type)}`),
  '<graph id="sitrep-actor-network" edgedefault="directed">',
  '',
].join('\n')

function keyElement(owner: 'node' | 'edge', name: string, type: string): string {
  return xml.build({ key: { '@_id': name, '@_for': owner, '@_attr.name': name, '@_attr.type': type } })
}

type DataValue = string | number | boolean | null

function dataElements(values: Record<string, DataValue>): { '@_key': string; '#text': string }[] {
  return Object.entries(values).flatMap(([key, value]) =>
    value === null || value === '' ? [] : [{ '@_key': key, '#text': String(value) }],
  )
}

function nodeElement(id: string, node: ExportNode | undefined) {
  return {
    '@_id': id,
    data: dataElements({
      label: node?.name ?? id,
      type: node?.type ?? null,
      country: node?.country ?? null,
      aliases: node?.aliases.join('; ') ?? null,
    }),
  }
}

function partyNames(parties: ExportParty[]): string {
  return parties.map((party) => party.party?.name ?? 'the reporting outlet').join('; ')
}

function edgeElement(proposition: ExportProposition) {
  return {
    '@_id': proposition.id,
    '@_source': proposition.subjectId,
    '@_target': proposition.objectId!,
    data: dataElements({
      relation: proposition.relation,
      weight: proposition.sourceCount,
      contested: proposition.status === 'contested',
      status: proposition.status,
      first_seen: proposition.firstSeen,
      last_seen: proposition.lastSeen,
      asserters: partyNames(proposition.asserters),
      deniers: partyNames(proposition.deniers),
      claims: proposition.claimCount,
    }),
  }
}
