import type { Command } from 'commander'
import { openExistingStore } from '../../store/open-store.js'
import type { EntityView } from '../../store/read/index.js'
import { renderTable } from '../../store/render-table.js'
import { renderEvents } from './events.js'
import { applyKbOption, type OptionValues, sharedOptions } from '../options.js'

const shared = sharedOptions({ db: {}, json: {}, kb: {} })

type EntityFlags = OptionValues<typeof shared>

export function registerEntity(program: Command): void {
  program
    .command('entity')
    .description('one actor across the store: names, merges, what is claimed about it, events it took part in')
    .argument('<name>', 'a name, alias or id, e.g. "ISKP" or actor:iskp')
    .addOption(shared.db)
    .addOption(shared.json)
    .addOption(shared.kb)
    .action(async (name: string, flags: EntityFlags) => {
      const custom = await applyKbOption(flags.kb)
      const [{ getEntity }, { actorIdsNamed }] = await Promise.all([import('../../store/read/index.js'), import('../../kb/custom-kb.js')])
      const store = await openExistingStore(flags.db)
      try {
        const entity = await getEntity(store, name, 20, custom ? actorIdsNamed(custom.kb, name) : [])
        if (!entity) {
          process.stderr.write(`sitrep entity: no actor named "${name}" in ${store.location}\n`)
          process.exitCode = 1
          return
        }
        process.stdout.write(`${flags.json ? JSON.stringify(entity, null, 2) : renderEntity(entity)}\n`)
      } finally {
        await store.close()
      }
    })
}

function renderEntity(entity: EntityView): string {
  const lines = [
    `${entity.name} (${entity.id})`,
    `type ${entity.type}${entity.country ? `, ${entity.country}` : ''}${entity.known ? ', in the knowledge base' : ', not in the knowledge base'}`,
    `mentioned ${entity.mentionCount} times in ${entity.articleCount} articles`,
  ]
  if (entity.aliases.length) lines.push(`also called: ${entity.aliases.join(', ')}`)
  for (const merge of entity.mergedFrom) lines.push(`merged "${merge.name}" (${merge.id}): ${merge.reason}`)
  if (entity.propositions.length) {
    lines.push(
      '',
      renderTable(
        [{ header: 'STATUS' }, { header: 'SOURCES', align: 'right' }, { header: 'PROPOSITION', max: 70 }],
        entity.propositions.map((p) => [
          p.status,
          String(p.sourceCount),
          `${p.subject.name} ${p.relation.replace(/_/g, ' ')}${p.object ? ` ${p.object.name}` : ''}`,
        ]),
      ),
    )
  }
  if (entity.events.length) lines.push('', renderEvents(entity.events))
  return lines.join('\n')
}
