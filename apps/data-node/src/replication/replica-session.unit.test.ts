// A master's side of one replica's stream, over a fake channel: what it sends and in which order for a full and
// a partial sync, how it waits for a full transport, where the stream waits meanwhile and when a replica too far
// behind is dropped, which acks it accepts, and when it sends keepalives.
import { status } from '@grpc/grpc-js';
import type { SyncResponse } from '@tessera/proto';
import { describe, expect, it, vi } from 'vitest';
import { Database } from '../keyspace/database.js';
import type { OutputLimit } from '../server/output-limits.js';
import { KeyspaceSnapshot } from './keyspace-snapshot.js';
import { ReplicationBacklog } from './replication-backlog.js';
import { ReplicaSession } from './replica-session.js';

const REPLID = 'a'.repeat(40);

function harness(options: { limit?: OutputLimit; accept?: () => boolean } = {}) {
  let now = 1_000_000;
  const frames: SyncResponse[] = [];
  const closed: [status, string][] = [];
  let acked = 0;
  const session = new ReplicaSession({
    channel: {
      send: (frame) => {
        frames.push(frame);
        return options.accept?.() ?? true;
      },
      close: (code, detail) => closed.push([code, detail]),
    },
    nodeId: 'd'.repeat(40),
    ip: '127.0.0.1',
    port: 7003,
    now: () => now,
    outputLimit: () => options.limit ?? { hard: 0, soft: 0, softSeconds: 0 },
    acked: () => acked++,
    closed: () => undefined,
  });
  return {
    session,
    frames,
    closed,
    acks: () => acked,
    advance: (ms: number) => (now += ms),
    kinds: () => frames.map((f) => f.frame?.$case),
  };
}

function snapshotOf(keys: number): KeyspaceSnapshot {
  const db = new Database(() => 0);
  for (let i = 0; i < keys; i++) db.set(`k${i}`, 'v'.repeat(100));
  return new KeyspaceSnapshot(db, 500, () => undefined);
}

const streamOffsets = (frames: SyncResponse[]) =>
  frames.flatMap((f) =>
    f.frame?.$case === 'stream' ? [[Number(f.frame.value.offset), f.frame.value.data.length]] : [],
  );

describe('ReplicaSession', () => {
  it('sends FullSync, the snapshot, SnapshotEnd, then the stream that came meanwhile, in offset order', async () => {
    const h = harness();
    h.session.startFullSync(REPLID, 500, snapshotOf(10));
    h.session.streamed(Buffer.alloc(7), 500);
    // The snapshot goes out in time slices: on a loaded machine even 10 keys may take a second slice.
    await vi.waitFor(() => expect(h.session.state).toBe('online'));
    expect(h.kinds()).toEqual(['fullSync', 'snapshotChunk', 'snapshotEnd', 'stream']);
    expect(h.session.state).toBe('online');
    expect(h.frames[0]).toEqual({
      frame: { $case: 'fullSync', value: { replicationId: REPLID, offset: 500n } },
    });
    expect(h.frames.at(-2)?.frame).toMatchObject({
      $case: 'snapshotEnd',
      value: { offset: 500n, keyCount: 10n },
    });
    expect(streamOffsets(h.frames)).toEqual([[500, 7]]);
  });

  it('queues the stream while the snapshot is sent and the transport is full, and drains it in order', () => {
    let open = false;
    const h = harness({ accept: () => open });
    h.session.startFullSync(REPLID, 500, snapshotOf(20_000)); // ~2 MB: several chunks
    expect(h.kinds()).toEqual(['fullSync']); // full at once: waits for drained()
    h.session.streamed(Buffer.alloc(10), 500);
    h.session.streamed(Buffer.alloc(20), 510);
    open = true;
    h.session.drained();
    while (h.session.state === 'send_bulk') h.session.drained();
    expect(h.kinds().filter((k) => k === 'snapshotChunk').length).toBeGreaterThan(1);
    expect(h.kinds().at(-2)).toBe('snapshotEnd');
    expect(streamOffsets(h.frames)).toEqual([[500, 30]]);
  });

  it('drops a replica whose waiting stream passes the hard output limit', () => {
    const h = harness({ accept: () => false, limit: { hard: 100, soft: 0, softSeconds: 0 } });
    h.session.startFullSync(REPLID, 0, snapshotOf(1));
    h.session.streamed(Buffer.alloc(60), 0);
    expect(h.closed).toEqual([]);
    h.session.streamed(Buffer.alloc(60), 60);
    expect(h.closed[0]?.[0]).toBe(status.RESOURCE_EXHAUSTED);
    expect(h.session.state).toBe('closed');
  });

  it('drops a replica over the soft output limit for longer than its seconds', () => {
    const h = harness({ accept: () => false, limit: { hard: 0, soft: 50, softSeconds: 2 } });
    h.session.startFullSync(REPLID, 0, snapshotOf(1));
    h.session.streamed(Buffer.alloc(60), 0);
    h.advance(1500);
    h.session.streamed(Buffer.alloc(1), 60);
    expect(h.closed).toEqual([]);
    h.advance(600);
    h.session.streamed(Buffer.alloc(1), 61);
    expect(h.closed[0]?.[0]).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('answers a partial resync with ContinueSync and the backlog from the replica offset, in frames', () => {
    const h = harness();
    const backlog = new ReplicationBacklog(1024 * 1024, 1000);
    backlog.append(Buffer.alloc(300 * 1024, 1));
    h.session.startPartialSync(REPLID, 1100, backlog);
    expect(h.frames[0]).toEqual({
      frame: { $case: 'continueSync', value: { replicationId: REPLID, offset: 1100n } },
    });
    const parts = streamOffsets(h.frames);
    expect(parts[0]?.[0]).toBe(1100);
    expect(parts.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(1000 + 300 * 1024 - 1100);
    h.session.streamed(Buffer.alloc(5), backlog.end);
    expect(streamOffsets(h.frames).at(-1)).toEqual([backlog.end, 5]);
  });

  it('accepts acks that move forward within what was sent, and refuses the others', () => {
    const h = harness();
    const backlog = new ReplicationBacklog(1024, 0);
    backlog.append(Buffer.alloc(100));
    h.session.startPartialSync(REPLID, 0, backlog);
    expect(h.session.ack(60)).toBeNull();
    expect(h.session.ackOffset).toBe(60);
    expect(h.acks()).toBe(1);
    expect(h.session.ack(50)).toMatch(/goes back/);
    expect(h.session.ack(101)).toMatch(/beyond/);
    expect(h.session.ack(100)).toBeNull();
  });

  it('refuses an ack while the snapshot is still being sent', () => {
    const h = harness({ accept: () => false });
    h.session.startFullSync(REPLID, 0, snapshotOf(1));
    expect(h.session.ack(0)).toMatch(/before the stream started/);
  });

  it('sends a keepalive after a second of silence, and at once when an ack is wanted', () => {
    const h = harness();
    const backlog = new ReplicationBacklog(1024, 0);
    h.session.startPartialSync(REPLID, 0, backlog);
    h.session.keepalive(0, false);
    expect(h.kinds()).toEqual(['continueSync']);
    h.advance(1000);
    h.session.keepalive(7, false);
    h.session.keepalive(7, true);
    expect(h.frames.slice(1)).toEqual([
      { frame: { $case: 'keepalive', value: { masterOffset: 7n, ackRequested: false } } },
      { frame: { $case: 'keepalive', value: { masterOffset: 7n, ackRequested: true } } },
    ]);
  });
});
