import type { Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import type { PartyView, PropositionView } from '../../store/read/index.js'
import { renderTable } from '../../store/render-table.js'
import { applyKbOption, type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({ db: {}, limit: {}, json: {}, kb: {} })

type ClaimsFlags = OptionValues<typeof shared> & {
  contested?: boolean
  about?: string
  relation?: string
  evidence?: boolean
}

export function registerClaims(program: Command): void {
  program
    .command('claims')
    .description('propositions across articles: who asserts, who denies, how many independent sources')
    .addOption(shared.db)
    .option('--contested', 'only propositions that are both asserted and denied')
    .option('--about <name>', 'only propositions whose subject or object is this actor or place')
    .option('--relation <relation>', 'only this relation (present_in, supports, harbors, …)')
    .addOption(shared.limit)
    .option('--evidence', 'include the quoted evidence of every claim (always in --json)')
    .addOption(shared.json)
    .addOption(shared.kb)
    .action(async (flags: ClaimsFlags) => {
      const custom = await applyKbOption(flags.kb)
      const [{ listPropositions }, { actorIdsNamed }] = await Promise.all([
        import('../../store/read/index.js'),
        import('../../kb/custom-kb.js'),
      ])
      const store = await openExistingStore(flags.db)
      try {
        const { items: propositions } = await listPropositions(store, {
          ...(flags.contested ? { status: 'contested' as const } : {}),
          ...(flags.about !== undefined
            ? { about: flags.about, ...(custom ? { aboutIds: actorIdsNamed(custom.kb, flags.about) } : {}) }
            : {}),
          ...(flags.relation ? { relation: flags.relation } : {}),
          limit: flags.limit,
          withEvidence: Boolean(flags.json || flags.evidence),
        })
        process.stdout.write(
          `${flags.json ? JSON.stringify(propositions, null, 2) : renderPropositions(propositions, Boolean(flags.evidence))}\n`,
        )
      } finally {
        await store.close()
      }
    })
}

function parties(list: PartyView[]): string {
  if (list.length === 0) return '-'
  return list
    .map((party) => {
      const who = party.party?.name ?? `reports${party.outlets.length ? ` (${party.outlets.join(', ')})` : ''}`
      const via = party.speakers.length ? ` via ${party.speakers.map((s) => s.name).join(', ')}` : ''
      return `${who}${via}${party.sources > 1 ? ` ×${party.sources}` : ''}`
    })
    .join('; ')
}

function renderPropositions(propositions: PropositionView[], withEvidence: boolean): string {
  if (propositions.length === 0) return 'no propositions match'
  const table = renderTable(
    [
      { header: 'STATUS' },
      { header: 'SOURCES', align: 'right' },
      { header: 'PROPOSITION', max: 60 },
      { header: 'ASSERTED BY', max: 40 },
      { header: 'DENIED BY', max: 44 },
      { header: 'NO RESPONSE', max: 24 },
      { header: 'SEEN' },
    ],
    propositions.map((p) => [
      p.status,
      String(p.sourceCount),
      `${p.subject.name} ${p.relation.replace(/_/g, ' ')}${p.object ? ` ${p.object.name}` : ''}`,
      parties(p.asserters),
      parties(p.deniers),
      parties(p.noResponse),
      p.firstSeen === null ? 'undated' : p.firstSeen === p.lastSeen ? p.firstSeen : `${p.firstSeen}…${p.lastSeen}`,
    ]),
  )
  if (!withEvidence) return table
  const quotes = propositions.flatMap((p) => [
    `\n${p.subject.name} ${p.relation} ${p.object?.name ?? ''} [${p.status}]`,
    ...(p.evidence ?? []).map(
      (e) =>
        `  ${e.stance} (${e.cue}) — ${e.title ?? e.articleId}${e.published ? `, ${e.published}` : ''}: "${e.text.replace(/\s+/g, ' ')}"`,
    ),
  ])
  return `${table}\n${quotes.join('\n')}`
}
