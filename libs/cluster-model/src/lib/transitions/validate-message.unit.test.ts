// Validation before apply: every malformed field gives the typed error, and nothing random ever throws.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, pingFrom, stateOf } from '../../testing/fixtures.js';
import { ClusterModelError } from '../model/errors.js';
import { applyFailMessage } from './apply-fail.js';
import { applyPingMessage } from './apply-ping.js';
import { applyUpdateMessage } from './apply-update.js';
import type { PingMessage } from './messages.js';

const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-8000`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 8001-16383`,
];
const STATE = stateOf(VIEW);
const GOOD = pingFrom(STATE, id('b'));

describe('validatePingMessage through applyPingMessage', () => {
  it.each<[string, Partial<PingMessage> | Record<string, unknown>, string]>([
    ['an unknown type', { type: 'hello' }, 'type must be'],
    ['an upper-case sender', { sender: id('b').toUpperCase() }, 'sender must be 40 lowercase hex'],
    ['a negative epoch', { currentEpoch: -1n }, 'currentEpoch'],
    ['an epoch past 2^64-1', { configEpoch: 2n ** 64n }, 'configEpoch'],
    ['a number epoch', { configEpoch: 3 }, 'configEpoch'],
    ['a short slot bitmap', { slots: new Uint8Array(2047) }, 'slots must be a 2048-byte'],
    ['an unknown flag', { flags: ['master', 'boss'] }, 'unknown flag'],
    ['a bad offset', { replicationOffset: -5n }, 'replicationOffset'],
    ['a bad ip', { ip: '999.1.1.1' }, 'sender ip'],
    ['a port past 65535', { port: 65536 }, 'sender port'],
    ['a bad hostname', { hostname: 'bad host' }, 'hostname'],
    ['a bad shard id', { shardId: 'x' }, 'shardId'],
    ['a masterId naming the sender', { masterId: id('b') }, 'masterId names the sender'],
    [
      'a bad gossip id',
      { gossip: [{ id: 'x', ip: '', port: 1, busPort: 2, flags: [], pingSent: 0, pongReceived: 0 }] },
      'gossip[0].id',
    ],
    [
      'a bad gossip time',
      { gossip: [{ id: id('c'), ip: '', port: 1, busPort: 2, flags: [], pingSent: -1, pongReceived: 0 }] },
      'gossip[0].pingSent',
    ],
    ['a bad forgotten ttl', { forgotten: [{ id: id('c'), ttlMs: 1.5 }] }, 'forgotten[0].ttlMs'],
  ])('rejects %s with RC_ERR_CLUSTER_MODEL_MESSAGE_INVALID', (_what, change, fragment) => {
    const outcome = applyPingMessage(
      STATE,
      { ...GOOD, ...change } as PingMessage,
      { direction: 'inbound' },
      fakeEnv(),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ClusterModelError);
    expect(outcome.error.code).toBe('RC_ERR_CLUSTER_MODEL_MESSAGE_INVALID');
    expect(outcome.error.message).toContain(fragment);
  });

  it('bounds the gossip section', () => {
    const entry = {
      id: id('c'),
      ip: '127.0.0.1',
      port: 1,
      busPort: 2,
      flags: [],
      pingSent: 0,
      pongReceived: 0,
    };
    const outcome = applyPingMessage(
      STATE,
      { ...GOOD, gossip: new Array(2049).fill(entry) },
      { direction: 'inbound' },
      fakeEnv(),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'RC_ERR_CLUSTER_MODEL_MESSAGE_INVALID' } });
  });

  it('rejects FAIL and UPDATE messages with bad ids, epochs or bitmaps', () => {
    const env = fakeEnv();
    const header = { sender: id('b'), currentEpoch: 1n, configEpoch: 1n };
    expect(applyFailMessage(STATE, { ...header, failing: 'nope' }, env)).toMatchObject({ ok: false });
    expect(applyFailMessage(STATE, { ...header, currentEpoch: -1n, failing: id('a') }, env)).toMatchObject({
      ok: false,
    });
    expect(
      applyUpdateMessage(
        STATE,
        { ...header, nodeId: id('b'), nodeConfigEpoch: 5n, slots: new Uint8Array(3) },
        env,
      ),
    ).toMatchObject({ ok: false, error: { code: 'RC_ERR_CLUSTER_MODEL_MESSAGE_INVALID' } });
  });

  const anything = fc.anything({ withBigInt: true, withTypedArray: true, withNullPrototype: true });
  test.prop([fc.dictionary(fc.constantFrom(...Object.keys(GOOD)), anything)], { numRuns: 300 })(
    'never throws on random field values: applied or a typed error',
    (changes) => {
      const message = { ...GOOD, ...changes } as PingMessage;
      const outcome = applyPingMessage(STATE, message, { direction: 'inbound' }, fakeEnv());
      if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ClusterModelError);
      else expect(outcome.state.nodes.has(id('a'))).toBe(true);
    },
  );

  test.prop([anything, anything, anything], { numRuns: 200 })(
    'never throws on random FAIL and UPDATE shapes',
    (a, b, c) => {
      const env = fakeEnv();
      for (const outcome of [
        applyFailMessage(STATE, { sender: a, currentEpoch: b, configEpoch: c, failing: a } as never, env),
        applyUpdateMessage(
          STATE,
          {
            sender: id('b'),
            currentEpoch: 1n,
            configEpoch: 1n,
            nodeId: a,
            nodeConfigEpoch: b,
            slots: c,
          } as never,
          env,
        ),
        applyPingMessage(STATE, a as never, { direction: 'inbound' }, env),
      ]) {
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ClusterModelError);
      }
    },
  );
});
