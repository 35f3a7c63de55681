import { describe, expect, it } from 'vitest';
import { nodeAddress } from './node-address.js';
import { SlotTable } from './slot-table.js';

const node = (port: number, id: string | null = `id${port}`) => ({
  address: nodeAddress('127.0.0.1', port),
  id,
});

const table = () =>
  SlotTable.fromRanges([
    { start: 0, end: 5460, master: node(7000), replicas: [node(7003)] },
    { start: 5461, end: 10922, master: node(7001), replicas: [] },
    { start: 10923, end: 16000, master: node(7002), replicas: [] },
    { start: 16001, end: 16383, master: node(7000), replicas: [node(7003)] },
  ]);

describe('SlotTable', () => {
  it('maps every slot to the master of its range', () => {
    const t = table();
    expect(t.master(0)?.port).toBe(7000);
    expect(t.master(5460)?.port).toBe(7000);
    expect(t.master(5461)?.port).toBe(7001);
    expect(t.master(16000)?.port).toBe(7002);
    expect(t.master(16383)?.port).toBe(7000);
    expect(t.shard(1)?.replicas.map((r) => r.address.port)).toEqual([7003]);
  });

  it('lists masters once each and nodes with their slot ranges and roles', () => {
    const t = table();
    expect(t.masters().map((m) => m.port)).toEqual([7000, 7001, 7002]);
    expect(t.nodes()).toEqual([
      {
        address: nodeAddress('127.0.0.1', 7000),
        id: 'id7000',
        role: 'master',
        master: null,
        slots: [
          { start: 0, end: 5460 },
          { start: 16001, end: 16383 },
        ],
      },
      {
        address: nodeAddress('127.0.0.1', 7003),
        id: 'id7003',
        role: 'replica',
        master: nodeAddress('127.0.0.1', 7000),
        slots: [
          { start: 0, end: 5460 },
          { start: 16001, end: 16383 },
        ],
      },
      {
        address: nodeAddress('127.0.0.1', 7001),
        id: 'id7001',
        role: 'master',
        master: null,
        slots: [{ start: 5461, end: 10922 }],
      },
      {
        address: nodeAddress('127.0.0.1', 7002),
        id: 'id7002',
        role: 'master',
        master: null,
        slots: [{ start: 10923, end: 16000 }],
      },
    ]);
  });

  it('patches one slot to a known master, keeping its replicas', () => {
    const t = table();
    t.patch(100, nodeAddress('127.0.0.1', 7001));
    expect(t.master(100)?.port).toBe(7001);
    expect(t.master(99)?.port).toBe(7000);
    expect(t.master(101)?.port).toBe(7000);
    expect(t.nodes().find((n) => n.address.port === 7001)?.slots).toEqual([
      { start: 100, end: 100 },
      { start: 5461, end: 10922 },
    ]);
  });

  it('patches one slot to a master it did not know, which then shows in masters()', () => {
    const t = table();
    expect(t.masters()).toHaveLength(3);
    t.patch(16383, nodeAddress('10.1.1.1', 7100));
    expect(t.master(16383)?.key).toBe('10.1.1.1:7100');
    expect(t.masters().map((m) => m.key)).toContain('10.1.1.1:7100');
    expect(t.shard(16383)?.replicas).toEqual([]);
  });

  it('knows no owner for slots no range covers', () => {
    const t = SlotTable.fromRanges([{ start: 0, end: 9, master: node(7000), replicas: [] }]);
    expect(t.master(10)).toBeUndefined();
    expect(t.nodes()[0]?.slots).toEqual([{ start: 0, end: 9 }]);
  });
});
