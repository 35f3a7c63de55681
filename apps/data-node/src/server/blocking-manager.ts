// Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN...): who waits on which key in arrival order, their
// timeouts, and waking them when a key changes. A woken client's command simply runs again (as Redis's
// handleClientsBlockedOnKeys does); if it still cannot complete it stays blocked, keeping its place.
import type { BlockRequest } from '../commands/command-context.js';
import type { ClientState } from './client-state.js';

/** How the manager re-runs a blocked command; implemented by the dispatcher. */
export interface BlockedCommandRunner {
  /** Runs `client.blocked.args` again; returns true when it completed (a reply was written). */
  rerunBlocked(client: ClientState): boolean;
}

export class BlockingManager {
  private readonly waiting = new Map<string, ClientState[]>();
  private readonly ready = new Set<string>();
  private runner: BlockedCommandRunner | null = null;
  private serving = false;

  constructor(private readonly now: () => number = Date.now) {}

  attach(runner: BlockedCommandRunner): void {
    this.runner = runner;
  }

  /** Number of blocked clients (INFO blocked_clients). */
  blockedClients = 0;

  /** Number of keys with at least one blocked client (INFO total_blocking_keys). */
  get blockingKeys(): number {
    return this.waiting.size;
  }

  block(client: ClientState, args: Buffer[], request: BlockRequest): void {
    const deadline = request.timeoutMs > 0 ? this.now() + request.timeoutMs : 0;
    const onTimeout = request.onTimeout ?? ((c: ClientState) => c.writer.nullArray());
    client.blocked = { keys: [...request.keys], deadline, args, onTimeout, timer: null };
    for (const key of request.keys) {
      let queue = this.waiting.get(key);
      if (queue === undefined) this.waiting.set(key, (queue = []));
      if (!queue.includes(client)) queue.push(client);
    }
    if (request.timeoutMs > 0) {
      client.blocked.timer = setTimeout(() => this.timeout(client), request.timeoutMs);
    }
    this.blockedClients++;
    client.transport.setReading(client, false);
  }

  /** Observer hook: `key` changed; clients blocked on it are served after the current command. */
  keyModified(key: string): void {
    if (this.waiting.has(key)) this.ready.add(key);
  }

  get hasReady(): boolean {
    return this.ready.size !== 0;
  }

  /**
   * Serves clients blocked on keys that became ready, in the order they blocked; repeats while serving
   * makes more keys ready (BLMOVE pushing to a key another client waits on).
   */
  serveReady(): void {
    if (this.serving || this.runner === null) return;
    this.serving = true;
    try {
      while (this.ready.size !== 0) {
        const keys = [...this.ready];
        this.ready.clear();
        for (const key of keys) {
          const queue = this.waiting.get(key);
          if (queue === undefined) continue;
          for (const client of [...queue]) {
            if (client.blocked === null) continue;
            if (this.runner.rerunBlocked(client)) this.unblock(client);
          }
        }
      }
    } finally {
      this.serving = false;
    }
  }

  /** Ends the block of `client` (served, timed out, CLIENT UNBLOCK, disconnect) and lets it read again. */
  unblock(client: ClientState): void {
    const state = client.blocked;
    if (state === null) return;
    if (state.timer !== null) clearTimeout(state.timer);
    for (const key of state.keys) {
      const queue = this.waiting.get(key);
      if (queue === undefined) continue;
      const index = queue.indexOf(client);
      if (index !== -1) queue.splice(index, 1);
      if (queue.length === 0) this.waiting.delete(key);
    }
    client.blocked = null;
    this.blockedClients--;
    client.requestFlush();
    client.transport.setReading(client, true);
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

  private timeout(client: ClientState): void {
    const state = client.blocked;
    if (state === null) return;
    state.timer = null;
    state.onTimeout(client);
    this.unblock(client);
  }
}
