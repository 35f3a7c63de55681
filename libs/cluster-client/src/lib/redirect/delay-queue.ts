// Delayed retries in named buckets (after ioredis DelayQueue.ts): items pushed to the same bucket with
// the same delay share one timer and are released together, so a burst of TRYAGAIN/CLUSTERDOWN replies
// costs one timer per delay step, not one per command. Timers are unref'd: waiting retries alone do not
// keep the process alive. No sockets here.

export class DelayQueue<T> {
  readonly #buckets = new Map<string, { items: T[]; timer: NodeJS.Timeout }>();

  /** @param release called with each item when its delay has passed. */
  constructor(private readonly release: (item: T) => void) {}

  /** Number of items waiting. */
  get size(): number {
    let n = 0;
    for (const bucket of this.#buckets.values()) n += bucket.items.length;
    return n;
  }

  /** Releases `item` after `delayMs`, together with everything pushed to `bucket` with the same delay. */
  push(bucket: string, delayMs: number, item: T): void {
    const key = `${bucket}:${delayMs}`;
    const waiting = this.#buckets.get(key);
    if (waiting !== undefined) {
      waiting.items.push(item);
      return;
    }
    const items = [item];
    const timer = setTimeout(() => {
      this.#buckets.delete(key);
      for (const due of items) this.release(due);
    }, delayMs);
    timer.unref();
    this.#buckets.set(key, { items, timer });
  }

  /** Cancels every timer and returns the items that were waiting (the owner fails them). */
  clear(): T[] {
    const items: T[] = [];
    for (const bucket of this.#buckets.values()) {
      clearTimeout(bucket.timer);
      items.push(...bucket.items);
    }
    this.#buckets.clear();
    return items;
  }
}
