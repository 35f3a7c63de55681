// Runs one command for one client, in Redis's order (processCommand in redis src/server.c): look the command
// up, check arity, authentication, cluster routing (cluster mode only), the pub/sub context, memory, then
// queue it (MULTI) or call its handler, count it and, on a master with replicas, propagate it (redis call()).
// A full sync's snapshot copies the slots of a write command's keys before it runs (copy-on-write). Everything is synchronous: a command's reply is in the
// client's writer when `execute` returns, except for a command that blocks (BLPOP...) or suspends its client
// on a deferred answer (a CLUSTER subcommand forwarded to the gossip-agent): that reply comes later.
import { performance } from 'node:perf_hooks';
import { keySlot } from '@tessera/slot';
import type { ClusterRouter } from '../cluster/cluster-router.js';
import type { CommandPropagator } from '../replication/command-propagator.js';
import type { BlockedCommandRunner } from '../server/blocking-manager.js';
import type { ClientState } from '../server/client-state.js';
import type { ServerState } from '../server/server-state.js';
import { CommandContext } from './command-context.js';
import type { CommandEntry } from './command-entry.js';
import { keyIndexes } from './command-table.js';
import type { CommandSpec } from './command-spec.js';
import { Err } from './reply-errors.js';

/** Hook for memory limits (maxmemory): frees memory before a command that may grow it. */
export interface MemoryGuard {
  /** Returns false when the command must be refused with OOM. */
  admit(spec: CommandSpec, client: ClientState): boolean;
}

export class Dispatcher implements BlockedCommandRunner {
  private readonly ctx: CommandContext;
  memoryGuard: MemoryGuard | null = null;
  /** Cluster mode's routing step (MOVED, ASK, CROSSSLOT...); null in standalone mode. */
  router: ClusterRouter | null = null;
  /** This node is a replica with replica-read-only yes: clients' writes are refused (set by replication). */
  readOnlyReplica = false;
  /** See beginBatch. */
  private stamp = 0;
  private inBatch = false;

  constructor(private readonly server: ServerState) {
    this.ctx = new CommandContext(server);
    server.blocking.attach(this);
    server.dispatcher = this;
    server.stats.configure(server.config);
  }

  /**
   * Marks the start of a run of commands read in one chunk: within it, the end time of one command is the
   * start time of the next, so each command costs one clock read (performance.md: the clock was ~4% of CPU
   * at -P16). Outside a batch (timers, tests) every command reads the clock twice.
   */
  beginBatch(): void {
    this.stamp = performance.now();
    this.inBatch = true;
  }

  endBatch(): void {
    this.inBatch = false;
  }

  /** Runs (or queues) one command read from `client`. */
  execute(client: ClientState, args: Buffer[]): void {
    const entry = this.resolve(client, args);
    if (entry === null) return;
    if (client.multi !== null && !entry.transactionControl) {
      if (entry.noMulti) {
        this.reject(client, entry, 'ERR Command not allowed inside a transaction');
        return;
      }
      client.multi.push({ args });
      client.writer.simple('QUEUED');
      return;
    }
    this.call(client, args, entry, false);
    if (this.server.blocking.hasReady) this.server.blocking.serveReady();
  }

  /**
   * Checks everything that can refuse a command before it runs. Returns the entry to run, or null after
   * replying with the error (which also dooms an open transaction, like Redis's flagTransaction).
   */
  private resolve(client: ClientState, args: Buffer[], routed = true): CommandEntry | null {
    const commands = this.server.commands;
    let entry = commands.entryOf(args[0] as Buffer);
    if (entry === undefined) {
      const name = (args[0] as Buffer).toString('latin1');
      const shown = args.slice(1, 17).map((a) => a.toString('latin1'));
      this.reject(client, null, Err.unknownCommand(name, shown));
      return null;
    }
    if (entry.subcommands !== null && args.length >= 2) {
      const sub = commands.subcommandEntryOf(entry, args[1] as Buffer);
      if (sub === undefined) {
        this.reject(
          client,
          null,
          Err.unknownSubcommand((args[1] as Buffer).toString('latin1'), entry.spec.name),
        );
        return null;
      }
      entry = sub;
    }
    const arity = entry.spec.arity;
    if ((arity > 0 && args.length !== arity) || args.length < -arity) {
      this.reject(client, entry, Err.wrongArity(entry.fullName));
      return null;
    }
    if (!client.authenticated && !entry.noAuth) {
      this.reject(client, entry, Err.noAuth);
      return null;
    }
    // The replication stream from the master is never redirected nor refused for memory (redis mustObeyClient).
    const redirect =
      routed && this.router !== null && !client.fromMaster
        ? this.router.check(client, entry.spec, args)
        : null;
    if (redirect !== null) {
      this.reject(client, entry, redirect);
      return null;
    }
    if (
      this.memoryGuard !== null &&
      entry.denyoom &&
      !client.fromMaster &&
      !this.memoryGuard.admit(entry.spec, client)
    ) {
      this.reject(client, entry, Err.oom);
      return null;
    }
    // A replica's keyless writes (FLUSHALL...; keyed ones were redirected) are refused (replica-read-only).
    if (this.readOnlyReplica && entry.write && !client.fromMaster) {
      this.reject(client, entry, Err.readOnlyReplica);
      return null;
    }
    if (client.protocol === 2 && client.subscriptionCount !== 0 && !entry.pubsubContext) {
      this.reject(client, entry, Err.pubsubContext(entry.fullName));
      return null;
    }
    return entry;
  }

