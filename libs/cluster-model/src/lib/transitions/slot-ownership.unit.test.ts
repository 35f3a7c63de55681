// Slot ownership by configEpoch: a newer claim takes slots, a stale claimant is told with an UPDATE, UPDATE
// messages rebind slots, imports are left alone, and a master that loses its last slot follows the winner.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, pingFrom, slotsOf, stateOf } from '../../testing/fixtures.js';
import { SimCluster } from '../../testing/sim-cluster.js';
import { clusterAddSlotsRange } from '../commands/cluster-addslots.js';
import { clusterMeet } from '../commands/cluster-meet.js';
import { clusterSetSlot } from '../commands/cluster-setslot.js';
import type { ClusterState } from '../model/cluster-state.js';
import { effectsOf, eventsOf, type MessageOutcome } from '../model/effects.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import { applyPingMessage } from './apply-ping.js';
import { applyUpdateMessage } from './apply-update.js';

// a is myself; b serves 0-100 under epoch 2, c serves 101-200 under epoch 3.
const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 1000-2000`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 0-100`,
  `${id('c')} 127.0.0.1:7002@17002 master - 0 0 3 connected 101-200`,
];

function applied(outcome: MessageOutcome): Extract<MessageOutcome, { ok: true }> {
  if (!outcome.ok) throw outcome.error;
  return outcome;
}

