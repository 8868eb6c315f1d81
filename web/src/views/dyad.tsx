import { useEffect, useState } from 'preact/hooks'
import type { DyadEvent, DyadMonth, DyadStatement, DyadView as Dyad } from '../api'
import { useApi } from '../use-api'
import { typeColor } from '../colors'
import { href, type Route } from '../state'
import { fatalitiesText, formatDate, PrecisionBadge, Status } from '../components/common'
import { WhatsNew } from '../components/whats-new'

/** Two parties face to face, on one time axis; the URL (#/dyad?a=…&b=…) is the shareable view. */
export function DyadView({ route }: { route: Route }) {
  const a = route.query.get('a') ?? ''
  const b = route.query.get('b') ?? ''
  const [first, setFirst] = useState(a)
  const [second, setSecond] = useState(b)
  const dyad = useApi<Dyad>(a && b ? 'dyad' : null, { a, b })
  // The URL may name the parties by id; the form shows their names once known.
  useEffect(() => {
    if (!dyad.data) return
    if (first === a) setFirst(dyad.data.a.name)
    if (second === b) setSecond(dyad.data.b.name)
  }, [dyad.data])
  const submit = (event: Event): void => {
    event.preventDefault()
    location.hash = href(['dyad'], { a: first.trim(), b: second.trim() })
  }
  return (
    <section class="view dyad">
      <h1>
        Dyad{' '}
        {dyad.data && (
          <span class="muted">
            {dyad.data.a.name} ⇄ {dyad.data.b.name}
          </span>
        )}
      </h1>
      <form class="filters" onSubmit={submit}>
        <label>
          party A <input name="a" value={first} onInput={(e) => setFirst(e.currentTarget.value)} placeholder="name or id, e.g. a state" />
        </label>
        <label>
          party B <input name="b" value={second} onInput={(e) => setSecond(e.currentTarget.value)} placeholder="name or id" />
        </label>
        <button type="submit">Show</button>
        {a && b && (
          <a href={href(['dyad'], { a: b, b: a })} class="swap">
            swap
          </a>
        )}
        {a && b && <span class="muted">share this view: copy the address bar</span>}
      </form>
      {!(a && b) && (
        <p class="muted">Pick two parties to see every accusation, denial, threat, request and attack between them, in both directions.</p>
      )}
      {a && b && (
        <Status loaded={dyad}>
          {(data) => (
            <>
              <WhatsNew actor={data.a.id} />
              <DyadAxis dyad={data} />
              <Balance dyad={data} />
              <div class="dyad-columns">
                <Side dyad={data} direction="ab" />
                <Side dyad={data} direction="ba" />
              </div>
            </>
          )}
        </Status>
      )}
    </section>
  )
}

const WIDTH = 1200
const LANE = 70
const LEFT = 150

