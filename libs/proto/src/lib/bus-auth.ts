// Proof of the shared cluster secret on every cluster-bus call (ClusterBusService, NodeAgentService,
// AgentAdminService; the scheme is described in proto/tessera/cluster/v1/bus.proto).
//
//   request metadata  x-tessera-proof: v1.<key id>.<unix ms>.<nonce>.<mac>
//     mac = HMAC-SHA256(key, "tessera-bus-request\n" + method path + "\n" + ms + "\n" + nonce + "\n"
//                            + request bytes)
//   reply header      x-tessera-proof: v1.<key id>.<mac>
//     mac = HMAC-SHA256(key, "tessera-bus-reply\n" + method path + "\n" + request nonce + "\n"
//                            + response bytes)
//
// key = HKDF-SHA256(secret, salt "tessera-cluster-bus", info "v1"), 32 bytes; key id = the first 8
// bytes of HMAC(key, "key-id") in hex, so the receiver picks the right key during a rotation
// without learning anything about the secret. nonce = 16 random bytes in hex; mac is base64url.
// The MAC covers the bytes as sent, never a re-encoding, so a newer peer's unknown fields do not
// break it. Binding the method path stops a proof being reused for another RPC; binding the request
// nonce into the reply stops an old reply (an old vote) being replayed as the answer to a new call.
// Pure apart from node:crypto: the caller passes the clock.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidBusSecretError } from './errors.js';
import { REPLAY_VERDICTS, type ReplayGuard } from './replay-guard.js';

/** The metadata key carrying the proof, on requests and in unary reply headers. */
export const BUS_PROOF_METADATA_KEY = 'x-tessera-proof';

/** Shortest secret accepted, in bytes (128 bits). */
export const BUS_SECRET_MIN_BYTES = 16;

/** Default largest difference between a request's timestamp and the receiver's clock, in ms. */
export const BUS_PROOF_MAX_SKEW_MS = 30_000;

