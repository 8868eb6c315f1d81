import { foldText } from '../nlp/nlp-doc.js'

/** A stable id fragment for a name: "Baloch Students' Action Committee" → "baloch-students-action-committee". */
export function slugify(name: string): string {
  return foldText(name)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}
