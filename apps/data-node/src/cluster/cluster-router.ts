// The data-node's cluster mode: the current topology view, the link to the agent, and the routing step the
// dispatcher runs for every command once authentication passed (redis processCommand's cluster redirect).
// It turns a command into a route() query (its keys from the spec's key positions; for EXEC the keys of every
// queued command), and a redirect into its error text: the dispatcher then rejects the command, which counts
// errorstat_MOVED/ASK/... and flags an open transaction (EXECABORT), while a redirected EXEC discards its
// transaction as Redis does. The dispatcher's `router` is null in standalone mode: no cost there.
import { keyIndexes } from '../commands/command-table.js';
import type { CommandSpec } from '../commands/command-spec.js';
import { endTransaction } from '../commands/transactions/transaction-state.js';
import type { ClientState } from '../server/client-state.js';
import type { ServerState } from '../server/server-state.js';
import type { AgentLink } from './agent-link.js';
import type { ClusterView } from './cluster-view.js';
import { redirectError } from './redirect-error.js';
import { route, routeBlocked, type RoutePolicy } from './route.js';

/** Sharded pub/sub commands: their channels are routed like keys (redis getNodeByQuery pubsubshard_included). */
const PUBSUB_SHARD = new Set(['ssubscribe', 'sunsubscribe', 'spublish']);

export class ClusterRouter {
  private current: ClusterView;
  private policy: RoutePolicy;
  private readonly keyExists = (key: Uint8Array): boolean => {
    const name = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
    const db = this.server.db;
    return db.peek(name) !== undefined && !db.isExpired(name);
  };

  constructor(
    private readonly server: ServerState,
    view: ClusterView,
    /** Where CLUSTER admin subcommands go. */
    readonly agent: AgentLink,
  ) {
    this.current = view;
    this.policy = readPolicy(server);
    server.config.onChange((name) => {
      if (name.startsWith('cluster-allow-')) this.policy = readPolicy(server);
    });
  }

  /** The topology commands are routed by. */
  get view(): ClusterView {
    return this.current;
  }

  /** Called after every new view is installed (replication follows myself's role from it). */
  private readonly listeners: ((view: ClusterView) => void)[] = [];

  /** Calls `listener` after each `setView`. */
  onViewChange(listener: (view: ClusterView) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Replaces the topology at once (a new snapshot from the agent). Clients blocked on keys this node no
   * longer serves are answered with the redirect (redis clusterRedirectBlockedClientIfNeeded).
   */
  setView(view: ClusterView): void {
    this.current = view;
    if (this.server.blocking.blockedClients !== 0) this.redirectBlockedClients();
    for (const listener of this.listeners) listener(view);
  }

  /** The redirect error for `spec` run by `client` with `args`, or null when it runs here. */
  check(client: ClientState, spec: CommandSpec, args: readonly Buffer[]): string | null {
    const exec = spec.name === 'exec';
    // Keyless commands (most admin and connection commands) leave at once, before any allocation.
    if (!exec && spec.keys.first === 0 && spec.getKeys === undefined) return null;
    let keys: Buffer[];
    let write = spec.flags.includes('write');
    let pubsubShard = PUBSUB_SHARD.has(spec.name);
    if (exec) {
      if (client.multi === null) return null; // EXEC without MULTI just fails
      keys = [];
      for (const queued of client.multi) {
        const queuedSpec = this.specOf(queued.args);
        if (queuedSpec === undefined) continue;
        for (const index of keyIndexes(queuedSpec, queued.args)) keys.push(queued.args[index] as Buffer);
        write ||= queuedSpec.flags.includes('write');
        pubsubShard ||= PUBSUB_SHARD.has(queuedSpec.name);
      }
    } else {
      keys = keyIndexes(spec, args).map((index) => args[index] as Buffer);
    }
    if (keys.length === 0) return null;
    const decision = route(
      {
        keys,
        write,
        migrate: spec.name === 'migrate',
        askingCommand: spec.flags.includes('asking'),
        pubsubShard,
        asking: client.asking,
        readonly: client.readonly,
      },
      this.current,
      this.keyExists,
      this.policy,
    );
    if (decision.kind === 'serve') return null;
    if (exec) endTransaction(this.server, client); // redis processCommand: discardTransaction for EXEC
    return redirectError(decision);
  }

  private specOf(args: readonly Buffer[]): CommandSpec | undefined {
    const commands = this.server.commands;
    const spec = commands.lookup((args[0] as Buffer).toString('latin1'));
    if (spec?.subcommands === undefined || args.length < 2) return spec;
    return commands.lookupSubcommand(spec, (args[1] as Buffer).toString('latin1'));
  }

  private redirectBlockedClients(): void {
    for (const client of this.server.clients.values()) {
      const blocked = client.blocked;
      const key = blocked?.keys[0];
      if (blocked === null || key === undefined) continue;
      const write = this.specOf(blocked.args)?.flags.includes('write') ?? false;
      const decision = routeBlocked(key, this.current, { readonly: client.readonly, write });
      if (decision.kind === 'serve') continue;
      const error = redirectError(decision);
      this.server.stats.countError(error);
      this.server.blocking.cancel(client, error);
    }
  }
}

function readPolicy(server: ServerState): RoutePolicy {
  return {
    allowReadsWhenDown: server.config.getBool('cluster-allow-reads-when-down'),
    allowPubsubShardWhenDown: server.config.getBool('cluster-allow-pubsubshard-when-down'),
  };
}
