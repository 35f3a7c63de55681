// Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN...): who waits on which key in arrival order, their
// timeouts, and waking them when a key changes. A woken client's command simply runs again, told which key
// woke it (`servingKey`), and serves itself from that key as Redis 7.0's handleClientsBlockedOnKeys does;
// if it still cannot complete it stays blocked, keeping its place in every queue.
//
// Like Redis, a client unblocked while keys are being served reads its next commands only after the whole
// round (Redis: processUnblockedClients in beforeSleep), so a pipelined second BLPOP cannot overtake
// clients that blocked before it. No I/O here besides the timers of blocking timeouts.
import type { BlockRequest } from '../commands/command-context.js';
import type { ClientState } from './client-state.js';

/** How the manager re-runs a blocked command; implemented by the dispatcher. */
export interface BlockedCommandRunner {
  /** Runs `client.blocked.args` again; returns true when it completed (a reply was written). */
  rerunBlocked(client: ClientState): boolean;
}

/** Node timers cannot wait longer than 2^31-1 ms (a longer delay fires at once); longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class BlockingManager {
  /** Clients blocked on each key, in the order they blocked. */
  private readonly waiting = new Map<string, ClientState[]>();
  /** Keys changed since the last round, in the order they changed; swapped with `serveNext` per round. */
  private ready = new Set<string>();
  private serveNext = new Set<string>();
  /** Blocked clients that have a timeout, in blocking order. */
  private readonly timed = new Set<ClientState>();
  /** Clients unblocked during a round; they resume reading once the round is over. */
  private unblockedInRound: ClientState[] = [];
  private runner: BlockedCommandRunner | null = null;
  private serving = false;
  private drained = false;
  private served: string | null = null;
  private readonly onTimer = (client: ClientState): void => this.timerFired(client);

  /** Number of blocked clients (INFO blocked_clients). */
  blockedClients = 0;

  constructor(private readonly now: () => number = Date.now) {}

  attach(runner: BlockedCommandRunner): void {
    this.runner = runner;
  }

  /** The key whose change is being served, while a blocked command re-runs; null otherwise. */
  get servingKey(): string | null {
    return this.served;
  }

  /** Number of keys with at least one blocked client (INFO total_blocking_keys). */
  get blockingKeys(): number {
    return this.waiting.size;
  }

  block(client: ClientState, args: Buffer[], request: BlockRequest): void {
    const { keys, timeoutMs } = request;
    const deadline = timeoutMs > 0 ? this.now() + timeoutMs : 0;
    const onTimeout = request.onTimeout ?? writeNullArray;
    client.blocked = { keys, deadline, args, onTimeout, timer: null };
    for (const key of keys) {
      const queue = this.waiting.get(key);
      if (queue === undefined) this.waiting.set(key, [client]);
      else if (queue[queue.length - 1] !== client) queue.push(client); // BLPOP k k 0 waits once on k
    }
    if (deadline !== 0) {
      this.timed.add(client);
      client.blocked.timer = setTimeout(this.onTimer, Math.min(timeoutMs, MAX_TIMER_MS), client).unref();
    }
    this.blockedClients++;
    client.transport.setReading(client, false);
  }

  /** Observer hook: `key` changed; clients blocked on it are served after the current command. */
  keyModified(key: string): void {
    if (this.waiting.size !== 0 && this.waiting.has(key)) this.ready.add(key);
  }

  get hasReady(): boolean {
    return this.ready.size !== 0;
  }

  /**
   * Serves clients blocked on keys that became ready: key by key in the order they changed, and for each
   * key its clients in the order they blocked, each re-running its command against that key. Repeats while
   * serving makes more keys ready (BLMOVE pushing to a key another client waits on).
   */
  serveReady(): void {
    if (this.serving || this.runner === null) return;
    const runner = this.runner;
    this.serving = true;
    try {
      while (this.ready.size !== 0) {
        const keys = this.ready;
        this.ready = this.serveNext;
        this.serveNext = keys;
        for (const key of keys) this.serveKey(runner, key);
        keys.clear();
      }
    } finally {
      this.serving = false;
      this.served = null;
      this.resumeUnblocked();
    }
  }

  /**
   * Called by a re-run that could not complete because the key it was woken by no longer exists: nobody
   * else can be served from that key in this round either.
   */
  servingKeyDrained(): void {
    this.drained = true;
  }

  /** Ends the block of `client` (served, timed out, CLIENT UNBLOCK, disconnect) and lets it read again. */
  unblock(client: ClientState): void {
    const state = client.blocked;
    if (state === null) return;
    if (state.timer !== null) clearTimeout(state.timer);
    this.timed.delete(client);
    for (const key of state.keys) {
      const queue = this.waiting.get(key);
      if (queue === undefined) continue;
      const index = queue.indexOf(client);
      if (index === -1) continue;
      queue.splice(index, 1);
      if (queue.length === 0) this.waiting.delete(key);
    }
    client.blocked = null;
    this.blockedClients--;
    client.requestFlush();
    if (this.serving) this.unblockedInRound.push(client);
    else client.transport.setReading(client, true);
  }

  /** CLIENT UNBLOCK: answers the timeout reply (or `error`) and unblocks. Returns whether it was blocked. */
  cancel(client: ClientState, error?: string): boolean {
    const state = client.blocked;
    if (state === null) return false;
    if (error !== undefined) client.writer.error(error);
    else state.onTimeout(client);
    this.unblock(client);
    return true;
  }

  /**
   * Answers the timeout reply to every blocked client whose deadline has passed, earliest deadline first
   * (then in blocking order), and returns how many. The timers call it; a fake clock calls it after
   * moving time.
   */
  expireTimeouts(): number {
    if (this.timed.size === 0) return 0;
    const now = this.now();
    const due: ClientState[] = [];
    for (const client of this.timed) {
      if ((client.blocked?.deadline ?? Infinity) <= now) due.push(client);
    }
    due.sort((a, b) => (a.blocked?.deadline ?? 0) - (b.blocked?.deadline ?? 0));
    for (const client of due) this.cancel(client);
    return due.length;
  }

  // ------------------------------------------------------------------ internals

  private serveKey(runner: BlockedCommandRunner, key: string): void {
    const queue = this.waiting.get(key);
    if (queue === undefined) return;
    this.served = key;
    this.drained = false;
    // A served client leaves the queue (unblock splices it out); one that stays blocked keeps its place.
    let i = 0;
    while (i < queue.length && !this.drained) {
      const client = queue[i] as ClientState;
      if (runner.rerunBlocked(client)) this.unblock(client);
      else i++;
    }
    this.served = null;
  }

  private resumeUnblocked(): void {
    while (this.unblockedInRound.length !== 0) {
      const clients = this.unblockedInRound;
      this.unblockedInRound = [];
      for (const client of clients) {
        if (client.blocked === null) client.transport.setReading(client, true);
      }
    }
  }

  private timerFired(client: ClientState): void {
    const state = client.blocked;
    if (state === null) return;
    const remaining = state.deadline - this.now();
    if (remaining > 0) {
      // A wait longer than a Node timer allows, or a clock that runs behind the timers: wait again.
      state.timer = setTimeout(this.onTimer, Math.min(remaining, MAX_TIMER_MS), client).unref();
      return;
    }
    state.timer = null;
    this.cancel(client);
  }
}

function writeNullArray(client: ClientState): void {
  client.writer.nullArray();
}
