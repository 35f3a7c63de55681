// A data-node attached to a gossip-agent over real grpc-js (`cluster-agent external`), against a fake agent
// serving NodeAgentService: the Attach stream's frames, pushed snapshots becoming the routing view (real
// clients get MOVED to the node a snapshot names), forwarded CLUSTER subcommands answered once their topology
// is applied, writes refused while the agent is gone, pub/sub in both directions, and admin requests.
import { connect } from 'node:net';
import { clusterStateFromNodes, type ClusterState } from '@tessera/cluster-model';
import { keySlot } from '@tessera/slot';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { settled } from '../testing/cluster-fixtures.js';
import { FAKE_AGENT_INSTANCE, FakeGossipAgent } from '../testing/fake-gossip-agent.js';
import { startInProcessNode, type InProcessNode } from '../testing/in-process-node.js';

const SECRET = 'attach test secret: 5d1e9a0c7b3f';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

/** Myself (A, 127.0.0.1:7000) and B (127.0.0.1:7001) splitting the slots at `split`. */
function twoMasters(split: number): ClusterState {
  const bSlots = split <= 16383 ? `${split}-16383` : '';
  return settled(
    clusterStateFromNodes(
      [
        `${A} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-${split - 1}`,
        `${B} 127.0.0.1:7001@17001 master - 0 0 2 connected ${bSlots}`.trimEnd(),
      ]
        .map((line) => `${line}\n`)
        .join(''),
    ),
  );
}

async function attachedPair(
  directives: Record<string, string> = {},
): Promise<{ agent: FakeGossipAgent; node: InProcessNode } & AsyncDisposable> {
  const agent = await FakeGossipAgent.start({ secret: SECRET, state: twoMasters(8192) });
  const node = await startInProcessNode({
    'cluster-enabled': 'yes',
    'cluster-agent': 'external',
    'cluster-agent-address': agent.address,
    'cluster-bus-secret': SECRET,
    'cluster-node-timeout': '1000',
    ...directives,
  });
  await agent.until(() => agent.received('applied').length !== 0, 'the first TopologyApplied');
  return {
    agent,
    node,
    [Symbol.asyncDispose]: async () => {
      await node.close();
      agent.stop();
    },
  };
}

/** Polls `attempt` until it returns true (every 50 ms, at most `timeoutMs`). */
async function eventually(attempt: () => Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await attempt())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The reply of `command` as text (`OK`, or the error message). */
async function outcome(client: Redis, ...command: string[]): Promise<string> {
  try {
    return String(await client.call(command[0] as string, ...command.slice(1)));
  } catch (err) {
    return (err as Error).message;
  }
}

/** Sends `commands` in one write on a raw socket and returns the first `lines` reply lines. */
function pipelined(port: number, commands: string[][], lines: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const got = text.split('\r\n');
      if (got.length > lines) {
        socket.destroy();
        resolve(got.slice(0, lines));
      }
    });
    socket.write(
      commands
        .map(
          (words) =>
            `*${words.length}\r\n${words.map((w) => `$${Buffer.byteLength(w)}\r\n${w}\r\n`).join('')}`,
        )
        .join(''),
    );
  });
}

