// Reading, writing and overflow-checking integer fields of 1..64 bits at any bit offset of a byte string
// (redis src/bitops.c getUnsignedBitfield, setUnsignedBitfield, checkUnsignedBitfieldOverflow,
// checkSignedBitfieldOverflow). Bit 0 is the most significant bit of the first byte; bytes past the end
// read as zero. Field values are BigInt; the overflow checks transcribe Redis's C, including its int64
// wrap-arounds, so edge cases answer exactly as redis-server does. Pure.

/** How INCRBY and SET treat a result that does not fit the field. */
export const Overflow = { WRAP: 'WRAP', SAT: 'SAT', FAIL: 'FAIL' } as const;
export type Overflow = (typeof Overflow)[keyof typeof Overflow];

/** Result of an overflow check: whether it overflowed, and the value to store when it did (WRAP, SAT). */
export interface FieldResult {
  overflow: boolean;
  value: bigint;
}

const u64 = (n: bigint): bigint => BigInt.asUintN(64, n);
const i64 = (n: bigint): bigint => BigInt.asIntN(64, n);

/** The unsigned field of `bits` bits at bit `offset`. */
export function getUnsigned(bytes: Uint8Array, offset: number, bits: number): bigint {
  // Two 32-bit halves as numbers: no BigInt work per bit.
  const split = bits > 32 ? bits - 32 : 0;
  let high = 0;
  let low = 0;
  for (let j = 0; j < bits; j++) {
    const at = offset + j;
    const byte = Math.floor(at / 8);
    const bit = byte < bytes.length ? ((bytes[byte] as number) >> (7 - (at - byte * 8))) & 1 : 0;
    if (j < split) high = high * 2 + bit;
    else low = low * 2 + bit;
  }
  return split === 0 ? BigInt(low) : (BigInt(high) << 32n) | BigInt(low);
}

/** The signed (two's complement) field of `bits` bits at bit `offset`. */
export function getSigned(bytes: Uint8Array, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsigned(bytes, offset, bits));
}

/** Writes the low `bits` bits of `value` (two's complement for negatives) at bit `offset`. */
export function setField(bytes: Uint8Array, offset: number, bits: number, value: bigint): void {
  const v = u64(value);
  const high = Number(v >> 32n);
  const low = Number(v & 0xffffffffn);
  for (let j = 0; j < bits; j++) {
    const k = bits - 1 - j;
    const bit = k >= 32 ? (high >>> (k - 32)) & 1 : (low >>> k) & 1;
    const at = offset + j;
    const byte = Math.floor(at / 8);
    const mask = 1 << (7 - (at - byte * 8));
    bytes[byte] = bit === 1 ? (bytes[byte] as number) | mask : (bytes[byte] as number) & ~mask;
  }
}

/**
 * checkUnsignedBitfieldOverflow: `value` is a uint64, `incr` an int64; `value` > max (SET of a value that
 * does not fit) or value + incr outside [0, max] overflows.
 */
export function checkUnsigned(value: bigint, incr: bigint, bits: number, mode: Overflow): FieldResult {
  const max = (1n << BigInt(bits)) - 1n;
  const maxIncr = i64(max - value);
  const minIncr = i64(-value);
  if (value > max || (incr > 0n && incr > maxIncr)) {
    return { overflow: true, value: mode === 'SAT' ? max : wrapUnsigned(value, incr, bits) };
  }
  if (incr < 0n && incr < minIncr) {
    return { overflow: true, value: mode === 'SAT' ? 0n : wrapUnsigned(value, incr, bits) };
  }
  return { overflow: false, value: u64(value + incr) };
}

/** checkSignedBitfieldOverflow: `value` and `incr` are int64; the result must fit `bits` signed bits. */
export function checkSigned(value: bigint, incr: bigint, bits: number, mode: Overflow): FieldResult {
  const max = bits === 64 ? (1n << 63n) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  // Redis computes these in 64 bits and uses them only where they cannot have wrapped; keep the wrap.
  const maxIncr = i64(u64(max) - u64(value));
  const minIncr = i64(min - value);
  if (value > max || (bits !== 64 && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr)) {
    return { overflow: true, value: mode === 'SAT' ? max : wrapSigned(value, incr, bits) };
  }
  if (value < min || (bits !== 64 && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr)) {
    return { overflow: true, value: mode === 'SAT' ? min : wrapSigned(value, incr, bits) };
  }
  return { overflow: false, value: value + incr };
}

function wrapUnsigned(value: bigint, incr: bigint, bits: number): bigint {
  return BigInt.asUintN(bits, value + incr);
}

function wrapSigned(value: bigint, incr: bigint, bits: number): bigint {
  return BigInt.asIntN(bits, value + incr);
}
