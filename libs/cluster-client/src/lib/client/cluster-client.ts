// The public client: connects to a Redis Cluster from seed nodes, routes each command by the slot of its
// keys, follows MOVED/ASK/TRYAGAIN/CLUSTERDOWN and lost connections within a bound, and pipelines what is
// sent in one tick into one write per node. It wires the parts together (options, pools, topology,
// executor) and turns calls into ClusterCommands; routing decisions live in routing/ and redirect/.
import { encodeCommand, type RespValue } from '@tessera/resp';
import { isValidSlot, MAX_SLOT } from '@tessera/slot';
import { ClientClosedError, InvalidOptionError, toError } from '../errors.js';
import { ConnectionPool } from '../pool/connection-pool.js';
import type { NodeLinkOptions } from '../pool/node-link.js';
import { commandName, isReadOnlyCommand } from '../routing/command-keys.js';
import { commandSlot } from '../routing/command-slot.js';
import { normalizeArg, normalizeArgs, type RedisArg } from '../routing/normalize-args.js';
import { ClusterTopology } from '../topology/cluster-topology.js';
import { parseSeed, type NodeAddress, type SeedAddress } from '../topology/node-address.js';
import type { ClusterNodeInfo, SlotTable } from '../topology/slot-table.js';
import {
  resolveClusterClientOptions,
  type ClusterClientOptions,
  type ResolvedClusterClientOptions,
} from './cluster-client-options.js';
import { ClusterCommand } from './cluster-command.js';
import { CommandExecutor, type RedirectCounts } from './command-executor.js';

export interface SendOptions {
  /**
   * Route by this key instead of the command's own keys (for commands the table does not know).
   * @default undefined (the command's keys)
   */
  key?: RedisArg;
  /**
   * Positions of the keys in `args` (the command name is 0); overrides the built-in command table.
   * @default undefined (COMMAND_KEY_SPECS)
   */
  keyIndexes?: readonly number[];
  /**
   * The command only reads: it may go to a replica (`scaleReads: 'replica'`) and is resent after a lost
   * connection.
   * @default from the built-in command table (false for commands it does not know)
   */
  readOnly?: boolean;
  /**
   * Reply timeout of each attempt; 0 waits forever.
   * @default the client's commandTimeoutMs
   */
  timeoutMs?: number;
  /**
   * Resend this command after a connection broke while it was in flight, even if it writes.
   * @default the client's retryWrites
   */
  retryWrites?: boolean;
}

/** One command of a pipeline. */
export interface PipelineCommand {
  readonly args: readonly RedisArg[];
  readonly options?: SendOptions;
}

export interface ClusterClientStats {
  /** Redirects and retries seen, by cause (moved, ask, tryagain, clusterdown, connection). */
  readonly redirects: Readonly<RedirectCounts>;
  /** Successful topology refreshes, discovery included. */
  readonly topologyRefreshes: number;
}

export class ClusterClient implements AsyncDisposable {
  readonly #options: ResolvedClusterClientOptions;
  readonly #masters: ConnectionPool;
  readonly #replicas: ConnectionPool;
  readonly #topology: ClusterTopology;
  readonly #executor: CommandExecutor;
  #closed: Promise<void> | null = null;

