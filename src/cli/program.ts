import { Command } from 'commander'

/** The CLI's program before any command is declared: its name, description, version and help behaviour. */
export function createProgram(): Command {
  return new Command()
    .name('sitrep')
    .description('Turn news articles about armed conflict into an evidence-linked knowledge base.')
    .version('0.1.0')
    .showHelpAfterError()
}

/** Parses `argv` (process.argv) with `program`; a command's error is printed as `sitrep: MESSAGE` and exits 1. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv as string[])
  } catch (error) {
    process.stderr.write(`sitrep: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
