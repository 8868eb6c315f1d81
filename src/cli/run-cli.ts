import { commandsFor } from './commands/index.js'
import { createProgram, runProgram } from './program.js'

/** The CLI from its modules: declares the command `argv` names (every command when it names none) and runs it. */
export async function runCli(argv: readonly string[]): Promise<void> {
  const program = createProgram()
  for (const register of await commandsFor(argv.slice(2))) register(program)
  await runProgram(program, argv)
}