const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/** One time axis, a lane per direction: events as type-colored dots, statements as diamonds; each links to its evidence. */
function DyadAxis({ dyad }: { dyad: Dyad }) {
  const dated = [
    ...dyad.events.flatMap((e) => (e.dateStart ? [e.dateStart] : [])),
    ...dyad.statements.flatMap((s) => (s.evidence.published ? [s.evidence.published] : [])),
  ].sort()
  if (dated.length === 0) return <p class="muted">Nothing dated between them.</p>
  const min = day(dated[0]!) - 15
  const max = day(dated[dated.length - 1]!) + 15
  const x = (date: string): number => LEFT + ((day(date) - min) / (max - min)) * (WIDTH - LEFT - 20)
  const laneY = (direction: 'ab' | 'ba'): number => (direction === 'ab' ? 30 : 30 + LANE)
  const ticks = monthTicks(dated[0]!, dated[dated.length - 1]!)
  return (
    <div class="dyad-axis-box">
      <svg
        class="dyad-axis"
        viewBox={`0 0 ${WIDTH} ${2 * LANE + 40}`}
        width="100%"
        role="img"
        aria-label="events and statements between the two parties over time"
      >
        {(['ab', 'ba'] as const).map((direction) => (
          <g key={direction} class={`lane lane-${direction}`}>
            <text x={4} y={laneY(direction) + 4} class="lane-label">
              {direction === 'ab' ? `${dyad.a.name} → ${dyad.b.name}` : `${dyad.b.name} → ${dyad.a.name}`}
            </text>
            <line x1={LEFT} x2={WIDTH - 20} y1={laneY(direction)} y2={laneY(direction)} stroke="#ccc" />
          </g>
        ))}
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={10} y2={2 * LANE + 10} stroke="#eee" />
            <text x={x(tick)} y={2 * LANE + 30} text-anchor="middle" class="tick">
              {tick.slice(0, 7)}
            </text>
          </g>
        ))}
        {dyad.events.map((event, i) =>
          event.dateStart ? (
            <a key={event.id} href={href(['event', event.id])} class="dyad-event" data-direction={event.direction}>
              <circle
                cx={x(event.dateStart)}
                cy={laneY(event.direction) - 10 + (i % 3) * 10}
                r={6}
                fill={typeColor(event.type)}
                stroke="#222"
                stroke-width={0.5}
              >
                <title>{`${event.type} ${formatDate(event)} ${fatalitiesText(event)}`}</title>
              </circle>
            </a>
          ) : null,
        )}
        {dyad.statements.map((statement, i) =>
          statement.evidence.published ? (
            <a
              key={i}
              href={href(['article', statement.evidence.articleId], { from: statement.evidence.start, to: statement.evidence.end })}
              class="dyad-statement"
              data-direction={statement.direction}
            >
              <rect
                x={x(statement.evidence.published) - 5}
                y={laneY(statement.direction) + 14 - 5}
                width={10}
                height={10}
                transform={`rotate(45 ${x(statement.evidence.published)} ${laneY(statement.direction) + 14})`}
                fill={statement.stance === 'denies' ? '#c5221f' : '#fff'}
                stroke="#174ea6"
              >
                <title>{`${statement.stance}: ${statement.subject.name} ${statement.relation.replace(/_/g, ' ')} ${statement.object?.name ?? ''}`}</title>
              </rect>
            </a>
          ) : null,
        )}
      </svg>
      <p class="legend">
        <span>● event (colored by type; links to its reports)</span> <span>◇ statement (filled red: a denial; links to the sentence)</span>
        {(dyad.undatedEvents > 0 || dyad.undatedStatements > 0) && (
          <span class="undated">
            {dyad.undatedEvents} undated events and {dyad.undatedStatements} undated statements are listed below, off the axis
          </span>
        )}
      </p>
    </div>
  )
}

function monthTicks(first: string, last: string): string[] {
  const ticks: string[] = []
  const start = new Date(`${first.slice(0, 7)}-01T00:00:00Z`)
  const months = (Number(last.slice(0, 4)) - start.getUTCFullYear()) * 12 + Number(last.slice(5, 7)) - (start.getUTCMonth() + 1)
  const step = Math.max(1, Math.ceil(months / 12))
  for (let m = 0; m <= months + 1; m += step) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1))
    ticks.push(d.toISOString().slice(0, 10))
  }
  return ticks
}

