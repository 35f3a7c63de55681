// Epochs: Redis Cluster's uint64 logical clocks (currentEpoch, configEpoch, lastVoteEpoch), held as bigint so
// values above 2^53 survive. Decimal text (CLUSTER NODES, nodes.conf, SET-CONFIG-EPOCH) is parsed strictly here.
// Pure: no I/O.

/** Largest epoch: 2^64 - 1. */
export const MAX_EPOCH = 0xffff_ffff_ffff_ffffn;

const UINT_DECIMAL = /^(?:0|[1-9][0-9]{0,19})$/;

/** True when `value` is a bigint in 0..2^64-1. */
export function isEpoch(value: unknown): value is bigint {
  return typeof value === 'bigint' && value >= 0n && value <= MAX_EPOCH;
}

/** Parses canonical decimal text (no sign, no leading zeros) into a uint64 epoch, or returns `null`. */
export function parseEpoch(text: string): bigint | null {
  if (!UINT_DECIMAL.test(text)) return null;
  const value = BigInt(text);
  return value <= MAX_EPOCH ? value : null;
}

/** The larger of two epochs. */
export function maxEpoch(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
