/**
 * The V8 flags sitrep's processes start with. V8 first runs a regular expression in its bytecode interpreter
 * and compiles it to machine code once it is used again, so each of the lexicon's large patterns is compiled
 * twice; `--no-regexp-tier-up` compiles each once, straight to machine code, which halves the first article's
 * cost (start-up) and changes no match.
 *
 * The flag must be given on the command line (the CLI's `#!` line, the npm scripts, the bench's children):
 * set at run time with `v8.setFlagsFromString`, after V8 has already compiled and tiered some expressions,
 * it made about one process in 150 die of SIGSEGV inside the regexp engine (seen in CI as a CLI child
 * killed mid-test; a core file put the crash in `NativeRegExpMacroAssembler::Execute`). Given at start, the
 * same stress run had no crash in 820 processes.
 */
export const ENGINE_FLAGS: readonly string[] = ['--no-regexp-tier-up']
