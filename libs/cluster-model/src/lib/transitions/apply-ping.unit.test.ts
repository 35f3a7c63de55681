// PING/PONG/MEET processing details: handshakes, unknown senders, id mismatches, addresses, roles, extensions.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { gossipAbout, id, pingFrom, stateOf } from '../../testing/fixtures.js';
import { effectsOf, eventsOf, type MessageOutcome } from '../model/effects.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import { applyPingMessage } from './apply-ping.js';
import { buildPingMessage } from './build-messages.js';

const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-8000`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 8001-16383`,
  `${id('e')} 127.0.0.1:7004@17004 slave ${id('b')} 0 0 2 connected`,
];

function applied(outcome: MessageOutcome): Extract<MessageOutcome, { ok: true }> {
  if (!outcome.ok) throw outcome.error;
  return outcome;
}

describe('applyPingMessage', () => {
  it('answers a PING from a stranger with a PONG and learns nothing else', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const stranger = {
      ...pingFrom(state, id('b')),
      sender: id('f'),
      gossip: [gossipAbout(state, id('b'), ['fail'])],
    };
    const outcome = applied(applyPingMessage(state, stranger, { direction: 'inbound' }, env));
    expect(outcome.effects.map((e) => e.kind)).toEqual(['reply-pong', 'log']);
    expect(outcome.state.nodes).toEqual(state.nodes);
  });

  it('adds the sender of a MEET as a handshake node and learns myself address from the connection', () => {
    const env = fakeEnv();
    const fresh = stateOf([`${id('a')} :7000@17000 myself,master - 0 0 0 connected`]);
    const meet = { ...pingFrom(stateOf(VIEW), id('b')), type: 'meet' as const, ip: '10.0.0.2' };
    const outcome = applied(
      applyPingMessage(fresh, meet, { direction: 'inbound', localIp: '10.0.0.1' }, env),
    );
    const lines = renderClusterNodes(outcome.state).trimEnd().split('\n');
    expect(lines[0]).toBe(`${id('a')} 10.0.0.1:7000@17000 myself,master - 0 0 0 connected`);
    expect(lines[1]).toMatch(/^[0-9a-f]{40} 10\.0\.0\.2:7001@17001 handshake - 0 0 0 disconnected$/);
    expect(effectsOf(outcome.effects, 'reply-pong')).toHaveLength(1);
  });

  it('completes a handshake when the PONG on our link comes back, taking the real id and role', () => {
    const env = fakeEnv();
    const temp = id('9');
    const state = stateOf([VIEW[0] as string, `${temp} 127.0.0.1:7001@17001 handshake - 0 0 0 connected`]);
    const pong = { ...pingFrom(stateOf(VIEW), id('b')), type: 'pong' as const };
    const outcome = applied(applyPingMessage(state, pong, { direction: 'outbound', nodeId: temp }, env));
    expect(outcome.state.nodes.has(temp)).toBe(false);
    expect(outcome.state.nodes.get(id('b'))).toMatchObject({
      flags: ['master'],
      pongReceived: env.clock.now(),
      pingSent: 0,
    });
    expect(eventsOf(outcome.effects)).toContainEqual({
      type: 'handshake-completed',
      nodeId: id('b'),
      detail: { temporaryId: temp },
    });
  });

  it('drops a handshake node that turns out to be a node we know', () => {
    const env = fakeEnv();
    const temp = id('9');
    const state = stateOf([...VIEW, `${temp} 127.0.0.1:7001@17001 handshake - 0 0 0 connected`]);
    const pong = { ...pingFrom(state, id('b')), type: 'pong' as const };
    const outcome = applied(applyPingMessage(state, pong, { direction: 'outbound', nodeId: temp }, env));
    expect([...outcome.state.nodes.keys()]).toEqual([id('a'), id('b'), id('e')]);
  });

  it('marks a node noaddr when the PONG on its link comes from another id', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const pong = { ...pingFrom(state, id('e')), type: 'pong' as const };
    const outcome = applied(applyPingMessage(state, pong, { direction: 'outbound', nodeId: id('b') }, env));
    expect(outcome.state.nodes.get(id('b'))).toMatchObject({ ip: '', port: 0, flags: ['master', 'noaddr'] });
    expect(effectsOf(outcome.effects, 'free-link')).toEqual([{ kind: 'free-link', nodeId: id('b') }]);
  });

  it('takes a new address announced in a PING and drops the old link', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const outcome = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { ip: '10.9.9.9', port: 7101 }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(outcome.state.nodes.get(id('b'))).toMatchObject({
      ip: '10.9.9.9',
      port: 7101,
      link: 'disconnected',
    });
    expect(effectsOf(outcome.effects, 'free-link')).toHaveLength(1);
  });

  it('turns a master announcing a master id into a replica that no longer serves slots', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const outcome = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { masterId: id('a'), flags: ['replica'] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(outcome.state.nodes.get(id('b'))).toMatchObject({
      flags: ['replica'],
      masterId: id('a'),
      slotCount: 0,
    });
    expect(outcome.state.slotOwners[9000]).toBeNull();
    expect(outcome.state.nodes.get(id('b'))?.shardId).toBe(outcome.state.nodes.get(id('a'))?.shardId);
  });

  it('takes hostname and shard id from the extensions, clearing a hostname no longer sent', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const named = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { hostname: 'b.example', shardId: id('5') }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(named.state.nodes.get(id('b'))).toMatchObject({ hostname: 'b.example', shardId: id('5') });
    expect(named.state.nodes.get(id('e'))?.shardId).toBe(id('5'));
    const { hostname: _dropped, ...withoutHostname } = pingFrom(named.state, id('b'));
    const cleared = applied(applyPingMessage(named.state, withoutHostname, { direction: 'inbound' }, env));
    expect(cleared.state.nodes.get(id('b'))?.hostname).toBeUndefined();
  });

  it('takes a fresher pong time from gossip, but not one from the future', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const entry = (pongReceived: number) => ({ ...gossipAbout(state, id('e'), ['replica']), pongReceived });
    const fresh = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { gossip: [entry(env.clock.now() + 500)] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(fresh.state.nodes.get(id('e'))?.pongReceived).toBe(env.clock.now() + 500);
    const future = applied(
      applyPingMessage(
        state,
        pingFrom(state, id('b'), { gossip: [entry(env.clock.now() + 501)] }),
        { direction: 'inbound' },
        env,
      ),
    );
    expect(future.state.nodes.get(id('e'))?.pongReceived).toBe(0);
  });

  it('builds a PING whose header is myself, or its master for slots and configEpoch when a replica', () => {
    const env = fakeEnv();
    const replica = stateOf([
      `${id('e')} 127.0.0.1:7004@17004 myself,slave ${id('b')} 0 0 2 connected`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 8001-16383`,
      `${id('a')} 127.0.0.1:7000@17000 master,fail? - 0 0 1 connected 0-8000`,
    ]);
    const ping = buildPingMessage(replica, 'ping', env);
    expect(ping).toMatchObject({
      sender: id('e'),
      masterId: id('b'),
      configEpoch: 2n,
      port: 7004,
      busPort: 17004,
      ip: '',
    });
    expect(ping.slots[8001 >> 3]).not.toBe(0);
    // PFAIL nodes are always gossiped so failure reports spread.
    expect(ping.gossip.map((g) => g.id)).toContain(id('a'));
  });
});
