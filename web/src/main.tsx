import { render } from 'preact'
import './style.css'
import { href, useRoute } from './state'
import { OverviewView } from './views/overview'
import { ClaimsView } from './views/claims'
import { PropositionView } from './views/proposition'
import { MapView } from './views/map'
import { TimelineView } from './views/timeline'
import { NetworkView } from './views/network'
import { ActorView } from './views/actor'
import { ReaderView } from './views/reader'
import { SearchView } from './views/search'
import { IngestView } from './views/ingest'
import { EventView } from './views/event'
import { DyadView } from './views/dyad'

const NAV: [string, string][] = [
  ['', 'Overview'],
  ['claims', 'Claims'],
  ['map', 'Map'],
  ['timeline', 'Timeline'],
  ['network', 'Network'],
  ['dyad', 'Dyad'],
  ['search', 'Search'],
  ['ingest', 'Add articles'],
]

function App() {
  const route = useRoute()
  const [section = '', id = ''] = route.path
  return (
    <>
      <header>
        <a class="brand" href="#/">
          sitrep
        </a>
        <nav>
          {NAV.map(([path, label]) => (
            <a key={path} href={href(path ? [path] : [])} class={section === path ? 'active' : ''} data-nav={path || 'overview'}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main key={`${section}/${id}`}>{view(section, id, route)}</main>
    </>
  )
}

function view(section: string, id: string, route: ReturnType<typeof useRoute>) {
  switch (section) {
    case '':
      return <OverviewView />
    case 'claims':
      return <ClaimsView route={route} />
    case 'proposition':
      return <PropositionView id={id} />
    case 'map':
      return <MapView route={route} />
    case 'timeline':
      return <TimelineView />
    case 'network':
      return <NetworkView route={route} />
    case 'dyad':
      return <DyadView route={route} />
    case 'actor':
      return <ActorView id={id} />
    case 'article':
      return <ReaderView id={id} route={route} />
    case 'event':
      return <EventView id={id} />
    case 'search':
      return <SearchView route={route} />
    case 'ingest':
      return <IngestView />
    default:
      return <p class="error">No page “{section}”.</p>
  }
}

render(<App />, document.getElementById('app')!)
