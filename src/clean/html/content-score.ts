/**
 * A readability-style content scorer: every paragraph gives points (length, commas) to its parent, less to its
 * grandparent and further ancestors; class names that read like content or like chrome shift the score; links
 * discount it. The best-scoring element, moved up where its parent holds comparable content, is one candidate
 * for the article container.
 */
import { isTag, type Element } from './parse-html.js'
import { linkDensity, type Block, type SegmentedPage } from './blocks.js'
import { boilerplateKind, contentNameWeight } from './page-structure.js'

const SCORED_KINDS = new Set(['paragraph', 'text', 'pre', 'quote', 'cell'])
const TAG_BASE: Record<string, number> = {
  div: 5,
  article: 5,
  section: 2,
  main: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
}
const MAX_LEVELS = 5

export interface ScoredCandidate {
  element: Element
  score: number
}

export function classWeight(element: Element): number {
  if (boilerplateKind(element)) return -25
  return contentNameWeight(element) * 25
}

function paragraphPoints(block: Block): number {
  const length = block.text.length
  if (length < 25) return 0
  return 1 + (block.text.match(/[,،、，]/g)?.length ?? 0) + Math.min(3, Math.floor(length / 100))
}

/** Raw scores of every element that received points, before the link discount. */
function rawScores(page: SegmentedPage, excluded: (element: Element) => boolean): Map<Element, number> {
  const scores = new Map<Element, number>()
  for (const block of page.blocks) {
    if (!SCORED_KINDS.has(block.kind) || excluded(block.owner)) continue
    const points = paragraphPoints(block)
    if (!points) continue
    // text directly inside a div counts as a paragraph of that div, as Readability turns such divs into <p>
    let ancestor: Element | null = block.kind === 'text' ? block.owner : (block.owner.parent as Element | null)
    for (let level = 0; level < MAX_LEVELS && ancestor && isTag(ancestor); level++) {
      if (ancestor.name === 'body' || ancestor.name === 'html') break
      if (!scores.has(ancestor)) scores.set(ancestor, (TAG_BASE[ancestor.name] ?? 0) + classWeight(ancestor))
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
      scores.set(ancestor, scores.get(ancestor)! + points / divider)
      ancestor = ancestor.parent && isTag(ancestor.parent) ? ancestor.parent : null
    }
  }
  return scores
}

export function scoreCandidates(page: SegmentedPage, excluded: (element: Element) => boolean): ScoredCandidate[] {
  const candidates: ScoredCandidate[] = []
  for (const [element, score] of rawScores(page, excluded))
    candidates.push({ element, score: score * (1 - linkDensity(page.stats.get(element))) })
  return candidates.sort((a, b) => b.score - a.score)
}

function parentElement(element: Element): Element | null {
  const parent = element.parent
  return parent && isTag(parent) && parent.name !== 'body' && parent.name !== 'html' ? parent : null
}

/**
 * Readability's adjustments of the top candidate: go up to an ancestor shared by several strong candidates
 * (an article split into sections), to a parent that scores higher, and past wrappers with a single child.
 */
export function topCandidate(candidates: ScoredCandidate[]): Element | null {
  const best = candidates[0]
  if (!best) return null
  const scoreOf = new Map(candidates.map((candidate) => [candidate.element, candidate.score]))
  let top = best.element
  const strong = candidates.slice(1, 5).filter((candidate) => candidate.score >= best.score * 0.75)
  if (strong.length >= 3) {
    for (let ancestor = parentElement(top); ancestor; ancestor = parentElement(ancestor)) {
      const holds = strong.filter((candidate) => contains(ancestor, candidate.element)).length
      if (holds >= 3) {
        top = ancestor
        break
      }
    }
  }
  let lastScore = scoreOf.get(top) ?? best.score
  const threshold = lastScore / 3
  for (let parent = parentElement(top); parent; parent = parentElement(parent)) {
    const parentScore = scoreOf.get(parent)
    if (parentScore === undefined) continue
    if (parentScore < threshold) break
    if (parentScore > lastScore) {
      top = parent
      break
    }
    lastScore = parentScore
  }
  for (let parent = parentElement(top); parent && parent.children.filter(isTag).length === 1; parent = parentElement(parent)) top = parent
  return top
}

function contains(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = current.parent && isTag(current.parent) ? current.parent : null)
    if (current === ancestor) return true
  return false
}

/** Siblings of the container that belong with it: strong scores, the same class, or plain prose paragraphs. */
export function siblingsWith(top: Element, candidates: ScoredCandidate[], page: SegmentedPage): Element[] {
  const parent = top.parent
  if (!parent || !isTag(parent)) return [top]
  const scoreOf = new Map(candidates.map((candidate) => [candidate.element, candidate.score]))
  const topScore = scoreOf.get(top) ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const topClass = top.attribs['class'] ?? ''
  const kept: Element[] = []
  for (const sibling of parent.children) {
    if (!isTag(sibling)) continue
    if (sibling === top) {
      kept.push(sibling)
      continue
    }
    const bonus = topClass && sibling.attribs['class'] === topClass ? topScore * 0.2 : 0
    const score = scoreOf.get(sibling)
    if (score !== undefined && score + bonus >= threshold) {
      kept.push(sibling)
      continue
    }
    if (sibling.name === 'p') {
      const stats = page.stats.get(sibling)
      if (!stats) continue
      const density = linkDensity(stats)
      if (stats.chars > 80 && density < 0.25) kept.push(sibling)
      else if (
        stats.chars > 0 &&
        stats.chars < 80 &&
        density === 0 &&
        /\.( |$)/.test(sibling.children.map((c) => ('data' in c ? c.data : '')).join(''))
      )
        kept.push(sibling)
    }
  }
  return kept
}
