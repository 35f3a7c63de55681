// The bus Header: built from the sender's config and extra, read back into the same config, and the sender's
// cluster state read by headerHealth.
import { ClusterState as ProtoClusterState, Header } from '@tessera/proto';
import { createSlotBitmap } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { id } from '../testing/cluster-fixtures.js';
import { decodeHeader, encodeHeader, headerHealth, type SenderConfig } from './header.js';

const REPLICA: SenderConfig = {
  sender: id('b'),
  currentEpoch: 4n,
  configEpoch: 3n,
  masterId: id('a'),
  slots: createSlotBitmap(),
  flags: ['myself', 'replica', 'nofailover'],
  replicationOffset: 77n,
  ip: '10.0.0.2',
  port: 7001,
  busPort: 17001,
  hostname: 'node-b',
  shardId: id('a'),
};

describe('encodeHeader / decodeHeader / headerHealth', () => {
  it('gives back the sender config of a replica through bytes, without the local myself flag', () => {
    const bytes = Header.encode(encodeHeader(REPLICA, { health: 'ok' })).finish();
    expect(decodeHeader(Header.decode(bytes), 'Ping')).toEqual({
      ...REPLICA,
      flags: ['replica', 'nofailover'],
    });
  });

  it('defaults manual_failover_paused to false and human_nodename to empty', () => {
    expect(encodeHeader(REPLICA, { health: 'fail' })).toMatchObject({
      state: ProtoClusterState.CLUSTER_STATE_FAIL,
      manualFailoverPaused: false,
      humanNodename: '',
    });
  });

  it('reads ok and fail, and null for an unspecified or unknown state', () => {
    const header = encodeHeader(REPLICA, { health: 'ok' });
    expect(headerHealth(header)).toBe('ok');
    expect(headerHealth({ ...header, state: ProtoClusterState.CLUSTER_STATE_FAIL })).toBe('fail');
    expect(headerHealth({ ...header, state: ProtoClusterState.CLUSTER_STATE_UNSPECIFIED })).toBeNull();
    expect(headerHealth({ ...header, state: 9 as ProtoClusterState })).toBeNull();
  });

  it('keeps an empty ip when no peer address is given, and takes the peer address otherwise', () => {
    const header = encodeHeader({ ...REPLICA, ip: '' }, { health: 'ok' });
    expect(decodeHeader(header, 'Ping').ip).toBe('');
    expect(decodeHeader(header, 'Ping', '192.0.2.1').ip).toBe('192.0.2.1');
  });
});