describe('the Attach stream', () => {
  it('sends the hello first, then a heartbeat every 100 ms with its role and key count', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using client = node.ioredis();
    expect(await client.set('b', '1')).toBe('OK'); // slot 3300: myself's
    await agent.until(
      () => agent.received('heartbeat').some((beat) => beat.keyCount === 1n),
      'a heartbeat with 1 key',
    );
    const hello = agent.frames[0]?.frame;
    expect(hello?.$case).toBe('hello');
    expect(hello?.$case === 'hello' && hello.value).toMatchObject({
      clientPort: node.port,
      pid: process.pid,
      dataNodeVersion: '0.1.0',
    });
    expect(hello?.$case === 'hello' && hello.value.instanceId).toMatch(/^[0-9a-f]{16}$/);
    const beat = agent.received('heartbeat').at(-1);
    expect(beat).toMatchObject({
      role: 1,
      health: 1,
      replicationOffset: 0n,
      keyCount: 1n,
      writesPaused: false,
    });
    expect(Number(beat?.sentAtMs)).toBeGreaterThan(Date.now() - 60_000);
    const applied = agent.received('applied');
    expect(applied[0]).toEqual({ agentInstanceId: FAKE_AGENT_INSTANCE, version: 1n });
  });

  it('routes by the pushed snapshot: a real client gets MOVED to the node the snapshot names', async () => {
    await using pair = await attachedPair();
    const { node } = pair;
    await using client = node.ioredis();
    expect(keySlot('foo')).toBe(12182);
    expect(await outcome(client, 'SET', 'foo', '1')).toBe('MOVED 12182 127.0.0.1:7001');
    expect(await outcome(client, 'SET', 'b', '1')).toBe('OK');
    expect(await outcome(client, 'CLUSTER', 'MYID')).toBe(A);
    const nodes = await outcome(client, 'CLUSTER', 'NODES');
    expect(nodes).toContain(`${A} 127.0.0.1:7000@17000 myself,master - 0 `);
    expect(nodes).toContain(' connected 8192-16383');
  });

  it('shows the bus counters of the snapshot in CLUSTER INFO', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    agent.busStats = [
      { type: 'ping', sent: 5n, received: 4n },
      { type: 'pong', sent: 4n, received: 5n },
    ];
    const version = agent.pushSnapshot();
    await agent.until(
      () => agent.received('applied').some((a) => a.version === version),
      'the counters applied',
    );
    await using client = node.ioredis();
    const info = await outcome(client, 'CLUSTER', 'INFO');
    expect(info).toContain('cluster_state:ok\r\n');
    expect(info).toContain('cluster_stats_messages_ping_sent:5\r\ncluster_stats_messages_pong_sent:4\r\n');
    expect(info).toContain('cluster_stats_messages_sent:9\r\n');
    expect(info).toContain('cluster_stats_messages_received:9\r\n');
  });

  it('refuses an inconsistent snapshot and keeps routing by the last good one', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    agent.send({
      frame: {
        $case: 'topology',
        value: {
          agentInstanceId: FAKE_AGENT_INSTANCE,
          version: 99n,
          currentEpoch: 1n,
          state: 1,
          nodes: [],
          migrating: [],
          importing: [],
          builtAtMs: 0n,
          busStats: [],
        },
      },
    });
    await using client = node.ioredis();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outcome(client, 'SET', 'foo', '1')).toBe('MOVED 12182 127.0.0.1:7001');
    expect(agent.received('applied').some((a) => a.version === 99n)).toBe(false);
  });
});

describe('a forwarded CLUSTER subcommand', () => {
  it('is answered only once the snapshot the agent names is applied, so the pipelined next command sees it', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using client = node.ioredis();
    expect(await client.set('k', '1')).toBe('OK'); // slot 7629
    agent.refreshing = false;
    agent.onCommand = () => {
      const version = agent.version + 1n;
      setTimeout(() => agent.setTopology(twoMasters(16384)), 300);
      return {
        outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: 'OK' } } },
        agentInstanceId: FAKE_AGENT_INSTANCE,
        topologyVersion: version,
      };
    };
    const replies = await pipelined(
      node.port,
      [
        ['CLUSTER', 'ADDSLOTS', '12182'],
        ['SET', 'foo', '1'],
        ['GET', 'foo'],
      ],
      4,
    );
    expect(replies).toEqual(['+OK', '+OK', '$1', '1']);
    const request = agent.commands[0];
    expect(request?.args.map((arg) => arg.toString())).toEqual(['ADDSLOTS', '12182']);
    expect(request?.clientAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(request?.keyspace).toEqual({ keyCount: 1n, slots: [{ slot: 7629, keys: 1n }] });
  });

  it("answers the agent's error text and typed values in the client's protocol", async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    agent.onCommand = (request) => {
      const sub = request.args[0]?.toString().toUpperCase();
      if (sub === 'ADDSLOTS') {
        return {
          outcome: { $case: 'error', value: 'ERR Slot 1 is already busy' },
          agentInstanceId: '',
          topologyVersion: 0n,
        };
      }
      return {
        outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: 'BUMPED 3' } } },
        agentInstanceId: FAKE_AGENT_INSTANCE,
        topologyVersion: agent.pushSnapshot(),
      };
    };
    await using client = node.ioredis();
    expect(await outcome(client, 'CLUSTER', 'ADDSLOTS', '1')).toBe('ERR Slot 1 is already busy');
    expect(await outcome(client, 'CLUSTER', 'BUMPEPOCH')).toBe('BUMPED 3');
    await using resp3 = await node.nodeRedis();
    expect(await resp3.sendCommand(['CLUSTER', 'BUMPEPOCH'])).toBe('BUMPED 3');
  });

  it('cannot run inside MULTI: EXEC answers it with an error and runs the rest', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using client = node.ioredis();
    const results = await client.multi().call('CLUSTER', 'ADDSLOTS', '1').set('b', '2').exec();
    expect(results?.map(([error, value]) => (error as Error | null)?.message ?? value)).toEqual([
      'ERR CLUSTER ADDSLOTS cannot run inside MULTI when the node has a gossip-agent',
      'OK',
    ]);
    expect(agent.commands).toEqual([]);
  });
});

