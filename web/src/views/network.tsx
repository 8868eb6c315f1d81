import { useEffect, useRef, useState } from 'preact/hooks'
import cytoscape from 'cytoscape'
import type { NetworkEdge, NetworkNode } from '../api'
import { useApi } from '../use-api'
import { RELATION_COLORS } from '../colors'
import { href, type Route } from '../state'

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

export function NetworkView({ route }: { route: Route }) {
  const [relation, setRelation] = useState('')
  const [minSources, setMinSources] = useState(1)
  const actor = route.query.get('actor') ?? ''
  const network = useApi<{ nodes: NetworkNode[]; edges: NetworkEdge[] }>('network', { relation, actor, minSources, limit: 400 })
  const box = useRef<HTMLDivElement>(null)
  const [selected, setSelected] = useState<NetworkEdge | null>(null)

  useEffect(() => {
    if (!box.current || !network.data) return
    const { nodes, edges } = network.data
    const graph = cytoscape({
      container: box.current,
      elements: [
        ...nodes.map((node) => ({ data: { id: node.id, label: node.name, type: node.type ?? '', weight: node.weight } })),
        ...edges.map((edge) => ({ data: { id: edge.id, source: edge.source, target: edge.target, relation: edge.relation, weight: edge.weight, stance: edge.stance } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 10,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            width: 'mapData(weight, 1, 30, 14, 48)',
            height: 'mapData(weight, 1, 30, 14, 48)',
            'background-color': (node: cytoscape.NodeSingular) => NODE_COLORS[String(node.data('type'))] ?? '#777',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'mapData(weight, 1, 10, 1, 8)',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': (edge: cytoscape.EdgeSingular) => RELATION_COLORS[String(edge.data('relation'))] ?? '#999',
            'target-arrow-color': (edge: cytoscape.EdgeSingular) => RELATION_COLORS[String(edge.data('relation'))] ?? '#999',
            opacity: 0.8,
          },
        },
        { selector: 'edge[stance = "contested"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[relation = "cooperates_with"]', style: { 'target-arrow-shape': 'none' } },
      ],
      layout: { name: nodes.length > 150 ? 'concentric' : 'cose', animate: false, randomize: false } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
    })
    graph.on('tap', 'node', (event) => {
      location.hash = href(['actor', String(event.target.id())])
    })
    graph.on('tap', 'edge', (event) => {
      setSelected(edges.find((edge) => edge.id === event.target.id()) ?? null)
    })
    ;(window as unknown as { __sitrepGraph?: cytoscape.Core }).__sitrepGraph = graph
    return () => graph.destroy()
  }, [network.data])

  return (
    <section class="view network">
      <h1>Actor network {actor && <span class="muted">around {actor}</span>}</h1>
      <div class="filters">
        <label>
          relation{' '}
          <select value={relation} onChange={(e) => setRelation(e.currentTarget.value)}>
            <option value="">all</option>
            {Object.keys(RELATION_COLORS).map((r) => (
              <option value={r} key={r}>
                {r.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          at least{' '}
          <input type="number" min={1} max={100} value={minSources} onChange={(e) => setMinSources(Math.max(1, Number(e.currentTarget.value) || 1))} /> sources
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
      </div>
      <div class="graph" ref={box} />
      {selected && (
        <div class="edge-detail">
          {network.data!.nodes.find((n) => n.id === selected.source)?.name} {selected.relation.replace(/_/g, ' ')} {network.data!.nodes.find((n) => n.id === selected.target)?.name} · {selected.weight} source(s) ·{' '}
          {selected.stance} · <a href={selected.ref.kind === 'proposition' ? href(['proposition', selected.ref.id]) : href(['event', selected.ref.id])}>evidence →</a>
        </div>
      )}
    </section>
  )
}
