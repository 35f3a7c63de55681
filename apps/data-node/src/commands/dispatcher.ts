// Runs one command for one client, in Redis's order (processCommand in redis src/server.c): look the command
// up, check arity, authentication, the pub/sub context, memory, then queue it (MULTI) or call its handler and
// count it. Everything is synchronous: a command's reply is in the client's writer when `execute` returns.
import { performance } from 'node:perf_hooks';
import type { ClusterRouter } from '../cluster/cluster-router.js';
import type { BlockedCommandRunner } from '../server/blocking-manager.js';
import type { ClientState } from '../server/client-state.js';
import type { ServerState } from '../server/server-state.js';
import { CommandContext } from './command-context.js';
import type { CommandSpec } from './command-spec.js';
import { Err } from './reply-errors.js';

/** Commands run immediately inside MULTI instead of being queued. */
const TRANSACTION_CONTROL = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Commands allowed in the RESP2 pub/sub context. */
const PUBSUB_CONTEXT = new Set([
  'subscribe',
  'unsubscribe',
  'psubscribe',
  'punsubscribe',
  'ssubscribe',
  'sunsubscribe',
  'ping',
  'quit',
  'reset',
]);

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

  constructor(private readonly server: ServerState) {
    this.ctx = new CommandContext(server);
    server.blocking.attach(this);
    server.dispatcher = this;
    server.stats.configure(server.config);
  }

  /** Runs (or queues) one command read from `client`. */
  execute(client: ClientState, args: Buffer[]): void {
    const resolved = this.resolve(client, args);
    if (resolved === null) return;
    const { spec, fullName } = resolved;

    if (client.multi !== null && !TRANSACTION_CONTROL.has(fullName)) {
      if (spec.flags.includes('no_multi')) {
        this.reject(client, fullName, 'ERR Command not allowed inside a transaction');
        return;
      }
      client.multi.push({ args });
      client.writer.simple('QUEUED');
      return;
    }
    this.call(client, args, spec, fullName, false);
    if (this.server.blocking.hasReady) this.server.blocking.serveReady();
  }

  /**
   * Checks everything that can refuse a command before it runs. Returns the spec to run, or null after
   * replying with the error (which also dooms an open transaction, like Redis's flagTransaction).
   */
  private resolve(
    client: ClientState,
    args: Buffer[],
    routed = true,
  ): { spec: CommandSpec; fullName: string } | null {
    const name = (args[0] as Buffer).toString('latin1');
    let spec = this.server.commands.lookup(name);
    if (spec === undefined) {
      const shown = args.slice(1, 17).map((a) => a.toString('latin1'));
      this.reject(client, null, Err.unknownCommand(name, shown));
      return null;
    }
    let fullName = spec.name;
    if (spec.subcommands !== undefined && args.length >= 2) {
      const subName = (args[1] as Buffer).toString('latin1');
      const sub = this.server.commands.lookupSubcommand(spec, subName);
      if (sub === undefined) {
        this.reject(client, null, Err.unknownSubcommand(subName, spec.name));
        return null;
      }
      spec = sub;
      fullName = `${fullName}|${sub.name}`;
    }
    const arity = spec.arity;
    if ((arity > 0 && args.length !== arity) || args.length < -arity) {
      this.reject(client, fullName, Err.wrongArity(fullName));
      return null;
    }
    if (!client.authenticated && !spec.flags.includes('no_auth')) {
      this.reject(client, fullName, Err.noAuth);
      return null;
    }
    const redirect = routed && this.router !== null ? this.router.check(client, spec, args) : null;
    if (redirect !== null) {
      this.reject(client, fullName, redirect);
      return null;
    }
    if (
      this.memoryGuard !== null &&
      spec.flags.includes('denyoom') &&
      !this.memoryGuard.admit(spec, client)
    ) {
      this.reject(client, fullName, Err.oom);
      return null;
    }
    if (client.protocol === 2 && client.subscriptionCount !== 0 && !PUBSUB_CONTEXT.has(fullName)) {
      this.reject(client, fullName, Err.pubsubContext(fullName));
      return null;
    }
    return { spec, fullName };
  }

  /** Runs a command that passed every check; `inExec` when EXEC replays it. */
  call(client: ClientState, args: Buffer[], spec: CommandSpec, fullName: string, inExec: boolean): void {
    const ctx = this.ctx;
    ctx.args = args;
    ctx.client = client;
    ctx.spec = spec;
    ctx.inExec = inExec;
    ctx.retryingBlocked = false;
    ctx.failed = false;
    ctx.blocked = false;
    const stat = this.server.stats.command(fullName);
    const started = performance.now();
    spec.handler(ctx);
    const usec = (performance.now() - started) * 1000;
    if (ctx.blocked) return; // counted when the blocked command completes
    stat.calls++;
    stat.usec += usec;
    if (ctx.failed) stat.failedCalls++;
    const stats = this.server.stats;
    if (stats.trackLatency) stat.latency.record(usec);
    if (usec >= stats.slowPathUsec) stats.recordSlow(client, args, spec, usec, this.server.now());
    this.server.stats.totalCommands++;
    client.commandsProcessed++;
    client.lastCommand = fullName;
    // ASKING is one-shot, but lasts through a MULTI block (redis resetClient keeps it while CLIENT_MULTI).
    if (spec.name !== 'asking' && client.multi === null) client.asking = false;
  }

  /**
   * Runs a queued MULTI command from EXEC; resolution errors are answered inline like Redis. Not routed
   * again: EXEC itself was routed over every queued key.
   */
  executeQueued(client: ClientState, args: Buffer[]): void {
    const resolved = this.resolve(client, args, false);
    if (resolved === null) return;
    this.call(client, args, resolved.spec, resolved.fullName, true);
  }

  rerunBlocked(client: ClientState): boolean {
    const state = client.blocked;
    if (state === null) return true;
    const resolved = this.server.commands.lookup((state.args[0] as Buffer).toString('latin1'));
    if (resolved === undefined) return true;
    const ctx = this.ctx;
    ctx.args = state.args;
    ctx.client = client;
    ctx.spec = resolved;
    ctx.inExec = false;
    ctx.retryingBlocked = true;
    ctx.failed = false;
    ctx.blocked = false;
    resolved.handler(ctx);
    ctx.retryingBlocked = false;
    if (ctx.blocked) return false;
    const stat = this.server.stats.command(resolved.name);
    stat.calls++;
    if (ctx.failed) stat.failedCalls++;
    this.server.stats.totalCommands++;
    client.commandsProcessed++;
    return true;
  }

  private reject(client: ClientState, fullName: string | null, error: string): void {
    if (fullName !== null) this.server.stats.command(fullName).rejectedCalls++;
    this.server.stats.countError(error);
    client.writer.error(error);
    if (client.multi !== null) client.multiDirty = true;
  }
}
