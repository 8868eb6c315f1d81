import type { Command } from 'commander'

type Register = (program: Command) => void

/**
 * Every sub-command's module by the command's name, imported when needed; one line here per command. Declaring all
 * thirteen costs a run their modules (~40 ms of CPU), so a run that names its command declares that one alone.
 */
const COMMANDS = {
  analyze: async () => (await import('./analyze.js')).registerAnalyze,
  eval: async () => (await import('./eval.js')).registerEval,
  ingest: async () => (await import('./ingest.js')).registerIngest,
  claims: async () => (await import('./claims.js')).registerClaims,
  events: async () => (await import('./events.js')).registerEvents,
  entity: async () => (await import('./entity.js')).registerEntity,
  search: async () => (await import('./search.js')).registerSearch,
  worker: async () => (await import('./worker.js')).registerWorker,
  serve: async () => (await import('./serve.js')).registerServe,
  export: async () => (await import('./export.js')).registerExport,
  kb: async () => (await import('./kb.js')).registerKb,
  reanalyze: async () => (await import('./reanalyze.js')).registerReanalyze,
  source: async () => (await import('./source.js')).registerSource,
} satisfies Record<string, () => Promise<Register>>

/**
 * The commands to declare for `args` (process.argv without node and the script): the one they name first, or
 * every command when they name none (`--help`, `help analyze`, a misspelt name that commander then suggests a
 * command for), in the order the help lists them.
 */
export async function commandsFor(args: readonly string[]): Promise<Register[]> {
  const named = args[0]
  const loaders =
    named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named as keyof typeof COMMANDS]] : Object.values(COMMANDS)
  return Promise.all(loaders.map((load) => load()))
}

export function allCommands(): Promise<Register[]> {
  return commandsFor([])
}
