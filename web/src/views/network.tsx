import { useEffect, useRef, useState } from 'preact/hooks'
import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type { NetworkEdge, NetworkNode } from '../api'
import { useApi } from '../use-api'
import { RELATION_COLORS, relationColor } from '../colors'
import { href, type Route } from '../state'
import { WhatsNew } from '../components/whats-new'

cytoscape.use(fcose)

const NODE_COLORS: Record<string, string> = {
  armed_group: '#d7301f',
  state: '#2b8cbe',
  government: '#3f007d',
  security_force: '#08519c',
  political_party: '#fd8d3c',
  international_org: '#31a354',
  organization: '#74c476',
  media: '#969696',
  person: '#bdbdbd',
}

const STATUSES = ['contested', 'corroborated', 'single-source']
/** Label size on screen, whatever the zoom: zooming in gives labels room, so more of them show. */
const LABEL_PX = 12

interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2

/**
 * Shows the labels that fit: the heaviest actors first, and any label that would overlap one already shown
 * (or another actor's node) waits for a hover or a closer zoom.
 */
function declutterLabels(graph: cytoscape.Core): void {
  const zoom = graph.zoom()
  graph.batch(() => {
    graph.nodes().style('font-size', LABEL_PX / zoom)
    graph.nodes().removeClass('quiet')
  })
  const nodes = graph.nodes().sort((a, b) => Number(b.data('weight')) - Number(a.data('weight')) || (a.id() < b.id() ? -1 : 1))
  const bodies = new Map(nodes.map((node) => [node.id(), node.boundingBox({ includeLabels: false, includeOverlays: false }) as Box]))
  const shown: Box[] = []
  const quiet: cytoscape.NodeSingular[] = []
  nodes.forEach((node) => {
    const label = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) as Box
    const hitsNode = [...bodies].some(([id, body]) => id !== node.id() && overlaps(label, body))
    if (node.hasClass('ego') || (!hitsNode && !shown.some((box) => overlaps(label, box)))) shown.push(label)
    else quiet.push(node)
  })
  graph.batch(() => quiet.forEach((node) => void node.addClass('quiet')))
}