/** ACCUSE and REJECT events per month, each direction side by side. */
function Balance({ dyad }: { dyad: Dyad }) {
  const months = [...new Set(dyad.months.map((m) => m.month))].sort()
  if (months.length === 0) return null
  const cell = (month: string, direction: 'ab' | 'ba'): DyadMonth | undefined =>
    dyad.months.find((m) => m.month === month && m.direction === direction)
  const max = Math.max(1, ...dyad.months.map((m) => Math.max(m.accuse, m.reject)))
  const bar = (n: number, kind: string) =>
    n > 0 && (
      <span class={`bar bar-${kind}`} style={{ width: `${(n / max) * 6}rem` }} title={`${n} ${kind}`}>
        {n}
      </span>
    )
  return (
    <>
      <h2>Accusations and rejections per month</h2>
      <table class="balance">
        <thead>
          <tr>
            <th>month</th>
            <th>
              {dyad.a.name} → {dyad.b.name}: ACCUSE / REJECT
            </th>
            <th>
              {dyad.b.name} → {dyad.a.name}: ACCUSE / REJECT
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <td>{month}</td>
              {(['ab', 'ba'] as const).map((direction) => {
                const m = cell(month, direction)
                return (
                  <td key={direction}>
                    {bar(m?.accuse ?? 0, 'accuse')} {bar(m?.reject ?? 0, 'reject')}{' '}
                    {m && m.events > m.accuse + m.reject && <span class="muted">+{m.events - m.accuse - m.reject} other</span>}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function Side({ dyad, direction }: { dyad: Dyad; direction: 'ab' | 'ba' }) {
  const [from, to] = direction === 'ab' ? [dyad.a, dyad.b] : [dyad.b, dyad.a]
  const events = dyad.events.filter((e) => e.direction === direction)
  const statements = dyad.statements.filter((s) => s.direction === direction)
  return (
    <div class={`dyad-side side-${direction}`} data-direction={direction}>
      <h2>
        {from.name} → {to.name}
      </h2>
      <h3>Events ({events.length})</h3>
      {events.length === 0 && <p class="muted">None.</p>}
      <ul class="dyad-events">
        {events.map((event) => (
          <DyadEventItem event={event} key={event.id} />
        ))}
      </ul>
      <h3>
        What {from.name} said about {to.name} ({statements.length})
      </h3>
      {statements.length === 0 && <p class="muted">None.</p>}
      <ul class="dyad-statements">
        {statements.map((statement, i) => (
          <DyadStatementItem statement={statement} key={i} />
        ))}
      </ul>
    </div>
  )
}

function DyadEventItem({ event }: { event: DyadEvent }) {
  return (
    <li>
      <span class={`type type-${event.type}`} style={{ color: typeColor(event.type) }}>
        {event.type}
      </span>{' '}
      <span class={event.dateStart ? '' : 'undated'}>{formatDate(event)}</span> <PrecisionBadge kind="time" code={event.timePrecision} />{' '}
      {event.place?.name ?? ''} <PrecisionBadge kind="geo" code={event.geoPrecision} /> {fatalitiesText(event)}{' '}
      <a href={href(['event', event.id])}>reports →</a>
      {event.evidence && (
        <blockquote>
          {event.evidence.text}{' '}
          <a class="to-reader" href={href(['article', event.evidence.articleId], { from: event.evidence.start, to: event.evidence.end })}>
            (read in context)
          </a>
        </blockquote>
      )}
    </li>
  )
}

function DyadStatementItem({ statement }: { statement: DyadStatement }) {
  return (
    <li class={statement.weakCue ? 'doubt' : ''}>
      <span class={`badge stance-${statement.stance}`}>{statement.stance}</span> {statement.subject.name}{' '}
      {statement.relation.replace(/_/g, ' ')} {statement.object?.name ?? ''}
      {statement.weakCue && (
        <span class="doubt-mark" title={statement.weakCue}>
          {' '}
          ⚠ weak cue
        </span>
      )}
      <div class="meta">
        {statement.evidence.source ?? 'unknown outlet'} · {statement.evidence.published ?? <span class="undated">undated</span>} ·{' '}
        <a href={href(['proposition', statement.propositionId])}>proposition →</a>
      </div>
      <blockquote>
        {statement.evidence.text}{' '}
        <a
          class="to-reader"
          href={href(['article', statement.evidence.articleId], { from: statement.evidence.start, to: statement.evidence.end })}
        >
          (read in context)
        </a>
      </blockquote>
    </li>
  )
}
