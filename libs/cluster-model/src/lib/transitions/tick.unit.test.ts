// The duty cycle: connects, PING scheduling, dead-link reconnects, and the bus link events.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf, nodeOf } from '../../testing/fixtures.js';
import type { ClusterState } from '../model/cluster-state.js';
import { effectsOf } from '../model/effects.js';
import { connectFailed, linkConnected, linkLost } from './link-events.js';
import { tick } from './tick.js';

const TIMEOUT = 1_000;
const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 0 disconnected`,
  `${id('c')} :0@0 noaddr - 0 0 0 disconnected`,
];

function connectedB(env: ReturnType<typeof fakeEnv>): ClusterState {
  return linkConnected(stateOf(VIEW, { nodeTimeout: TIMEOUT }), id('b'), env).state;
}

describe('tick', () => {
  it('asks to connect to every node without a link, except noaddr nodes', () => {
    const result = tick(stateOf(VIEW, { nodeTimeout: TIMEOUT }), fakeEnv());
    expect(effectsOf(result.effects, 'connect')).toEqual([{ kind: 'connect', nodeId: id('b') }]);
  });

  it('pings a connected node whose PONG is older than node-timeout/2, once', () => {
    const env = fakeEnv();
    let state = connectedB(env);
    state = {
      ...state,
      nodes: new Map(state.nodes).set(id('b'), {
        ...nodeOf(state, id('b')),
        pingSent: 0,
        pongReceived: env.clock.now(),
      }),
    };
    env.clock.advance(TIMEOUT / 2);
    expect(effectsOf(tick(state, env).effects, 'send-ping')).toEqual([]);
    env.clock.advance(1);
    const result = tick(state, env);
    expect(effectsOf(result.effects, 'send-ping')).toEqual([
      { kind: 'send-ping', nodeId: id('b'), meet: false },
    ]);
    expect(result.state.nodes.get(id('b'))?.pingSent).toBe(env.clock.now());
    expect(effectsOf(tick(result.state, env).effects, 'send-ping')).toEqual([]);
  });

  it('drops and reopens a link whose PING waits while nothing at all arrives', () => {
    const env = fakeEnv();
    const state = connectedB(env);
    env.clock.advance(TIMEOUT + 1);
    const result = tick(state, env);
    expect(effectsOf(result.effects, 'free-link')).toEqual([{ kind: 'free-link', nodeId: id('b') }]);
    expect(result.state.nodes.get(id('b'))).toMatchObject({
      link: 'disconnected',
      pingSent: state.nodes.get(id('b'))?.pingSent,
    });
    expect(effectsOf(tick(result.state, env).effects, 'connect')).toEqual([
      { kind: 'connect', nodeId: id('b') },
    ]);
  });

  it('PINGs a random node among five draws when asked (once a second in Redis)', () => {
    const env = fakeEnv();
    let state = connectedB(env);
    state = {
      ...state,
      nodes: new Map(state.nodes).set(id('b'), {
        ...nodeOf(state, id('b')),
        pingSent: 0,
        pongReceived: env.clock.now(),
      }),
    };
    expect(effectsOf(tick(state, env, { randomPing: false }).effects, 'send-ping')).toEqual([]);
    const pinged = effectsOf(tick(state, env, { randomPing: true }).effects, 'send-ping');
    expect(pinged).toEqual([{ kind: 'send-ping', nodeId: id('b'), meet: false }]);
  });
});

describe('link events', () => {
  it('sends a MEET first to a node met by CLUSTER MEET, without marking a PING pending', () => {
    const env = fakeEnv();
    const base = stateOf(VIEW, { nodeTimeout: TIMEOUT });
    const meeting = {
      ...base,
      nodes: new Map(base.nodes).set(id('b'), { ...nodeOf(base, id('b')), meetPending: true }),
    };
    const result = linkConnected(meeting, id('b'), env);
    expect(effectsOf(result.effects, 'send-ping')).toEqual([
      { kind: 'send-ping', nodeId: id('b'), meet: true },
    ]);
    expect(result.state.nodes.get(id('b'))).toMatchObject({
      link: 'connected',
      meetPending: false,
      pingSent: 0,
      linkSince: env.clock.now(),
    });
  });

  it('keeps the time of a pending PING across reconnects so a dead node still times out', () => {
    const env = fakeEnv();
    const first = connectFailed(stateOf(VIEW, { nodeTimeout: TIMEOUT }), id('b'), env).state;
    const pending = nodeOf(first, id('b')).pingSent;
    expect(pending).toBe(env.clock.now());
    env.clock.advance(300);
    const again = linkConnected(connectFailed(first, id('b'), env).state, id('b'), env).state;
    expect(again.nodes.get(id('b'))?.pingSent).toBe(pending);
    expect(linkLost(again, id('b'), env).state.nodes.get(id('b'))).toMatchObject({
      link: 'disconnected',
      pingSent: pending,
    });
  });

  it('refuses an unknown node with a typed error', () => {
    expect(() => linkConnected(stateOf(VIEW), id('f'), fakeEnv())).toThrow(
      expect.objectContaining({ code: 'RC_ERR_CLUSTER_MODEL_NODE_UNKNOWN' }),
    );
  });
});
