import { useState } from 'preact/hooks'
import { apiUrl } from '../api'

/** The export formats a view offers, each with the label the menu shows and any fixed options (a GeoJSON layer). */
export interface ExportChoice {
  format: 'stix' | 'acled-csv' | 'plover' | 'geojson' | 'graphml'
  label: string
  options?: Record<string, string>
}

export interface ExportFilter {
  since?: string | null
  until?: string | null
  about?: string | null
  status?: string | null
}

/** A small "Export" control: pick a format, download /api/export with the view's current filter. */
export function ExportControl({ choices, filter }: { choices: ExportChoice[]; filter: ExportFilter }) {
  const [index, setIndex] = useState(0)
  const choice = choices[index] ?? choices[0]!
  const url = apiUrl('export', {
    format: choice.format,
    ...choice.options,
    since: filter.since,
    until: filter.until,
    about: filter.about?.trim(),
    status: filter.status,
  })
  return (
    <span class="export-control">
      <select aria-label="export format" value={String(index)} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
        {choices.map((c, i) => (
          <option value={String(i)} key={c.label}>
            {c.label}
          </option>
        ))}
      </select>{' '}
      <a class="button" href={url} download>
        Export
      </a>
    </span>
  )
}
