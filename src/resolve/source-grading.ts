/**
 * Source grading: an outlet's reliability on the Admiralty (NATO) scale, set by the analyst, and the rule
 * deciding which independent sources count towards a proposition being corroborated. Pure rules; the
 * store applies them (store/grades-repo.ts).
 */
export const SOURCE_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type SourceGrade = (typeof SOURCE_GRADES)[number]

export const GRADE_MEANING: Record<SourceGrade, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}

/** What an ungraded outlet does: count like a creditable one (the default, as before grading existed), or not. */
export const UNGRADED_POLICIES = ['count', 'exclude'] as const
export type UngradedPolicy = (typeof UNGRADED_POLICIES)[number]

export interface CorroborationRule {
  /** The worst grade that still counts (A–E; F never counts, it is no judgement). */
  minGrade: SourceGrade
  ungraded: UngradedPolicy
}

export const DEFAULT_CORROBORATION_RULE: CorroborationRule = { minGrade: 'C', ungraded: 'count' }

export function isSourceGrade(value: unknown): value is SourceGrade {
  return typeof value === 'string' && (SOURCE_GRADES as readonly string[]).includes(value)
}

/** Whether a source with this grade (null: ungraded) counts towards corroboration under the rule. */
export function gradeCounts(grade: SourceGrade | null, rule: CorroborationRule): boolean {
  if (grade === null) return rule.ungraded === 'count'
  if (grade === 'F') return false
  return grade <= rule.minGrade
}

/** A before E; F (cannot be judged) ranks below every judgement. Null when nothing is graded. */
export function bestGrade(grades: Iterable<SourceGrade | null>): SourceGrade | null {
  let best: SourceGrade | null = null
  for (const grade of grades) if (grade !== null && (best === null || grade < best)) best = grade
  return best
}

/**
 * Everything the store needs to apply the rule: outlets that do not count, outlets that do, and whether
 * grading changes anything at all (no grades under the default rule: every source counts, as before).
 */
export interface GradingContext {
  rule: CorroborationRule
  grades: ReadonlyMap<string, SourceGrade>
}

export function gradingMatters(context: GradingContext): boolean {
  if (context.rule.ungraded === 'exclude') return true
  for (const grade of context.grades.values()) if (!gradeCounts(grade, context.rule)) return true
  return false
}

/** The graded outlets whose sources count, and those whose do not, under the context's rule. */
export function outletsByCredit(context: GradingContext): { counting: string[]; excluded: string[] } {
  const counting: string[] = []
  const excluded: string[] = []
  for (const [outlet, grade] of context.grades) (gradeCounts(grade, context.rule) ? counting : excluded).push(outlet)
  return { counting, excluded }
}
