import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbitraryClusterState, persistedView } from '../../testing/arbitrary-state.js';
import { splitBytesAt, splitText, SPLIT_MODES } from '../../testing/split-text.js';
import { ClusterModelError } from '../model/errors.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import type { Vars } from './assemble-state.js';
import type { ParsedNodeLine } from './node-line-parser.js';
import { formatNodesConf } from './nodes-conf.js';
import { NodesConfParser, parseNodesConf } from './nodes-conf-parser.js';

const A = 'e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca';
const B = '67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1';
const C = '292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f';
const R = '824fe116063bc5fcf9f4ffd895bc17aee7731ac3';
const SHARD_A = 'a0000000000000000000000000000000000000aa';
const SHARD_B = 'b0000000000000000000000000000000000000bb';
const SHARD_C = 'c0000000000000000000000000000000000000cc';

/** A nodes.conf as Redis 7.2+ writes it: aux fields, a replica, a hostname, an open slot, the vars line. */
const CONF = [
  `${A} 127.0.0.1:30001@40001,,shard-id=${SHARD_A} myself,master - 0 0 1 connected 0-5460 [77->-${C}] [5461-<-${B}]`,
  `${B} 127.0.0.1:30002@40002,host-b.example,shard-id=${SHARD_B} master - 0 1700000000123 2 connected 5461-10922`,
  `${C} 127.0.0.1:30003@40003,,shard-id=${SHARD_C} master,fail? - 1700000000000 1699999999000 3 disconnected 10923-16383`,
  `${R} ::1:30004@40004,,shard-id=${SHARD_B} slave ${B} 0 1700000000456 2 connected`,
  'vars currentEpoch 7 lastVoteEpoch 4',
  '',
].join('\n');

type Event =
  { kind: 'node'; line: number; node: ParsedNodeLine } | { kind: 'vars'; line: number; vars: Vars };

