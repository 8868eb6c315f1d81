import { once } from 'node:events'
import type { Writable } from 'node:stream'

/** Text written to a stream as it is produced, waiting whenever the stream asks to (backpressure). */
export class TextSink {
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    if (text === '') return
    if (this.out.destroyed) throw new Error('the export output was closed before the export finished')
    if (this.out.write(text)) return
    // Wait for room, or for the stream to close or fail; the losing listeners are removed (no pile-up).
    const controller = new AbortController()
    try {
      await Promise.race([once(this.out, 'drain', { signal: controller.signal }), once(this.out, 'close', { signal: controller.signal })])
    } finally {
      controller.abort()
    }
  }
}
