import { PassThrough, type Readable } from 'node:stream'

/**
 * An answer a route streams instead of returning JSON: a download (Content-Disposition: attachment)
 * written while the store is read. An error after the first bytes can only cut the download short.
 */
export class StreamedAnswer {
  readonly body: Readable
  constructor(
    readonly mediaType: string,
    readonly fileName: string,
    produce: (out: PassThrough) => Promise<void>,
  ) {
    const out = new PassThrough()
    this.body = out
    produce(out).then(
      () => out.end(),
      (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
    )
  }

  get contentDisposition(): string {
    return `attachment; filename="${this.fileName.replace(/["\\\r\n]/g, '_')}"`
  }
}
