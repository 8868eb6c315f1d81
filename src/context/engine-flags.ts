import v8 from 'node:v8'

/**
 * V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code once it is used
 * again, so each of the lexicon's large patterns is compiled twice. The analysis runs nearly every pattern on the
 * first article, so compiling each once, straight to machine code, halves the first article's cost (start-up)
 * and changes no match: both engines implement the same regular expressions. Set by the entry points (CLI,
 * bench) before any pattern runs; the flag holds for the whole process, worker threads included.
 */
export function compileRegexpsOnce(): void {
  v8.setFlagsFromString('--no-regexp-tier-up')
}
