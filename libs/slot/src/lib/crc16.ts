// CRC16-CCITT in the XMODEM variant, exactly as Redis Cluster uses it (redis src/crc16.c):
// polynomial 0x1021, initial value 0x0000, no input or output reflection, no final xor.
// Spec: https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#appendix-a-crc16-reference-implementation-in-ansi-c
// Two entry points over one table: bytes, and byte strings (one byte per char, see key-slot.ts).
// Pure: no I/O, no allocation per call.

const TABLE: Uint16Array = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    table[i] = crc;
  }
  return table;
}

/**
 * CRC16/XMODEM of `bytes[start, end)`.
 * `"123456789"` gives 0x31C3.
 */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc = ((crc << 8) & 0xff00) ^ (TABLE[((crc >>> 8) ^ (bytes[i] as number)) & 0xff] as number);
  }
  return crc;
}

/**
 * CRC16/XMODEM of the byte string `text[start, end)`: each char is one byte (its code & 0xff, i.e. latin1),
 * so the result equals `crc16(Buffer.from(text, 'latin1'))` without allocating the Buffer.
 */
export function crc16ByteString(text: string, start = 0, end = text.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc = ((crc << 8) & 0xff00) ^ (TABLE[((crc >>> 8) ^ text.charCodeAt(i)) & 0xff] as number);
  }
  return crc;
}
