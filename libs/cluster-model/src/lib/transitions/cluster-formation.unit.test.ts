// Scenario: three masters form a cluster the way redis-cli --cluster create drives them (ADDSLOTSRANGE, MEET
// through the first node), with the model doing everything and a simulated bus on a fake clock.
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../testing/sim-cluster.js';
import { clusterAddSlotsRange } from '../commands/cluster-addslots.js';
import { clusterMeet } from '../commands/cluster-meet.js';
import { effectsOf, eventsOf } from '../model/effects.js';
import { renderClusterInfo } from '../render/render-cluster-info.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';

function threeMasters(): SimCluster {
  const sim = new SimCluster({ nodeTimeout: 1_000 });
  sim.add('a', 7000);
  sim.add('b', 7001);
  sim.add('c', 7002);
  sim.command('a', (s) => clusterAddSlotsRange(s, ['0', '5460'], false, sim.env));
  sim.command('b', (s) => clusterAddSlotsRange(s, ['5461', '10922'], false, sim.env));
  sim.command('c', (s) => clusterAddSlotsRange(s, ['10923', '16383'], false, sim.env));
  return sim;
}

describe('cluster formation', () => {
  it('turns a MEET into a handshake node, then into a known master with its real id', () => {
    const sim = threeMasters();
    sim.command('b', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    const handshake = [...sim.node('b').state.nodes.values()].find((n) => n.flags.includes('handshake'));
    expect(handshake).toMatchObject({ ip: '127.0.0.1', port: 7000, busPort: 17000, meetPending: true });
    expect(handshake?.id).not.toBe(sim.id('a'));
    expect(sim.view('b')).toEqual({ [handshake?.id as string]: 'handshake' });

    sim.run(100);
    expect(sim.view('b')).toEqual({ a: 'master' });
    expect(sim.node('b').state.nodes.has(handshake?.id as string)).toBe(false);
    expect(
      eventsOf(sim.node('b').effects).some(
        (e) => e.type === 'handshake-completed' && e.nodeId === sim.id('a'),
      ),
    ).toBe(true);
    // a added b as a handshake node when the MEET arrived; its next tick PINGs it and b's PONG completes it.
    expect(Object.values(sim.view('a'))).toEqual(['handshake']);
    sim.run(100);
    expect(sim.view('a')).toEqual({ b: 'master' });
  });

  it('spreads membership by gossip until every master knows every other one', () => {
    const sim = threeMasters();
    sim.command('b', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    sim.command('c', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    sim.run(3_000);
    expect(sim.view('a')).toEqual({ b: 'master', c: 'master' });
    expect(sim.view('b')).toEqual({ a: 'master', c: 'master' });
    expect(sim.view('c')).toEqual({ a: 'master', b: 'master' });
    // Every node prints every master's slots identically (redis-cli's "agree about slots configuration").
    const slotTokens = (name: string): string[] =>
      renderClusterNodes(sim.node(name).state)
        .trimEnd()
        .split('\n')
        .map((line) => `${line.split(' ')[0]} ${line.split(' ').slice(8).join(' ')}`)
        .sort();
    expect(slotTokens('b')).toEqual(slotTokens('a'));
    expect(slotTokens('c')).toEqual(slotTokens('a'));
  });

  it('ends with distinct configEpochs through collision resolution and cluster_state ok everywhere', () => {
    const sim = threeMasters();
    sim.command('b', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    sim.command('c', (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
    sim.run(5_000);
    const epochs = ['a', 'b', 'c'].map((name) => sim.node(name).state.nodes.get(sim.id(name))?.configEpoch);
    expect(new Set(epochs).size).toBe(3);
    const highest = [...sim.nodes.values()]
      .map((n) => n.state.myselfId)
      .sort()
      .at(-1);
    // The largest id never moves: it keeps epoch 0.
    expect(sim.node('a').state.nodes.get(highest as string)?.configEpoch).toBe(0n);
    for (const name of ['a', 'b', 'c']) {
      const state = sim.node(name).state;
      expect(state.health).toBe('ok');
      expect(renderClusterInfo(state)).toContain('cluster_state:ok\r\ncluster_slots_assigned:16384\r\n');
      expect(state.currentEpoch).toBe(2n);
      for (const [id, node] of sim.node('a').state.nodes) {
        expect(state.nodes.get(id)?.configEpoch).toBe(node.configEpoch);
      }
    }
  });

  it('drops a handshake with an address that never answers after the node timeout', () => {
    const sim = threeMasters();
    sim.command('a', (s) => clusterMeet(s, ['127.0.0.1', '7999'], sim.env));
    sim.run(1_000);
    expect(Object.values(sim.view('a'))).toEqual(['handshake']);
    sim.run(200);
    expect(sim.view('a')).toEqual({});
    expect(eventsOf(sim.node('a').effects).some((e) => e.type === 'node-removed')).toBe(true);
    expect(effectsOf(sim.node('a').effects, 'connect').length).toBeGreaterThan(0);
  });
});