describe('slot ownership by configEpoch', () => {
  it('moves slots to a claim with a higher configEpoch', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const claim = pingFrom(state, id('c'), { configEpoch: 5n, slots: slotsOf([0, 50], [101, 200]) });
    const outcome = applied(applyPingMessage(state, claim, { direction: 'inbound' }, env));
    expect(outcome.state.slotOwners[0]).toBe(id('c'));
    expect(outcome.state.slotOwners[50]).toBe(id('c'));
    expect(outcome.state.slotOwners[51]).toBe(id('b'));
    expect(outcome.state.nodes.get(id('b'))?.slotCount).toBe(50);
    expect(outcome.state.nodes.get(id('c'))?.slotCount).toBe(151);
    expect(effectsOf(outcome.effects, 'save-config')).toEqual([{ kind: 'save-config', fsync: true }]);
    expect(effectsOf(outcome.effects, 'update-state')).toHaveLength(1);
    expect(effectsOf(outcome.effects, 'send-update')).toEqual([]);
  });

  it('keeps the slots and sends the stale claimant an UPDATE about the owner', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const stale = pingFrom(state, id('c'), { configEpoch: 1n, slots: slotsOf([0, 50], [101, 200]) });
    const outcome = applied(applyPingMessage(state, stale, { direction: 'inbound' }, env));
    expect(outcome.state.slotOwners[0]).toBe(id('b'));
    expect(effectsOf(outcome.effects, 'send-update')).toEqual([
      { kind: 'send-update', toId: id('c'), aboutId: id('b') },
    ]);
  });

  it('lets the owner win a tie: equal epochs do not move a slot', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const tie = pingFrom(state, id('c'), { configEpoch: 2n, slots: slotsOf([0, 0], [101, 200]) });
    expect(applied(applyPingMessage(state, tie, { direction: 'inbound' }, env)).state.slotOwners[0]).toBe(
      id('b'),
    );
  });

  it('assigns unassigned slots to any claimant', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const claim = pingFrom(state, id('c'), { configEpoch: 0n, slots: slotsOf([101, 200], [300, 310]) });
    const outcome = applied(applyPingMessage(state, claim, { direction: 'inbound' }, env));
    expect(outcome.state.slotOwners[305]).toBe(id('c'));
  });

  it('never rebinds a slot myself is importing', () => {
    const env = fakeEnv();
    const importing = stateOf([
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 1000-2000 [50-<-${id('b')}]`,
      ...VIEW.slice(1),
    ]);
    const claim = pingFrom(importing, id('c'), { configEpoch: 9n, slots: slotsOf([40, 60], [101, 200]) });
    const outcome = applied(applyPingMessage(importing, claim, { direction: 'inbound' }, env));
    expect(outcome.state.slotOwners[49]).toBe(id('c'));
    expect(outcome.state.slotOwners[50]).toBe(id('b'));
  });

  it('applies an UPDATE with a newer epoch and ignores a stale one', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const header = { sender: id('c'), currentEpoch: 9n, configEpoch: 3n };
    const update = applied(
      applyUpdateMessage(
        state,
        { ...header, nodeId: id('c'), nodeConfigEpoch: 8n, slots: slotsOf([0, 200]) },
        env,
      ),
    );
    expect(update.state.slotOwners[0]).toBe(id('c'));
    expect(update.state.nodes.get(id('c'))?.configEpoch).toBe(8n);
    expect(update.state.nodes.get(id('b'))?.slotCount).toBe(0);
    const stale = applied(
      applyUpdateMessage(
        state,
        { ...header, nodeId: id('c'), nodeConfigEpoch: 3n, slots: slotsOf([0, 200]) },
        env,
      ),
    );
    expect(stale.state.slotOwners[0]).toBe(id('b'));
  });

  it('turns myself into a replica of the winner when it takes my last slot', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const claim = pingFrom(state, id('b'), { configEpoch: 7n, slots: slotsOf([0, 100], [1000, 2000]) });
    const outcome = applied(applyPingMessage(state, claim, { direction: 'inbound' }, env));
    const me = outcome.state.nodes.get(id('a'));
    expect(me).toMatchObject({ flags: ['myself', 'replica'], masterId: id('b'), slotCount: 0 });
    expect(effectsOf(outcome.effects, 'broadcast-pong')).toHaveLength(1);
    expect(eventsOf(outcome.effects)).toContainEqual({
      type: 'role-changed',
      nodeId: id('a'),
      detail: { role: 'replica', masterId: id('b') },
    });
  });

  it('asks the data-node to drop keys of slots myself lost while staying a master', () => {
    const env = fakeEnv();
    const state: ClusterState = stateOf(VIEW);
    const claim = pingFrom(state, id('b'), { configEpoch: 7n, slots: slotsOf([0, 100], [1000, 1001]) });
    const outcome = applied(applyPingMessage(state, claim, { direction: 'inbound' }, env));
    expect(outcome.state.nodes.get(id('a'))?.flags).toEqual(['myself', 'master']);
    expect(effectsOf(outcome.effects, 'drop-slot-keys')).toEqual([
      { kind: 'drop-slot-keys', slots: [1000, 1001] },
    ]);
  });
});

describe('a manual slot migration in a running cluster', () => {
  it('ends with the importing node owning the slot under a bumped epoch, agreed by every node', () => {
    const sim = new SimCluster({ nodeTimeout: 1_000 });
    const ranges = [
      ['0', '5460'],
      ['5461', '10922'],
      ['10923', '16383'],
    ];
    ['a', 'b', 'c'].forEach((name, i) => {
      sim.add(name, 7000 + i);
      sim.command(name, (s) => clusterAddSlotsRange(s, ranges[i] as string[], false, sim.env));
    });
    sim.command('b', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    sim.command('c', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    sim.run(5_000);
    const a = sim.id('a');
    const b = sim.id('b');
    // redis-cli's order: target IMPORTING, source MIGRATING, (keys move), target NODE, source NODE.
    sim.command('b', (s) => clusterSetSlot(s, ['100', 'IMPORTING', a], sim.env));
    sim.command('a', (s) => clusterSetSlot(s, ['100', 'MIGRATING', b], sim.env));
    expect(renderClusterNodes(sim.node('a').state)).toContain(`[100->-${b}]`);
    expect(renderClusterNodes(sim.node('b').state)).toContain(`[100-<-${a}]`);
    const epochBefore = sim.node('b').state.currentEpoch;
    sim.command('b', (s) => clusterSetSlot(s, ['100', 'NODE', b], sim.env));
    expect(sim.node('b').state.nodes.get(b)?.configEpoch).toBe(epochBefore + 1n);
    sim.command('a', (s) => clusterSetSlot(s, ['100', 'NODE', b], sim.env));
    sim.run(2_000);
    for (const name of ['a', 'b', 'c']) {
      const state = sim.node(name).state;
      expect(state.slotOwners[100]).toBe(b);
      expect(state.slotOwners[99]).toBe(a);
      expect(renderClusterNodes(state)).not.toContain('[');
    }
  });
});
