// A replica's link to its master's data-node (redis's replica side of src/replication.c: connectWithMaster,
// slaveTryPartialResynchronization, readSyncBulkPayload, the master client, replicationCron): one Sync stream
// at a time to the master's ReplicationService, reopened with exponential backoff and jitter when it ends.
//
// It asks with what it holds (Psync: replication id and offset, or nothing), then either loads the snapshot of
// a full sync into a keyspace of its own and swaps it in whole at SnapshotEnd (the old data is served until
// then, and a sync that fails midway leaves it untouched, as Redis's default disk-based load does), or
// continues from its offset. The stream's commands run through the dispatcher as the master client (no
// redirects, no replies) in order; the bytes of whole commands feed this node's own backlog so its offsets
// stay the master's (PSYNC2). It acks its offset every 100 ms while it moves (at least every second) and at
// once when the master asks (WAIT). A master silent for `repl-timeout` seconds is dropped.
import { credentials, type ClientDuplexStream } from '@grpc/grpc-js';
import {
  AuthenticatedClient,
  ReplicationServiceService,
  deriveBusKey,
  type SnapshotEntry,
  type SyncRequest,
  type SyncResponse,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { Dispatcher } from '../commands/dispatcher.js';
import { ClientState, type ClientTransport } from '../server/client-state.js';
import type { ServerState } from '../server/server-state.js';
import { backoffDelay, type BackoffPolicy } from '../cluster/backoff.js';
import { checkMasterFrame, type MasterFrame } from './replication-frames.js';
import type { MasterLinkStatus, MasterLinkView } from './replication.js';
import { SnapshotLoader } from './snapshot-loader.js';
import { StreamFormatError, StreamReader } from './stream-reader.js';

export interface MasterLinkTiming {
  /** Ack period while the offset moves. @default 100 */
  readonly ackMs: number;
  /** Reopening the stream. @default 100 ms doubling to 2 s, half of it random */
  readonly reconnect: BackoffPolicy;
}

export const DEFAULT_MASTER_LINK_TIMING: MasterLinkTiming = {
  ackMs: 100,
  reconnect: { initialMs: 100, maxMs: 2_000, jitter: 0.5 },
};

export interface MasterLinkOptions {
  readonly server: ServerState;
  readonly dispatcher: Dispatcher;
  /** The master's node id, its address in the topology, and where its ReplicationService listens. */
  readonly masterId: string;
  readonly masterHost: string;
  readonly masterPort: number;
  readonly replicationAddress: string;
  /** This node: its id, client port and announced IP (told in the Psync). */
  readonly myId: string;
  readonly myPort: number;
  readonly myIp: string;
  readonly secret: string;
  readonly log: Logger;
  /** Since when the data is not being updated (carried over from a previous link); NEVER_LINKED if never. */
  readonly downSince: number;
  /** Told when the status or the offset reported changes meaning (heartbeat, CLUSTER SLOTS). */
  readonly changed: () => void;
  readonly timing?: Partial<MasterLinkTiming>;
}

/** A transport for the master client: it has no socket, its replies are dropped. */
const NO_TRANSPORT: ClientTransport = {
  requestFlush: () => undefined,
  closeAfterReply: () => undefined,
  kill: () => undefined,
  setReading: () => undefined,
  authenticationChanged: () => undefined,
  describe: () => ({ fd: -1, queryBuffer: 0, outputBuffer: 0 }),
};

/** Errors while applying the stream are logged at most this often. */
const APPLY_ERROR_LOG_MS = 10_000;

export class MasterLink implements MasterLinkView {
  status: MasterLinkStatus = 'connect';
  lastIoAt = 0;
  downSince: number;
  readOffset = 0;
  syncStartedAt = 0;
  /** Commands from the master that answered an error (redis logs them as critical). */
  applyErrors = 0;
  private readonly client: AuthenticatedClient<typeof ReplicationServiceService>;
  private readonly timing: MasterLinkTiming;
  private stream: ClientDuplexStream<SyncRequest, SyncResponse> | null = null;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly reader = new StreamReader();
  private masterClient: ClientState;
  private staging: SnapshotLoader | null = null;
  private lastAcked = -1;
  private lastAckAt = 0;
  private lastApplyErrorLog = -Infinity;

  constructor(private readonly options: MasterLinkOptions) {
    this.timing = { ...DEFAULT_MASTER_LINK_TIMING, ...options.timing };
    this.downSince = options.downSince;
    this.client = new AuthenticatedClient(
      ReplicationServiceService,
      options.replicationAddress,
      credentials.createInsecure(),
      {
        keys: [deriveBusKey(options.secret)],
        channelOptions: {
          // The master's frames carry snapshot chunks and values up to proto-max-bulk-len.
          'grpc.max_receive_message_length': 1024 * 1024 * 1024,
          // A wide HTTP/2 window: the master's stream is not held back by the 64 KB default between reads.
          'grpc-node.flow_control_window': 8 * 1024 * 1024,
          'grpc.initial_reconnect_backoff_ms': this.timing.reconnect.initialMs,
          'grpc.max_reconnect_backoff_ms': this.timing.reconnect.maxMs,
        },
      },
    );
    this.masterClient = this.newMasterClient();
  }

  get masterId(): string {
    return this.options.masterId;
  }

  get host(): string {
    return this.options.masterHost;
  }

  get port(): number {
    return this.options.masterPort;
  }

  /** Opens the stream and starts the ack timer. */
  start(): void {
    if (this.ticker !== null || this.closed) return;
    this.ticker = setInterval(() => this.tick(), this.timing.ackMs);
    this.ticker.unref();
    this.connect();
  }

  /** Ends the link for good (another master, a promotion, shutdown). A full sync in progress is dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ticker !== null) clearInterval(this.ticker);
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.ticker = null;
    this.reconnectTimer = null;
    this.dropStream();
    this.client.close();
    if (this.status === 'connected') this.downSince = this.options.server.now();
    this.staging = null;
    this.status = 'connect';
  }

  // ------------------------------------------------------------------ the stream

  private connect(): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    const { server, log } = this.options;
    const state = server.replication.state;
    const stream = this.client.bidi('sync');
    this.stream = stream;
    this.status = 'connecting';
    this.lastIoAt = server.now();
    stream.on('data', (response: SyncResponse) => this.onFrame(stream, response));
    stream.on('error', (err: Error) => this.onEnd(stream, err.message));
    stream.on('end', () => this.onEnd(stream, 'the master ended the stream'));
    // Redis replicationCacheMasterUsingMyself: a node with a history offers it, else asks for everything.
    const replicationId = state.backlog === null ? '' : state.replicationId;
    const offset = replicationId === '' ? 0 : state.offset;
    log.info(
      { master: this.options.masterId, address: this.options.replicationAddress, replicationId, offset },
      'connecting to the master for replication',
    );
    stream.write({
      frame: {
        $case: 'psync',
        value: {
          replicaNodeId: this.options.myId,
          masterNodeId: this.options.masterId,
          replicationId,
          offset: BigInt(offset),
          listeningPort: this.options.myPort,
          announcedIp: this.options.myIp,
        },
      },
    });
    this.options.changed();
  }

  private onEnd(stream: ClientDuplexStream<SyncRequest, SyncResponse>, reason: string): void {
    if (stream !== this.stream) return;
    this.linkDown(reason);
  }

  /** The stream is over (or given up): remember since when, and reconnect after a backoff. */
  private linkDown(reason: string): void {
    const wasUp = this.status === 'connected';
    const wasSyncing = this.status === 'sync';
    this.dropStream();
    if (wasUp) this.downSince = this.options.server.now();
    this.staging = null;
    this.status = 'connect';
    this.options.log.warn(
      { master: this.options.masterId, reason, attempt: this.attempt, wasSyncing },
      wasUp ? 'lost the link to the master' : 'replication link to the master failed',
    );
    this.options.changed();
    if (this.closed || this.reconnectTimer !== null) return;
    const delay = backoffDelay(this.timing.reconnect, this.attempt++);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private dropStream(): void {
    const stream = this.stream;
    this.stream = null;
    this.reader.reset();
    if (stream !== null) {
      stream.removeAllListeners('data');
      stream.on('error', () => undefined);
      stream.cancel();
    }
  }

  private onFrame(stream: ClientDuplexStream<SyncRequest, SyncResponse>, response: SyncResponse): void {
    if (stream !== this.stream) return;
    this.lastIoAt = this.options.server.now();
    const checked = checkMasterFrame(response);
    if (!checked.ok) {
      this.protocolError(checked.error);
      return;
    }
    try {
      this.apply(checked.value);
    } catch (err) {
      this.protocolError(err instanceof StreamFormatError ? err.message : `while applying: ${String(err)}`);
    }
  }

  private protocolError(detail: string): void {
    this.options.log.warn({ master: this.options.masterId, detail }, 'replication stream refused');
    this.linkDown(`protocol error: ${detail}`);
  }

  private apply(frame: MasterFrame): void {
    switch (frame.kind) {
      case 'full-sync':
        return this.fullSyncStarted(frame.replicationId, frame.offset);
      case 'snapshot-chunk':
        return this.loadEntries(frame.entries);
      case 'snapshot-end':
        return this.fullSyncEnded(frame.offset, frame.keyCount);
      case 'continue':
        return this.continued(frame.replicationId, frame.offset);
      case 'stream':
        return this.streamed(frame.offset, frame.data);
      case 'keepalive':
        if (frame.ackRequested) this.ack(true);
        return;
    }
  }

  // ------------------------------------------------------------------ full sync

  private fullSyncStarted(replicationId: string, offset: number): void {
    if (this.status !== 'connecting') throw new Error(`FullSync while ${this.status}`);
    this.staging = new SnapshotLoader(replicationId, offset, this.options.server.now);
    this.status = 'sync';
    this.syncStartedAt = this.options.server.now();
    this.options.log.info(
      { master: this.options.masterId, replicationId, offset },
      'full sync: receiving the master snapshot',
    );
    this.options.changed();
  }

  /** Snapshot bytes received during a full sync (INFO master_sync_read_bytes). */
  get syncReadBytes(): number {
    return this.staging?.bytes ?? 0;
  }

  private loadEntries(entries: readonly SnapshotEntry[]): void {
    if (this.status !== 'sync' || this.staging === null)
      throw new Error(`a snapshot chunk while ${this.status}`);
    this.staging.load(entries);
  }

  private fullSyncEnded(offset: number, keyCount: number): void {
    const staging = this.staging;
    if (this.status !== 'sync' || staging === null) throw new Error(`SnapshotEnd while ${this.status}`);
    const { server, log } = this.options;
    staging.finish(offset, keyCount, server.db);
    server.replication.state.adoptHistory(staging.replicationId, offset);
    this.staging = null;
    this.readOffset = offset;
    this.masterClient = this.newMasterClient();
    log.info(
      {
        master: this.options.masterId,
        keys: keyCount,
        bytes: staging.bytes,
        ms: server.now() - this.syncStartedAt,
        offset,
      },
      'full sync: master snapshot loaded, streaming',
    );
    this.connected();
  }

  private continued(replicationId: string, offset: number): void {
    if (this.status !== 'connecting') throw new Error(`ContinueSync while ${this.status}`);
    const state = this.options.server.replication.state;
    if (offset !== state.offset)
      throw new Error(`ContinueSync from ${offset}, this replica is at ${state.offset}`);
    state.continueHistory(replicationId);
    this.readOffset = offset;
    this.options.log.info(
      { master: this.options.masterId, replicationId, offset },
      'partial resync accepted: streaming from the backlog',
    );
    this.connected();
  }

  private connected(): void {
    this.status = 'connected';
    this.downSince = 0;
    this.attempt = 0;
    this.ack(true);
    this.options.changed();
  }

  // ------------------------------------------------------------------ the command stream

  private streamed(offset: number, data: Buffer): void {
    if (this.status !== 'connected') throw new Error(`stream data while ${this.status}`);
    if (offset !== this.readOffset) throw new Error(`stream data at ${offset}, expected ${this.readOffset}`);
    this.readOffset += data.length;
    const { server, dispatcher } = this.options;
    const client = this.masterClient;
    const stats = server.stats;
    const db = server.db;
    db.applyingMasterStream = true;
    let whole: Buffer;
    try {
      whole = this.reader.feed(data, (args) => {
        const errors = stats.totalErrorReplies;
        dispatcher.execute(client, args);
        if (stats.totalErrorReplies !== errors) this.applyFailed(args);
      });
    } finally {
      db.applyingMasterStream = false;
    }
    client.writer.take(); // the master client's replies go nowhere
    server.replication.state.applied(whole);
  }

  /** A command of the stream answered an error here (redis: "== CRITICAL == This replica is sending an error"). */
  private applyFailed(args: readonly Buffer[]): void {
    this.applyErrors++;
    const now = this.options.server.now();
    if (now - this.lastApplyErrorLog < APPLY_ERROR_LOG_MS) return;
    this.lastApplyErrorLog = now;
    this.options.log.warn(
      { master: this.options.masterId, command: args[0]?.toString('latin1'), errors: this.applyErrors },
      'a command of the replication stream failed on this replica',
    );
  }

  private newMasterClient(): ClientState {
    const server = this.options.server;
    const client = new ClientState(
      server.allocateClientId(),
      `${this.options.masterHost}:${this.options.masterPort}`,
      '',
      NO_TRANSPORT,
      { authenticated: true, now: server.now() },
    );
    client.fromMaster = true;
    client.name = 'master';
    return client;
  }

  // ------------------------------------------------------------------ acks and liveness

  private tick(): void {
    if (this.status === 'connected') this.ack(false);
    if (this.status !== 'connect') {
      const timeoutMs = this.options.server.config.getNumber('repl-timeout') * 1000;
      if (this.options.server.now() - this.lastIoAt > timeoutMs) {
        this.linkDown(`no data from the master for ${timeoutMs / 1000} s (repl-timeout)`);
      }
    }
  }

  /** REPLCONF ACK: when asked, when the offset moved, and at least every second. */
  private ack(force: boolean): void {
    const stream = this.stream;
    if (stream === null || this.status !== 'connected') return;
    const offset = this.options.server.replication.state.offset;
    const now = this.options.server.now();
    if (!force && offset === this.lastAcked && now - this.lastAckAt < 1000) return;
    this.lastAcked = offset;
    this.lastAckAt = now;
    stream.write({ frame: { $case: 'ack', value: { offset: BigInt(offset) } } });
  }
}
