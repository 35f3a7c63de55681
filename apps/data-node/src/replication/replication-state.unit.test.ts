// The PSYNC decision's inputs (redis masterTryPartialResynchronization): which (replication id, offset) pairs a
// node can continue from its backlog, across backlog creation, overflow, promotion (replid2) and adoption of a
// master's history.
import { describe, expect, it } from 'vitest';
import { Database } from '../keyspace/database.js';
import type { CommandPropagator } from './command-propagator.js';
import { NO_REPLICATION_ID } from './replication-ids.js';
import { ReplicationState } from './replication-state.js';

function stateWith(backlogSize = 64) {
  const host = {
    db: new Database(() => 0),
    propagator: null as CommandPropagator | null,
    backlogSize: () => backlogSize,
  };
  const chunks: [number, number][] = [];
  const state = new ReplicationState(host, {
    streamed: (chunk, offset) => chunks.push([offset, chunk.length]),
  });
  return { state, host, chunks };
}

describe('ReplicationState', () => {
  it('starts with a random id, no replid2, offset 0 and no backlog: nothing can continue', () => {
    const { state } = stateWith();
    expect(state.replicationId).toMatch(/^[0-9a-f]{40}$/);
    expect([state.replicationId2, state.secondReplOffset, state.offset, state.backlog]).toEqual([
      NO_REPLICATION_ID,
      -1,
      0,
      null,
    ]);
    expect(state.canContinue(state.replicationId, 0)).toBe(false);
  });

  it('takes a new id when it creates its backlog, and continues any offset the backlog still holds', () => {
    const { state, host, chunks } = stateWith(64);
    const before = state.replicationId;
    state.startPropagating();
    expect(state.replicationId).not.toBe(before);
    host.propagator?.propagate(['SET', 'k', 'v']); // 27 bytes
    state.flushPropagation();
    expect(chunks).toEqual([[0, 27]]);
    expect(state.offset).toBe(27);
    expect(state.canContinue(state.replicationId, 0)).toBe(true);
    expect(state.canContinue(state.replicationId, 27)).toBe(true);
    expect(state.canContinue(state.replicationId, 28)).toBe(false); // beyond the end
    expect(state.canContinue(before, 0)).toBe(false); // another history
    for (let i = 0; i < 3; i++) host.propagator?.propagate(['SET', 'k', 'v']);
    state.flushPropagation();
    expect(state.offset).toBe(108);
    expect(state.canContinue(state.replicationId, 27)).toBe(false); // fell out of the 64-byte ring
    expect(state.canContinue(state.replicationId, 44)).toBe(true);
  });

  it('keeps its old id as replid2 up to its offset when promoted (PSYNC2)', () => {
    const { state } = stateWith(1024);
    state.adoptHistory('a'.repeat(40), 1000);
    state.applied(Buffer.alloc(100));
    state.shiftReplicationId();
    expect(state.replicationId2).toBe('a'.repeat(40));
    expect(state.secondReplOffset).toBe(1101);
    expect(state.canContinue('a'.repeat(40), 1100)).toBe(true);
    expect(state.canContinue('a'.repeat(40), 1050)).toBe(true);
    state.startPropagating(); // keeps the backlog: no new id
    state.propagate(['PING']);
    state.flushPropagation();
    expect(state.canContinue('a'.repeat(40), 1114)).toBe(false); // past where the old history ends
    expect(state.canContinue(state.replicationId, 1114)).toBe(true);
  });

  it('takes the master id on +CONTINUE and keeps its own as replid2 when they differ', () => {
    const { state } = stateWith();
    state.adoptHistory('a'.repeat(40), 50);
    state.continueHistory('a'.repeat(40));
    expect(state.replicationId2).toBe(NO_REPLICATION_ID);
    state.continueHistory('b'.repeat(40));
    expect([state.replicationId, state.replicationId2, state.secondReplOffset]).toEqual([
      'b'.repeat(40),
      'a'.repeat(40),
      51,
    ]);
  });

  it('frees its backlog and stops propagating, keeping the offset', () => {
    const { state, host } = stateWith();
    state.startPropagating();
    state.propagate(['PING']);
    state.freeBacklog();
    expect(host.propagator).toBeNull();
    expect(state.backlog).toBeNull();
    expect(state.offset).toBe(14);
    expect(host.db.deletionFeed).toBeNull();
  });
});
