// Validation of the Sync stream's frames, both directions: what a master accepts in a Psync, and what a replica
// accepts from its master.
import type { Psync, SyncResponse } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { checkMasterFrame, checkPsync, peerIpOf } from './replication-frames.js';

const GOOD: Psync = {
  replicaNodeId: 'd'.repeat(40),
  masterNodeId: 'a'.repeat(40),
  replicationId: 'f'.repeat(40),
  offset: 123n,
  listeningPort: 7003,
  announcedIp: '',
};

describe('checkPsync', () => {
  it('accepts a well-formed Psync and shows the peer address when none is announced', () => {
    expect(checkPsync(GOOD, '10.0.0.5')).toEqual({
      ok: true,
      value: {
        replicaNodeId: 'd'.repeat(40),
        masterNodeId: 'a'.repeat(40),
        replicationId: 'f'.repeat(40),
        offset: 123,
        listeningPort: 7003,
        ip: '10.0.0.5',
      },
    });
    expect(checkPsync({ ...GOOD, announcedIp: '192.168.1.9' }, '10.0.0.5')).toMatchObject({
      value: { ip: '192.168.1.9' },
    });
    expect(checkPsync({ ...GOOD, replicationId: '', offset: 99n }, 'x')).toMatchObject({
      value: { offset: 0 },
    });
  });

  it.each([
    ['replica_node_id', { replicaNodeId: 'D'.repeat(40) }],
    ['master_node_id', { masterNodeId: 'a'.repeat(39) }],
    ['replication_id', { replicationId: 'xyz' }],
    ['above 2^53', { offset: 1n << 54n }],
    ['listening_port', { listeningPort: 70000 }],
    ['announced_ip', { announcedIp: 'a,b' }],
  ])('refuses a bad %s', (what, change) => {
    const checked = checkPsync({ ...GOOD, ...change }, 'x');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error).toContain(what);
  });
});

describe('peerIpOf', () => {
  it('takes the address out of grpc-js peer strings', () => {
    expect(peerIpOf('ipv4:10.0.0.5:51234')).toBe('10.0.0.5');
    expect(peerIpOf('ipv6:[::1]:51234')).toBe('::1');
    expect(peerIpOf('unix:/tmp/x')).toBe('unix:/tmp/x');
  });
});

describe('checkMasterFrame', () => {
  const frame = (value: SyncResponse['frame']): SyncResponse => ({ frame: value });

  it('turns each kind into the replica value', () => {
    expect(
      checkMasterFrame(frame({ $case: 'fullSync', value: { replicationId: 'a'.repeat(40), offset: 5n } })),
    ).toEqual({
      ok: true,
      value: { kind: 'full-sync', replicationId: 'a'.repeat(40), offset: 5 },
    });
    expect(
      checkMasterFrame(frame({ $case: 'stream', value: { offset: 9n, data: Buffer.from('x') } })),
    ).toEqual({
      ok: true,
      value: { kind: 'stream', offset: 9, data: Buffer.from('x') },
    });
    expect(
      checkMasterFrame(frame({ $case: 'keepalive', value: { masterOffset: 3n, ackRequested: true } })),
    ).toEqual({
      ok: true,
      value: { kind: 'keepalive', masterOffset: 3, ackRequested: true },
    });
  });

  it('refuses a bad replication id, an offset above 2^53, an entry without payload and an empty frame', () => {
    expect(
      checkMasterFrame(frame({ $case: 'continueSync', value: { replicationId: 'nope', offset: 0n } })).ok,
    ).toBe(false);
    expect(
      checkMasterFrame(frame({ $case: 'snapshotEnd', value: { offset: 1n << 60n, keyCount: 0n } })).ok,
    ).toBe(false);
    expect(
      checkMasterFrame(
        frame({
          $case: 'snapshotChunk',
          value: { entries: [{ key: Buffer.from('k'), payload: Buffer.alloc(0) }] },
        }),
      ).ok,
    ).toBe(false);
    expect(checkMasterFrame(frame(undefined)).ok).toBe(false);
  });
});