const VERSION = 'v1';
const REQUEST_PROOF = /^v1\.([0-9a-f]{16})\.(0|[1-9][0-9]{0,15})\.([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;
const REPLY_PROOF = /^v1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;
// A proof is about 115 characters; anything much longer is not one (checked before the regex).
const MAX_PROOF_LENGTH = 160;

/** A key derived from the cluster secret. */
export interface BusKey {
  /** 16 hex characters naming the key in proofs. */
  readonly id: string;
  /** 32 bytes of HMAC key material. */
  readonly material: Buffer;
}

/** Why a proof was refused. */
export const BUS_PROOF_FAILURES = {
  /** No x-tessera-proof entry. */
  missing: 'missing',
  /** Not of the form v1.<key id>.<ms>.<nonce>.<mac> (or v1.<key id>.<mac> for a reply). */
  malformed: 'malformed',
  /** Signed with a key the receiver does not hold (another cluster, or a rotated-out secret). */
  unknownKey: 'unknown-key',
  /** The MAC does not match: tampered payload, other method, other nonce, or wrong secret. */
  badMac: 'bad-mac',
  /** The timestamp is more than the allowed skew away from the receiver's clock. */
  expired: 'expired',
  /** This nonce was already accepted within its lifetime. */
  replayed: 'replayed',
  /** The replay guard is full: refused rather than risk a replay. */
  busy: 'busy',
} as const;

export type BusProofFailure = (typeof BUS_PROOF_FAILURES)[keyof typeof BUS_PROOF_FAILURES];

/** The outcome of a proof check. */
export type BusProofCheck =
  | { readonly ok: true; readonly keyId: string; readonly nonce: string }
  | { readonly ok: false; readonly reason: BusProofFailure; readonly detail: string };

/** What a request proof covers. */
export interface BusRequestContent {
  /** The gRPC method path, e.g. `/tessera.cluster.v1.ClusterBusService/Ping`. */
  readonly method: string;
  /** The serialized request exactly as sent (empty for a streaming call's start). */
  readonly payload: Uint8Array;
}

/** What a reply proof covers. */
export interface BusReplyContent {
  /** The gRPC method path of the call. */
  readonly method: string;
  /** The nonce of the request this answers. */
  readonly requestNonce: string;
  /** The serialized response exactly as sent. */
  readonly payload: Uint8Array;
}

/**
 * Derives the HMAC key of a cluster secret.
 * @throws InvalidBusSecretError when the secret is shorter than BUS_SECRET_MIN_BYTES.
 */
export function deriveBusKey(secret: string | Uint8Array): BusKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (bytes.length < BUS_SECRET_MIN_BYTES) {
    throw new InvalidBusSecretError(
      `the cluster-bus secret has ${bytes.length} bytes; set cluster-bus-secret to at least ${BUS_SECRET_MIN_BYTES} random bytes`,
    );
  }
  const material = Buffer.from(hkdfSync('sha256', bytes, 'tessera-cluster-bus', 'v1', 32));
  const id = createHmac('sha256', material).update('key-id').digest('hex').slice(0, 16);
  return { id, material };
}

/** Signs a request: returns the metadata value and the nonce the reply proof will be bound to. */
export function signBusRequest(
  key: BusKey,
  content: BusRequestContent,
  options: { readonly nowMs: number; readonly nonce?: string },
): { readonly proof: string; readonly nonce: string } {
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const timestamp = String(Math.trunc(options.nowMs));
  const mac = requestMac(key, content, timestamp, nonce);
  return { proof: `${VERSION}.${key.id}.${timestamp}.${nonce}.${mac}`, nonce };
}

/**
 * Checks a request proof: form, key, MAC (constant time), timestamp within `maxSkewMs` of `nowMs`,
 * then, if a guard is given, that the nonce is new. Only an authentic proof reaches the guard.
 */
export function verifyBusRequest(
  keys: readonly BusKey[],
  proof: string | undefined,
  content: BusRequestContent,
  options: { readonly nowMs: number; readonly maxSkewMs?: number; readonly replayGuard?: ReplayGuard },
): BusProofCheck {
  if (proof === undefined || proof === '') return fail(BUS_PROOF_FAILURES.missing, 'no proof');
  const parts = proof.length <= MAX_PROOF_LENGTH ? REQUEST_PROOF.exec(proof) : null;
  if (parts === null) return fail(BUS_PROOF_FAILURES.malformed, 'not v1.<key id>.<ms>.<nonce>.<mac>');
  const [, keyId = '', timestamp = '', nonce = '', mac = ''] = parts;
  const key = keys.find((candidate) => candidate.id === keyId);
  if (key === undefined) return fail(BUS_PROOF_FAILURES.unknownKey, `key ${keyId} is not configured`);
  if (!sameMac(mac, requestMac(key, content, timestamp, nonce))) {
    return fail(BUS_PROOF_FAILURES.badMac, 'the MAC does not match the method and payload');
  }
  const skew = Number(timestamp) - options.nowMs;
  const maxSkewMs = options.maxSkewMs ?? BUS_PROOF_MAX_SKEW_MS;
  if (Math.abs(skew) > maxSkewMs) {
    return fail(BUS_PROOF_FAILURES.expired, `timestamp is ${skew} ms from this clock (max ${maxSkewMs})`);
  }
  const verdict = options.replayGuard?.remember(nonce, options.nowMs) ?? REPLAY_VERDICTS.fresh;
  if (verdict === REPLAY_VERDICTS.replayed) return fail(BUS_PROOF_FAILURES.replayed, 'nonce already used');
  if (verdict === REPLAY_VERDICTS.full) return fail(BUS_PROOF_FAILURES.busy, 'replay guard full');
  return { ok: true, keyId, nonce };
}

/** Signs a unary reply for the request whose nonce is `content.requestNonce`. */
export function signBusReply(key: BusKey, content: BusReplyContent): string {
  return `${VERSION}.${key.id}.${replyMac(key, content)}`;
}

/** Checks a unary reply's proof against the request it answers. */
export function verifyBusReply(
  keys: readonly BusKey[],
  proof: string | undefined,
  content: BusReplyContent,
): BusProofCheck {
  if (proof === undefined || proof === '') return fail(BUS_PROOF_FAILURES.missing, 'no proof');
  const parts = proof.length <= MAX_PROOF_LENGTH ? REPLY_PROOF.exec(proof) : null;
  if (parts === null) return fail(BUS_PROOF_FAILURES.malformed, 'not v1.<key id>.<mac>');
  const [, keyId = '', mac = ''] = parts;
  const key = keys.find((candidate) => candidate.id === keyId);
  if (key === undefined) return fail(BUS_PROOF_FAILURES.unknownKey, `key ${keyId} is not configured`);
  if (!sameMac(mac, replyMac(key, content))) {
    return fail(BUS_PROOF_FAILURES.badMac, 'the MAC does not match the request and response');
  }
  return { ok: true, keyId, nonce: content.requestNonce };
}

function requestMac(key: BusKey, content: BusRequestContent, timestamp: string, nonce: string): string {
  return createHmac('sha256', key.material)
    .update(`tessera-bus-request\n${content.method}\n${timestamp}\n${nonce}\n`)
    .update(content.payload)
    .digest('base64url');
}

function replyMac(key: BusKey, content: BusReplyContent): string {
  return createHmac('sha256', key.material)
    .update(`tessera-bus-reply\n${content.method}\n${content.requestNonce}\n`)
    .update(content.payload)
    .digest('base64url');
}

function sameMac(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function fail(reason: BusProofFailure, detail: string): BusProofCheck {
  return { ok: false, reason, detail };
}
