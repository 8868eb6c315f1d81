/** Plain-text tables for the read-side commands: padded columns, long cells cut with an ellipsis. */
export interface Column {
  header: string
  /** Widest the column may grow; longer cells are cut. */
  max?: number
  align?: 'left' | 'right'
}

export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) => row.map((cell, i) => cut(oneLine(cell), columns[i]?.max ?? 60)))
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const line = (row: string[]): string =>
    row
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(columns.map((column) => column.header)), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`
}
