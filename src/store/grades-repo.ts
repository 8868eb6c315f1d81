import type { Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { Store } from './open-store.js'
import {
  DEFAULT_CORROBORATION_RULE,
  isSourceGrade,
  UNGRADED_POLICIES,
  type CorroborationRule,
  type GradingContext,
  type SourceGrade,
} from '../resolve/source-grading.js'
import { refreshProposition } from './apply/propositions.js'
import { lockWrites } from './write-lock.js'

type Db = Kysely<Database>

const RULE_KEY = 'corroboration_rule'

/** The analyst's grades and rule, read once per write transaction. */
export async function loadGradingContext(db: Db): Promise<GradingContext> {
  const rows = await db.selectFrom('source_grades').select(['outlet', 'grade']).execute()
  const grades = new Map<string, SourceGrade>()
  for (const row of rows) if (isSourceGrade(row.grade)) grades.set(row.outlet, row.grade)
  return { rule: await readRule(db), grades }
}

async function readRule(db: Db): Promise<CorroborationRule> {
  const row = await db.selectFrom('analyst_settings').select('value').where('key', '=', RULE_KEY).executeTakeFirst()
  if (!row) return DEFAULT_CORROBORATION_RULE
  const stored = JSON.parse(row.value) as Partial<CorroborationRule>
  return {
    minGrade: isSourceGrade(stored.minGrade) ? stored.minGrade : DEFAULT_CORROBORATION_RULE.minGrade,
    ungraded: (UNGRADED_POLICIES as readonly unknown[]).includes(stored.ungraded) ? stored.ungraded! : DEFAULT_CORROBORATION_RULE.ungraded,
  }
}

export function corroborationRule(store: Store): Promise<CorroborationRule> {
  return readRule(store.db)
}

export interface SourceView {
  /** The outlet's name as articles give it; also its id in the API. */
  id: string
  outlet: string
  articles: number
  grade: SourceGrade | null
  note: string | null
  gradedAt: string | null
}

/** Every outlet the store has articles from, with its grade: most articles first. */
export async function listSources(store: Store): Promise<SourceView[]> {
  const outlets = await store.db
    .selectFrom('articles')
    .select((eb) => ['source', eb.fn.countAll<number>().as('n')])
    .where('source', 'is not', null)
    .groupBy('source')
    .execute()
  const grades = new Map((await store.db.selectFrom('source_grades').selectAll().execute()).map((row) => [row.outlet, row]))
  return outlets
    .map((row) => {
      const grade = grades.get(row.source!)
      return {
        id: row.source!,
        outlet: row.source!,
        articles: Number(row.n),
        grade: grade && isSourceGrade(grade.grade) ? grade.grade : null,
        note: grade?.note ?? null,
        gradedAt: grade?.graded_at ?? null,
      }
    })
    .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet))
}

/** Grades (and notes) of these outlets. */
export async function gradesOf(
  db: Db,
  outlets: Iterable<string | null>,
): Promise<Map<string, { grade: SourceGrade; note: string | null }>> {
  const wanted = [...new Set([...outlets].filter((o): o is string => o !== null))]
  const found = new Map<string, { grade: SourceGrade; note: string | null }>()
  if (wanted.length === 0) return found
  for (const row of await db.selectFrom('source_grades').select(['outlet', 'grade', 'note']).where('outlet', 'in', wanted).execute()) {
    if (isSourceGrade(row.grade)) found.set(row.outlet, { grade: row.grade, note: row.note })
  }
  return found
}

/** The stored outlet a name means: exactly, else the one outlet equal to it ignoring case. */
export async function findOutlet(store: Store, name: string): Promise<string | null> {
  const exact = await store.db.selectFrom('articles').select('source').where('source', '=', name).limit(1).executeTakeFirst()
  if (exact) return name
  const all = await store.db.selectFrom('articles').select('source').distinct().where('source', 'is not', null).execute()
  const matches = all.map((row) => row.source!).filter((outlet) => outlet.toLowerCase() === name.toLowerCase())
  return matches.length === 1 ? matches[0]! : null
}

export interface GradeChange {
  outlet: string
  grade: SourceGrade | null
  note: string | null
  /** Propositions refreshed: those with a statement from this outlet. */
  refreshed: number
}

/**
 * Sets (or with grade null, clears) an outlet's grade and note, and in the same transaction refreshes the
 * status and best grade of the propositions that have a statement from the outlet, and only those.
 */
export async function gradeSource(store: Store, outlet: string, grade: SourceGrade | null, note: string | null): Promise<GradeChange> {
  return store.db.transaction().execute(async (trx) => {
    await lockWrites(trx, store)
    if (grade === null) await trx.deleteFrom('source_grades').where('outlet', '=', outlet).execute()
    else {
      const values = { grade, note, graded_at: new Date().toISOString() }
      await trx
        .insertInto('source_grades')
        .values({ outlet, ...values })
        .onConflict((oc) => oc.column('outlet').doUpdateSet(values))
        .execute()
    }
    const context = await loadGradingContext(trx)
    const ids = await trx.selectFrom('claims').select('proposition_id').distinct().where('outlet', '=', outlet).execute()
    for (const { proposition_id } of ids) await refreshProposition(trx, proposition_id, context, new Date().toISOString())
    return { outlet, grade, note, refreshed: ids.length }
  })
}

const REFRESH_CHUNK = 500

/** Stores the corroboration rule and refreshes every proposition under it (a transaction per chunk). */
export async function setCorroborationRule(store: Store, rule: CorroborationRule): Promise<number> {
  await store.db.transaction().execute(async (trx) => {
    await lockWrites(trx, store)
    const value = JSON.stringify(rule)
    await trx
      .insertInto('analyst_settings')
      .values({ key: RULE_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
  })
  let refreshed = 0
  let after = ''
  for (;;) {
    const ids = await store.db.selectFrom('propositions').select('id').where('id', '>', after).orderBy('id').limit(REFRESH_CHUNK).execute()
    if (ids.length === 0) return refreshed
    await store.db.transaction().execute(async (trx) => {
      await lockWrites(trx, store)
      const context = await loadGradingContext(trx)
      for (const { id } of ids) await refreshProposition(trx, id, context, new Date().toISOString())
    })
    refreshed += ids.length
    after = ids[ids.length - 1]!.id
  }
}