describe('liveness', () => {
  it('refuses writes with CLUSTERDOWN once the agent is gone for longer than cluster-node-timeout, and serves again when it is back', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using client = node.ioredis();
    expect(await outcome(client, 'SET', 'b', '1')).toBe('OK');
    agent.stop();
    // Until node-timeout has passed the node still serves: the agent may only be restarting.
    await eventually(
      async () => (await outcome(client, 'SET', 'b', '2')) === 'CLUSTERDOWN The cluster is down',
      'CLUSTERDOWN',
    );
    expect(await outcome(client, 'GET', 'b')).toBe('CLUSTERDOWN The cluster is down');
    expect(await outcome(client, 'CLUSTER', 'INFO')).toMatch(/^cluster_state:fail\r\n/);
    await agent.restart();
    await eventually(async () => (await outcome(client, 'SET', 'b', '3')) === 'OK', 'writes served again');
    expect(await outcome(client, 'GET', 'b')).toBe('3');
  });

  it('lets reads through while the agent is lost when cluster-allow-reads-when-down is yes', async () => {
    await using pair = await attachedPair({ 'cluster-allow-reads-when-down': 'yes' });
    const { agent, node } = pair;
    await using client = node.ioredis();
    expect(await outcome(client, 'SET', 'b', '1')).toBe('OK');
    agent.stop();
    await eventually(
      async () => (await outcome(client, 'SET', 'n', '2')).startsWith('CLUSTERDOWN'),
      'CLUSTERDOWN',
    );
    expect(await outcome(client, 'SET', 'b', '2')).toBe(
      'CLUSTERDOWN The cluster is down and only accepts read commands',
    );
    expect(await outcome(client, 'GET', 'b')).toBe('1');
  });

  it('holds its clients unanswered (no identity yet) while the agent refuses its cluster secret', async () => {
    const agent = await FakeGossipAgent.start({ secret: SECRET, state: twoMasters(8192) });
    try {
      await using node = await startInProcessNode({
        'cluster-enabled': 'yes',
        'cluster-agent': 'external',
        'cluster-agent-address': agent.address,
        'cluster-bus-secret': 'another cluster entirely, 0123456789',
      });
      await agent.until(() => agent.rejected.length !== 0, 'a refused Attach');
      const answered = await Promise.race([
        pipelined(node.port, [['PING']], 1).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
      ]);
      expect(answered).toBe(false);
      expect(agent.frames).toEqual([]);
    } finally {
      agent.stop();
    }
  });
});

