// Scenario: a master stops answering (like SIGSTOP) -> PFAIL on each node that pings it -> FAIL once a
// majority of slot-owning masters report it -> FAIL broadcast -> it comes back -> FAIL cleared by Redis's rule.
// Then the rules one by one on hand-made states: reports only from masters, report validity, quorum, undo.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { gossipAbout, id, pingFrom, stateOf, nodeOf } from '../../testing/fixtures.js';
import { SimCluster } from '../../testing/sim-cluster.js';
import { clusterAddSlotsRange } from '../commands/cluster-addslots.js';
import { clusterMeet } from '../commands/cluster-meet.js';
import { isFailed, isTimedOut } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import { effectsOf, eventsOf, type MessageOutcome } from '../model/effects.js';
import { renderCountFailureReports } from '../render/render-node-queries.js';
import { applyFailMessage } from './apply-fail.js';
import { applyPingMessage } from './apply-ping.js';
import { tick } from './tick.js';

const TIMEOUT = 1_000;

function formedCluster(): SimCluster {
  const sim = new SimCluster({ nodeTimeout: TIMEOUT });
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
  return sim;
}

function flagsOf(sim: SimCluster, observer: string, subject: string): readonly string[] {
  return sim.node(observer).state.nodes.get(sim.id(subject))?.flags ?? [];
}

/** Runs 100 ms steps until `done` holds (at most `limit` ms); returns the ms it took. */
function runUntil(sim: SimCluster, done: () => boolean, limit = 20_000): number {
  for (let elapsed = 0; elapsed <= limit; elapsed += 100) {
    if (done()) return elapsed;
    sim.run(100);
  }
  throw new Error('condition never held');
}

function applied(outcome: MessageOutcome): ClusterState {
  if (!outcome.ok) throw outcome.error;
  return outcome.state;
}

describe('failure detection across a cluster', () => {
  it('goes PFAIL -> FAIL by majority -> broadcast -> cleared after the undo time once the master is back', () => {
    const sim = formedCluster();
    expect(sim.node('a').state.health).toBe('ok');
    sim.node('c').stopped = true;

    // Less than the node timeout: nobody suspects c yet.
    sim.run(TIMEOUT - 200);
    expect(flagsOf(sim, 'a', 'c')).toEqual(['master']);

    // PFAIL is a local opinion, reached by each node on its own once its PING stays unanswered.
    runUntil(sim, () => flagsOf(sim, 'a', 'c').includes('pfail') || flagsOf(sim, 'a', 'c').includes('fail'));
    runUntil(sim, () => isFailed(nodeOf(sim.node('a').state, sim.id('c'))));
    runUntil(sim, () => isFailed(nodeOf(sim.node('b').state, sim.id('c'))));

    const events = [...sim.node('a').effects, ...sim.node('b').effects];
    const cEvents = eventsOf(events).filter((e) => e.nodeId === sim.id('c'));
    expect(cEvents.map((e) => e.type)).toContain('pfail');
    expect(cEvents.map((e) => e.type)).toContain('fail');
    // The node that reached the quorum (one report from the other master, plus itself) broadcast the FAIL.
    const broadcasts = effectsOf(events, 'broadcast-fail');
    expect(broadcasts.length).toBeGreaterThan(0);
    expect(broadcasts.every((b) => b.nodeId === sim.id('c'))).toBe(true);
    // A master with slots is FAIL: full coverage is lost.
    expect(sim.node('a').state.health).toBe('fail');
    expect(sim.node('b').state.health).toBe('fail');

    // c comes back. a hears from c again but keeps FAIL until node-timeout * 2 after the fail time, because
    // c still serves slots (nobody failed it over).
    const failTime = nodeOf(sim.node('a').state, sim.id('c')).failTime;
    sim.node('c').stopped = false;
    runUntil(sim, () => nodeOf(sim.node('a').state, sim.id('c')).pongReceived > failTime);
    expect(sim.clock.now() - failTime).toBeLessThanOrEqual(2 * TIMEOUT);
    expect(isFailed(nodeOf(sim.node('a').state, sim.id('c')))).toBe(true);
    runUntil(sim, () => !isFailed(nodeOf(sim.node('a').state, sim.id('c'))));
    const cleared = eventsOf(sim.node('a').effects).filter((e) => e.type === 'fail-cleared');
    expect(cleared.map((e) => e.nodeId)).toEqual([sim.id('c')]);
    expect(sim.clock.now() - failTime).toBeGreaterThan(2 * TIMEOUT);
    runUntil(sim, () => sim.node('a').state.health === 'ok' && sim.node('b').state.health === 'ok');
    expect(flagsOf(sim, 'b', 'c')).toEqual(['master']);
  });
});

