// runAdminCommand: one entry for the configuration-changing CLUSTER subcommands, with Redis's refusals.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf } from '../../testing/fixtures.js';
import { EMPTY_KEYSPACE } from './command-outcome.js';
import { failoverMode, runAdminCommand } from './run-admin-command.js';

const MASTER_VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-99`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 100-200`,
];
const REPLICA_VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,slave ${id('b')} 0 0 2 connected`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 100-200`,
];
const WITH_KEYS = { keyCount: 3, countKeysInSlot: () => 3 };

describe('runAdminCommand', () => {
  it('dispatches by case-insensitive name to the subcommand transition', () => {
    const outcome = runAdminCommand(stateOf(MASTER_VIEW), ['AddSlots', '300'], fakeEnv(), EMPTY_KEYSPACE);
    if (outcome === null || !outcome.ok) throw new Error('ADDSLOTS refused');
    expect(outcome.state.slotOwners[300]).toBe(id('a'));
  });

  it('returns null for a subcommand that does not change the configuration', () => {
    expect(runAdminCommand(stateOf(MASTER_VIEW), ['NODES'], fakeEnv(), EMPTY_KEYSPACE)).toBeNull();
  });

  it('FLUSHSLOTS drops every slot of myself on an empty node and is refused with keys', () => {
    const flushed = runAdminCommand(stateOf(MASTER_VIEW), ['flushslots'], fakeEnv(), EMPTY_KEYSPACE);
    if (flushed === null || !flushed.ok) throw new Error('FLUSHSLOTS refused');
    expect(flushed.state.slotOwners.slice(0, 100).every((owner) => owner === null)).toBe(true);
    expect(flushed.state.slotOwners[100]).toBe(id('b'));
    const refused = runAdminCommand(stateOf(MASTER_VIEW), ['flushslots'], fakeEnv(), WITH_KEYS);
    expect(refused !== null && !refused.ok && refused.error.message).toBe(
      'ERR DB must be empty to perform CLUSTER FLUSHSLOTS.',
    );
  });

  it('SAVECONFIG asks for an fsynced save and changes nothing', () => {
    const state = stateOf(MASTER_VIEW);
    const outcome = runAdminCommand(state, ['saveconfig'], fakeEnv(), EMPTY_KEYSPACE);
    expect(outcome).toMatchObject({ ok: true, state, effects: [{ kind: 'save-config', fsync: true }] });
  });
});

describe('failoverMode', () => {
  it('refuses on a master, with a bad option, and without FORCE when the master link is down', () => {
    const text = (outcome: ReturnType<typeof failoverMode>): string =>
      typeof outcome === 'string' || outcome.ok ? 'accepted' : outcome.error.message;
    expect(text(failoverMode(stateOf(MASTER_VIEW), []))).toBe(
      'ERR You should send CLUSTER FAILOVER to a replica',
    );
    expect(text(failoverMode(stateOf(REPLICA_VIEW), ['soon']))).toBe('ERR syntax error');
    expect(text(failoverMode(stateOf(REPLICA_VIEW), ['force', 'x']))).toBe('ERR syntax error');
  });

  it('names the mode once the preconditions hold', () => {
    expect(failoverMode(stateOf(REPLICA_VIEW), ['FORCE'])).toBe('force');
    expect(failoverMode(stateOf(REPLICA_VIEW), ['takeover'])).toBe('takeover');
    expect(failoverMode(stateOf(REPLICA_VIEW), [])).toBe('default');
  });
});
