import type { GradeChange as ServedGradeChange, SourceView as ServedSourceView } from '../../contract/index.js'
import type { GradeChange, SourceView } from '../grades-repo.js'

/** Outlets and the analyst's grades of them: read through grades-repo.ts, where grading is written. */
export { corroborationRule, findOutlet, gradesOf, listSources, type GradeChange, type SourceView } from '../grades-repo.js'

/** grades-repo.ts declares these answers itself: they must stay the contract's shapes. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export const sourceShapesMatchContract: [Same<SourceView, ServedSourceView>, Same<GradeChange, ServedGradeChange>] = [true, true]
