/** The gold, turned into a system record, must score perfectly against itself: checks the scorer end to end on real annotation. */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { GoldFile, NameList } from '../../src/eval/gold.js'
import { listGoldFiles, loadGold } from '../../src/eval/gold.js'
import { nameSet, intersects } from '../../src/eval/match.js'
import { scoreDocument } from '../../src/eval/score.js'
import type { AnalysisRecord } from '../../src/record/record.js'
import { analysis, claim, entity, event, place } from './fixtures.js'

function recordFromGold(gold: GoldFile): AnalysisRecord {
  const record = analysis({ text: gold.keep.join('\n') })
  gold.places.forEach((p, i) => void record.places.push(place(`place:${i}`, p.names[0]!, { lat: p.lat, lon: p.lon, country: p.country })))
  gold.entities.forEach((e, i) => void record.entities.push(entity(`entity:${i}`, e.names[0]!, e.names.slice(1))))
  const entityId = (names: NameList): string => {
    const wanted = nameSet(names)
    const found = record.entities.find((e) => intersects(nameSet([e.name, ...e.aliases]), wanted))
    if (found) return found.id
    const id = `entity:extra${record.entities.length}`
    record.entities.push(entity(id, names[0]!, names.slice(1)))
    return id
  }
  const placeId = (names: NameList): string | undefined =>
    record.places.find((p) => nameSet(names).has(nameSet([p.name]).values().next().value!))?.id
  for (const e of gold.events) {
    record.events.push(
      event({
        type: e.type,
        actors: e.actors.map(entityId),
        targets: e.targets.map(entityId),
        place: e.place === null ? null : (placeId(e.place) ?? null),
        date: { start: e.date?.[0] ?? null, end: e.date?.[1] ?? null, text: null },
        fatalities: e.fatalities === null ? null : { low: null, best: e.fatalities, high: null },
      }),
    )
  }
  for (const c of gold.claims) {
    const subject = entityId(c.subject)
    const object = c.object === null ? null : (placeId(c.object) ?? entityId(c.object))
    record.claims.push(claim({ claimant: entityId(c.claimant), subject, object, stance: c.stance, relation: c.relation }))
  }
  return record
}

const folders = ['../shared/gold', '../shared/dev/gold'].filter((folder) => existsSync(folder))

describe.runIf(folders.length > 0)('the shared gold scored against itself', () => {
  it('is perfect in every category', async () => {
    for (const folder of folders) {
      for (const file of await listGoldFiles(folder)) {
        const gold = await loadGold(file)
        const score = scoreDocument(gold, recordFromGold(gold))
        const summary = {
          keep: score.cleaning.keep.rate ?? 1,
          entities: score.entities.f1,
          places: score.places.f1,
          events: score.events.f1,
          claims: score.claims.f1,
          actors: score.event_actors.accuracy ?? 1,
          targets: score.event_targets.accuracy ?? 1,
          fatalities: score.event_fatalities.accuracy ?? 1,
        }
        expect({ file, ...summary }).toEqual({
          file,
          keep: 1,
          entities: 1,
          places: 1,
          events: 1,
          claims: 1,
          actors: 1,
          targets: 1,
          fatalities: 1,
        })
      }
    }
  })
})
