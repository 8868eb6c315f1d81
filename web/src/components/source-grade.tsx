import { GRADE_MEANING, type SourceGrade } from '../../../src/contract/vocabulary'

/**
 * An outlet's reliability grade as the analyst set it (Admiralty A–F), with its meaning and the analyst's
 * note on hover; "ungraded" when there is none. The note is analyst text, rendered as text.
 */
export function SourceGradeBadge({ value, label }: { value: { grade: SourceGrade; note: string | null } | null; label?: string }) {
  if (!value)
    return (
      <span class="badge grade grade-none" title="the analyst has not graded this outlet">
        {label ? `${label} ungraded` : 'ungraded'}
      </span>
    )
  const meaning = GRADE_MEANING[value.grade]
  return (
    <span class={`badge grade grade-${value.grade}`} title={value.note ? `${meaning}: ${value.note}` : meaning}>
      {label ? `${label} ` : 'source '}
      {value.grade}
    </span>
  )
}

/** The best grade among a proposition's outlets. */
export function BestGradeBadge({ grade }: { grade: SourceGrade | null }) {
  if (!grade) return null
  return <SourceGradeBadge value={{ grade, note: null }} label="best source" />
}
