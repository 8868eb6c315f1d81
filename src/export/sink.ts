import { once } from 'node:events'
import type { Writable } from 'node:stream'

/** Text written to a stream as it is produced, waiting whenever the stream asks to (backpressure). */
export class TextSink {
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    if (text === '') return
    if (this.out.destroyed) throw new Error('the export output was closed before the export finished')
    if (!this.out.write(text)) await Promise.race([once(this.out, 'drain'), once(this.out, 'close')])
  }
}
