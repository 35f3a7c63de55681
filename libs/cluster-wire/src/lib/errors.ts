// Typed errors of @tessera/cluster-wire: one class for every message or snapshot that cannot become a valid
// model value (bad node id, slot set, uint64 that does not fit, missing header, a model validator's refusal).
// Codes are in the RC_ERR_* catalogue of docs/conventions.md and never reused. Pure: no I/O, no logging.

/** Stable codes of {@link WireError}. Never rename or reuse one; add new ones at the end. */
export const WIRE_ERROR_CODES = {
  /** A protobuf message (bus message, slot set, TopologySnapshot) does not convert to a valid model value. */
  INVALID: 'RC_ERR_WIRE_INVALID',
} as const;

export type WireErrorCode = (typeof WIRE_ERROR_CODES)[keyof typeof WIRE_ERROR_CODES];

/**
 * A protobuf message that does not convert to (or from) a valid model value. The message names the field
 * (`Ping.header.sender`, `TopologySnapshot.nodes[2].slots`) and the rule it breaks; `cause` carries the
 * underlying error when there is one (a model validator's ClusterModelError, a SlotError).
 */
export class WireError extends Error {
  override readonly name = 'WireError';
  readonly code: WireErrorCode = WIRE_ERROR_CODES.INVALID;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * `error` as a WireError: itself if it already is one, else a WireError saying `what` failed, with `error` as
 * its cause. The decoders' one boundary helper, so hand-built or hostile inputs never escape as TypeError.
 */
export function asWireError(error: unknown, what: string): WireError {
  if (error instanceof WireError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new WireError(`${what}: ${detail}`, { cause: error });
}

/** Longest piece of bad input quoted back in a message, so huge garbage stays out of logs. */
const MAX_QUOTED = 60;

/** A bad value shown safely in a message (strings quoted and cut; never calls the value's own methods). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  return value === null ? 'null' : typeof value;
}

/**
 * Runs one conversion and lets only WireError out: anything else thrown inside (a TypeError from a hand-built
 * object, a SlotError) becomes a WireError saying `what` failed, with the original as `cause`.
 */
export function converting<T>(what: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    throw asWireError(error, `${what} failed`);
  }
}

/** Throws a model validator's refusal (`validatePingMessage` and friends) as a WireError with it as `cause`. */
export function throwIfRefused(refusal: Error | null): void {
  if (refusal !== null) throw new WireError(refusal.message, { cause: refusal });
}
