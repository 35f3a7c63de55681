// The shared state of one data-node process that commands may read or change: configuration, keyspace,
// clients, pub/sub, blocked clients, statistics and the command table. Built once by `createServerState`;
// the network side (server.ts) and commands both hold it.
import { randomBytes } from 'node:crypto';
import { ConfigStore } from '../config/config-store.js';
import type { CommandTable } from '../commands/command-table.js';
import type { Dispatcher } from '../commands/dispatcher.js';
import { Database } from '../keyspace/database.js';
import type { CommandPropagator } from '../replication/command-propagator.js';
import { Replication } from '../replication/replication.js';
import { BlockingManager } from './blocking-manager.js';
import { ClientSuspensions } from './client-suspensions.js';
import type { ClientState } from './client-state.js';
import { PubSubHub } from './pubsub-hub.js';
import { ServerStats } from './server-stats.js';
import { parseOutputLimits, type OutputLimits } from './output-limits.js';

/** Limits read on every request or flush, kept parsed and refreshed on CONFIG SET. */
export interface ClientLimits {
  queryBuffer: number;
  output: OutputLimits;
}

/** Actions only the process owner can take (main.ts wires them). */
export interface ServerLifecycle {
  /** SHUTDOWN: close listeners and clients, then exit. */
  shutdown(reason: string): void;
}

export class ServerState {
  readonly runId = randomBytes(20).toString('hex');
  readonly startedAt: number;
  readonly clients = new Map<number, ClientState>();
  readonly pubsub = new PubSubHub();
  readonly stats = new ServerStats();
  readonly blocking: BlockingManager;
  /** Clients waiting for a deferred answer (CLUSTER subcommands forwarded to the gossip-agent). */
  readonly suspensions: ClientSuspensions;
  readonly db: Database;
  private nextClientId = 1;
  readonly limits: ClientLimits;
  /** Wall clock, injectable for tests. */
  readonly now: () => number;
  lifecycle: ServerLifecycle = { shutdown: () => undefined };
  /** The dispatcher bound to this state (EXEC replays queued commands through it). Set by the Dispatcher. */
  dispatcher!: Dispatcher;
  /** Port actually bound (INFO tcp_port); 0 until listening. */
  port = 0;
  /** Time of the last successful save (LASTSAVE); no persistence yet, so the start time. */
  lastSave: number;
  /**
   * The replication stream's feed while this node is a master with a backlog, else null: the dispatcher
   * propagates nothing (and costs nothing) while it is null. Set by ReplicationState only.
   */
  propagator: CommandPropagator | null = null;
  /** Replication: history, replicas, link to the master (INFO replication, ROLE, WAIT). */
  readonly replication: Replication;

  constructor(
    readonly config: ConfigStore,
    readonly commands: CommandTable,
    now: () => number = Date.now,
  ) {
    this.now = now;
    this.startedAt = now();
    this.lastSave = Math.floor(this.startedAt / 1000);
    this.limits = {
      queryBuffer: config.getNumber('client-query-buffer-limit'),
      output: parseOutputLimits(config.get('client-output-buffer-limit')),
    };
    config.onChange((name) => {
      if (name === 'client-query-buffer-limit') this.limits.queryBuffer = config.getNumber(name);
      if (name === 'client-output-buffer-limit') this.limits.output = parseOutputLimits(config.get(name));
    });
    this.db = new Database(now);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host adapter reads and sets this field
    const server = this;
    this.replication = new Replication({
      host: {
        db: this.db,
        get propagator() {
          return server.propagator;
        },
        set propagator(propagator: CommandPropagator | null) {
          server.propagator = propagator;
        },
        backlogSize: () => config.getNumber('repl-backlog-size'),
      },
      now,
      outputLimit: () => this.limits.output.replica,
    });
    config.onChange((name) => {
      if (name === 'repl-backlog-size') this.replication.state.resizeBacklog();
    });
    this.blocking = new BlockingManager(now);
    this.suspensions = new ClientSuspensions(this.stats, now);
    this.db.observer = {
      keyModified: (key) => {
        this.blocking.keyModified(key);
        this.touchWatched(key);
      },
      keyspaceFlushed: () => this.touchAllWatched(),
    };
  }

  allocateClientId(): number {
    return this.nextClientId++;
  }

  /** Whether clients must AUTH first (requirepass set). */
  get requiresAuth(): boolean {
    return this.config.get('requirepass') !== '';
  }

  // ------------------------------------------------------------ WATCH bookkeeping

  private readonly watchers = new Map<string, Set<ClientState>>();

  watch(client: ClientState, key: string): void {
    client.watched ??= new Set();
    if (client.watched.has(key)) return;
    client.watched.add(key);
    let set = this.watchers.get(key);
    if (set === undefined) this.watchers.set(key, (set = new Set()));
    set.add(client);
  }

  unwatchAll(client: ClientState): void {
    if (client.watched === null) return;
    for (const key of client.watched) {
      const set = this.watchers.get(key);
      set?.delete(client);
      if (set?.size === 0) this.watchers.delete(key);
    }
    client.watched = null;
    client.watchDirty = false;
  }

  /** Number of keys watched by some client (INFO total_watched_keys). */
  get watchedKeys(): number {
    return this.watchers.size;
  }

  private touchWatched(key: string): void {
    if (this.watchers.size === 0) return;
    const set = this.watchers.get(key);
    if (set === undefined) return;
    for (const client of set) client.watchDirty = true;
  }

  private touchAllWatched(): void {
    for (const set of this.watchers.values()) for (const client of set) client.watchDirty = true;
  }
}

export function createServerState(
  config: ConfigStore,
  commands: CommandTable,
  now?: () => number,
): ServerState {
  return new ServerState(config, commands, now);
}
