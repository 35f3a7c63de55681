// Scenario on a simulated cluster (3 masters, 3 replicas, one fake clock): a master stops -> FAIL -> the
// coordinator's policy elects its replica with the masters' votes -> the replica serves the slots under a new
// configEpoch, cluster_state is ok again -> the old master comes back and is demoted to a replica of the new
// one by the newer configEpoch. Then races: two coordinators at once, the stale replica, nofailover, takeover.
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../../testing/sim-cluster.js';
import { clusterAddSlotsRange } from '../commands/cluster-addslots.js';
import { clusterMeet } from '../commands/cluster-meet.js';
import { clusterReplicate } from '../commands/cluster-replicate.js';
import { isFailed, isMaster, isReplica } from '../model/cluster-node.js';
import { eventsOf } from '../model/effects.js';
import { withOptions } from '../transitions/local-config.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';

const TIMEOUT = 1_000;
const MASTERS = ['a', 'b', 'c'];

/** a, b, c masters; d, e replicate a; f replicates c (so a has two replicas to rank). */
function formedCluster(options: { fReplicaNoFailover?: boolean } = {}): SimCluster {
  const sim = new SimCluster({ nodeTimeout: TIMEOUT });
  const ranges = [
    ['0', '5460'],
    ['5461', '10922'],
    ['10923', '16383'],
  ];
  MASTERS.forEach((name, i) => {
    sim.add(name, 7000 + i);
    sim.command(name, (s) => clusterAddSlotsRange(s, ranges[i] as string[], false, sim.env));
  });
  ['d', 'e', 'f'].forEach((name, i) => sim.add(name, 7003 + i));
  for (const name of ['b', 'c', 'd', 'e', 'f']) {
    sim.command(name, (s) => clusterMeet(s, ['127.0.0.1', '7000'], sim.env));
  }
  sim.run(3_000);
  sim.command('d', (s) => clusterReplicate(s, [sim.id('a')], sim.env));
  sim.command('e', (s) => clusterReplicate(s, [sim.id('a')], sim.env));
  sim.command('f', (s) => clusterReplicate(s, [sim.id('c')], sim.env));
  if (options.fReplicaNoFailover) {
    const f = sim.node('f');
    const changed = withOptions(f.state, { replicaNoFailover: true }, sim.env);
    f.state = changed.state;
  }
  sim.run(3_000);
  return sim;
}

function runUntil(sim: SimCluster, done: () => boolean, limit = 20_000): number {
  for (let elapsed = 0; elapsed <= limit; elapsed += 100) {
    if (done()) return elapsed;
    sim.run(100);
  }
  throw new Error('condition never held');
}

function running(sim: SimCluster): string[] {
  return [...sim.nodes.values()].filter((n) => !n.stopped).map((n) => n.name);
}

/** Every running node sees `subject` FAIL. */
function failedEverywhere(sim: SimCluster, subject: string): boolean {
  return running(sim)
    .filter((name) => name !== subject)
    .every((name) => {
      const node = sim.node(name).state.nodes.get(sim.id(subject));
      return node !== undefined && isFailed(node);
    });
}

/** In every running node's view, each slot's owner is a master and no two masters claim the same slot. */
function oneMasterPerSlot(sim: SimCluster): void {
  for (const name of running(sim)) {
    const state = sim.node(name).state;
    const owners = new Set(state.slotOwners);
    for (const owner of owners) {
      if (owner === null) continue;
      expect(isMaster(state.nodes.get(owner) as never), `${name}: owner ${owner} is a master`).toBe(true);
    }
    let claimed = 0;
    for (const node of state.nodes.values()) if (isMaster(node)) claimed += node.slotCount;
    expect(claimed, `${name}: slots claimed once`).toBe(16384);
  }
}

