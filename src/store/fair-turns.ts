/**
 * Turns on the one SQLite connection, first come first served, with the event loop served between slices of work.
 *
 * better-sqlite3 runs each query synchronously and Kysely hands its single connection from one waiting query to the
 * next in microtasks, so while queries wait the process never returns to the event loop. Under load a server then
 * reads sockets and accepts connections only between long stretches of queries, and Node accepts one new connection
 * per loop turn: clients that connect late (100 load-test clients, the last endpoints started) wait in the listen
 * backlog until they time out, and reconnecting puts them at the back again. Here, once a slice of work has run, the
 * next waiter gets the connection on the next loop turn (setImmediate), after the pending I/O.
 */
export class FairTurns {
  private held = false
  private yielding = false
  private readonly waiting: (() => void)[] = []
  private sliceStart = performance.now()

  constructor(private readonly sliceMs = 10) {}

  acquire(): Promise<void> {
    if (!this.held && this.waiting.length === 0 && !this.sliceSpent()) {
      this.held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.grantNext()
    })
  }

  release(): void {
    this.held = false
    this.grantNext()
  }

  private grantNext(): void {
    if (this.held || this.yielding || this.waiting.length === 0) return
    if (this.sliceSpent()) {
      this.yielding = true
      setImmediate(() => {
        this.yielding = false
        this.sliceStart = performance.now()
        this.grantNext()
      })
      return
    }
    this.held = true
    this.waiting.shift()!()
  }

  private sliceSpent(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs
  }
}
