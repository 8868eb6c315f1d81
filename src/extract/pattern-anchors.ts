/**
 * Required words of a regular expression, so that a sentence is handed to a pattern only when it holds one.
 *
 * `requiredAnchors(source)` reads a pattern's source and returns literal strings of which every match must
 * contain at least one (or null when it finds no such set: the pattern then always runs). `AnchorScan` compiles
 * the anchors of many patterns into one regex and, in one pass over a text, tells which patterns can match.
 * Both sides use the patterns' own flags (case-insensitive, Unicode), so a skipped pattern is one that could
 * not have matched: the prefilter changes the time spent, never the output.
 */

type Node =
  | { kind: 'char'; char: string; min: number; max: number }
  | { kind: 'other'; min: number }
  | { kind: 'group'; branches: Node[][]; min: number }

/** Anchor characters must compare the same under the regex's case folding and under toLowerCase (see AnchorScan). */
function isPlainChar(char: string): boolean {
  const code = char.charCodeAt(0)
  return code < 128 || char.toLowerCase() === char.toUpperCase()
}

const QUANTIFIER = /\{(\d+)(,(\d*))?\}/y

class Parser {
  private at = 0
  constructor(private readonly source: string) {}

  parse(): Node[][] {
    const branches = this.alternation()
    if (this.at !== this.source.length) throw new Error(`unexpected ${this.source[this.at]} at ${this.at}`)
    return branches
  }

  private alternation(): Node[][] {
    const branches: Node[][] = [this.sequence()]
    while (this.source[this.at] === '|') {
      this.at++
      branches.push(this.sequence())
    }
    return branches
  }

  private sequence(): Node[] {
    const nodes: Node[] = []
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom()
      const [min, max] = this.quantifier()
      if (atom.kind === 'char') nodes.push({ ...atom, min, max })
      else nodes.push({ ...atom, min: atom.min === 0 ? 0 : min })
    }
    return nodes
  }

  private atom(): Node {
    const s = this.source
    const c = s[this.at]!
    if (c === '(') {
      this.at++
      let lookaround = false
      if (s[this.at] === '?') {
        if (s.startsWith('?:', this.at)) this.at += 2
        else if (s.startsWith('?=', this.at) || s.startsWith('?!', this.at)) {
          this.at += 2
          lookaround = true
        } else if (s.startsWith('?<=', this.at) || s.startsWith('?<!', this.at)) {
          this.at += 3
          lookaround = true
        } else if (s.startsWith('?<', this.at)) this.at = s.indexOf('>', this.at) + 1
        else throw new Error(`unsupported group at ${this.at}`)
      }
      const branches = this.alternation()
      if (s[this.at] !== ')') throw new Error(`unclosed group at ${this.at}`)
      this.at++
      // A lookaround matches no characters of its own: it requires nothing here.
      return lookaround ? { kind: 'other', min: 0 } : { kind: 'group', branches, min: 1 }
    }
    if (c === '[') {
      this.at++
      if (s[this.at] === '^') this.at++
      if (s[this.at] === ']') this.at++
      while (this.at < s.length && s[this.at] !== ']') this.at += s[this.at] === '\\' ? 2 : 1
      this.at++
      return { kind: 'other', min: 1 }
    }
    if (c === '\\') return this.escape()
    this.at++
    if (c === '.') return { kind: 'other', min: 1 }
    if (c === '^' || c === '$') return { kind: 'other', min: 0 }
    const code = s.codePointAt(this.at - 1)!
    if (code > 0xffff) {
      this.at++
      return { kind: 'other', min: 1 }
    }
    return isPlainChar(c) ? { kind: 'char', char: c, min: 1, max: 1 } : { kind: 'other', min: 1 }
  }

  private escape(): Node {
    const s = this.source
    const c = s[this.at + 1]!
    this.at += 2
    if (c === 'b' || c === 'B') return { kind: 'other', min: 0 }
    if ((c === 'p' || c === 'P' || c === 'u' || c === 'k') && (s[this.at] === '{' || s[this.at] === '<')) {
      this.at = s.indexOf(s[this.at] === '{' ? '}' : '>', this.at) + 1
      return { kind: 'other', min: 1 }
    }
    if (c === 'u') this.at += 4
    else if (c === 'x') this.at += 2
    else if (c === 'c') this.at++
    // \d \w \s, control and numeric escapes, back references: some character, not a known one.
    if (/[A-Za-z0-9]/.test(c)) return { kind: 'other', min: 1 }
    return { kind: 'char', char: c, min: 1, max: 1 }
  }

  private quantifier(): [number, number] {
    const s = this.source
    let min = 1
    let max = 1
    const c = s[this.at]
    if (c === '*' || c === '+' || c === '?') {
      this.at++
      ;[min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1]
    } else if (c === '{') {
      QUANTIFIER.lastIndex = this.at
      const m = QUANTIFIER.exec(s)
      if (!m) return [1, 1]
      this.at += m[0].length
      min = Number(m[1])
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity
    } else return [1, 1]
    if (s[this.at] === '?') this.at++
    return [min, max]
  }
}

/** How much a set of alternatives narrows the sentences down: its shortest alternative's letters. */
function strength(anchors: string[]): number {
  let weakest = Infinity
  for (const anchor of anchors) {
    let letters = 0
    for (let i = 0; i < anchor.length; i++) if (/[A-Za-z]/.test(anchor[i]!)) letters++
    weakest = Math.min(weakest, letters * 4 + anchor.length)
  }
  return weakest - anchors.length / 1000
}

