/** Outlets and the analyst's grades of them: read through grades-repo.ts, where grading is written. */
export { corroborationRule, findOutlet, gradesOf, listSources, type GradeChange, type SourceView } from '../grades-repo.js'
