import { buildCli } from '../support/built-cli.js'

/** Compiles the CLI once in vitest's main process: in a test worker the minutes of tsc would block vitest's RPC. */
export default function setup(): void {
  buildCli()
}
