import { InvalidArgumentError, type Command } from 'commander'
import type * as GradesRepo from '../../store/grades-repo.js'
import { openExistingStore, type Store } from '../../store/open-store.js'
import { renderTable } from '../../store/render-table.js'
import {
  GRADE_MEANING,
  SOURCE_GRADES,
  UNGRADED_POLICIES,
  isSourceGrade,
  type CorroborationRule,
  type SourceGrade,
  type UngradedPolicy,
} from '../../resolve/source-grading.js'
import { type OptionValues, sharedOptions } from '../options.js'

export function registerSource(program: Command): void {
  const grading = sharedOptions({ db: {}, json: {} })
  const listing = sharedOptions({ db: {}, json: {} })
  const ruling = sharedOptions({ db: {} })
  const source = program.command('source').description("outlets and the analyst's reliability grades (Admiralty A–F)")
  source
    .command('grade')
    .description("set an outlet's reliability grade (and note); the propositions it reported get their status again")
    .argument('<outlet>', 'the outlet as `sitrep source list` names it (case does not matter)')
    .argument('<grade>', `${SOURCE_GRADES.map((g) => `${g} ${GRADE_MEANING[g]}`).join(', ')}; "none" clears the grade`, parseGrade)
    .option('--note <text>', 'why: kept beside the grade and shown with it')
    .addOption(grading.db)
    .addOption(grading.json)
    .action(async (outletName: string, grade: SourceGrade | null, flags: OptionValues<typeof grading> & { note?: string }) => {
      await withStore(flags.db, async (store, { findOutlet, listSources, gradeSource }) => {
        const outlet = await findOutlet(store, outletName)
        if (!outlet) {
          const known = (await listSources(store)).slice(0, 12).map((s) => s.outlet)
          throw new Error(
            `no articles from an outlet named "${outletName}" in ${store.location}${known.length ? `; outlets include: ${known.join(', ')}` : ''}`,
          )
        }
        const change = await gradeSource(store, outlet, grade, flags.note ?? null)
        if (flags.json) process.stdout.write(`${JSON.stringify(change, null, 2)}\n`)
        else {
          const what = grade ? `graded ${grade} (${GRADE_MEANING[grade]})` : 'grade cleared'
          process.stdout.write(`${outlet}: ${what}; ${change.refreshed} proposition${change.refreshed === 1 ? '' : 's'} refreshed\n`)
        }
      })
    })
  source
    .command('list')
    .description('outlets with their article counts, grades and notes, and the corroboration rule')
    .addOption(listing.db)
    .addOption(listing.json)
    .action(async (flags: OptionValues<typeof listing>) => {
      await withStore(flags.db, async (store, { listSources, corroborationRule }) => {
        const sources = await listSources(store)
        const rule = await corroborationRule(store)
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ items: sources, rule }, null, 2)}\n`)
          return
        }
        const table = renderTable(
          [{ header: 'OUTLET', max: 40 }, { header: 'ARTICLES', align: 'right' }, { header: 'GRADE' }, { header: 'NOTE', max: 60 }],
          sources.map((s) => [s.outlet, String(s.articles), s.grade ?? '-', s.note ?? '']),
        )
        process.stdout.write(`${sources.length ? table : 'no outlets: the stored articles name none'}\n${describeRule(rule)}\n`)
      })
    })
  source
    .command('rule')
    .description('show or set which sources count towards `corroborated`; setting it refreshes every proposition')
    .option('--min-grade <grade>', 'the worst grade that still counts (A–E; default C)', parseMinGrade)
    .option('--ungraded <policy>', `what ungraded outlets do: ${UNGRADED_POLICIES.join(' | ')} (default count)`, parseUngraded)
    .addOption(ruling.db)
    .action(async (flags: OptionValues<typeof ruling> & { minGrade?: SourceGrade; ungraded?: UngradedPolicy }) => {
      await withStore(flags.db, async (store, { corroborationRule, setCorroborationRule }) => {
        const current = await corroborationRule(store)
        if (flags.minGrade === undefined && flags.ungraded === undefined) {
          process.stdout.write(`${describeRule(current)}\n`)
          return
        }
        const rule: CorroborationRule = { minGrade: flags.minGrade ?? current.minGrade, ungraded: flags.ungraded ?? current.ungraded }
        const refreshed = await setCorroborationRule(store, rule)
        process.stdout.write(`${describeRule(rule)}\n${refreshed} propositions refreshed\n`)
      })
    })
}

export function describeRule(rule: CorroborationRule): string {
  return `corroborated needs two asserting parties, each carried by an independent source graded ${rule.minGrade} or better${rule.ungraded === 'count' ? ' or ungraded' : ' (ungraded outlets do not count)'}`
}

/** Opens the store and hands it over with the grades repository (loaded here, not when the command is declared). */
async function withStore(url: string, run: (store: Store, grades: typeof GradesRepo) => Promise<void>): Promise<void> {
  const grades = await import('../../store/grades-repo.js')
  const store = await openExistingStore(url)
  try {
    await run(store, grades)
  } finally {
    await store.close()
  }
}

function parseGrade(value: string): SourceGrade | null {
  if (value.toLowerCase() === 'none') return null
  const grade = value.toUpperCase()
  if (!isSourceGrade(grade)) throw new InvalidArgumentError(`expected a grade A–F or "none", got "${value}"`)
  return grade
}

function parseMinGrade(value: string): SourceGrade {
  const grade = value.toUpperCase()
  if (!isSourceGrade(grade) || grade === 'F') throw new InvalidArgumentError(`expected a grade A–E (F never counts), got "${value}"`)
  return grade
}

function parseUngraded(value: string): UngradedPolicy {
  if (!(UNGRADED_POLICIES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected ${UNGRADED_POLICIES.join(' or ')}, got "${value}"`)
  return value as UngradedPolicy
}
