import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  Epoch,
  NodeAddress,
  NodeId,
  NodeRole,
  SlotRange,
  SlotRanges,
  SlotSet,
  nodeRoleFromJSON,
  nodeRoleToJSON,
  type MessageFns,
} from './index.js';

function roundTrip<T>(codec: MessageFns<T>, message: T): T {
  return codec.decode(codec.encode(message).finish());
}

describe('generated common.v1 messages', () => {
  it('round-trips a NodeId of 40 lowercase hex characters', () => {
    const id: NodeId = { value: '07c37dfeb235213a872192d90877d0cd55635b91' };
    expect(roundTrip(NodeId, id)).toEqual(id);
  });

  it('round-trips a SlotRange covering the whole slot space', () => {
    const range: SlotRange = { start: 0, end: 16383 };
    expect(roundTrip(SlotRange, range)).toEqual(range);
  });

  it('round-trips SlotRanges in their order', () => {
    const ranges: SlotRanges = {
      ranges: [
        { start: 0, end: 5460 },
        { start: 5461, end: 5461 },
        { start: 10923, end: 16383 },
      ],
    };
    expect(roundTrip(SlotRanges, ranges)).toEqual(ranges);
  });

  it('round-trips a SlotSet in the ranges encoding as a {$case, value} union', () => {
    const set: SlotSet = { encoding: { $case: 'ranges', value: { ranges: [{ start: 100, end: 200 }] } } };
    expect(roundTrip(SlotSet, set)).toEqual(set);
  });

  it('round-trips a SlotSet in the 2048-byte bitmap encoding as a Buffer', () => {
    const bitmap = Buffer.alloc(2048);
    for (const slot of [0, 7, 8, 12182, 16383])
      bitmap.writeUInt8(bitmap.readUInt8(slot >> 3) | (1 << (slot & 7)), slot >> 3);
    const decoded = roundTrip(SlotSet, { encoding: { $case: 'bitmap', value: bitmap } });
    expect(decoded.encoding?.$case).toBe('bitmap');
    expect(Buffer.isBuffer(decoded.encoding?.value)).toBe(true);
    expect(decoded.encoding?.value).toEqual(bitmap);
  });

  it('decodes an empty SlotSet with no encoding chosen', () => {
    expect(roundTrip(SlotSet, {})).toEqual({});
  });

  it('round-trips an Epoch above 2^53 without losing precision', () => {
    const epoch: Epoch = { value: 2n ** 53n + 1n };
    const decoded = roundTrip(Epoch, epoch);
    expect(typeof decoded.value).toBe('bigint');
    expect(decoded.value).toBe(9007199254740993n);
  });

  it('round-trips the largest uint64 epoch', () => {
    expect(roundTrip(Epoch, { value: 2n ** 64n - 1n })).toEqual({ value: 18446744073709551615n });
  });

  test.prop([fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })])('round-trips every uint64 epoch', (value) => {
    expect(roundTrip(Epoch, { value }).value).toBe(value);
  });

  it('refuses to encode an epoch that does not fit in uint64', () => {
    expect(() => Epoch.encode({ value: 2n ** 64n })).toThrow(/uint64 too large/);
    expect(() => Epoch.encode({ value: -1n })).toThrow(/uint64 too large/);
  });

  it('round-trips a NodeAddress with its snake_case bus_port as busPort', () => {
    const address: NodeAddress = { ip: '::1', port: 7000, busPort: 17000, hostname: 'node-0.local' };
    expect(roundTrip(NodeAddress, address)).toEqual(address);
    expect(NodeAddress.toJSON(address)).toEqual({
      ip: '::1',
      port: 7000,
      busPort: 17000,
      hostname: 'node-0.local',
    });
  });

  it('maps NodeRole values to their proto names and back', () => {
    for (const role of [
      NodeRole.NODE_ROLE_UNSPECIFIED,
      NodeRole.NODE_ROLE_MASTER,
      NodeRole.NODE_ROLE_REPLICA,
    ]) {
      expect(nodeRoleFromJSON(nodeRoleToJSON(role))).toBe(role);
    }
    expect(nodeRoleToJSON(NodeRole.NODE_ROLE_REPLICA)).toBe('NODE_ROLE_REPLICA');
    expect(nodeRoleFromJSON('NODE_ROLE_LEADER')).toBe(NodeRole.UNRECOGNIZED);
  });

  it('throws instead of returning garbage when the input is truncated', () => {
    const bytes = NodeAddress.encode({ ip: '10.0.0.1', port: 7000, busPort: 17000, hostname: '' }).finish();
    expect(() => NodeAddress.decode(bytes.subarray(0, 4))).toThrow();
  });
});
