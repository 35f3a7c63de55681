// Everything the server knows about one client connection, without the socket: identity, protocol,
// authentication, transaction, pub/sub and blocking state, and the reply writer that collects its output.
// The socket side lives in client-connection.ts behind the `ClientTransport` port, so commands and tests
// can drive a client with no network at all.
import { ReplyWriter } from '@tessera/resp';

/** Socket-level facts about a connection, for CLIENT LIST/INFO and INFO clients. */
export interface ConnectionInfo {
  /** File descriptor of the socket, -1 when there is none (in-process clients). */
  readonly fd: number;
  /** Bytes of an incomplete request held by the decoder (CLIENT LIST qbuf). */
  readonly queryBuffer: number;
  /** Reply bytes accepted but not yet sent to the peer (CLIENT LIST omem). */
  readonly outputBuffer: number;
}

/** What a client needs from its transport. */
export interface ClientTransport {
  /** Schedules the pending output of this client to be written. */
  requestFlush(client: ClientState): void;
  /** Closes the connection once the pending output has been written. */
  closeAfterReply(client: ClientState): void;
  /** Closes the connection now, dropping pending output (CLIENT KILL, limits). */
  kill(client: ClientState, reason: string): void;
  /** Stops/starts reading requests (used while the client is blocked). */
  setReading(client: ClientState, reading: boolean): void;
  /** AUTH, HELLO or RESET changed `client.authenticated`: apply or lift the unauthenticated request limits. */
  authenticationChanged(client: ClientState): void;
  /** Socket-level facts for CLIENT LIST/INFO. */
  describe(client: ClientState): ConnectionInfo;
}

/** `CLIENT REPLY` modes. */
export const ReplyMode = { on: 'on', off: 'off', skip: 'skip' } as const;
export type ReplyMode = (typeof ReplyMode)[keyof typeof ReplyMode];

/** One queued command of a MULTI block. */
export interface QueuedCommand {
  readonly args: Buffer[];
}

/** What a blocked client waits for; the blocking manager owns the timer and the wake-up order. */
export interface BlockState {
  readonly keys: readonly string[];
  /** Absolute deadline in ms since the epoch, or 0 for "forever". */
  readonly deadline: number;
  /** The blocked command, re-run when one of its keys becomes ready. */
  readonly args: Buffer[];
  /** Writes the timeout reply (a null array for most blocking commands). */
  readonly onTimeout: (client: ClientState) => void;
  timer: NodeJS.Timeout | null;
}

/** A client suspended on a promise (client-suspensions.ts owns the timer and the settling). */
export interface SuspendState {
  /** Absolute deadline in ms since the epoch. */
  readonly deadline: number;
  timer: NodeJS.Timeout | null;
  /** Writes the reply for how the promise ended (the SuspendOutcome of client-suspensions.ts). */
  readonly settle: (outcome: unknown) => void;
}

export class ClientState {
  /** RESP writer collecting replies until the transport flushes them. */
  readonly writer = new ReplyWriter({ initialSize: 16 * 1024 });
  name = '';
  libName = '';
  libVersion = '';
  authenticated: boolean;
  user = 'default';
  db = 0;
  /** Set by MULTI: queued commands, or null outside a transaction. */
  multi: QueuedCommand[] | null = null;
  /** A queue-time error happened: EXEC answers EXECABORT. */
  multiDirty = false;
  /** Keys this client WATCHes, and whether one of them changed since. */
  watched: Set<string> | null = null;
  watchDirty = false;
  /** Cluster: one-shot ASKING flag and the READONLY connection flag. */
  asking = false;
  readonly = false;
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();
  blocked: BlockState | null = null;
  /** Waiting for a command's deferred answer (a CLUSTER subcommand forwarded to the gossip-agent). */
  suspended: SuspendState | null = null;
  /** Commands read while blocked or suspended, run in order once the client may go on. */
  readonly pending: Buffer[][] = [];
  replyMode: ReplyMode = ReplyMode.on;
  /** CLIENT NO-EVICT. */
  noEvict = false;
  /** The connection is being closed: no more commands are run. */
  closing = false;
  readonly createdAt: number;
  lastInteraction: number;
  lastCommand = 'NULL';
  commandsProcessed = 0;
  netInput = 0;
  netOutput = 0;
  /**
   * The replica's link to its master runs the replication stream as this client (redis CLIENT_MASTER): never
   * redirected, never refused for memory, its replies dropped.
   */
  fromMaster = false;
  /** Replication offset right after this client's last command (redis c->woff): what WAIT waits for. */
  replOffset = 0;

  constructor(
    readonly id: number,
    readonly addr: string,
    readonly laddr: string,
    readonly transport: ClientTransport,
    options: { authenticated: boolean; now: number },
  ) {
    this.authenticated = options.authenticated;
    this.createdAt = options.now;
    this.lastInteraction = options.now;
  }

  /** Subscriptions of every kind: decides the pub/sub context (RESP2) and the count in (un)subscribe replies. */
  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }

  get protocol(): 2 | 3 {
    return this.writer.protocol;
  }

  requestFlush(): void {
    this.transport.requestFlush(this);
  }
}
