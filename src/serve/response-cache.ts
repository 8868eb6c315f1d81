import type { Store } from '../store/open-store.js'
import { storeFingerprint } from '../store/read/index.js'

/**
 * Answers of the aggregate endpoints (counts, timeline, places, network) scan whole tables; they are
 * kept until the store changes. A change is seen through the newest article number (one index
 * lookup per request), uploads through this server clear the cache at once, and entries expire
 * after a while anyway, so writes by other processes that replace articles in place show up too.
 * Requests for an answer being computed share that computation instead of starting their own (every
 * store change would otherwise start one per waiting client); while it runs they get the answer it
 * replaces, when there is one: the request that started it waits for the fresh one.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { value: unknown; fingerprint: string; at: number }>()
  private readonly computing = new Map<string, Promise<unknown>>()

  constructor(
    private readonly store: Store,
    private readonly maxEntries = 200,
    private readonly maxAgeMs = 60_000,
  ) {}

  async get(key: string, compute: () => Promise<unknown>): Promise<unknown> {
    const fingerprint = await this.fingerprint()
    const hit = this.entries.get(key)
    const young = hit !== undefined && Date.now() - hit.at < this.maxAgeMs
    if (young && hit.fingerprint === fingerprint) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value
    }
    const computingKey = `${fingerprint} ${key}`
    const pending = this.computing.get(computingKey)
    if (pending) return young ? hit.value : pending
    const computation = compute()
      .then((value) => {
        this.entries.set(key, { value, fingerprint, at: Date.now() })
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
        return value
      })
      .finally(() => this.computing.delete(computingKey))
    this.computing.set(computingKey, computation)
    return computation
  }

  clear(): void {
    this.entries.clear()
  }

  private fingerprint(): Promise<string> {
    return storeFingerprint(this.store)
  }
}
