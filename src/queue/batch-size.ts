/** Articles per write transaction unless `--batch-size` says otherwise (its own module so the CLI can show it without loading the queue). */
export const DEFAULT_BATCH_SIZE = 100
