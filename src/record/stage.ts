/**
 * The stage contract (after spaCy's components): a stage reads some fields of the working article and some of
 * the run context, and returns only the fields it adds; the assembler (src/pipeline/) orders the stages and merges
 * what they add. Stages never call each other.
 */
export interface Stage<In, Adds, Needs = unknown> {
  readonly name: string
  /** The fields of the working article the stage reads. */
  readonly reads: readonly (keyof In & string)[]
  /** The fields the stage adds. */
  readonly adds: readonly (keyof Adds & string)[]
  /** The parts of the run context it uses. */
  readonly uses: readonly (keyof Needs & string)[]
  run(article: In, context: Needs): Adds
}
