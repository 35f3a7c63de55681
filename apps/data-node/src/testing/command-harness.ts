// Runs commands in-process, with no sockets, through the real dispatcher and keyspace, and returns decoded
// replies: the unit-test harness of every command family. The clock is fake (`advance`), clients are
// cheap (`newClient`), and the transport records what a socket would have done.
import { ALL_COMMANDS } from '../commands/all-commands.js';
import { CommandTable } from '../commands/command-table.js';
import { Dispatcher } from '../commands/dispatcher.js';
import { ConfigStore } from '../config/config-store.js';
import { ClientState, type ClientTransport } from '../server/client-state.js';
import { ServerState } from '../server/server-state.js';
import { decodeReplies, type Reply } from './harness-reply.js';

export { Push, ReplyError, type Reply } from './harness-reply.js';

export interface HarnessOptions {
  /** Directives applied at start-up, as on the command line (`{ requirepass: 's3cret' }`). */
  config?: Record<string, string>;
  /** Initial fake time in ms since the epoch. @default 1_700_000_000_000 */
  now?: number;
}

/** One client of the harness: runs commands and reads what was written to it. */
export class HarnessClient {
  closed = false;
  killed = false;
  reading = true;

  constructor(
    readonly state: ClientState,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Runs one command and returns its reply (the only reply written); throws if it wrote none or several. */
  run(...args: (string | Buffer)[]): Reply {
    this.dispatcher.execute(this.state, args.map(toBuffer));
    const replies = this.replies();
    if (replies.length !== 1)
      throw new Error(`expected one reply to ${String(args[0])}, got ${replies.length}`);
    return replies[0] as Reply;
  }

  /** Runs one command and returns every reply written meanwhile (pub/sub, blocked commands). */
  runAll(...args: (string | Buffer)[]): Reply[] {
    this.dispatcher.execute(this.state, args.map(toBuffer));
    return this.replies();
  }

  /** Replies written to this client since the last read (pushes, a blocked command that completed). */
  replies(): Reply[] {
    const bytes = this.state.writer.take();
    return bytes === null ? [] : decodeReplies(bytes);
  }

  /** The raw RESP bytes written since the last read, as a latin1 string. */
  raw(...args: (string | Buffer)[]): string {
    this.dispatcher.execute(this.state, args.map(toBuffer));
    return this.state.writer.take()?.toString('latin1') ?? '';
  }
}

export class CommandHarness {
  readonly state: ServerState;
  readonly dispatcher: Dispatcher;
  readonly client: HarnessClient;
  private time: number;
  private readonly byState = new Map<ClientState, HarnessClient>();
  private readonly transport: ClientTransport;

  constructor(options: HarnessOptions = {}) {
    this.time = options.now ?? 1_700_000_000_000;
    const config = new ConfigStore();
    for (const [name, value] of Object.entries(options.config ?? {})) config.set(name, value, true);
    this.state = new ServerState(config, new CommandTable(ALL_COMMANDS), () => this.time);
    this.dispatcher = new Dispatcher(this.state);
    this.transport = {
      requestFlush: () => undefined,
      closeAfterReply: (c) => (this.of(c).closed = true),
      kill: (c) => {
        const client = this.of(c);
        client.killed = true;
        client.closed = true;
      },
      setReading: (c, reading) => {
        this.of(c).reading = reading;
        if (reading) this.drainPending(c);
      },
      authenticationChanged: () => undefined,
      describe: () => ({ fd: -1, queryBuffer: 0, outputBuffer: 0 }),
    };
    this.client = this.newClient();
  }

  /** A new connected client (authenticated unless requirepass is set). */
  newClient(): HarnessClient {
    const id = this.state.allocateClientId();
    const state = new ClientState(id, `127.0.0.1:${40000 + id}`, '127.0.0.1:6379', this.transport, {
      authenticated: !this.state.requiresAuth,
      now: this.time,
    });
    this.state.clients.set(id, state);
    const client = new HarnessClient(state, this.dispatcher);
    this.byState.set(state, client);
    return client;
  }

  /** Runs a command on the default client. */
  run(...args: (string | Buffer)[]): Reply {
    return this.client.run(...args);
  }

  /**
   * Moves the fake clock forward: lazy expiry sees it at once, and blocked or suspended clients past their
   * deadline time out.
   */
  advance(ms: number): void {
    this.time += ms;
    this.state.blocking.expireTimeouts();
    this.state.suspensions.expireTimeouts();
  }

  get now(): number {
    return this.time;
  }

  private of(state: ClientState): HarnessClient {
    const client = this.byState.get(state);
    if (client === undefined) throw new Error(`unknown client ${state.id}`);
    return client;
  }

  private drainPending(state: ClientState): void {
    while (state.pending.length !== 0 && state.blocked === null && state.suspended === null) {
      this.dispatcher.execute(state, state.pending.shift() as Buffer[]);
    }
  }
}

function toBuffer(arg: string | Buffer): Buffer {
  return typeof arg === 'string' ? Buffer.from(arg, 'latin1') : arg;
}
