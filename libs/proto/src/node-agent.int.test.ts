import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  AuthenticatedClient,
  DataNodeHealth,
  NodeAgentServiceService,
  NodeRole,
  deriveBusKey,
  type AttachResponse,
  type ClusterCommandResponse,
} from './index.js';
import { ABOVE_2_53, nodeId } from './testing/fixtures.js';
import { SERVER_NODE, fakeTopology, startBusTestServer } from './testing/bus-test-server.js';

const KEY = deriveBusKey('cluster A secret: 3f9d0c1e7a2b4d6f');
const STRANGER = deriveBusKey('somebody else entirely, not cluster A');

function agentClient(address: string, keys = [KEY]): AuthenticatedClient<typeof NodeAgentServiceService> {
  return new AuthenticatedClient(NodeAgentServiceService, address, credentials.createInsecure(), { keys });
}

describe('NodeAgentService over a real grpc-js connection', () => {
  it('answers the data-node hello on the Attach stream with a full topology snapshot', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = agentClient(server.address);
    const stream = client.bidi('attach');
    const first = new Promise<AttachResponse>((resolve, reject) => {
      stream.once('data', resolve);
      stream.once('error', reject);
    });
    stream.write({
      frame: {
        $case: 'hello',
        value: {
          dataNodeVersion: '0.1.0',
          clientPort: 7001,
          pid: 4242,
          instanceId: '9e0c4b1f2a6d8e73',
          startedAtMs: 1n,
        },
      },
    });
    stream.write({
      frame: {
        $case: 'heartbeat',
        value: {
          role: NodeRole.NODE_ROLE_MASTER,
          replicationOffset: ABOVE_2_53,
          health: DataNodeHealth.DATA_NODE_HEALTH_OK,
          keyCount: 10n,
          loading: false,
          masterLinkUp: false,
          masterLinkDownSinceMs: 0n,
          writesPaused: false,
          sentAtMs: 2n,
        },
      },
    });
    const frame = await first;
    const ended = new Promise<void>((resolve) => stream.on('end', resolve));
    stream.on('data', () => undefined);
    stream.end();
    await ended;
    client.close();
    expect(frame).toEqual({ frame: { $case: 'topology', value: fakeTopology(1n) } });
    expect(frame.frame?.$case === 'topology' && frame.frame.value.myselfId).toEqual(nodeId(SERVER_NODE));
    expect(server.handled).toEqual(['attach:hello', 'attach:heartbeat']);
  });

  it('refuses an Attach stream opened with another cluster secret', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = agentClient(server.address, [STRANGER]);
    const stream = client.bidi('attach');
    const error = await new Promise<ServiceError>((resolve) => {
      stream.on('error', resolve);
      stream.on('data', () => undefined);
    });
    client.close();
    expect(error.code).toBe(status.UNAUTHENTICATED);
    expect(server.rejected.map((call) => call.reason)).toEqual(['unknown-key']);
    expect(server.handled).toEqual([]);
  });

  it('forwards a CLUSTER subcommand and gets a typed reply with the topology version to wait for', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = agentClient(server.address);
    const deadline = Date.now() + 5_000;
    const bumped: ClusterCommandResponse = await client.unary(
      'clusterCommand',
      { args: [Buffer.from('bumpepoch')], clientAddress: '127.0.0.1:50000' },
      { deadline },
    );
    const unknown = await client.unary(
      'clusterCommand',
      { args: [Buffer.from('NOPE')], clientAddress: '' },
      { deadline },
    );
    client.close();
    expect(bumped).toEqual({
      outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: 'BUMPED 10' } } },
      agentInstanceId: '5f3a9c0d11e2b7a4',
      topologyVersion: 1n,
    });
    expect(unknown.outcome).toEqual({
      $case: 'error',
      value: "ERR Unknown subcommand or wrong number of arguments for 'NOPE'. Try CLUSTER HELP.",
    });
  });
});
