import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { TextSink } from '../../src/export/sink.js'

/** A slow consumer with a tiny buffer: every write has to wait for it. */
function slowStream(received: string[]): Writable {
  return new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk.toString())
      setImmediate(done)
    },
  })
}

describe('TextSink', () => {
  it('waits for a slow stream and leaves no listeners behind', async () => {
    const received: string[] = []
    const out = slowStream(received)
    const sink = new TextSink(out)
    for (let i = 0; i < 200; i++) await sink.write(`line ${i}\n`)
    expect(received.join('')).toBe(Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join(''))
    expect(out.listenerCount('drain') + out.listenerCount('close') + out.listenerCount('error')).toBe(0)
  })

  it('fails when the stream goes away mid-export, instead of waiting forever', async () => {
    const out = slowStream([])
    const sink = new TextSink(out)
    await sink.write('first chunk, longer than the buffer\n')
    out.destroy()
    await expect(sink.write('more')).rejects.toThrow(/closed before the export finished/)
  })
})
