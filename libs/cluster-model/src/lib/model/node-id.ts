// Node ids: 40 lowercase hex characters (160 random bits), as Redis's getRandomHexChars writes them and as
// redis-cli compares them (it lowercases user input, so upper-case ids would break --cluster-from/-to).
// Generation takes an injected random source; this file does no I/O and reads no global randomness.
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES, describeValue, quote } from './errors.js';
import type { RandomSource } from './env.js';

/** A node id or shard id: exactly 40 lowercase hex characters. */
export type NodeId = string;

/** Length of a node id (redis `CLUSTER_NAMELEN`). */
export const NODE_ID_LENGTH = 40;

const NODE_ID = /^[0-9a-f]{40}$/;

/** True when `value` is 40 lowercase hex characters. */
export function isNodeId(value: unknown): value is NodeId {
  return typeof value === 'string' && NODE_ID.test(value);
}

/** Throws `RC_ERR_CLUSTER_MODEL_NODE_ID_INVALID` unless `value` is a node id; `what` names it in the message. */
export function assertNodeId(value: unknown, what: string): asserts value is NodeId {
  if (!isNodeId(value)) {
    const shown = typeof value === 'string' ? quote(value) : typeof value;
    throw new ClusterModelError(
      CLUSTER_MODEL_ERROR_CODES.NODE_ID_INVALID,
      `${what} must be 40 lowercase hex characters, got ${shown}`,
    );
  }
}

/**
 * A new random node id (also used for shard ids and the temporary names of handshake nodes), built from five
 * uint32 draws of `random`. Throws `RC_ERR_CLUSTER_MODEL_RANDOM_SOURCE_INVALID` if a draw is not a uint32.
 */
export function generateNodeId(random: RandomSource): NodeId {
  let id = '';
  for (let i = 0; i < NODE_ID_LENGTH / 8; i++) {
    const word = random.uint32();
    if (!Number.isInteger(word) || word < 0 || word > 0xffff_ffff) {
      throw new ClusterModelError(
        CLUSTER_MODEL_ERROR_CODES.RANDOM_SOURCE_INVALID,
        `random.uint32() must return an integer in 0..4294967295, got ${describeValue(word)}`,
      );
    }
    id += word.toString(16).padStart(8, '0');
  }
  return id;
}