describe('failover on a simulated cluster', () => {
  it('elects the failed master replica, restores cluster_state ok, and demotes the old master when it returns', () => {
    const sim = formedCluster();
    expect(running(sim).every((name) => sim.node(name).state.health === 'ok')).toBe(true);
    const epochBefore = sim.node('a').state.currentEpoch;

    sim.node('c').stopped = true;
    runUntil(sim, () => failedEverywhere(sim, 'c'));
    expect(sim.node('a').state.health).toBe('fail');

    const results = sim.coordinate();
    expect(results).toEqual([
      expect.objectContaining({ failedMasterId: sim.id('c'), candidate: 'f', won: true }),
    ]);
    expect(results[0]?.ballots.filter((b) => b.granted)).toHaveLength(2);
    const f = sim.node('f').state;
    const fNode = f.nodes.get(f.myselfId);
    expect(fNode && isMaster(fNode)).toBe(true);
    expect(fNode?.configEpoch).toBeGreaterThan(epochBefore);
    expect(f.slotOwners[10923]).toBe(f.myselfId);
    expect(eventsOf(sim.node('f').effects).map((e) => e.type)).toContain('failover-won');
    expect(eventsOf(sim.node('a').effects).map((e) => e.type)).toContain('vote-granted');

    // The PONG broadcast rebinds the slots everywhere: cluster_state ok again.
    runUntil(sim, () => running(sim).every((name) => sim.node(name).state.health === 'ok'));
    for (const name of running(sim)) {
      expect(sim.node(name).state.slotOwners[16383]).toBe(sim.id('f'));
    }

    // The old master returns with its stale claim: UPDATE -> it turns into f's replica.
    sim.node('c').stopped = false;
    runUntil(sim, () => {
      const c = sim.node('c').state;
      const me = c.nodes.get(c.myselfId);
      return me !== undefined && isReplica(me) && me.masterId === sim.id('f');
    });
    runUntil(sim, () =>
      running(sim).every((name) => {
        const view = sim.node(name).state.nodes.get(sim.id('c'));
        return view !== undefined && isReplica(view) && !isFailed(view);
      }),
    );
    oneMasterPerSlot(sim);
    const lines = renderClusterNodes(sim.node('a').state).split('\n');
    const fLine = lines.find((line) => line.startsWith(sim.id('f'))) as string;
    const cLine = lines.find((line) => line.startsWith(sim.id('c'))) as string;
    expect(fLine).toContain(' master - ');
    expect(cLine).toContain(`slave ${sim.id('f')}`);
    // A replica prints its master's epoch: both show the new configEpoch.
    expect(cLine.split(' ')[6]).toBe(fLine.split(' ')[6]);
    // current_epoch >= my_epoch everywhere (redis 03-failover-loop post-condition).
    for (const name of running(sim)) {
      const state = sim.node(name).state;
      for (const node of state.nodes.values()) expect(state.currentEpoch >= node.configEpoch).toBe(true);
    }
  });

  it('promotes once when two coordinators elect the same failure at the same time', () => {
    const sim = formedCluster();
    sim.node('c').stopped = true;
    runUntil(sim, () => failedEverywhere(sim, 'c'));
    // Coordinator 1 reaches a, coordinator 2 reaches b, both for f in the same epoch: the same vote is given
    // again to the other, each gets a majority, f takes over once (the second takeover is refused).
    const epoch = sim.node('a').state.currentEpoch + 1n;
    const one = sim.elect('f', { epoch, voters: ['a'] });
    expect(one.won).toBe(false);
    const two = sim.elect('f', { epoch, voters: ['b', 'a'] });
    expect(two).toMatchObject({ won: true, granted: ['a', 'b'] });
    expect(sim.promote('f', epoch)).toBe(false);
    const wins = eventsOf(sim.node('f').effects).filter((e) => e.type === 'failover-won');
    expect(wins).toHaveLength(1);
  });

  it('never gives two replicas of one master a majority within 2 x node-timeout', () => {
    const sim = formedCluster();
    sim.node('a').stopped = true;
    runUntil(sim, () => failedEverywhere(sim, 'a'));
    const epoch = sim.node('b').state.currentEpoch + 1n;
    // One coordinator reaches b for d, another reaches c for e; then each tries the other master.
    sim.elect('d', { epoch, voters: ['b'] });
    sim.elect('e', { epoch: epoch + 1n, voters: ['c'] });
    const d = sim.elect('d', { epoch: epoch + 2n, voters: ['c'] });
    const e = sim.elect('e', { epoch: epoch + 3n, voters: ['b'] });
    expect(d.denied).toEqual(['c']);
    expect(e.denied).toEqual(['b']);
    expect(d.won || e.won).toBe(false);
    // After the interval, a new election can succeed.
    sim.run(2 * TIMEOUT);
    expect(sim.elect('d').won).toBe(true);
  });

  it('picks the replica with the larger replication offset; the stale one loses', () => {
    const sim = formedCluster();
    sim.setOffset('d', 1000n);
    sim.setOffset('e', 5000n);
    sim.node('a').stopped = true;
    runUntil(sim, () => failedEverywhere(sim, 'a'));
    const [result] = sim.coordinate();
    expect(result).toMatchObject({ candidate: 'e', won: true });
    runUntil(sim, () => {
      const d = sim.node('d').state;
      return d.nodes.get(d.myselfId)?.masterId === sim.id('e');
    });
  });

  it('leaves a master failed when its only replica is nofailover', () => {
    const sim = formedCluster({ fReplicaNoFailover: true });
    sim.node('c').stopped = true;
    runUntil(sim, () => failedEverywhere(sim, 'c'));
    const [result] = sim.coordinate();
    expect(result).toMatchObject({ candidate: null, won: false });
    sim.run(3_000);
    expect(sim.node('a').state.health).toBe('fail');
  });

  it('takes over without votes (CLUSTER FAILOVER TAKEOVER) and spreads the new epoch to every node', () => {
    const sim = formedCluster();
    sim.node('a').stopped = true;
    sim.node('b').stopped = true;
    // Most masters are gone: no election can be won, only a takeover helps.
    expect(sim.takeover('f')).toBe(true);
    const f = sim.node('f').state;
    const epoch = f.nodes.get(f.myselfId)?.configEpoch ?? 0n;
    expect(epoch).toBe(f.currentEpoch);
    runUntil(sim, () =>
      running(sim).every((name) => sim.node(name).state.nodes.get(sim.id('f'))?.configEpoch === epoch),
    );
    for (const name of running(sim)) expect(sim.node(name).state.currentEpoch).toBeGreaterThanOrEqual(epoch);
    // c lost its slots to f and follows it.
    const c = sim.node('c').state;
    expect(c.nodes.get(c.myselfId)?.masterId).toBe(sim.id('f'));
  });
});