/**
 * Every set of strings a sequence requires: each match holds one string of each set. A required group of one
 * branch adds the sets of its sequence; one of several branches adds the union of their strongest sets.
 */
function requiredSets(nodes: Node[]): string[][] {
  const sets: string[][] = []
  let run = ''
  const flush = (): void => {
    if (run) sets.push([run])
    run = ''
  }
  for (const node of nodes) {
    if (node.kind === 'char') {
      if (node.min === 0) flush()
      else {
        run += node.char
        if (node.max !== 1) flush()
      }
    } else {
      flush()
      if (node.kind === 'group' && node.min > 0) {
        if (node.branches.length === 1) sets.push(...requiredSets(node.branches[0]!))
        else {
          const inner = alternationAnchors(node.branches)
          if (inner) sets.push(inner)
        }
      }
    }
  }
  flush()
  return sets
}

/** The strongest of the sets a sequence requires. */
function sequenceAnchors(nodes: Node[]): string[] | null {
  let best: string[] | null = null
  let bestStrength = -Infinity
  for (const set of requiredSets(nodes)) {
    const value = strength(set)
    if (value > bestStrength) [best, bestStrength] = [set, value]
  }
  return best
}

function alternationAnchors(branches: Node[][]): string[] | null {
  const all = new Set<string>()
  for (const branch of branches) {
    const anchors = sequenceAnchors(branch)
    if (!anchors) return null
    for (const anchor of anchors) all.add(anchor)
  }
  return [...all]
}

/** Strings one of which every match of the pattern contains, or null. */
export function requiredAnchors(source: string): string[] | null {
  try {
    return alternationAnchors(new Parser(source).parse())
  } catch {
    return null
  }
}

/**
 * Every set of strings the pattern requires, each match holding one string of each (none: nothing is known). Stricter
 * than `requiredAnchors`, which gives the strongest set alone: a text must hold a string of every set.
 */
export function requiredAnchorSets(source: string): string[][] {
  try {
    const branches = new Parser(source).parse()
    if (branches.length === 1) return requiredSets(branches[0]!)
    const anchors = alternationAnchors(branches)
    return anchors ? [anchors] : []
  } catch {
    return []
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * The anchors of several patterns in one regex. At each position the lookahead takes the longest anchor there
 * (they are tried longest first); the shorter ones that match there are its prefixes, known in advance.
 *
 * The scan runs case-sensitively over the lowercased text (several times faster than a case-insensitive Unicode
 * regex). That finds every place the patterns' own case folding would match an anchor, since anchors hold only
 * ASCII and uncased characters: an ASCII letter is matched by its two cases, which lowercase alike, and by the
 * long s and the Kelvin sign; the Kelvin sign lowercases to k, and a text holding a long s opens every pattern.
 */
export class AnchorScan {
  private readonly scan: RegExp | null
  /** Lowercased anchor → the patterns it unlocks (its own and those of the anchors that are its prefixes). */
  private readonly unlocks = new Map<string, number[]>()
  private readonly always: number[] = []
  private readonly count: number

  constructor(anchorSets: ReadonlyArray<string[] | null>) {
    this.count = anchorSets.length
    const owners = new Map<string, Set<number>>()
    anchorSets.forEach((anchors, pattern) => {
      if (!anchors || anchors.length === 0) this.always.push(pattern)
      else for (const anchor of anchors) owners.set(anchor.toLowerCase(), (owners.get(anchor.toLowerCase()) ?? new Set()).add(pattern))
    })
    const anchors = [...owners.keys()].sort((a, b) => b.length - a.length)
    for (const anchor of anchors) {
      const patterns = new Set<number>()
      for (const other of anchors) if (anchor.startsWith(other)) for (const p of owners.get(other)!) patterns.add(p)
      this.unlocks.set(anchor, [...patterns])
    }
    this.scan = anchors.length ? new RegExp(`(?=(${anchors.map(escapeRegExp).join('|')}))`, 'g') : null
  }

  /** Which patterns may match somewhere in `text`. */
  candidates(text: string): boolean[] {
    const open = new Array<boolean>(this.count).fill(false)
    for (const p of this.always) open[p] = true
    if (!this.scan) return open
    if (text.includes('ſ')) return open.fill(true)
    const seen = new Set<string>()
    const lower = text.toLowerCase()
    // exec, stepping past each (empty) match as matchAll would, at a third of matchAll's cost per match
    this.scan.lastIndex = 0
    for (let match = this.scan.exec(lower); match; match = this.scan.exec(lower)) {
      this.scan.lastIndex = match.index + 1
      const anchor = match[1]!
      if (seen.has(anchor)) continue
      seen.add(anchor)
      for (const p of this.unlocks.get(anchor)!) open[p] = true
    }
    return open
  }
}

/**
 * The prefilter for patterns that each require several sets of strings (`requiredAnchorSets`): one AnchorScan over
 * all the sets, and a pattern may match a text only when every one of its sets has a string there.
 */
export class AnchorSetsScan {
  private readonly scan: AnchorScan
  /** The scan's slots of each pattern's sets. */
  private readonly slotsOf: number[][]

  constructor(setsByPattern: ReadonlyArray<readonly string[][]>) {
    const slots: string[][] = []
    this.slotsOf = setsByPattern.map((sets) => sets.map((set) => slots.push(set) - 1))
    this.scan = new AnchorScan(slots)
  }

  /** Which patterns may match somewhere in `text`. */
  candidates(text: string): boolean[] {
    const open = this.scan.candidates(text)
    return this.slotsOf.map((slots) => slots.every((slot) => open[slot]))
  }
}
