import type { Command } from 'commander'
import { registerAnalyze } from './analyze.js'
import { registerEval } from './eval.js'
import { registerIngest } from './ingest.js'
import { registerClaims } from './claims.js'
import { registerEvents } from './events.js'
import { registerEntity } from './entity.js'
import { registerSearch } from './search.js'
import { registerWorker } from './worker.js'
import { registerServe } from './serve.js'
import { registerExport } from './export.js'
import { registerKb } from './kb.js'
import { registerReanalyze } from './reanalyze.js'
import { registerSource } from './source.js'

/** Every sub-command registers itself on the program; one line here per command. */
export const commands: ReadonlyArray<(program: Command) => void> = [
  registerAnalyze,
  registerEval,
  registerIngest,
  registerClaims,
  registerEvents,
  registerEntity,
  registerSearch,
  registerWorker,
  registerServe,
  registerExport,
  registerKb,
  registerReanalyze,
  registerSource,
]