describe('pub/sub across the cluster', () => {
  it('sends every PUBLISH and SPUBLISH out as PubSubOutbound, in order, and counts only local receivers', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using subscriber = node.ioredis();
    await subscriber.subscribe('news');
    await using client = node.ioredis();
    const replies = await client
      .pipeline()
      .publish('news', 'one')
      .call('SPUBLISH', 'b', 'shard')
      .publish('weather', 'two')
      .exec();
    expect(replies?.map(([, value]) => value)).toEqual([1, 0, 0]);
    await agent.until(() => agent.received('publish').length !== 0, 'PubSubOutbound frames');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = (frame: { sharded: boolean; messages: { channel: Buffer; message: Buffer }[] }) => [
      frame.sharded,
      frame.messages.map((m) => `${m.channel.toString()}=${m.message.toString()}`),
    ];
    expect(agent.received('publish').map(text)).toEqual([
      [false, ['news=one']],
      [true, ['b=shard']],
      [false, ['weather=two']],
    ]);
  });

  it('delivers a PubSubInbound message to channel, pattern and shard subscribers without sending it back out', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using subscriber = node.ioredis();
    const got: string[] = [];
    subscriber.on('message', (channel: string, message: string) => got.push(`message ${channel} ${message}`));
    subscriber.on('pmessage', (pattern: string, channel: string, message: string) =>
      got.push(`pmessage ${pattern} ${channel} ${message}`),
    );
    subscriber.on('smessage', (channel: string, message: string) =>
      got.push(`smessage ${channel} ${message}`),
    );
    await subscriber.subscribe('news');
    await subscriber.psubscribe('n*');
    await subscriber.call('SSUBSCRIBE', 'b');
    const message = (channel: string, text: string) => ({
      channel: Buffer.from(channel),
      message: Buffer.from(text),
    });
    agent.send({
      frame: { $case: 'delivery', value: { sharded: false, messages: [message('news', 'far away')] } },
    });
    agent.send({
      frame: { $case: 'delivery', value: { sharded: true, messages: [message('b', 'same shard')] } },
    });
    await eventually(async () => got.length === 3, 'three deliveries');
    expect(got).toEqual(['message news far away', 'pmessage n* news far away', 'smessage b same shard']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(agent.received('publish')).toEqual([]);
  });
});

describe('admin requests', () => {
  it('drops the keys of the named slots, empties the keyspace on flush_data, and holds writes between pause_writes and resume_writes', async () => {
    await using pair = await attachedPair();
    const { agent, node } = pair;
    await using client = node.ioredis();
    expect(keySlot('b')).toBe(3300);
    expect(keySlot('n')).toBe(3432);
    await client.set('b', '1');
    await client.set('n', '1');
    agent.send({
      frame: {
        $case: 'adminRequest',
        value: { requestId: 7n, action: { $case: 'dropSlotKeys', value: { slots: [3300] } } },
      },
    });
    await agent.until(() => agent.received('adminResult').length === 1, 'the first AdminResult');
    expect(agent.received('adminResult')[0]).toEqual({
      requestId: 7n,
      outcome: { $case: 'done', value: { replicationOffset: 0n } },
    });
    expect(await client.exists('b')).toBe(0);
    expect(await client.exists('n')).toBe(1);
    agent.send({
      frame: { $case: 'adminRequest', value: { requestId: 8n, action: { $case: 'flushData', value: {} } } },
    });
    agent.send({
      frame: {
        $case: 'adminRequest',
        value: { requestId: 9n, action: { $case: 'pauseWrites', value: { durationMs: 1000n } } },
      },
    });
    await agent.until(() => agent.received('adminResult').length === 3, 'three AdminResults');
    expect(await client.dbsize()).toBe(0);
    const [, flushed, paused] = agent.received('adminResult');
    expect(flushed?.outcome?.$case).toBe('done');
    expect(paused).toEqual({ requestId: 9n, outcome: { $case: 'done', value: { replicationOffset: 0n } } });
    // Manual failover: writes are held (not refused) while paused, reads go on, resume_writes lets them run.
    let written = false;
    const write = client.set('held', '1').then((reply) => {
      written = true;
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(written).toBe(false);
    await using reader = node.ioredis();
    expect(await reader.get('n')).toBeNull();
    agent.send({
      frame: {
        $case: 'adminRequest',
        value: { requestId: 10n, action: { $case: 'resumeWrites', value: {} } },
      },
    });
    expect(await write).toBe('OK');
    await agent.until(() => agent.received('adminResult').length === 4, 'the resume_writes AdminResult');
    expect(agent.received('adminResult')[3]?.outcome?.$case).toBe('done');
  });
});
