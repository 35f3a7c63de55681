// Conversions between the `Epoch` message (uint64 as bigint, forceLong=bigint) and the decimal
// text Redis uses for epochs in CLUSTER NODES, CLUSTER INFO and nodes.conf. Pure: no I/O.
import { Epoch } from '../gen/tessera/common/v1/common.js';
import { InvalidEpochError } from './errors.js';

/** Largest value of a protobuf uint64. */
export const MAX_EPOCH = 2n ** 64n - 1n;

// Plain digits only: no sign, no spaces, no 0x, no exponent; at most 20 digits (MAX_EPOCH has 20),
// checked before BigInt() so a huge string costs nothing.
const DECIMAL_UINT64 = /^(0|[1-9][0-9]{0,19})$/;

/** Renders an epoch as Redis prints it: base-10 digits, e.g. `18446744073709551615`. */
export function epochToDecimal(epoch: Epoch): string {
  return epoch.value.toString(10);
}

/**
 * Parses Redis's decimal epoch text into an `Epoch` message.
 * @throws InvalidEpochError when `text` is not an integer in 0..2^64-1 written in plain digits.
 */
export function epochFromDecimal(text: string): Epoch {
  if (!DECIMAL_UINT64.test(text)) {
    throw new InvalidEpochError(
      `epoch ${JSON.stringify(text.slice(0, 32))} is not a decimal unsigned 64-bit integer (digits only, no sign or leading zeros)`,
    );
  }
  const value = BigInt(text);
  if (value > MAX_EPOCH) {
    throw new InvalidEpochError(`epoch ${text} is above the uint64 maximum ${MAX_EPOCH}`);
  }
  return { value };
}
