import { registerAnalyze } from './commands/analyze.js'
import { createProgram, runProgram } from './program.js'

/**
 * `sitrep analyze` alone: the entry point of dist/cli/analyze.bundle.cjs (src/cli/build-bundle.ts), which holds
 * this module and everything the analysis of a plain-text article loads, so a run reads one file instead of ~100
 * modules. It declares what the modules' CLI declares for `analyze` (run-cli.ts), the same command.
 */
export async function runAnalyze(argv: readonly string[]): Promise<void> {
  const program = createProgram()
  registerAnalyze(program)
  await runProgram(program, argv)
}
