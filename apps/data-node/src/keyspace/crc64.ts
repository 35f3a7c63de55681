// CRC-64/Jones as Redis computes it for DUMP payloads and RDB files (redis src/crc64.c): reflected
// polynomial 0xad93d23594c935a9, initial value 0, no final xor; check value of "123456789" is
// 0xe9c6d914c4b8d9ca. The 64-bit state is kept as two uint32 halves so the table-driven loop runs on
// small integers (no BigInt per byte). No I/O.

/** 0xad93d23594c935a9 bit-reversed, split in halves. */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (carry !== 0) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[n] = hi;
  TABLE_LO[n] = lo;
}

/** The CRC64 of `bytes[start, end)`, as [high 32 bits, low 32 bits]. */
export function crc64(bytes: Uint8Array, start = 0, end = bytes.length): [number, number] {
  let hi = 0;
  let lo = 0;
  for (let i = start; i < end; i++) {
    const index = (lo ^ (bytes[i] as number)) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ (TABLE_LO[index] as number);
    hi = (hi >>> 8) ^ (TABLE_HI[index] as number);
  }
  return [hi >>> 0, lo >>> 0];
}
