import { defineConfig } from 'vitest/config'

/** `npm run test:faults`: the fault and load trials, kept out of `npm test` (they kill processes and take minutes). */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // threads share the main process's parent, so buildCli() in the global setup and in the files agree on the build
    pool: 'threads',
    globalSetup: ['test/faults/global-setup.ts'],
  },
})
