// CLUSTER FORGET and its 60 s blacklist: gossip cannot add the node back before it expires.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { gossipAbout, id, pingFrom, stateOf } from '../../testing/fixtures.js';
import { BLACKLIST_TTL_MS } from '../model/cluster-options.js';
import type { ClusterState } from '../model/cluster-state.js';
import { eventsOf } from '../model/effects.js';
import { applyPingMessage } from '../transitions/apply-ping.js';
import { buildPingMessage } from '../transitions/build-messages.js';
import { tick } from '../transitions/tick.js';
import { clusterForget } from './cluster-forget.js';

const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-8000`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 8001-16383`,
  `${id('c')} 127.0.0.1:7002@17002 master - 0 0 0 connected`,
];

function forgetC(env: ReturnType<typeof fakeEnv>): ClusterState {
  const outcome = clusterForget(stateOf(VIEW), [id('c')], env);
  if (!outcome.ok) throw outcome.error;
  return outcome.state;
}

/** b gossips about c (b still knows it). */
function gossipFromB(state: ClusterState, env: ReturnType<typeof fakeEnv>): ClusterState {
  const known = stateOf(VIEW);
  const outcome = applyPingMessage(
    state,
    pingFrom(state, id('b'), { gossip: [gossipAbout(known, id('c'), ['master'])] }),
    { direction: 'inbound' },
    env,
  );
  if (!outcome.ok) throw outcome.error;
  return outcome.state;
}

describe('CLUSTER FORGET', () => {
  it('removes the node and blacklists its id for 60 s', () => {
    const env = fakeEnv();
    const outcome = clusterForget(stateOf(VIEW), [id('c')], env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.reply).toEqual({ kind: 'ok' });
    expect(outcome.state.nodes.has(id('c'))).toBe(false);
    expect(outcome.state.blacklist.get(id('c'))).toBe(env.clock.now() + BLACKLIST_TTL_MS);
    expect(eventsOf(outcome.effects)).toContainEqual({
      type: 'node-removed',
      nodeId: id('c'),
      detail: { reason: 'CLUSTER FORGET' },
    });
  });

  it('keeps gossip from re-adding the node until the blacklist entry expires', () => {
    const env = fakeEnv();
    let state = forgetC(env);
    env.clock.advance(BLACKLIST_TTL_MS);
    state = gossipFromB(state, env);
    expect(state.nodes.has(id('c'))).toBe(false);
    env.clock.advance(1);
    state = gossipFromB(state, env);
    expect(state.nodes.get(id('c'))).toMatchObject({ flags: ['master'], ip: '127.0.0.1', port: 7002 });
  });

  it('drops expired entries on the next tick', () => {
    const env = fakeEnv();
    const state = forgetC(env);
    env.clock.advance(BLACKLIST_TTL_MS + 1);
    expect(tick(state, env).state.blacklist.size).toBe(0);
  });

  it('tells peers to forget the node too, with the remaining time', () => {
    const env = fakeEnv();
    const state = forgetC(env);
    env.clock.advance(10_000);
    expect(buildPingMessage(state, 'ping', env).forgotten).toEqual([
      { id: id('c'), ttlMs: BLACKLIST_TTL_MS - 10_000 },
    ]);
    // A peer receiving it forgets c for that long.
    const peer = stateOf([
      `${id('b')} 127.0.0.1:7001@17001 myself,master - 0 0 2 connected 8001-16383`,
      `${id('a')} 127.0.0.1:7000@17000 master - 0 0 1 connected 0-8000`,
      `${id('c')} 127.0.0.1:7002@17002 master - 0 0 0 connected`,
    ]);
    const outcome = applyPingMessage(
      peer,
      { ...buildPingMessage(state, 'ping', env), ip: '127.0.0.1' },
      { direction: 'inbound' },
      env,
    );
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.nodes.has(id('c'))).toBe(false);
    expect(outcome.state.blacklist.get(id('c'))).toBe(env.clock.now() + BLACKLIST_TTL_MS - 10_000);
  });

  it.each([
    ['an unknown id', ['0'.repeat(40)], `ERR Unknown node ${'0'.repeat(40)}`],
    ['myself', [id('a')], "ERR I tried hard but I can't forget myself..."],
  ])('refuses %s', (_what, args, text) => {
    const outcome = clusterForget(stateOf(VIEW), args, fakeEnv());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'ERR', message: text } });
  });

  it('answers OK for an id already forgotten (blacklisted, as after a gossiped FORGET) and refuses it once expired', () => {
    const env = fakeEnv();
    const forgotten = forgetC(env);
    const again = clusterForget(forgotten, [id('c')], env);
    expect(again).toMatchObject({ ok: true, reply: { kind: 'ok' }, state: forgotten, effects: [] });
    env.clock.advance(BLACKLIST_TTL_MS + 1);
    expect(clusterForget(forgotten, [id('c')], env)).toMatchObject({
      ok: false,
      error: { message: `ERR Unknown node ${id('c')}` },
    });
  });

  it("refuses a replica's own master", () => {
    const state = stateOf([
      `${id('a')} 127.0.0.1:7000@17000 myself,slave ${id('b')} 0 0 2 connected`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 0-16383`,
    ]);
    expect(clusterForget(state, [id('b')], fakeEnv())).toMatchObject({
      ok: false,
      error: { message: "ERR Can't forget my master!" },
    });
  });
});
