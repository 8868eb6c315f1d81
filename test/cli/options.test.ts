import { Command, CommanderError } from 'commander'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { allCommands } from '../../src/cli/commands/index.js'
import { type OptionValues, SHARED_OPTIONS, sharedOptions } from '../../src/cli/options.js'

/** A program that throws instead of exiting and keeps its output, so a test can read both. */
function program(): Command & { output: string[] } {
  const output: string[] = []
  const root = new Command().exitOverride().configureOutput({ writeOut: (s) => output.push(s), writeErr: (s) => output.push(s) })
  return Object.assign(root, { output })
}

function parsed<T>(argv: string[], declare: (command: Command) => Command): T {
  let received: T | undefined
  const root = program()
  declare(root.command('run')).action((flags: T) => {
    received = flags
  })
  root.parse(['run', ...argv], { from: 'user' })
  if (received === undefined) throw new Error('the action did not run')
  return received
}

describe('shared options', () => {
  it('parse and default as the table declares them', () => {
    const shared = sharedOptions({ db: {}, limit: {}, date: {}, json: {}, maxBytes: {} })
    const declare = (command: Command) =>
      command.addOption(shared.db).addOption(shared.limit).addOption(shared.date).addOption(shared.json).addOption(shared.maxBytes)
    expect(parsed(['--limit', '7', '--date', '2025-03-01', '--json', '--max-bytes', '2MB'], declare)).toEqual({
      db: SHARED_OPTIONS.db.default(),
      limit: 7,
      date: '2025-03-01',
      json: true,
      maxBytes: 2_000_000,
    })
    expect(parsed<OptionValues<typeof shared>>([], declare)).toEqual({ db: SHARED_OPTIONS.db.default(), limit: 50 })
  })

  it("take a command's own help, default and requirement", () => {
    const shared = sharedOptions({
      limit: { default: 20, description: 'at most this many hits' },
      db: { required: true, default: undefined },
    })
    const help = (() => {
      const root = program()
      root.command('run').addOption(shared.limit).addOption(shared.db)
      return root.commands[0]?.helpInformation() ?? ''
    })()
    expect(help).toMatch(/--limit <n>\s+at most this many hits \(default: 20\)/)
    expect(help).not.toMatch(/--db <url>.*default/)
    expect(() => parsed([], (command) => command.addOption(shared.limit).addOption(shared.db))).toThrow(CommanderError)
  })

  it('refuse a malformed value with the parser message', () => {
    const shared = sharedOptions({ date: {}, limit: {} })
    const declare = (command: Command) => command.addOption(shared.date).addOption(shared.limit)
    expect(() => parsed(['--date', '2025-3-1'], declare)).toThrow(/expected a date as YYYY-MM-DD, got "2025-3-1"/)
    expect(() => parsed(['--limit', '0'], declare)).toThrow(/expected a positive whole number, got "0"/)
  })

  it("type the action's options object from the options taken", () => {
    const shared = sharedOptions({ db: {}, limit: { default: 20 }, date: {}, json: {}, batchSize: { default: 100 }, jobs: {} })
    expectTypeOf<OptionValues<typeof shared>>().toEqualTypeOf<{
      db: string
      limit: number
      date: string | undefined
      json: boolean | undefined
      batchSize: number
      jobs: number
    }>()
  })
})

const commands = await allCommands()

describe('the sitrep commands', () => {
  const root = program()
  for (const register of commands) register(root)
  const leaves = root.commands.flatMap((command) => (command.commands.length ? command.commands : [command]))
  const lines = (flag: string) =>
    leaves.flatMap((command) => command.options.filter((option) => option.long === flag).map((option) => option.description))

  it('declare --db once: every store command gives it the same help, or its own on purpose', () => {
    const help = new Set(lines('--db'))
    expect(lines('--db').length).toBeGreaterThanOrEqual(10)
    expect([...help].sort()).toEqual(
      [
        SHARED_OPTIONS.db.description,
        'store: a SQLite file or a postgres:// URL (default $SITREP_DB or ./sitrep.db)',
        'the PostgreSQL store holding the queue: postgres://…',
      ].sort(),
    )
  })

  it('give --kb and --date one description everywhere', () => {
    expect(new Set(lines('--kb'))).toEqual(new Set([SHARED_OPTIONS.kb.description]))
    expect(new Set(lines('--date'))).toEqual(new Set([SHARED_OPTIONS.date.description]))
  })
})
