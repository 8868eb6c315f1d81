#!/usr/bin/env -S node --no-regexp-tier-up
import { Command } from 'commander'
import { commandsFor } from './commands/index.js'

const program = new Command()
program
  .name('sitrep')
  .description('Turn news articles about armed conflict into an evidence-linked knowledge base.')
  .version('0.1.0')
  .showHelpAfterError()

for (const register of await commandsFor(process.argv.slice(2))) register(program)

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`sitrep: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
