// Counting and finding bits in byte ranges (redis src/bitops.c redisPopcount, redisBitpos). Bit 0 is the
// most significant bit of the first byte. Pure functions over Buffers.

/** Number of set bits in each byte value. */
const BITS_IN_BYTE = new Uint8Array(256);
for (let i = 1; i < 256; i++) BITS_IN_BYTE[i] = (i & 1) + (BITS_IN_BYTE[i >> 1] as number);

/** Set bits in bytes[start, end). */
export function popcount(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  let i = start;
  // Four bytes at a time with the SWAR bit count, then byte by byte.
  for (; i + 4 <= end; i += 4) {
    let x =
      ((bytes[i] as number) << 24) |
      ((bytes[i + 1] as number) << 16) |
      ((bytes[i + 2] as number) << 8) |
      (bytes[i + 3] as number);
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    x = (x + (x >>> 4)) & 0x0f0f0f0f;
    count += Math.imul(x, 0x01010101) >>> 24;
  }
  for (; i < end; i++) count += BITS_IN_BYTE[bytes[i] as number] as number;
  return count;
}

/** Set bits in one byte value. */
export function bitsInByte(byte: number): number {
  return BITS_IN_BYTE[byte & 0xff] as number;
}

/**
 * Position, counted from the first bit of bytes[start], of the first bit equal to `bit` in
 * bytes[start, end); -1 when there is none. Whole bytes that cannot match are skipped at once.
 */
export function bitpos(bytes: Uint8Array, start: number, end: number, bit: 0 | 1): number {
  const skip = bit === 1 ? 0 : 0xff;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte !== skip) return (i - start) * 8 + bitInByte(byte, bit);
  }
  return -1;
}

/** Index (0 = most significant) of the first bit equal to `bit` in a byte, or -1. */
export function bitInByte(byte: number, bit: 0 | 1): number {
  const bits = bit === 1 ? byte & 0xff : ~byte & 0xff;
  return bits === 0 ? -1 : Math.clz32(bits) - 24;
}
