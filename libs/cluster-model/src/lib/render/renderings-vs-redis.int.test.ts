// Differential test against real redis-server 7.0 cluster nodes (the oracle): three masters (one announcing a
// hostname) and a replica are formed with ADDSLOTSRANGE, SET-CONFIG-EPOCH and MEET. From one atomic snapshot
// per node (MULTI: CLUSTER NODES, SHARDS, SLOTS, INFO) we parse CLUSTER NODES with our parser and require our
// renderings of the parsed state to equal Redis's replies: NODES byte for byte, SLOTS and SHARDS in shape and
// content, INFO byte for byte given Redis's own message counters. Then each nodes.conf Redis wrote must parse
// and be written back identically (Redis 7.0 format: no aux fields).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { RespError, startRedisNode, type RedisNode, type RespValue } from '../../testing/redis-node.js';
import { clusterStateFromNodes } from '../codec/cluster-nodes-parser.js';
import { formatNodesConf } from '../codec/nodes-conf.js';
import { parseNodesConf } from '../codec/nodes-conf-parser.js';
import type { ClusterState } from '../model/cluster-state.js';
import { updateClusterState } from '../transitions/update-cluster-state.js';
import { BUS_MESSAGE_TYPES, type BusMessageType } from '../transitions/messages.js';
import { renderClusterInfo } from './render-cluster-info.js';
import { renderClusterNodes } from './render-cluster-nodes.js';
import { renderClusterShards, shardNodeFields } from './render-cluster-shards.js';
import { renderClusterSlots } from './render-cluster-slots.js';

const FORM_TIMEOUT_MS = 60_000;

interface Snapshot {
  nodes: string;
  shards: RespValue[];
  slots: RespValue[];
  info: string;
}

let redis: RedisNode[] = [];

async function snapshot(node: RedisNode): Promise<Snapshot> {
  const { client } = node;
  await client.command('MULTI');
  for (const sub of ['NODES', 'SHARDS', 'SLOTS', 'INFO']) await client.command('CLUSTER', sub);
  const replies = (await client.command('EXEC')) as RespValue[];
  return {
    nodes: replies[0] as string,
    shards: replies[1] as RespValue[],
    slots: replies[2] as RespValue[],
    info: replies[3] as string,
  };
}

async function formed(): Promise<boolean> {
  for (const node of redis) {
    const snap = await snapshot(node);
    const lines = snap.nodes.trimEnd().split('\n');
    if (lines.length !== redis.length) return false;
    if (/handshake|fail|noaddr|disconnected/.test(snap.nodes)) return false;
    if (!snap.info.startsWith('cluster_state:ok\r\n')) return false;
    // The replica must have replicated something, as every node sees it, so SLOTS lists it.
    if (/"replication-offset",0,"health","loading"/.test(JSON.stringify(snap.shards))) return false;
  }
  return true;
}

