// Sends ClusterCommands to the node that serves their slot and carries out the redirect table's
// decisions: patch the slot table, refresh the topology, resend (now, to an ASK target with ASKING, or
// later from a named delay bucket) or fail. Reads may go to replicas (`scaleReads`). It decides nothing
// about redirects itself (redirect-table.ts does) and opens no sockets itself (the pools do).
import type { RespError } from '@tessera/resp';
import { encodeCommand } from '@tessera/resp';
import { IGNORE_REPLY } from '../connection/connection.js';
import {
  ClientClosedError,
  ConnectionError,
  HandshakeFailedError,
  InvalidRedirectError,
  NoNodeError,
  TimeoutError,
} from '../errors.js';
import type { ConnectionPool } from '../pool/connection-pool.js';
import { DelayQueue } from '../redirect/delay-queue.js';
import { parseRedirect } from '../redirect/parse-redirect.js';
import { decideRedirect, type RetryCause, type RetryPolicy } from '../redirect/redirect-table.js';
import type { ClusterTopology } from '../topology/cluster-topology.js';
import { nodeAddress, type NodeAddress } from '../topology/node-address.js';
import type { ClusterCommand, CommandOwner } from './cluster-command.js';

const ASKING = encodeCommand(['ASKING']);

/** Redirects and retries seen, by cause. */
export type RedirectCounts = Record<RetryCause['kind'], number>;

export interface CommandExecutorOptions {
  readonly policy: RetryPolicy;
  readonly scaleReads: 'master' | 'replica';
  readonly random?: () => number;
}

export class CommandExecutor implements CommandOwner {
  readonly counts: RedirectCounts = { moved: 0, ask: 0, tryagain: 0, clusterdown: 0, connection: 0 };
  readonly #delays = new DelayQueue<ClusterCommand>((command) => this.dispatch(command));
  readonly #random: () => number;
  #closed = false;

  constructor(
    private readonly topology: ClusterTopology,
    private readonly masters: ConnectionPool,
    private readonly replicas: ConnectionPool,
    private readonly options: CommandExecutorOptions,
  ) {
    this.#random = options.random ?? Math.random;
  }

  /** Sends `command` to the node that should serve it now. */
  dispatch(command: ClusterCommand): void {
    if (this.#closed) return command.reject(new ClientClosedError());
    let pool = this.masters;
    let address = command.target;
    if (address === null) {
      const shard = command.slot >= 0 ? this.topology.table.shard(command.slot) : undefined;
      if (shard === undefined) {
        address = this.#anyMaster(); // keyless, or a slot nobody serves: the node answers (MOVED/CLUSTERDOWN)
      } else if (command.readOnly && this.options.scaleReads === 'replica' && shard.replicas.length > 0) {
        address = this.#pick(shard.replicas).address;
        pool = this.replicas;
      } else {
        address = shard.master.address;
      }
    }
    if (address === null) return command.reject(new NoNodeError());
    const connection = pool.link(address).connection();
    command.sentTo = address;
    if (command.asking) {
      connection.write(ASKING, IGNORE_REPLY, command.timeoutMs);
      command.asking = false;
      command.target = null;
    }
    connection.write(command.encoded, command, command.timeoutMs);
  }

  onErrorReply(command: ClusterCommand, error: RespError): void {
    const redirect = parseRedirect(error);
    if (redirect === null) return command.reject(error);
    if (redirect instanceof InvalidRedirectError) return command.reject(redirect);
    this.#handle(command, redirect);
  }

  onFailure(command: ClusterCommand, error: Error, sent: boolean): void {
    const retryable =
      error instanceof ConnectionError &&
      !(error instanceof HandshakeFailedError) &&
      !(error instanceof TimeoutError && error.phase === 'command');
    if (!retryable) return command.reject(error);
    this.#handle(command, { kind: 'connection', error, sent });
  }

  /** Stops resending; commands waiting in delay buckets fail with ClientClosedError. */
  close(): void {
    this.#closed = true;
    for (const command of this.#delays.clear()) command.reject(new ClientClosedError());
  }

  #handle(command: ClusterCommand, cause: RetryCause): void {
    this.counts[cause.kind]++;
    const sentTo = command.sentTo as NodeAddress;
    const action = decideRedirect(
      cause,
      {
        redirections: command.redirections,
        kindRetries: command.retriesOf(cause.kind),
        sentTo,
        retrySafe: command.retrySafe,
      },
      this.options.policy,
    );
    if (action.kind === 'fail') {
      if (action.refresh === 'await') {
        void this.topology.refresh().then(
          () => command.reject(action.error),
          () => command.reject(action.error),
        );
        return;
      }
      if (action.refresh === 'schedule') this.topology.scheduleRefresh();
      return command.reject(action.error);
    }
    command.redirections++;
    if (action.patch !== null) {
      const { slot, master } = action.patch;
      this.topology.table.patch(slot, nodeAddress(master.host, master.port));
    }
    command.target = action.target === null ? null : nodeAddress(action.target.host, action.target.port);
    command.asking = action.asking;
    const delay = action.delay;
    if (delay !== null) command.countRetry(cause.kind);
    const resend = () => {
      if (this.#closed) command.reject(new ClientClosedError());
      else if (delay === null) this.dispatch(command);
      else this.#delays.push(delay.bucket, delay.ms, command);
    };
    if (action.refresh === 'await') {
      void this.topology.refresh().then(resend, resend); // a failed refresh keeps the old table: resend anyway
      return;
    }
    if (action.refresh === 'schedule') this.topology.scheduleRefresh();
    resend();
  }

  #anyMaster(): NodeAddress | null {
    const masters = this.topology.table.masters();
    return masters.length === 0 ? null : this.#pick(masters);
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)] as T;
  }
}
