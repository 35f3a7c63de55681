import fc from 'fast-check';
import type { RespValue } from '@tessera/resp';
import { describe, expect, it } from 'vitest';
import { TopologyInvalidError } from '../errors.js';
import { parseClusterSlots } from './parse-cluster-slots.js';

const id = (n: number) => n.toString(16).padStart(40, '0');

/** A random CLUSTER SLOTS reply: slots cut into ranges, each owned by one of `masters` masters. */
const clusterSlotsReply = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 16383 }), { maxLength: 20 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 0, max: 2 }),
    fc.boolean(),
  )
  .map(([cuts, masters, replicas, resp3]) => {
    const bounds = [0, ...cuts.sort((a, b) => a - b), 16384];
    const reply: RespValue[] = [];
    const owners: number[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const master = i % masters;
      const meta = resp3 ? new Map() : [];
      const node = (n: number): RespValue => ['10.0.0.' + n, 7000 + n, id(n), meta];
      const entry: RespValue[] = [bounds[i] as number, (bounds[i + 1] as number) - 1, node(master)];
      for (let r = 0; r < replicas; r++) entry.push(node(100 + master * 10 + r));
      reply.push(entry);
      owners.push(master);
    }
    return { reply, bounds, owners, replicas };
  });

describe('parseClusterSlots', () => {
  it('reads every range with its master and replicas, RESP2 or RESP3', () => {
    fc.assert(
      fc.property(clusterSlotsReply, ({ reply, bounds, owners, replicas }) => {
        const ranges = parseClusterSlots(reply, 'seed');
        expect(ranges).toHaveLength(owners.length);
        ranges.forEach((range, i) => {
          const master = owners[i] as number;
          expect(range.start).toBe(bounds[i]);
          expect(range.end).toBe((bounds[i + 1] as number) - 1);
          expect(range.master).toEqual({
            address: {
              host: `10.0.0.${master}`,
              port: 7000 + master,
              key: `10.0.0.${master}:${7000 + master}`,
            },
            id: id(master),
          });
          expect(range.replicas.map((r) => r.address.port)).toEqual(
            Array.from({ length: replicas }, (_, r) => 7100 + master * 10 + r),
          );
        });
      }),
    );
  });

  it('uses the queried host for a null or empty host (unknown-endpoint)', () => {
    const ranges = parseClusterSlots([[0, 16383, [null, 7000, id(1)], ['', 7001, id(2)]]], '192.168.1.5');
    expect(ranges[0]?.master.address.key).toBe('192.168.1.5:7000');
    expect(ranges[0]?.replicas[0]?.address.key).toBe('192.168.1.5:7001');
  });

  it('accepts Buffer hosts and entries without an id', () => {
    const ranges = parseClusterSlots([[0, 10, [Buffer.from('h1'), 7000]]], 'seed');
    expect(ranges[0]?.master).toEqual({ address: { host: 'h1', port: 7000, key: 'h1:7000' }, id: null });
  });

  it('leaves out nodes without a usable endpoint (? or port 0) and ranges whose master has none', () => {
    const ranges = parseClusterSlots(
      [
        [0, 100, ['?', 7000, id(1)], ['h2', 7001, id(2)]],
        [101, 200, ['h3', 7002, id(3)], ['h4', 0, id(4)]],
      ],
      'seed',
    );
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toMatchObject({ start: 101, end: 200, replicas: [] });
  });

  it.each([
    ['not an array', 'OK'],
    ['an entry that is not an array', [5]],
    ['an entry without a master', [[0, 10]]],
    ['a slot above 16383', [[0, 16384, ['h', 1, id(1)]]]],
    ['a reversed range', [[10, 5, ['h', 1, id(1)]]]],
    ['a slot given as text', [['0', 5, ['h', 1, id(1)]]]],
    ['a node that is not an array', [[0, 5, 'h:1']]],
    ['a port above 65535', [[0, 5, ['h', 70000, id(1)]]]],
    ['a port given as text', [[0, 5, ['h', '7000', id(1)]]]],
    ['a host that is a number', [[0, 5, [12, 7000, id(1)]]]],
  ] as [string, RespValue][])('rejects %s with TopologyInvalidError', (_what, reply) => {
    expect(() => parseClusterSlots(reply, 'seed')).toThrow(TopologyInvalidError);
  });
});