  /**
   * Runs a command that passed every check; `inExec` when EXEC replays it. On a master with replicas the call
   * is wrapped by callPropagating (`wrapped` then); otherwise this is the whole path, replication costing one
   * field read.
   */
  call(client: ClientState, args: Buffer[], entry: CommandEntry, inExec: boolean, wrapped = false): void {
    const propagator = this.server.propagator;
    if (propagator !== null && !wrapped) {
      this.callPropagating(client, args, entry, inExec, propagator);
      return;
    }
    const ctx = this.ctx;
    const spec = entry.spec;
    ctx.args = args;
    ctx.client = client;
    ctx.spec = spec;
    ctx.inExec = inExec;
    ctx.retryingBlocked = false;
    ctx.failed = false;
    ctx.blocked = false;
    const stats = this.server.stats;
    const stat = (entry.stat ??= stats.command(entry.fullName));
    ctx.stat = stat;
    const started = this.inBatch ? this.stamp : performance.now();
    spec.handler(ctx);
    const ended = performance.now();
    if (this.inBatch) this.stamp = ended;
    if (ctx.blocked) return; // counted when the blocked command completes
    const usec = (ended - started) * 1000;
    stat.calls++;
    stat.usec += usec;
    if (ctx.failed) stat.failedCalls++;
    if (stats.trackLatency) stat.latency.record(usec);
    if (usec >= stats.slowPathUsec) stats.recordSlow(client, args, spec, usec, this.server.now());
    stats.totalCommands++;
    client.commandsProcessed++;
    client.lastCommand = entry.fullName;
    // ASKING is one-shot, but lasts through a MULTI block (redis resetClient keeps it while CLIENT_MULTI).
    if (spec.name !== 'asking' && client.multi === null) client.asking = false;
  }

  /**
   * `call` on a master that propagates (redis call() + propagatePendingCommands): a full sync's snapshot first
   * copies the slots this write may change in place, then the command runs and, if it changed the dataset,
   * is propagated; the client's replication offset (WAIT) is the stream's end after it.
   */
  private callPropagating(
    client: ClientState,
    args: Buffer[],
    entry: CommandEntry,
    inExec: boolean,
    propagator: CommandPropagator,
  ): void {
    if (entry.write && this.server.db.snapshotGuard !== null) this.guardSlots(entry, args);
    const dirty = propagator.beforeCommand(inExec);
    this.call(client, args, entry, inExec, true);
    propagator.afterCommand(entry, args, inExec, dirty, this.ctx.blocked);
    client.replOffset = propagator.offset;
  }

  /**
   * Runs a queued MULTI command from EXEC; resolution errors are answered inline like Redis. Not routed
   * again: EXEC itself was routed over every queued key.
   */
  executeQueued(client: ClientState, args: Buffer[]): void {
    const entry = this.resolve(client, args, false);
    if (entry === null) return;
    this.call(client, args, entry, true);
  }

  rerunBlocked(client: ClientState): boolean {
    const state = client.blocked;
    if (state === null) return true;
    const entry = this.server.commands.entryOf(state.args[0] as Buffer);
    if (entry === undefined) return true;
    const resolved = entry.spec;
    const ctx = this.ctx;
    ctx.args = state.args;
    ctx.client = client;
    ctx.spec = resolved;
    ctx.inExec = false;
    ctx.retryingBlocked = true;
    ctx.failed = false;
    ctx.blocked = false;
    const propagator = this.server.propagator;
    let dirty = 0;
    if (propagator !== null) {
      if (entry.write && this.server.db.snapshotGuard !== null) this.guardSlots(entry, state.args);
      dirty = propagator.beforeCommand(false);
    }
    resolved.handler(ctx);
    ctx.retryingBlocked = false;
    if (propagator !== null) {
      propagator.afterCommand(entry, state.args, false, dirty, ctx.blocked);
      client.replOffset = propagator.offset;
    }
    if (ctx.blocked) return false;
    const stat = (entry.stat ??= this.server.stats.command(entry.fullName));
    stat.calls++;
    if (ctx.failed) stat.failedCalls++;
    this.server.stats.totalCommands++;
    client.commandsProcessed++;
    return true;
  }

  /**
   * A full sync is taking a snapshot: the slots of the keys this write command may change in place are copied
   * first (deletions and whole-value writes are caught by the Database itself).
   */
  private guardSlots(entry: CommandEntry, args: readonly Buffer[]): void {
    const guard = this.server.db.snapshotGuard;
    if (guard === null) return;
    for (const index of keyIndexes(entry.spec, args)) guard.beforeChange(keySlot(args[index] as Buffer));
  }

  private reject(client: ClientState, entry: CommandEntry | null, error: string): void {
    if (entry !== null) (entry.stat ??= this.server.stats.command(entry.fullName)).rejectedCalls++;
    this.server.stats.countError(error);
    client.writer.error(error);
    if (client.multi !== null) client.multiDirty = true;
  }
}
