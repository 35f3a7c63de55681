// The master's ReplicationService facing bad peers over real sockets: a caller without the cluster secret, frames
// that fail validation, a stream that names another master, acks that lie, and raw garbage on the port. Each
// is refused with its gRPC status; the data-node keeps serving clients and a real replica still syncs.
import { connect } from 'node:net';
import { credentials, status, type ClientDuplexStream } from '@grpc/grpc-js';
import {
  AuthenticatedClient,
  ReplicationServiceService,
  deriveBusKey,
  type SyncRequest,
  type SyncResponse,
} from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { DEV_CLUSTER_SECRET } from '../cluster/cluster-secret.js';
import {
  MASTER_ID,
  REPLICA_IDS,
  digest,
  startReplicatedNodes,
  waitForCaughtUp,
} from '../testing/replicated-nodes.js';

interface OpenStream {
  readonly stream: ClientDuplexStream<SyncRequest, SyncResponse>;
  readonly frames: SyncResponse[];
  /** The status the stream ended with. */
  readonly ended: Promise<{ code: number; details: string }>;
  close(): void;
}

function openSync(port: number, secret = DEV_CLUSTER_SECRET): OpenStream {
  const client = new AuthenticatedClient(
    ReplicationServiceService,
    `127.0.0.1:${port}`,
    credentials.createInsecure(),
    {
      keys: [deriveBusKey(secret)],
    },
  );
  const stream = client.bidi('sync');
  const frames: SyncResponse[] = [];
  stream.on('data', (frame: SyncResponse) => frames.push(frame));
  const ended = new Promise<{ code: number; details: string }>((resolve) => {
    stream.on('error', (err: Error & { code?: number; details?: string }) =>
      resolve({ code: err.code ?? -1, details: err.details ?? err.message }),
    );
    stream.on('end', () => resolve({ code: status.OK, details: '' }));
  });
  return { stream, frames, ended, close: () => client.close() };
}

const psync = (masterNodeId: string, replicaNodeId = 'c'.repeat(40)): SyncRequest => ({
  frame: {
    $case: 'psync',
    value: {
      replicaNodeId,
      masterNodeId,
      replicationId: '',
      offset: 0n,
      listeningPort: 7005,
      announcedIp: '',
    },
  },
});

describe('ReplicationService facing bad peers', () => {
  it('refuses each bad peer with its status and keeps serving clients and its real replica', async () => {
    await using nodes = await startReplicatedNodes();
    const { master, masterClient: m, replicaClient: r } = nodes;
    const port = master.replication?.port() ?? 0;
    expect(port).toBe(master.port + 20_000);
    await m.set('k', 'v');
    await waitForCaughtUp(m, r);

    const stranger = openSync(port, 'not the cluster secret, but long enough');
    stranger.stream.write(psync(MASTER_ID));
    expect((await stranger.ended).code).toBe(status.UNAUTHENTICATED);
    stranger.close();

    const cases: [string, SyncRequest[], number, RegExp][] = [
      ['a malformed node id', [psync(MASTER_ID, 'NOT-HEX')], status.INVALID_ARGUMENT, /replica_node_id/],
      ['another master', [psync(REPLICA_IDS[1])], status.FAILED_PRECONDITION, /not e{40}/],
      [
        'an ack first',
        [{ frame: { $case: 'ack', value: { offset: 0n } } }],
        status.INVALID_ARGUMENT,
        /before the Psync/,
      ],
      ['an empty frame', [{ frame: undefined }], status.INVALID_ARGUMENT, /no known kind/],
      [
        'an ack beyond what was sent',
        [psync(MASTER_ID), { frame: { $case: 'ack', value: { offset: 1n << 40n } } }],
        status.INVALID_ARGUMENT,
        /beyond/,
      ],
      [
        'an offset above 2^53',
        [
          {
            frame: {
              $case: 'psync',
              value: {
                replicaNodeId: 'c'.repeat(40),
                masterNodeId: MASTER_ID,
                replicationId: 'f'.repeat(40),
                offset: 1n << 60n,
                listeningPort: 1,
                announcedIp: '',
              },
            },
          },
        ],
        status.INVALID_ARGUMENT,
        /2\^53/,
      ],
    ];
    for (const [, frames, code, details] of cases) {
      const peer = openSync(port);
      for (const frame of frames) {
        if (frame.frame?.$case === 'ack' && frames.length > 1) {
          // wait for the full sync to be sent first
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        peer.stream.write(frame);
      }
      const ended = await peer.ended;
      expect(ended.code).toBe(code);
      expect(ended.details).toMatch(details);
      peer.close();
    }

    // Raw bytes that are not HTTP/2 at all.
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
        socket.write(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)));
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });

    expect(await m.ping()).toBe('PONG');
    await m.set('after', 'garbage');
    await waitForCaughtUp(m, r);
    expect(await digest(r)).toBe(await digest(m));
  });

  it('ends a stream that sends no Psync within 5 s', async () => {
    await using nodes = await startReplicatedNodes({ replicas: 0 });
    const peer = openSync(nodes.master.replication?.port() ?? 0);
    const ended = await peer.ended;
    expect(ended.code).toBe(status.DEADLINE_EXCEEDED);
    peer.close();
  }, 15_000);
});
