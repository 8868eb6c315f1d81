/**
 * sitrep's architecture as import rules (README "Development"; `npm run boundaries`).
 *
 * One pipeline: ingest → clean → nlp → recognize → extract → resolve → store → serve/export.
 * - Ground folders (record, text, lexicon) hold the types and tools every part shares; they import no stage.
 * - A stage is a folder with a small typed interface. Stages meet through the record, the shared knowledge
 *   (kb, gazetteer) and the ground folders, never through the assembler (src/pipeline/) or another stage's
 *   files, except for the few edges listed in STAGE_EDGES, each for a stated reason.
 * - resolve/ holds pure rules: no store, server, queue or database driver. store/ applies them.
 * - One read layer (src/store/read/) serves the CLI, the API and the exports.
 * - The UI (web/src) shares with the server only the API contract and the record types.
 */

const STAGES = ['ingest', 'clean', 'nlp', 'recognize', 'extract', 'resolve']
const GROUND = ['record', 'text', 'lexicon']

/**
 * Stage-to-stage imports that exist for a good reason: a later stage reads the output types (or the document
 * accessors) of an earlier one. `typeOnly` edges may carry `import type` only.
 */
const STAGE_EDGES = {
  clean: [
    { to: '^src/ingest/source-document\\.ts$', typeOnly: true, why: 'clean receives the SourceDocument ingest reads' },
    { to: '^src/ingest/normalize-date\\.ts$', typeOnly: false, why: 'datelines and page metadata use the one date normaliser' },
  ],
  recognize: [{ to: '^src/nlp/nlp-doc\\.ts$', typeOnly: false, why: 'recognition reads the tokens of the nlp document' }],
  extract: [
    { to: '^src/nlp/nlp-doc\\.ts$', typeOnly: false, why: 'extraction reads the sentences and tokens of the nlp document' },
    { to: '^src/recognize/(entities|dates)\\.ts$', typeOnly: true, why: 'extraction reads the recognised entities and dates' },
  ],
}

const DATABASE_DRIVERS = '^node_modules/(kysely|better-sqlite3|pg|pg-boss|pg-[^/]+)/'
const folders = (names) => `^src/(${names.join('|')})/`

const stageRules = STAGES.flatMap((stage) => {
  const edges = STAGE_EDGES[stage] ?? []
  return [
    {
      name: `stage-${stage}-imports-no-other-stage`,
      comment: `${stage}/ meets the other stages through the record, kb, gazetteer and ${GROUND.join('/')}, not through their files`,
      severity: 'error',
      from: { path: `^src/${stage}/` },
      to: { path: folders(STAGES.filter((other) => other !== stage)), pathNot: edges.map((edge) => edge.to) },
    },
    ...edges
      .filter((edge) => edge.typeOnly)
      .map((edge) => ({
        name: `stage-${stage}-imports-only-types-of-${edge.to.replace(/^\^src\/|\\.ts\$$|[()\\^$]/g, '').replace(/[/|]/g, '-')}`,
        comment: `allowed for types only: ${edge.why}`,
        severity: 'error',
        from: { path: `^src/${stage}/` },
        to: { path: edge.to, dependencyTypesNot: ['type-only'] },
      })),
  ]
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle ties its modules into one unit: no module may reach itself through its imports (type imports count)',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'ground-imports-no-stage',
      comment: `${GROUND.join(', ')} are ground folders: they import only each other`,
      severity: 'error',
      from: { path: folders(GROUND) },
      to: { path: '^src/', pathNot: folders(GROUND) },
    },
    {
      name: 'stage-imports-no-assembler',
      comment: 'src/pipeline/ only orders the stages; a stage that imports it closes a cycle through the assembler',
      severity: 'error',
      from: { path: folders(STAGES) },
      to: { path: '^src/pipeline/' },
    },
    ...stageRules,
    {
      name: 'stage-imports-no-outer-layer',
      comment: 'stages are pure analysis: storage, serving, queues, exports and the CLI are built on them, not the reverse',
      severity: 'error',
      from: { path: folders(STAGES.filter((stage) => stage !== 'resolve')) },
      to: { path: '^src/(store|serve|queue|export|cli|eval|bench)/' },
    },
    {
      name: 'resolve-is-pure',
      comment: 'resolve/ holds rules only (entity match, event match, proposition status, near-duplicates); store/ applies them',
      severity: 'error',
      from: { path: '^src/resolve/' },
      to: { path: [DATABASE_DRIVERS, '^src/(store|serve|queue|export|cli|eval|bench)/'] },
    },
    {
      name: 'serve-reads-through-read-layer',
      comment:
        'serve/ reads the store only through src/store/read/; besides that it may open the store (open-store) and call the write entry points (ingest, grading)',
      severity: 'error',
      from: { path: '^src/serve/' },
      to: {
        path: '^src/store/',
        pathNot: ['^src/store/read/', '^src/store/open-store\\.ts$', '^src/store/write-batch\\.ts$', '^src/store/grades-repo\\.ts$'],
      },
    },
    {
      name: 'serve-builds-no-queries',
      comment: 'serve/ builds no SQL of its own: queries live in the read layer',
      severity: 'error',
      from: { path: '^src/serve/' },
      to: { path: DATABASE_DRIVERS },
    },
    {
      name: 'export-reads-through-read-layer',
      comment: 'exports read the store through src/store/read/ (and open it with open-store), like the CLI and the API',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: '^src/store/', pathNot: ['^src/store/read/', '^src/store/open-store\\.ts$'] },
    },
    {
      name: 'web-imports-only-the-contract',
      comment: 'the UI imports from src/ only the API contract (src/contract/) and the record types (src/record/)',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: ['^src/contract/', '^src/record/'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to no file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web/)?dist/' },
    // type-only imports count: `import type` from the assembler is still a cycle of the design
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
