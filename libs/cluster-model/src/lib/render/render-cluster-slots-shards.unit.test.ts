// CLUSTER SLOTS and CLUSTER SHARDS structures (redis-compat §1.0), and the small node queries.
import { describe, expect, it } from 'vitest';
import { id, nodeOf, stateOf } from '../../testing/fixtures.js';
import type { ClusterState } from '../model/cluster-state.js';
import { renderClusterShards, shardNodeFields } from './render-cluster-shards.js';
import { renderClusterSlots } from './render-cluster-slots.js';
import { renderCountFailureReports, renderMyId, renderMyShardId } from './render-node-queries.js';

// a: 0-100 and 200-300; b: 101-199 with replicas e (in sync), f (offset 0) and c (FAIL, in sync).
const LINES = [
  `${id('a')} 127.0.0.1:7000@17000,host-a myself,master - 0 0 1 connected 0-100 200-300`,
  `${id('b')} 127.0.0.2:7001@17001 master - 0 0 2 connected 101-199`,
  `${id('e')} 127.0.0.3:7004@17004 slave ${id('b')} 0 0 2 connected`,
  `${id('f')} 127.0.0.4:7005@17005 slave ${id('b')} 0 0 2 connected`,
  `${id('c')} 127.0.0.5:7006@17006,host-c slave,fail ${id('b')} 0 0 2 connected`,
];

function withOffsets(state: ClusterState, offsets: Record<string, bigint>): ClusterState {
  const nodes = new Map(state.nodes);
  for (const [nodeId, replicationOffset] of Object.entries(offsets)) {
    nodes.set(nodeId, { ...nodeOf(state, nodeId), replicationOffset });
  }
  return { ...state, nodes };
}

const STATE = withOffsets(stateOf(LINES), { [id('b')]: 500n, [id('e')]: 480n, [id('c')]: 490n });

describe('renderClusterSlots', () => {
  it('lists maximal runs by owner in slot order, the master then its available replicas', () => {
    expect(renderClusterSlots(STATE)).toEqual([
      {
        start: 0,
        end: 100,
        nodes: [{ endpoint: '127.0.0.1', port: 7000, id: id('a'), meta: [['hostname', 'host-a']] }],
      },
      {
        start: 101,
        end: 199,
        nodes: [
          { endpoint: '127.0.0.2', port: 7001, id: id('b'), meta: [] },
          { endpoint: '127.0.0.3', port: 7004, id: id('e'), meta: [] },
        ],
      },
      {
        start: 200,
        end: 300,
        nodes: [{ endpoint: '127.0.0.1', port: 7000, id: id('a'), meta: [['hostname', 'host-a']] }],
      },
    ]);
  });

  it('uses the hostname as endpoint when preferred, `?` when a node has none, and moves the ip to meta', () => {
    const ranges = renderClusterSlots(STATE, { preferredEndpointType: 'hostname' });
    expect(ranges[0]?.nodes[0]).toEqual({
      endpoint: 'host-a',
      port: 7000,
      id: id('a'),
      meta: [['ip', '127.0.0.1']],
    });
    expect(ranges[1]?.nodes[0]).toEqual({
      endpoint: '?',
      port: 7001,
      id: id('b'),
      meta: [['ip', '127.0.0.2']],
    });
    const unknown = renderClusterSlots(STATE, { preferredEndpointType: 'unknown-endpoint' });
    expect(unknown[0]?.nodes[0]).toEqual({
      endpoint: null,
      port: 7000,
      id: id('a'),
      meta: [
        ['ip', '127.0.0.1'],
        ['hostname', 'host-a'],
      ],
    });
  });
});

describe('renderClusterShards', () => {
  it('gives one shard per master with all its replicas, health and offsets', () => {
    const shards = renderClusterShards(STATE);
    expect(shards).toHaveLength(2);
    expect(shards[0]).toEqual({
      slots: [0, 100, 200, 300],
      nodes: [
        {
          id: id('a'),
          port: 7000,
          ip: '127.0.0.1',
          endpoint: '127.0.0.1',
          hostname: 'host-a',
          role: 'master',
          replicationOffset: 0n,
          health: 'online',
        },
      ],
    });
    expect(shards[1]?.slots).toEqual([101, 199]);
    expect(shards[1]?.nodes.map((n) => [n.id, n.role, n.health])).toEqual([
      [id('b'), 'master', 'online'],
      [id('e'), 'replica', 'online'],
      [id('f'), 'replica', 'loading'],
      [id('c'), 'replica', 'fail'],
    ]);
  });

  it('orders a node as Redis writes its map', () => {
    const node = renderClusterShards(STATE)[0]?.nodes[0];
    if (!node) throw new Error('no shard node');
    expect(shardNodeFields(node).map(([key]) => key)).toEqual([
      'id',
      'port',
      'ip',
      'endpoint',
      'hostname',
      'role',
      'replication-offset',
      'health',
    ]);
  });
});

describe('node queries', () => {
  it('answers MYID, MYSHARDID and COUNT-FAILURE-REPORTS', () => {
    expect(renderMyId(STATE)).toBe(id('a'));
    expect(renderMyShardId(STATE)).toBe(id('a'));
    expect(renderCountFailureReports(STATE, id('b'), 0)).toEqual({ ok: true, count: 0 });
    expect(renderCountFailureReports(STATE, 'nope', 0)).toMatchObject({
      ok: false,
      error: { message: 'ERR Unknown node nope' },
    });
  });
});