  private constructor(options: ResolvedClusterClientOptions) {
    this.#options = options;
    const linkOptions: NodeLinkOptions = {
      settings: options.connection,
      readOnly: false,
      connectionsPerNode: options.connectionsPerNode,
      reconnectBaseDelayMs: options.reconnectBaseDelayMs,
      reconnectMaxDelayMs: options.reconnectMaxDelayMs,
      healthCheckIntervalMs: options.healthCheckIntervalMs,
      logger: options.logger,
    };
    this.#masters = new ConnectionPool(linkOptions);
    this.#replicas = new ConnectionPool({ ...linkOptions, readOnly: true });
    this.#topology = new ClusterTopology(
      options.seeds,
      {
        clusterSlots: (address, timeoutMs) =>
          this.#masters.link(address).connection().send(['CLUSTER', 'SLOTS'], timeoutMs),
      },
      {
        refreshTimeoutMs: options.topologyRefreshTimeoutMs,
        refreshIntervalMs: options.topologyRefreshIntervalMs,
        logger: options.logger,
        onTable: (table) => this.#retainNodes(table),
      },
    );
    this.#executor = new CommandExecutor(this.#topology, this.#masters, this.#replicas, {
      policy: options,
      scaleReads: options.scaleReads,
    });
  }

  /**
   * Discovers the cluster from `options.seeds` and returns a ready client.
   * @throws InvalidOptionError for bad options; ClusterDiscoveryError when no seed answered CLUSTER SLOTS.
   */
  static async connect(options: ClusterClientOptions): Promise<ClusterClient> {
    const client = new ClusterClient(resolveClusterClientOptions(options));
    try {
      await client.#topology.refresh();
    } catch (error) {
      await client.close();
      throw error;
    }
    client.#topology.start();
    return client;
  }

  /**
   * Sends one command to the node serving its keys and resolves with the decoded reply. Error replies
   * reject with RespError (redirects are followed, not returned); see errors.ts for the client's own.
   */
  send(args: readonly RedisArg[], options: SendOptions = {}): Promise<RespValue> {
    return new Promise((resolve, reject) => {
      try {
        if (this.#closed !== null) throw new ClientClosedError();
        const command = this.#command(args, options, resolve, reject);
        this.#executor.dispatch(command);
      } catch (error) {
        reject(toError(error));
      }
    });
  }

  /**
   * Sends every command at once: commands for one node go out in one write. Each settles on its own
   * (redirects followed per command); results come back in input order.
   */
  pipeline(commands: readonly PipelineCommand[]): Promise<PromiseSettledResult<RespValue>[]> {
    return Promise.allSettled(commands.map(({ args, options }) => this.send(args, options)));
  }

  /**
   * Sends a command to one given node, whatever its keys: no routing, no redirect following (for CLUSTER
   * SETSLOT, INFO, MIGRATE and the like). Error replies reject with RespError.
   */
  sendToNode(
    node: SeedAddress,
    args: readonly RedisArg[],
    options: Pick<SendOptions, 'timeoutMs'> = {},
  ): Promise<RespValue> {
    if (this.#closed !== null) return Promise.reject(new ClientClosedError());
    try {
      const address = parseSeed(node, 'node');
      const normal = normalizeArgs(args, this.#options.stringArgs);
      return this.#masters.link(address).connection().send(normal, options.timeoutMs);
    } catch (error) {
      return Promise.reject(toError(error));
    }
  }

  get(key: RedisArg): Promise<RespValue> {
    return this.send(['GET', key]);
  }

  set(key: RedisArg, value: RedisArg): Promise<RespValue> {
    return this.send(['SET', key, value]);
  }

  /** DEL of keys that share one slot (use a {hash tag}); CrossSlotError otherwise. */
  del(...keys: RedisArg[]): Promise<RespValue> {
    return this.send(['DEL', ...keys]);
  }

  /** Masters and replicas of the current slot table, with the slots they serve. */
  nodes(): ClusterNodeInfo[] {
    return this.#topology.table.nodes();
  }

  /** The master serving `slot` in the current slot table, or undefined if none is known. */
  slotOwner(slot: number): NodeAddress | undefined {
    if (!isValidSlot(slot))
      throw new InvalidOptionError(`slot must be an integer in 0..${MAX_SLOT}, got ${slot}`);
    return this.#topology.table.master(slot);
  }

  /**
   * Fetches the topology now (joins a refresh already running).
   * @throws ClusterDiscoveryError when no node answered; the previous slot table stays in use.
   */
  async refreshTopology(): Promise<void> {
    await this.#topology.refresh();
  }

  stats(): ClusterClientStats {
    return { redirects: { ...this.#executor.counts }, topologyRefreshes: this.#topology.refreshes };
  }

  /** Stops refreshing and retrying, lets in-flight commands finish, then closes every connection. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#topology.close();
      this.#executor.close();
      await Promise.all([this.#masters.close(), this.#replicas.close()]);
    })();
    return this.#closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #command(
    args: readonly RedisArg[],
    options: SendOptions,
    resolve: (value: RespValue) => void,
    reject: (error: Error) => void,
  ): ClusterCommand {
    const stringArgs = this.#options.stringArgs;
    const normal = normalizeArgs(args, stringArgs);
    const name = commandName(normal);
    if (name === '') throw new InvalidOptionError('args must start with a command name');
    const key = options.key === undefined ? undefined : normalizeArg(options.key, stringArgs);
    const slot = commandSlot(name, normal, key, options.keyIndexes);
    const readOnly = options.readOnly ?? isReadOnlyCommand(name);
    const retrySafe = readOnly || (options.retryWrites ?? this.#options.retryWrites);
    const encoded = encodeCommand(normal);
    return new ClusterCommand(
      this.#executor,
      encoded,
      slot,
      readOnly,
      retrySafe,
      options.timeoutMs,
      resolve,
      reject,
    );
  }

  /** Drops links to nodes that are no longer in the topology. */
  #retainNodes(table: SlotTable): void {
    const keep = new Set(table.nodes().map((node) => node.address.key));
    const log = (error: unknown) =>
      this.#options.logger.warn({ err: error }, 'closing links to departed nodes failed');
    this.#masters.retain(keep).catch(log);
    this.#replicas.retain(keep).catch(log);
  }
}
