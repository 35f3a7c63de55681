// Test support: a fake gossip-agent serving NodeAgentService over real grpc-js on 127.0.0.1 (behind
// authenticatedService, so the data-node's proof is checked), for the AttachedAgentLink's integration tests.
// Like the real agent it answers the hello with a snapshot and pushes a fresh one (higher version) every
// `refreshMs`; tests set its topology, push admin requests and pub/sub deliveries, answer ClusterCommand,
// read every frame received, and stop it and bring it back on the same port. Production code never imports
// src/testing.
import { Server, ServerCredentials, type ServerDuplexStream } from '@grpc/grpc-js';
import type { ClusterState } from '@tessera/cluster-model';
import { topologySnapshot } from '@tessera/cluster-wire';
import {
  authenticatedService,
  deriveBusKey,
  NodeAgentServiceService,
  ReplayGuard,
  type AttachRequest,
  type AttachResponse,
  type BusMessageCounters,
  type ClusterCommandRequest,
  type ClusterCommandResponse,
  type RejectedCall,
} from '@tessera/proto';

type AttachCall = ServerDuplexStream<AttachRequest, AttachResponse>;
type Frame = NonNullable<AttachRequest['frame']>;
type FrameKind = Frame['$case'];
/** The value of a data-node frame of kind `K` (`heartbeat` -> DataNodeHeartbeat). */
type FrameOf<K extends FrameKind> = Extract<Frame, { $case: K }>['value'];

/** The agent process id every snapshot of this fake carries. */
export const FAKE_AGENT_INSTANCE = '0fa4e5a9e7c1d2b3';

export interface FakeGossipAgentOptions {
  readonly secret: string;
  /** The topology it serves. */
  readonly state: ClusterState;
  /** Period of the unchanged-topology refresh (the real agent: at most 1000 ms). @default 200 */
  readonly refreshMs?: number;
  /** Port to listen on. @default 0 (any free port) */
  readonly port?: number;
}

export class FakeGossipAgent implements AsyncDisposable {
  /** Frames received from the data-node, on every stream, in order. */
  readonly frames: AttachRequest[] = [];
  /** ClusterCommand requests received. */
  readonly commands: ClusterCommandRequest[] = [];
  readonly rejected: RejectedCall[] = [];
  /** Answers ClusterCommand. @default an ERR for every subcommand */
  onCommand: (request: ClusterCommandRequest) => ClusterCommandResponse | Promise<ClusterCommandResponse> =
    () => ({
      outcome: { $case: 'error', value: 'ERR the fake agent does not run subcommands' },
      agentInstanceId: FAKE_AGENT_INSTANCE,
      topologyVersion: 0n,
    });
  /** While false, the periodic refresh pushes nothing (a test controls every version). */
  refreshing = true;
  /** Bus counters every snapshot carries. */
  busStats: BusMessageCounters[] = [];
  version = 0n;
  private state: ClusterState;
  private call: AttachCall | null = null;
  private server: Server | null = null;
  private refresh: NodeJS.Timeout | null = null;
  private boundPort = 0;

  private constructor(private readonly options: FakeGossipAgentOptions) {
    this.state = options.state;
  }

  static async start(options: FakeGossipAgentOptions): Promise<FakeGossipAgent> {
    const agent = new FakeGossipAgent(options);
    await agent.listen(options.port ?? 0);
    return agent;
  }

  get port(): number {
    return this.boundPort;
  }

  get address(): string {
    return `127.0.0.1:${this.boundPort}`;
  }

  /** Frames of one kind received so far. */
  received<K extends FrameKind>(kind: K): FrameOf<K>[] {
    const values: FrameOf<K>[] = [];
    for (const { frame } of this.frames) if (frame?.$case === kind) values.push(frame.value as FrameOf<K>);
    return values;
  }

  /** Changes the topology and pushes it at once; returns its version. */
  setTopology(state: ClusterState): bigint {
    this.state = state;
    return this.pushSnapshot();
  }

  /** Pushes the current topology with the next version (what the real agent does after a change). */
  pushSnapshot(): bigint {
    this.version += 1n;
    const snapshot = topologySnapshot(this.state, {
      agentInstanceId: FAKE_AGENT_INSTANCE,
      version: this.version,
      builtAtMs: Date.now(),
      busStats: this.busStats,
    });
    this.send({ frame: { $case: 'topology', value: snapshot } });
    return this.version;
  }

  /** Sends a frame on the current stream (dropped when no data-node is attached). */
  send(frame: AttachResponse): void {
    if (this.call !== null && !this.call.destroyed) this.call.write(frame);
  }

  /** Resolves once `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
  async until(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake gossip-agent: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The agent is gone: the server stops at once, streams fail. */
  stop(): void {
    if (this.refresh !== null) clearInterval(this.refresh);
    this.refresh = null;
    this.call = null;
    this.server?.forceShutdown();
    this.server = null;
  }

  /** The agent is back on the same port. */
  async restart(): Promise<void> {
    this.stop();
    await this.listen(this.boundPort);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.stop();
  }

  private async listen(port: number): Promise<void> {
    const service = authenticatedService(
      NodeAgentServiceService,
      {
        attach: (call: AttachCall) => this.attach(call),
        clusterCommand: (request) => {
          this.commands.push(request);
          return this.onCommand(request);
        },
      },
      {
        keys: [deriveBusKey(this.options.secret)],
        replayGuard: new ReplayGuard(),
        onReject: (call) => this.rejected.push(call),
      },
    );
    const server = new Server();
    server.addService(service.definition, service.implementation);
    this.boundPort = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      );
    });
    this.server = server;
    this.refresh = setInterval(() => {
      if (this.call !== null && this.refreshing) this.pushSnapshot();
    }, this.options.refreshMs ?? 200);
    this.refresh.unref();
  }

  private attach(call: AttachCall): void {
    call.on('data', (frame: AttachRequest) => {
      this.frames.push(frame);
      if (frame.frame?.$case === 'hello') {
        this.call = call;
        this.pushSnapshot();
      }
    });
    const detach = (): void => {
      if (this.call === call) this.call = null;
    };
    call.on('end', () => {
      detach();
      call.end();
    });
    call.on('error', detach);
    call.on('cancelled', detach);
  }
}