// a (myself, master), b and c masters with slots, e a replica of b, d a master without slots.
const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 5461-10922`,
  `${id('c')} 127.0.0.1:7002@17002 master - 0 0 3 connected 10923-16383`,
  `${id('e')} 127.0.0.1:7003@17003 slave ${id('b')} 0 0 2 connected`,
  `${id('d')} 127.0.0.1:7004@17004 master - 0 0 0 connected`,
];

/** a's view where c has not answered a PING for longer than the node timeout. */
function withCTimedOut(env: ReturnType<typeof fakeEnv>): ClusterState {
  let state = stateOf(VIEW, { nodeTimeout: TIMEOUT }, 3n);
  state = { ...state, size: 3 };
  const c = nodeOf(state, id('c'));
  state = {
    ...state,
    nodes: new Map(state.nodes).set(id('c'), { ...c, pingSent: env.clock.now(), dataReceived: 1 }),
  };
  env.clock.advance(TIMEOUT + 1);
  return tick(state, env).state;
}

describe('failure detection rules', () => {
  it('flags PFAIL only after node-timeout without any data from a pinged node', () => {
    const env = fakeEnv();
    let state = stateOf(VIEW, { nodeTimeout: TIMEOUT }, 3n);
    const c = nodeOf(state, id('c'));
    state = { ...state, nodes: new Map(state.nodes).set(id('c'), { ...c, pingSent: env.clock.now() }) };
    env.clock.advance(TIMEOUT);
    expect(isTimedOut(nodeOf(tick(state, env).state, id('c')))).toBe(false);
    env.clock.advance(1);
    const result = tick(state, env);
    expect(nodeOf(result.state, id('c')).flags).toEqual(['master', 'pfail']);
    expect(eventsOf(result.effects)).toContainEqual({
      type: 'pfail',
      nodeId: id('c'),
      detail: { silentForMs: TIMEOUT + 1 },
    });
    expect(effectsOf(result.effects, 'update-state')).toHaveLength(1);
  });

  it('takes failure reports only from masters (a replica gossiping PFAIL is not a report)', () => {
    const env = fakeEnv();
    let state = withCTimedOut(env);
    const fromReplica = pingFrom(state, id('e'), { gossip: [gossipAbout(state, id('c'), ['pfail'])] });
    state = applied(applyPingMessage(state, fromReplica, { direction: 'inbound' }, env));
    expect(nodeOf(state, id('c')).failureReports.size).toBe(0);
    expect(isFailed(nodeOf(state, id('c')))).toBe(false);
  });

  it('turns PFAIL into FAIL when reports plus myself reach size/2+1, and broadcasts FAIL', () => {
    const env = fakeEnv();
    let state = withCTimedOut(env);
    const fromB = pingFrom(state, id('b'), { gossip: [gossipAbout(state, id('c'), ['pfail'])] });
    const outcome = applyPingMessage(state, fromB, { direction: 'inbound' }, env);
    state = applied(outcome);
    // size 3 -> quorum 2: b's report + a itself (a master).
    expect(nodeOf(state, id('c')).flags).toEqual(['master', 'fail']);
    expect(nodeOf(state, id('c')).failTime).toBe(env.clock.now());
    expect(outcome.ok && effectsOf(outcome.effects, 'broadcast-fail')).toEqual([
      { kind: 'broadcast-fail', nodeId: id('c') },
    ]);
    expect(renderCountFailureReports(state, id('c'), env.clock.now())).toEqual({ ok: true, count: 1 });
  });

  it('does not count myself when myself is a replica', () => {
    const env = fakeEnv();
    let state = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 master - 0 0 1 connected 0-5460`,
        `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 5461-10922`,
        `${id('c')} 127.0.0.1:7002@17002 master - 0 0 3 connected 10923-16383`,
        `${id('e')} 127.0.0.1:7003@17003 myself,slave ${id('b')} 0 0 2 connected`,
      ],
      { nodeTimeout: TIMEOUT },
    );
    state = { ...state, size: 3 };
    const c = nodeOf(state, id('c'));
    state = { ...state, nodes: new Map(state.nodes).set(id('c'), { ...c, pingSent: env.clock.now() }) };
    env.clock.advance(TIMEOUT + 1);
    state = tick(state, env).state;
    state = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { gossip: [gossipAbout(state, id('c'), ['pfail'])] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(nodeOf(state, id('c')).flags).toEqual(['master', 'pfail']);
    state = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('a'), { gossip: [gossipAbout(state, id('c'), ['fail'])] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(nodeOf(state, id('c')).flags).toEqual(['master', 'fail']);
  });

  it('forgets reports older than node-timeout * 2, and withdraws a report when the master sees the node up', () => {
    const env = fakeEnv();
    let state = withCTimedOut(env);
    state = { ...state, size: 5 }; // quorum 3: one report plus myself is not enough
    state = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { gossip: [gossipAbout(state, id('c'), ['pfail'])] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(renderCountFailureReports(state, id('c'), env.clock.now())).toEqual({ ok: true, count: 1 });
    env.clock.advance(2 * TIMEOUT + 1);
    expect(renderCountFailureReports(state, id('c'), env.clock.now())).toEqual({ ok: true, count: 0 });

    state = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { gossip: [gossipAbout(state, id('c'), ['pfail'])] }),
        { direction: 'inbound' },
        env,
      ),
    );
    state = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { gossip: [gossipAbout(state, id('c'), [])] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(nodeOf(state, id('c')).failureReports.size).toBe(0);
  });

  it('sets FAIL at once on a FAIL message from a known node, never about myself', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW, { nodeTimeout: TIMEOUT }, 3n);
    const header = { sender: id('b'), currentEpoch: 3n, configEpoch: 2n };
    const failed = applied(applyFailMessage(state, { ...header, failing: id('c') }, env));
    expect(nodeOf(failed, id('c')).flags).toEqual(['master', 'fail']);
    const aboutMe = applied(applyFailMessage(state, { ...header, failing: id('a') }, env));
    expect(nodeOf(aboutMe, id('a')).flags).toEqual(['myself', 'master']);
    const stranger = applyFailMessage(state, { ...header, sender: id('f'), failing: id('c') }, env);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'RC_ERR_CLUSTER_MODEL_SENDER_UNKNOWN' } });
  });

  it('clears FAIL of a replica and of a slotless master at the first PONG', () => {
    const env = fakeEnv();
    let state = stateOf(VIEW, { nodeTimeout: TIMEOUT }, 3n);
    for (const failing of [id('e'), id('d')]) {
      state = applied(
        applyFailMessage(state, { sender: id('b'), currentEpoch: 3n, configEpoch: 2n, failing }, env),
      );
    }
    env.clock.advance(10);
    for (const node of [id('e'), id('d')]) {
      const pong = pingFrom(state, node, { type: 'pong' });
      state = applied(applyPingMessage(state, pong, { direction: 'outbound', nodeId: node }, env));
      expect(isFailed(nodeOf(state, node))).toBe(false);
    }
  });

  it('clears FAIL of a master with slots only after node-timeout * 2', () => {
    const env = fakeEnv();
    let state = stateOf(VIEW, { nodeTimeout: TIMEOUT }, 3n);
    state = applied(
      applyFailMessage(state, { sender: id('b'), currentEpoch: 3n, configEpoch: 2n, failing: id('c') }, env),
    );
    env.clock.advance(2 * TIMEOUT);
    const pong = (): ClusterState =>
      applied(
        applyPingMessage(
          state,
          pingFrom(state, id('c'), { type: 'pong' }),
          { direction: 'outbound', nodeId: id('c') },
          env,
        ),
      );
    expect(isFailed(nodeOf(pong(), id('c')))).toBe(true);
    env.clock.advance(1);
    expect(isFailed(nodeOf(pong(), id('c')))).toBe(false);
  });
});
