// Clients suspended on a promise: a command whose answer comes later (a CLUSTER subcommand forwarded to the
// gossip-agent) suspends its client the way a blocked client waits. The client stops reading, its later
// pipelined commands wait in `pending` in order, and when the promise settles (or the deadline passes first)
// the reply is written and the pending commands run. Unlike key-blocking (blocking-manager.ts) nothing but the
// promise wakes the client: no per-key queues, no re-run of the command. No I/O here besides the deadline
// timers.
import type { ReplyWriter } from '@tessera/resp';
import type { ClientState, SuspendState } from './client-state.js';
import type { CommandStat, ServerStats } from './server-stats.js';
import { ReplyMode } from './client-state.js';

/** How the promise of a suspended command ended. */
export type SuspendOutcome<T> =
  | { readonly ok: true; readonly value: T }
  /** `timedOut`: the deadline passed first; otherwise the promise rejected with `error`. */
  | { readonly ok: false; readonly timedOut: boolean; readonly error: unknown };

/** Where a suspended command writes its reply once it resumes. */
export interface DeferredReply {
  readonly writer: ReplyWriter;
  /** An error reply, counted in errorstats and as a failed call of the command (like `ctx.error`). */
  error(text: string): void;
}

export interface SuspendRequest<T> {
  /** What the client waits for. */
  readonly promise: Promise<T>;
  /** How long it may wait, in ms. */
  readonly timeoutMs: number;
  /** Writes the command's reply: exactly one reply, whatever the outcome. */
  readonly answer: (reply: DeferredReply, outcome: SuspendOutcome<T>) => void;
}

/** Node timers cannot wait longer than 2^31-1 ms (a longer delay fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ClientSuspensions {
  /** Suspended clients (INFO does not count them as blocked: they wait for the node, not for a key). */
  suspendedClients = 0;
  private readonly timed = new Set<ClientState>();
  private readonly onTimer = (client: ClientState): void => this.timerFired(client);

  constructor(
    private readonly stats: ServerStats,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Suspends `client` until `request.promise` settles or `request.timeoutMs` passes. `stat` is the command's
   * commandstats entry (a deferred error counts as its failed call). The caller must not be replaying a
   * transaction: EXEC cannot wait.
   */
  suspend<T>(client: ClientState, request: SuspendRequest<T>, stat: CommandStat | null): void {
    if (client.suspended !== null) throw new Error(`client ${client.id} is already suspended`);
    const deadline = this.now() + request.timeoutMs;
    // CLIENT REPLY OFF|SKIP applied to the command that suspended: its deferred reply is dropped too.
    const silent = client.replyMode !== ReplyMode.on;
    const state: SuspendState = {
      deadline,
      timer: null,
      settle: (outcome) => this.write(client, request, outcome as SuspendOutcome<T>, stat, silent),
    };
    client.suspended = state;
    this.suspendedClients++;
    this.timed.add(client);
    state.timer = setTimeout(this.onTimer, Math.min(Math.max(request.timeoutMs, 0), MAX_TIMER_MS), client);
    state.timer.unref();
    request.promise.then(
      (value) => this.settle(client, state, { ok: true, value }),
      (error: unknown) => this.settle(client, state, { ok: false, timedOut: false, error }),
    );
    client.transport.setReading(client, false);
  }

  /** Forgets the suspension of a disconnecting client: its reply, when it comes, is dropped. */
  drop(client: ClientState): void {
    const state = client.suspended;
    if (state === null) return;
    this.end(client, state);
  }

  /**
   * Answers the timeout to every suspended client whose deadline has passed, earliest first, and returns how
   * many. The timers call it; a fake clock calls it after moving time.
   */
  expireTimeouts(): number {
    if (this.timed.size === 0) return 0;
    const now = this.now();
    const due: ClientState[] = [];
    for (const client of this.timed) {
      if ((client.suspended?.deadline ?? Infinity) <= now) due.push(client);
    }
    due.sort((a, b) => (a.suspended?.deadline ?? 0) - (b.suspended?.deadline ?? 0));
    for (const client of due) {
      const state = client.suspended as SuspendState;
      this.settle(client, state, { ok: false, timedOut: true, error: null });
    }
    return due.length;
  }

  // ------------------------------------------------------------------ internals

  private settle(client: ClientState, state: SuspendState, outcome: SuspendOutcome<unknown>): void {
    if (client.suspended !== state) return; // already answered, timed out or disconnected
    this.end(client, state);
    if (client.closing) return;
    state.settle(outcome);
    client.requestFlush();
    client.transport.setReading(client, true);
  }

  private end(client: ClientState, state: SuspendState): void {
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = null;
    this.timed.delete(client);
    client.suspended = null;
    this.suspendedClients--;
  }

  private write<T>(
    client: ClientState,
    request: SuspendRequest<T>,
    outcome: SuspendOutcome<T>,
    stat: CommandStat | null,
    silent: boolean,
  ): void {
    const writer = client.writer;
    const reply: DeferredReply = {
      writer,
      error: (text) => {
        if (stat !== null) stat.failedCalls++;
        this.stats.countError(text);
        writer.error(text);
      },
    };
    if (!silent) {
      request.answer(reply, outcome);
      return;
    }
    const earlier = writer.take();
    request.answer(reply, outcome);
    writer.take();
    if (earlier !== null) writer.raw(earlier);
  }

  private timerFired(client: ClientState): void {
    const state = client.suspended;
    if (state === null) return;
    state.timer = null;
    const remaining = state.deadline - this.now();
    if (remaining > 0) {
      // A clock that runs behind the timers (or a fake one): wait again.
      state.timer = setTimeout(this.onTimer, Math.min(remaining, MAX_TIMER_MS), client);
      state.timer.unref();
      return;
    }
    this.settle(client, state, { ok: false, timedOut: true, error: null });
  }
}