describe('takeover epochs', () => {
  it('always takes a new epoch, even when the replica kept the largest configEpoch from its master days', () => {
    const sim = formedCluster();
    const f = sim.node('f');
    const max = f.state.currentEpoch;
    const me = f.state.nodes.get(f.state.myselfId);
    if (!me) throw new Error('no myself');
    // f was a master with the largest epoch before it replicated c.
    f.state = { ...f.state, nodes: new Map(f.state.nodes).set(me.id, { ...me, configEpoch: max }) };
    expect(sim.takeover('f')).toBe(true);
    expect(sim.node('f').state.nodes.get(me.id)?.configEpoch).toBe(max + 1n);
  });
});

describe('replica migration', () => {
  function masterOfNode(sim: SimCluster, name: string): string | null {
    const state = sim.node(name).state;
    return state.nodes.get(state.myselfId)?.masterId ?? null;
  }

  it('moves one spare replica to a master left without replicas by a failover, after 5 s', () => {
    const sim = formedCluster();
    sim.node('c').stopped = true;
    runUntil(sim, () => failedEverywhere(sim, 'c'));
    expect(sim.coordinate()[0]).toMatchObject({ candidate: 'f', won: true });
    runUntil(sim, () => running(sim).every((name) => sim.node(name).state.health === 'ok'));
    // f serves slots with no replica; a has two (d, e): the one with the smaller id moves, after the delay.
    sim.run(4_000);
    expect([masterOfNode(sim, 'd'), masterOfNode(sim, 'e')]).toEqual([sim.id('a'), sim.id('a')]);
    const mover = sim.id('d') < sim.id('e') ? 'd' : 'e';
    const stayer = mover === 'd' ? 'e' : 'd';
    runUntil(sim, () => masterOfNode(sim, mover) === sim.id('f'), 5_000);
    expect(masterOfNode(sim, stayer)).toBe(sim.id('a'));
    expect(eventsOf(sim.node(mover).effects).map((e) => e.type)).toContain('replica-migrated');
    // Every node learns it; nobody else moves.
    runUntil(sim, () =>
      running(sim).every((name) => sim.node(name).state.nodes.get(sim.id(mover))?.masterId === sim.id('f')),
    );
    sim.run(6_000);
    expect(masterOfNode(sim, stayer)).toBe(sim.id('a'));
  });

  it('keeps the replicas home when the migration barrier would be crossed, or migration is off', () => {
    for (const options of [{ migrationBarrier: 2 }, { allowReplicaMigration: false }]) {
      const sim = formedCluster();
      for (const name of ['d', 'e']) {
        const node = sim.node(name);
        node.state = withOptions(node.state, options, sim.env).state;
      }
      sim.node('c').stopped = true;
      runUntil(sim, () => failedEverywhere(sim, 'c'));
      sim.coordinate();
      sim.run(12_000);
      expect([masterOfNode(sim, 'd'), masterOfNode(sim, 'e')]).toEqual([sim.id('a'), sim.id('a')]);
    }
  });
});