beforeAll(async () => {
  const common = ['--cluster-node-timeout', '1000'];
  redis = await Promise.all([
    startRedisNode([...common, '--cluster-announce-hostname', 'node-0.example']),
    startRedisNode(common),
    startRedisNode(common),
    startRedisNode(common),
  ]);
  const ranges = [
    ['0', '5460'],
    ['5461', '10922'],
    ['10923', '16383'],
  ];
  for (let i = 0; i < 3; i++) {
    await (redis[i] as RedisNode).client.text('CLUSTER', 'ADDSLOTSRANGE', ...(ranges[i] as string[]));
  }
  for (let i = 0; i < redis.length; i++) {
    await (redis[i] as RedisNode).client.text('CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1));
  }
  const first = redis[0] as RedisNode;
  for (const node of redis.slice(1)) {
    await node.client.text('CLUSTER', 'MEET', '127.0.0.1', String(first.port), String(first.busPort));
  }
  const masterId = await (redis[1] as RedisNode).client.text('CLUSTER', 'MYID');
  const deadline = Date.now() + FORM_TIMEOUT_MS;
  let replicating = false;
  while (Date.now() < deadline) {
    if (!replicating) {
      const reply = await (redis[3] as RedisNode).client.command('CLUSTER', 'REPLICATE', masterId);
      replicating = !(reply instanceof RespError);
    } else {
      // Writes make the master's replication offset move, so the replica's offset becomes non-zero.
      await (redis[1] as RedisNode).client.command('SET', '{a}probe', String(Date.now()));
      if (await formed()) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the redis-server cluster did not form in time');
}, FORM_TIMEOUT_MS + 20_000);

afterAll(async () => {
  await Promise.all(redis.map((node) => node.stop()));
});

/** Our state of the node that produced `snap`, with the offsets CLUSTER NODES does not show. */
function stateFrom(snap: Snapshot): ClusterState {
  const currentEpoch = BigInt(/cluster_current_epoch:(\d+)/.exec(snap.info)?.[1] ?? '0');
  const state = clusterStateFromNodes(snap.nodes, { currentEpoch });
  const nodes = new Map(state.nodes);
  for (const shard of snap.shards as RespValue[][]) {
    for (const fields of shard[3] as RespValue[][]) {
      const entry = new Map<string, RespValue>();
      for (let i = 0; i < fields.length; i += 2) entry.set(fields[i] as string, fields[i + 1] as RespValue);
      const node = nodes.get(entry.get('id') as string);
      if (node)
        nodes.set(node.id, { ...node, replicationOffset: BigInt(entry.get('replication-offset') as number) });
    }
  }
  return { ...state, nodes };
}

/** Our CLUSTER SLOTS in the RESP2 shape Redis replies with (meta as a flat array). */
function slotsAsResp(state: ClusterState): RespValue[] {
  return renderClusterSlots(state).map((range) => [
    range.start,
    range.end,
    ...range.nodes.map((node) => [node.endpoint, node.port, node.id, node.meta.flat()]),
  ]);
}

/** Our CLUSTER SHARDS in the RESP2 shape, shards ordered by master id (Redis's order is its dict order). */
function shardsAsResp(state: ClusterState): RespValue[] {
  return renderClusterShards(state).map((shard) => [
    'slots',
    [...shard.slots],
    'nodes',
    shard.nodes.map((node) =>
      shardNodeFields(node).flatMap(([key, value]) => [
        key,
        typeof value === 'bigint' ? Number(value) : value,
      ]),
    ),
  ]);
}

function byMaster(shards: RespValue[]): RespValue[] {
  const masterId = (shard: RespValue): string =>
    ((shard as RespValue[])[3] as RespValue[][])[0]?.[1] as string;
  return [...shards].sort((a, b) => masterId(a).localeCompare(masterId(b)));
}

function countersFrom(info: string, direction: 'sent' | 'received'): Partial<Record<BusMessageType, number>> {
  const counts: Partial<Record<BusMessageType, number>> = {};
  for (const type of Object.values(BUS_MESSAGE_TYPES)) {
    const match = new RegExp(`cluster_stats_messages_${type}_${direction}:(\\d+)`).exec(info);
    if (match) counts[type] = Number(match[1]);
  }
  return counts;
}

describe('renderings compared with redis-server 7.0', () => {
  it('renders every node’s CLUSTER NODES back byte for byte after parsing it', async () => {
    for (const node of redis) {
      const snap = await snapshot(node);
      expect(snap.nodes).toContain(',node-0.example ');
      expect(renderClusterNodes(clusterStateFromNodes(snap.nodes))).toBe(snap.nodes);
    }
  });

  it('builds the same CLUSTER SLOTS, replica included', async () => {
    for (const node of redis) {
      const snap = await snapshot(node);
      expect(JSON.stringify(snap.slots)).toContain('"hostname","node-0.example"');
      expect((snap.slots[1] as RespValue[]).length).toBe(4); // master + replica
      expect(slotsAsResp(stateFrom(snap))).toEqual(snap.slots);
    }
  });

  it('builds the same CLUSTER SHARDS', async () => {
    for (const node of redis) {
      const snap = await snapshot(node);
      expect(byMaster(shardsAsResp(stateFrom(snap)))).toEqual(byMaster(snap.shards));
    }
  });

  it('writes the same CLUSTER INFO text once cluster_state is evaluated', async () => {
    for (const node of redis) {
      const snap = await snapshot(node);
      const env = fakeEnv();
      const first = updateClusterState(stateFrom(snap), env).state;
      env.clock.advance(2_000);
      const evaluated = updateClusterState(first, env).state;
      const text = renderClusterInfo(evaluated, {
        messagesSent: countersFrom(snap.info, 'sent'),
        messagesReceived: countersFrom(snap.info, 'received'),
        linksBufferLimitExceeded: Number(
          /total_cluster_links_buffer_limit_exceeded:(\d+)/.exec(snap.info)?.[1],
        ),
      });
      expect(text).toBe(snap.info);
    }
  });

  it('parses each nodes.conf Redis wrote and writes it back identically', async () => {
    for (const node of redis) {
      expect(await node.client.text('CLUSTER', 'SAVECONFIG')).toBe('OK');
      const text = readFileSync(join(node.dir, 'nodes.conf'), 'utf8');
      const state = parseNodesConf(text);
      expect(state.nodes.size).toBe(redis.length);
      expect(formatNodesConf(state, { auxFields: false })).toBe(text);
    }
  });
});
