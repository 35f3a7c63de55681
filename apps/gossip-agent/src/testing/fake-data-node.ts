// Test support: what a data-node does on its agent's Attach stream, without the data-node — hello, a
// heartbeat every 100 ms (with the replication offset and master link a test sets), the latest snapshot
// kept, admin requests recorded and answered (pause_writes with the offset), and CLUSTER subcommands
// forwarded with ClusterCommand. Lets the agent's integration tests run agents as real
// processes and read what each one believes. Not built.
import { credentials, type ClientDuplexStream } from '@grpc/grpc-js';
import {
  AuthenticatedClient,
  NodeAgentServiceService,
  NodeRole,
  DataNodeHealth,
  deriveBusKey,
  type AdminRequest,
  type AttachRequest,
  type AttachResponse,
  type PubSubInbound,
  type TopologySnapshot,
} from '@tessera/proto';

export class FakeDataNode {
  private readonly client: AuthenticatedClient<typeof NodeAgentServiceService>;
  private stream: ClientDuplexStream<AttachRequest, AttachResponse> | null = null;
  private timer: NodeJS.Timeout | null = null;
  snapshot: TopologySnapshot | null = null;
  readonly adminRequests: AdminRequest[] = [];
  readonly deliveries: PubSubInbound[] = [];
  keyCount = 0n;
  /** What the heartbeats report: the offset replication reached, and the link to the master. */
  replicationOffset = 0n;
  masterLinkUp = false;
  masterLinkDownSinceMs = 0n;
  /** True between a pause_writes and a resume_writes. */
  writesPaused = false;

  constructor(
    readonly busAddress: string,
    secret: string,
    private readonly clientPort: number,
  ) {
    this.client = new AuthenticatedClient(NodeAgentServiceService, busAddress, credentials.createInsecure(), {
      keys: [deriveBusKey(secret)],
    });
  }

  /** Opens the Attach stream and starts heartbeats. */
  attach(): void {
    const stream = this.client.bidi('attach');
    this.stream = stream;
    stream.on('data', (frame: AttachResponse) => {
      const body = frame.frame;
      if (body?.$case === 'topology') this.snapshot = body.value;
      else if (body?.$case === 'adminRequest') {
        this.adminRequests.push(body.value);
        if (body.value.action?.$case === 'pauseWrites') this.writesPaused = true;
        if (body.value.action?.$case === 'resumeWrites') this.writesPaused = false;
        stream.write({
          frame: {
            $case: 'adminResult',
            value: {
              requestId: body.value.requestId,
              outcome: { $case: 'done', value: { replicationOffset: this.replicationOffset } },
            },
          },
        });
      } else if (body?.$case === 'delivery') this.deliveries.push(body.value);
    });
    stream.on('error', () => undefined);
    stream.write({
      frame: {
        $case: 'hello',
        value: {
          dataNodeVersion: '0.0.0-test',
          clientPort: this.clientPort,
          pid: process.pid,
          instanceId: 'feedfacefeedface',
          startedAtMs: BigInt(Date.now()),
        },
      },
    });
    this.timer = setInterval(() => {
      stream.write({
        frame: {
          $case: 'heartbeat',
          value: {
            role: NodeRole.NODE_ROLE_MASTER,
            replicationOffset: this.replicationOffset,
            health: DataNodeHealth.DATA_NODE_HEALTH_OK,
            keyCount: this.keyCount,
            loading: false,
            masterLinkUp: this.masterLinkUp,
            masterLinkDownSinceMs: this.masterLinkDownSinceMs,
            writesPaused: this.writesPaused,
            sentAtMs: BigInt(Date.now()),
          },
        },
      });
    }, 100);
  }

  /** Sends PUBLISH (or SPUBLISH) messages out through the agent. */
  publish(sharded: boolean, channel: string, message: string): void {
    this.stream?.write({
      frame: {
        $case: 'publish',
        value: { sharded, messages: [{ channel: Buffer.from(channel), message: Buffer.from(message) }] },
      },
    });
  }

  /** A forwarded CLUSTER subcommand: the reply text (`OK`, `BUMPED 3`) or the error text. */
  async command(...args: string[]): Promise<string> {
    const response = await this.client.unary(
      'clusterCommand',
      {
        args: args.map((arg) => Buffer.from(arg, 'latin1')),
        clientAddress: '127.0.0.1:1',
        keyspace: { keyCount: this.keyCount, slots: [] },
      },
      { deadline: Date.now() + 5000 },
    );
    const outcome = response.outcome;
    if (outcome?.$case === 'error') return outcome.value;
    const kind = outcome?.value.kind;
    return kind?.$case === 'simple' ? kind.value : JSON.stringify(kind);
  }

  /** Stops heartbeats and closes the stream (the agent sees its data-node leave). */
  detach(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.stream?.end();
    this.stream = null;
  }

  close(): void {
    this.detach();
    this.client.close();
  }
}
