import path from 'node:path'
import type { Command } from 'commander'
import { type OptionValues, sharedOptions } from '../options.js'

/** Exit status of `sitrep kb check`: every file is fine / some record is wrong / the folder cannot be read. */
export const KB_CHECK_EXIT = { ok: 0, problems: 1, unreadable: 2 } as const

export function registerKb(program: Command): void {
  const shared = sharedOptions({ json: { description: 'print the result as JSON' } })
  const kb = program.command('kb').description("the analyst's own knowledge folders (`--kb DIR`)")
  kb.command('check')
    .description('check a knowledge folder against the base knowledge: every problem names the file, the record and the field')
    .argument('<dir>', 'folder of *.yaml, *.yml or *.json actor, alias, role and place files')
    .addOption(shared.json)
    .action(async (dir: string, flags: OptionValues<typeof shared>) => {
      process.exitCode = await checkFolder(path.resolve(dir), Boolean(flags.json))
    })
}

async function checkFolder(dir: string, json: boolean): Promise<number> {
  const [{ formatProblem, readCustomKnowledge }, { KnowledgeBaseError }] = await Promise.all([
    import('../../kb/custom-kb.js'),
    import('../../kb/load-kb.js'),
  ])
  let custom: ReturnType<typeof readCustomKnowledge>
  try {
    custom = readCustomKnowledge(dir)
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error
    process.stderr.write(`sitrep kb check: ${error.message}\n`)
    return KB_CHECK_EXIT.unreadable
  }
  const summary = {
    dir,
    files: custom.files,
    added: custom.added,
    extended: custom.extended,
    replaced: custom.replaced,
    ambiguousNames: custom.ambiguousNames,
    places: custom.places.map((place) => place.id),
    problems: custom.problems.map(formatProblem),
  }
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
  else {
    for (const problem of summary.problems) process.stderr.write(`${problem}\n`)
    const counts =
      `${custom.files.length} file${custom.files.length === 1 ? '' : 's'}: ${custom.added.length} new actors, ${custom.extended.length} extended, ` +
      `${custom.replaced.length} replaced, ${custom.ambiguousNames} ambiguous names, ${custom.places.length} places`
    process.stdout.write(
      `${dir}: ${counts}${summary.problems.length ? ` — ${summary.problems.length} problem${summary.problems.length === 1 ? '' : 's'}` : ' — ok'}\n`,
    )
  }
  return summary.problems.length > 0 ? KB_CHECK_EXIT.problems : KB_CHECK_EXIT.ok
}