export function NetworkView({ route }: { route: Route }) {
  const [relation, setRelation] = useState(route.query.get('relation') ?? '')
  const [status, setStatus] = useState(route.query.get('status') ?? '')
  const [since, setSinceDate] = useState(route.query.get('since') ?? '')
  const [until, setUntil] = useState(route.query.get('until') ?? '')
  const [minSources, setMinSources] = useState(1)
  const actor = route.query.get('actor') ?? ''
  const network = useApi<{ nodes: NetworkNode[]; edges: NetworkEdge[] }>('network', {
    relation,
    status,
    since,
    until,
    actor,
    minSources,
    limit: 400,
  })
  const box = useRef<HTMLDivElement>(null)
  const [selectedEdge, setSelectedEdge] = useState<NetworkEdge | null>(null)
  const [selectedNode, setSelectedNode] = useState<NetworkNode | null>(null)

  useEffect(() => {
    if (!box.current || !network.data) return
    const { nodes, edges } = network.data
    const ego = nodes.find((node) => node.id === actor || node.name.toLowerCase() === actor.toLowerCase())
    const graph = cytoscape({
      container: box.current,
      elements: [
        ...nodes.map((node) => ({
          data: { id: node.id, label: node.name, type: node.type ?? '', weight: node.weight },
          classes: node === ego ? 'ego' : '',
        })),
        ...edges.map((edge) => ({
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            relation: edge.relation,
            weight: edge.weight,
            stance: edge.stance,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': LABEL_PX,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
            width: 'mapData(weight, 1, 30, 14, 48)',
            height: 'mapData(weight, 1, 30, 14, 48)',
            'background-color': (node: cytoscape.NodeSingular) => NODE_COLORS[String(node.data('type'))] ?? '#777',
          },
        },
        { selector: 'node.quiet', style: { label: '' } },
        { selector: 'node.hover, node:selected', style: { label: 'data(label)', 'z-index': 10, 'font-weight': 'bold' } },
        { selector: 'node.ego', style: { 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
        {
          selector: 'edge',
          style: {
            width: 'mapData(weight, 1, 10, 1, 8)',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': (edge: cytoscape.EdgeSingular) => relationColor(String(edge.data('relation'))),
            'target-arrow-color': (edge: cytoscape.EdgeSingular) => relationColor(String(edge.data('relation'))),
            opacity: 0.75,
          },
        },
        { selector: 'edge[stance = "contested"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[relation = "cooperates_with"]', style: { 'target-arrow-shape': 'none' } },
      ],
      // fcose keeps nodes and their labels apart (nodeDimensionsIncludeLabels); seeded, so a store draws the same way each time.
      layout: {
        name: 'fcose',
        animate: false,
        randomize: true,
        quality: 'proof',
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 12000,
        idealEdgeLength: () => 110,
        nodeSeparation: 90,
        packComponents: true,
      } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
    })
    graph.one('layoutstop', () => declutterLabels(graph))
    declutterLabels(graph)
    let pending = 0
    graph.on('zoom', () => {
      cancelAnimationFrame(pending)
      pending = requestAnimationFrame(() => declutterLabels(graph))
    })
    graph.on('mouseover', 'node', (event) => void event.target.addClass('hover'))
    graph.on('mouseout', 'node', (event) => void event.target.removeClass('hover'))
    graph.on('tap', 'node', (event) => {
      setSelectedEdge(null)
      setSelectedNode(nodes.find((node) => node.id === event.target.id()) ?? null)
    })
    graph.on('tap', 'edge', (event) => {
      setSelectedNode(null)
      setSelectedEdge(edges.find((edge) => edge.id === event.target.id()) ?? null)
    })
    ;(window as unknown as { __sitrepGraph?: cytoscape.Core }).__sitrepGraph = graph
    return () => {
      cancelAnimationFrame(pending)
      graph.destroy()
    }
  }, [network.data])

  const nameOf = (id: string): string => network.data?.nodes.find((n) => n.id === id)?.name ?? id
  const neighbours = selectedNode
    ? [
        ...new Set(
          (network.data?.edges ?? []).flatMap((e) =>
            e.source === selectedNode.id ? [e.target] : e.target === selectedNode.id ? [e.source] : [],
          ),
        ),
      ]
    : []
  return (
    <section class="view network">
      <h1>Actor network {actor && <span class="muted">around {nameOf(actor)}</span>}</h1>
      <WhatsNew actor={actor || undefined} />
      <div class="filters">
        <label>
          relation{' '}
          <select name="relation" value={relation} onChange={(e) => setRelation(e.currentTarget.value)}>
            <option value="">all</option>
            {Object.keys(RELATION_COLORS).map((r) => (
              <option value={r} key={r}>
                {r.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          status{' '}
          <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option value={s} key={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          seen from <input type="date" name="since" value={since} onChange={(e) => setSinceDate(e.currentTarget.value)} />
        </label>
        <label>
          to <input type="date" name="until" value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
        </label>
        <label>
          at least{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={minSources}
            onChange={(e) => setMinSources(Math.max(1, Number(e.currentTarget.value) || 1))}
          />{' '}
          sources
        </label>
        {actor && <a href={href(['network'])}>whole network</a>}
        {network.data && (
          <span class="muted network-counts">
            {network.data.nodes.length} actors · {network.data.edges.length} links
          </span>
        )}
      </div>
      {network.error && <div class="error">Error: {network.error}</div>}
      <div class="legend">
        {Object.entries(RELATION_COLORS).map(([r, color]) => (
          <span key={r}>
            <i style={{ background: color }} /> {r.replace(/_/g, ' ')}
          </span>
        ))}
        <span>dashed: contested</span>
        <span class="muted">labels of minor actors show on hover or when zoomed in</span>
      </div>
      <div class="network-body">
        <div class="graph" ref={box} />
        <aside class="network-panel">
          {!selectedNode && !selectedEdge && (
            <p class="muted">Click an actor for its neighbours, ego view and profile; click a link for its evidence.</p>
          )}
          {selectedNode && (
            <div class="node-detail">
              <h2>{selectedNode.name}</h2>
              <p class="muted">
                {selectedNode.type?.replace(/_/g, ' ') ?? 'actor'} · {neighbours.length} neighbours
              </p>
              <p>
                <a class="ego-link" href={href(['network'], { actor: selectedNode.id })}>
                  ego view →
                </a>{' '}
                ·{' '}
                <a class="profile-link" href={href(['actor', selectedNode.id])}>
                  profile →
                </a>
              </p>
              <h3>Face to face with</h3>
              <ul>
                {neighbours.map((id) => (
                  <li key={id}>
                    <a href={href(['dyad'], { a: selectedNode.id, b: id })}>{nameOf(id)}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {selectedEdge && (
            <div class="edge-detail">
              <h2>
                {nameOf(selectedEdge.source)} {selectedEdge.relation.replace(/_/g, ' ')} {nameOf(selectedEdge.target)}
              </h2>
              <p>
                {selectedEdge.weight} source(s) · {selectedEdge.status} ·{' '}
                {selectedEdge.firstSeen ? `${selectedEdge.firstSeen} – ${selectedEdge.lastSeen}` : <span class="undated">undated</span>}
              </p>
              <p>
                <a
                  href={
                    selectedEdge.ref.kind === 'proposition'
                      ? href(['proposition', selectedEdge.ref.id])
                      : href(['event', selectedEdge.ref.id])
                  }
                >
                  evidence →
                </a>{' '}
                · <a href={href(['dyad'], { a: selectedEdge.source, b: selectedEdge.target })}>dyad view →</a>
              </p>
            </div>
          )}
        </aside>
      </div>
    </section>
  )
}
