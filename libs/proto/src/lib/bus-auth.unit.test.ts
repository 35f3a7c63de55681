import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  BUS_PROOF_FAILURES,
  BUS_PROOF_MAX_SKEW_MS,
  deriveBusKey,
  signBusReply,
  signBusRequest,
  verifyBusReply,
  verifyBusRequest,
  type BusKey,
} from './bus-auth.js';
import { InvalidBusSecretError } from './errors.js';
import { ReplayGuard } from './replay-guard.js';

const SECRET = 'correct horse battery staple, cluster A';
const KEY = deriveBusKey(SECRET);
const OTHER = deriveBusKey('a different cluster secret of some length');
const PING = '/tessera.cluster.v1.ClusterBusService/Ping';
const NOW = 1_767_225_600_000;
const PAYLOAD = Buffer.from('0a2a0a280a26', 'hex');

function signed(key: BusKey = KEY, payload: Uint8Array = PAYLOAD, nowMs = NOW) {
  return signBusRequest(key, { method: PING, payload }, { nowMs });
}

function reasonOf(check: ReturnType<typeof verifyBusRequest>): string {
  return check.ok ? 'ok' : check.reason;
}

describe('deriveBusKey', () => {
  it('derives the same key and id from the same secret, given as text or bytes', () => {
    const again = deriveBusKey(Buffer.from(SECRET, 'utf8'));
    expect(again.id).toBe(KEY.id);
    expect(again.material.equals(KEY.material)).toBe(true);
    expect(KEY.id).toMatch(/^[0-9a-f]{16}$/);
    expect(KEY.material).toHaveLength(32);
  });

  it('gives another secret another key id', () => {
    expect(OTHER.id).not.toBe(KEY.id);
  });

  it('refuses a secret shorter than 16 bytes with RC_ERR_PROTO_BUS_SECRET_INVALID naming the option', () => {
    expect(() => deriveBusKey('short')).toThrow(InvalidBusSecretError);
    expect(() => deriveBusKey('')).toThrow(/cluster-bus-secret/);
    let caught: unknown;
    try {
      deriveBusKey('fifteen bytes!!');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'InvalidBusSecretError', code: 'RC_ERR_PROTO_BUS_SECRET_INVALID' });
    expect(deriveBusKey('sixteen bytes!!!').id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('request proofs', () => {
  it('accepts a proof over the same method and bytes, and returns its key id and nonce', () => {
    const { proof, nonce } = signed();
    expect(proof).toMatch(/^v1\.[0-9a-f]{16}\.1767225600000\.[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);
    const check = verifyBusRequest([KEY], proof, { method: PING, payload: PAYLOAD }, { nowMs: NOW });
    expect(check).toEqual({ ok: true, keyId: KEY.id, nonce });
  });

  it('uses a new random nonce for every request', () => {
    expect(signed().nonce).not.toBe(signed().nonce);
  });

  it('refuses a tampered payload', () => {
    const { proof } = signed();
    const tampered = Buffer.from(PAYLOAD);
    tampered[2] = (tampered[2] ?? 0) ^ 0x01;
    expect(
      reasonOf(verifyBusRequest([KEY], proof, { method: PING, payload: tampered }, { nowMs: NOW })),
    ).toBe(BUS_PROOF_FAILURES.badMac);
  });

  test.prop([fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.nat(), fc.integer({ min: 1, max: 255 })])(
    'refuses any single-byte change of any payload',
    (payload, position, flip) => {
      const { proof } = signed(KEY, payload);
      const changed = Buffer.from(payload);
      const at = position % changed.length;
      changed[at] = (changed[at] ?? 0) ^ flip;
      expect(verifyBusRequest([KEY], proof, { method: PING, payload }, { nowMs: NOW }).ok).toBe(true);
      expect(
        reasonOf(verifyBusRequest([KEY], proof, { method: PING, payload: changed }, { nowMs: NOW })),
      ).toBe('bad-mac');
    },
  );

  it('refuses a proof made for another method (a Ping proof replayed on Fail)', () => {
    const { proof } = signed();
    const fail = '/tessera.cluster.v1.ClusterBusService/Fail';
    expect(reasonOf(verifyBusRequest([KEY], proof, { method: fail, payload: PAYLOAD }, { nowMs: NOW }))).toBe(
      'bad-mac',
    );
  });

  it('refuses a proof from another cluster secret as an unknown key', () => {
    const { proof } = signed(OTHER);
    expect(reasonOf(verifyBusRequest([KEY], proof, { method: PING, payload: PAYLOAD }, { nowMs: NOW }))).toBe(
      'unknown-key',
    );
  });

  it('refuses a proof whose key id is known but whose MAC was made with another secret', () => {
    const forged = signed({ id: KEY.id, material: OTHER.material }).proof;
    expect(
      reasonOf(verifyBusRequest([KEY], forged, { method: PING, payload: PAYLOAD }, { nowMs: NOW })),
    ).toBe('bad-mac');
  });

  it('refuses a changed timestamp, since the MAC covers it', () => {
    const { proof } = signed();
    const moved = proof.replace('.1767225600000.', '.1767225601000.');
    expect(reasonOf(verifyBusRequest([KEY], moved, { method: PING, payload: PAYLOAD }, { nowMs: NOW }))).toBe(
      'bad-mac',
    );
  });

  it('refuses an old timestamp (a request recorded more than 30 s ago) and one from the future', () => {
    const old = signed(KEY, PAYLOAD, NOW - BUS_PROOF_MAX_SKEW_MS - 1).proof;
    const future = signed(KEY, PAYLOAD, NOW + BUS_PROOF_MAX_SKEW_MS + 1).proof;
    const edge = signed(KEY, PAYLOAD, NOW - BUS_PROOF_MAX_SKEW_MS).proof;
    const content = { method: PING, payload: PAYLOAD };
    expect(reasonOf(verifyBusRequest([KEY], old, content, { nowMs: NOW }))).toBe('expired');
    expect(reasonOf(verifyBusRequest([KEY], future, content, { nowMs: NOW }))).toBe('expired');
    expect(reasonOf(verifyBusRequest([KEY], edge, content, { nowMs: NOW }))).toBe('ok');
    expect(reasonOf(verifyBusRequest([KEY], old, content, { nowMs: NOW, maxSkewMs: 60_000 }))).toBe('ok');
  });

  it('refuses the same request a second time within the window (replay)', () => {
    const guard = new ReplayGuard();
    const { proof } = signed();
    const content = { method: PING, payload: PAYLOAD };
    expect(reasonOf(verifyBusRequest([KEY], proof, content, { nowMs: NOW, replayGuard: guard }))).toBe('ok');
    expect(
      reasonOf(verifyBusRequest([KEY], proof, content, { nowMs: NOW + 5_000, replayGuard: guard })),
    ).toBe('replayed');
    // Once the guard has forgotten the nonce, the timestamp is out of the window anyway.
    expect(
      reasonOf(verifyBusRequest([KEY], proof, content, { nowMs: NOW + 60_001, replayGuard: guard })),
    ).toBe('expired');
  });

  it('does not let an unauthentic proof occupy the replay guard', () => {
    const guard = new ReplayGuard({ maxEntries: 1 });
    const { proof } = signed(OTHER);
    verifyBusRequest([KEY], proof, { method: PING, payload: PAYLOAD }, { nowMs: NOW, replayGuard: guard });
    expect(guard.size).toBe(0);
  });

  it('refuses new proofs while the replay guard is full', () => {
    const guard = new ReplayGuard({ maxEntries: 1 });
    const content = { method: PING, payload: PAYLOAD };
    expect(
      reasonOf(verifyBusRequest([KEY], signed().proof, content, { nowMs: NOW, replayGuard: guard })),
    ).toBe('ok');
    expect(
      reasonOf(verifyBusRequest([KEY], signed().proof, content, { nowMs: NOW, replayGuard: guard })),
    ).toBe('busy');
  });

  it('accepts old and new secrets during a rotation and reports which one signed', () => {
    const check = verifyBusRequest(
      [OTHER, KEY],
      signed(KEY).proof,
      { method: PING, payload: PAYLOAD },
      { nowMs: NOW },
    );
    expect(check).toMatchObject({ ok: true, keyId: KEY.id });
  });

  it.each([
    ['', 'missing'],
    ['v2.0123456789abcdef.1767225600000.0123456789abcdef0123456789abcdef.' + 'A'.repeat(43), 'malformed'],
    ['v1.0123456789ABCDEF.1767225600000.0123456789abcdef0123456789abcdef.' + 'A'.repeat(43), 'malformed'],
    ['v1.0123456789abcdef.-1.0123456789abcdef0123456789abcdef.' + 'A'.repeat(43), 'malformed'],
    ['v1.0123456789abcdef.01.0123456789abcdef0123456789abcdef.' + 'A'.repeat(43), 'malformed'],
    ['v1.0123456789abcdef.1767225600000.0123456789abcdef.' + 'A'.repeat(43), 'malformed'],
    [
      'v1.0123456789abcdef.1767225600000.0123456789abcdef0123456789abcdef.' + 'A'.repeat(42) + '=',
      'malformed',
    ],
    ['Bearer hunter2', 'malformed'],
    ['v1.' + 'a'.repeat(100_000), 'malformed'],
  ])('refuses the proof %j as %s', (proof, reason) => {
    expect(reasonOf(verifyBusRequest([KEY], proof, { method: PING, payload: PAYLOAD }, { nowMs: NOW }))).toBe(
      reason,
    );
  });

  it('treats an absent proof as missing', () => {
    expect(
      reasonOf(verifyBusRequest([KEY], undefined, { method: PING, payload: PAYLOAD }, { nowMs: NOW })),
    ).toBe('missing');
  });
});

describe('reply proofs', () => {
  const reply = Buffer.from('0a050a030a0131', 'hex');

  it('accepts a reply signed for the request it answers', () => {
    const { nonce } = signed();
    const proof = signBusReply(KEY, { method: PING, requestNonce: nonce, payload: reply });
    expect(verifyBusReply([KEY], proof, { method: PING, requestNonce: nonce, payload: reply })).toEqual({
      ok: true,
      keyId: KEY.id,
      nonce,
    });
  });

  it('refuses an old reply replayed as the answer to a new request (another nonce)', () => {
    const first = signed().nonce;
    const second = signed().nonce;
    const proof = signBusReply(KEY, { method: PING, requestNonce: first, payload: reply });
    const check = verifyBusReply([KEY], proof, { method: PING, requestNonce: second, payload: reply });
    expect(check.ok ? 'ok' : check.reason).toBe('bad-mac');
  });

  it('refuses a tampered reply, a reply from another secret and a missing proof', () => {
    const { nonce } = signed();
    const proof = signBusReply(KEY, { method: PING, requestNonce: nonce, payload: reply });
    const tampered = Buffer.concat([reply, Buffer.from([0])]);
    const outcomes = [
      verifyBusReply([KEY], proof, { method: PING, requestNonce: nonce, payload: tampered }),
      verifyBusReply([KEY], signBusReply(OTHER, { method: PING, requestNonce: nonce, payload: reply }), {
        method: PING,
        requestNonce: nonce,
        payload: reply,
      }),
      verifyBusReply([KEY], undefined, { method: PING, requestNonce: nonce, payload: reply }),
      verifyBusReply([KEY], 'v1.nothex', { method: PING, requestNonce: nonce, payload: reply }),
    ];
    expect(outcomes.map((check) => (check.ok ? 'ok' : check.reason))).toEqual([
      'bad-mac',
      'unknown-key',
      'missing',
      'malformed',
    ]);
  });
});