function events(chunks: readonly (string | Uint8Array)[]): Event[] {
  const seen: Event[] = [];
  const parser = new NodesConfParser({
    onNode: (node, line) => seen.push({ kind: 'node', line, node }),
    onVars: (vars, line) => seen.push({ kind: 'vars', line, vars }),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return seen;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('NodesConfParser', () => {
  it.each(SPLIT_MODES)('emits one event per line, whatever the split (%s)', (mode) => {
    const seen = events(splitText(CONF, mode));
    expect(seen.map((e) => [e.kind, e.line])).toEqual([
      ['node', 1],
      ['node', 2],
      ['node', 3],
      ['node', 4],
      ['vars', 5],
    ]);
    expect(seen).toEqual(events([CONF]));
    const first = seen[0] as Extract<Event, { kind: 'node' }>;
    expect(first.node).toMatchObject({
      id: A,
      ip: '127.0.0.1',
      port: 30001,
      busPort: 40001,
      shardId: SHARD_A,
      flags: ['myself', 'master'],
      masterId: null,
      configEpoch: 1n,
      slots: [{ start: 0, end: 5460 }],
      migrating: [{ slot: 77, nodeId: C }],
      importing: [{ slot: 5461, nodeId: B }],
    });
    expect(seen[4]).toEqual({ kind: 'vars', line: 5, vars: { currentEpoch: 7n, lastVoteEpoch: 4n } });
  });

  test.prop([fc.array(fc.nat(), { maxLength: 30 })])(
    'gives the same events for any split of the UTF-8 bytes',
    (offsets) => {
      expect(events(splitBytesAt(CONF, offsets))).toEqual(events([CONF]));
    },
  );

  it('skips blank lines and accepts a last line without a newline', () => {
    const text = `\n\n${CONF.trimEnd().replace('\nvars', '\n   \nvars')}`;
    expect(events([text]).map((e) => e.kind)).toEqual(['node', 'node', 'node', 'node', 'vars']);
  });
});

describe('parseNodesConf', () => {
  it('builds the state: roles, shards, slots, migrations and epochs', () => {
    const state = parseNodesConf(CONF);
    expect(state.myselfId).toBe(A);
    expect(state.currentEpoch).toBe(7n);
    expect(state.lastVoteEpoch).toBe(4n);
    expect(state.slotOwners[0]).toBe(A);
    expect(state.slotOwners[5461]).toBe(B);
    expect(state.slotOwners[16383]).toBe(C);
    expect(state.importingFrom.get(5461)).toBe(B);
    expect(state.migratingTo.get(77)).toBe(C);
    const replica = state.nodes.get(R);
    expect(replica).toMatchObject({ masterId: B, configEpoch: 0n, shardId: SHARD_B, ip: '::1' });
    expect(state.nodes.get(B)?.hostname).toBe('host-b.example');
    expect(state.size).toBe(3);
  });

  it('writes the same text back', () => {
    expect(formatNodesConf(parseNodesConf(CONF))).toBe(CONF);
  });

  it('reads the Redis 7.0 format (no aux fields) and names shards after their masters', () => {
    const old = [
      `${A} 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-16383`,
      `${R} 127.0.0.1:30004@40004 slave ${A} 0 0 1 connected`,
      'vars currentEpoch 1 lastVoteEpoch 0',
      '',
    ].join('\n');
    const state = parseNodesConf(old);
    expect(state.nodes.get(A)?.shardId).toBe(A);
    expect(state.nodes.get(R)?.shardId).toBe(A);
    expect(formatNodesConf(state, { auxFields: false })).toBe(old);
  });

  it('reads pre-Redis-4 addresses without @cport as port + 10000', () => {
    const state = parseNodesConf(`${A} 127.0.0.1:6379 myself,master - 0 0 0 connected\n`);
    expect(state.nodes.get(A)?.busPort).toBe(16379);
  });

  it('loads like a restarting node when loadedAt is given', () => {
    const state = parseNodesConf(CONF, { loadedAt: 5_000 });
    expect(state.nodes.get(C)).toMatchObject({ pingSent: 5_000, pongReceived: 5_000, link: 'disconnected' });
    expect(state.nodes.get(B)).toMatchObject({ pingSent: 0, pongReceived: 5_000, link: 'disconnected' });
    expect(state.nodes.get(A)?.link).toBe('connected');
  });

  it('creates an address-less placeholder for a master that has no line', () => {
    const state = parseNodesConf(`${R} 127.0.0.1:30004@40004 myself,slave ${B} 0 0 2 connected\n`);
    expect(state.nodes.get(B)).toMatchObject({ ip: '', port: 0, flags: [], link: 'disconnected' });
    expect(renderClusterNodes(state)).toContain(`${B} :0@0 noflags - 0 0 0 disconnected\n`);
  });

  it.each([
    ['a short line', `${A} 127.0.0.1:1@2 myself,master - 0 0\n`, 1, 'at least 8 fields'],
    ['an upper-case id', `${A.toUpperCase()} 127.0.0.1:1@2 myself,master - 0 0 0 connected\n`, 1, 'node id'],
    ['an unknown flag', `${A} 127.0.0.1:1@2 myself,boss - 0 0 0 connected\n`, 1, 'unknown flag'],
    ['a bad port', `${A} 127.0.0.1:70000@2 myself,master - 0 0 0 connected\n`, 1, 'port'],
    ['a bad address', `${A} 300.1.1.1:1@2 myself,master - 0 0 0 connected\n`, 1, 'IPv4 or IPv6'],
    ['a bad epoch', `${A} 127.0.0.1:1@2 myself,master - 0 0 -1 connected\n`, 1, 'config epoch'],
    ['a bad link', `${A} 127.0.0.1:1@2 myself,master - 0 0 0 up\n`, 1, 'link state'],
    ['a slot past 16383', `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected 16384\n`, 1, 'slot token'],
    ['a reversed range', `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected 9-3\n`, 1, 'slot token'],
    [
      'a bad migration',
      `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected [5->-xyz]\n`,
      1,
      'migration token',
    ],
    [
      'an unknown aux field',
      `${A} 127.0.0.1:1@2,,color=red myself,master - 0 0 0 connected\n`,
      1,
      'unknown aux',
    ],
    ['a bad shard id', `${A} 127.0.0.1:1@2,,shard-id=42 myself,master - 0 0 0 connected\n`, 1, 'shard-id'],
    [
      'an odd vars line',
      `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected\nvars currentEpoch\n`,
      2,
      'pairs',
    ],
    [
      'a bad vars value',
      `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected\nvars currentEpoch x\n`,
      2,
      'uint64',
    ],
    [
      'two myself lines',
      `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected\n${B} 127.0.0.1:1@2 myself,master - 0 0 0 connected\n`,
      2,
      'more than one',
    ],
    [
      'a slot served twice',
      `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected 5\n${B} 127.0.0.1:3@4 master - 0 0 0 connected 0-9\n`,
      2,
      'slot 5',
    ],
    [
      'no myself line',
      `${A} 127.0.0.1:1@2 master - 0 0 0 connected\nvars currentEpoch 0 lastVoteEpoch 0\n`,
      2,
      'myself',
    ],
    [
      'a myself replica without master',
      `${A} 127.0.0.1:1@2 myself,slave - 0 0 0 connected\n`,
      1,
      'without a master',
    ],
    [
      'brackets on another line',
      `${A} 127.0.0.1:1@2 myself,master - 0 0 0 connected\n${B} 127.0.0.1:3@4 master - 0 0 0 connected [1->-${A}]\n`,
      2,
      'myself line',
    ],
  ])('rejects %s with a typed error naming the line', (_what, text, line, fragment) => {
    const error = thrown(() => parseNodesConf(text));
    expect(error).toBeInstanceOf(ClusterModelError);
    expect(error).toMatchObject({ code: 'RC_ERR_CLUSTER_MODEL_NODES_CONF_INVALID', line });
    expect((error as Error).message).toContain(`line ${line}:`);
    expect((error as Error).message).toContain(fragment);
  });

  it('rejects bytes that are not UTF-8 and lines longer than the limit', () => {
    expect(thrown(() => parseNodesConf(new Uint8Array([0x41, 0xff, 0x0a])))).toMatchObject({
      code: 'RC_ERR_CLUSTER_MODEL_NODES_CONF_INVALID',
    });
    expect(thrown(() => parseNodesConf('x'.repeat(100), { maxLineLength: 50 }))).toMatchObject({
      code: 'RC_ERR_CLUSTER_MODEL_NODES_CONF_INVALID',
      line: 1,
    });
  });

  test.prop([arbitraryClusterState()], { numRuns: 150 })(
    'state -> text -> state keeps what nodes.conf stores',
    (state) => {
      const text = formatNodesConf(state);
      const back = parseNodesConf(text);
      expect(persistedView(back)).toEqual(persistedView(state));
      expect(formatNodesConf(back)).toBe(text);
    },
  );

  test.prop([arbitraryClusterState()], { numRuns: 50 })(
    'parses the same state from a random byte split',
    (state) => {
      const text = formatNodesConf(state);
      const parser = events(splitText(text, 'random-split', text.length));
      expect(parser).toEqual(events([text]));
    },
  );

  test.prop([fc.string({ maxLength: 400 })])('garbage throws nothing but the typed error', (text) => {
    try {
      parseNodesConf(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ClusterModelError);
      expect((error as ClusterModelError).code).toBe('RC_ERR_CLUSTER_MODEL_NODES_CONF_INVALID');
    }
  });

  test.prop([fc.array(fc.constantFrom(...CONF.split(/( |\n|,|@|:|-)/)), { maxLength: 80 })])(
    'shuffled fragments of a real file throw nothing but the typed error',
    (fragments) => {
      try {
        const state = parseNodesConf(fragments.join(''));
        expect(state.nodes.has(state.myselfId)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(ClusterModelError);
      }
    },
  );
});
