// CRC16-CCITT in the XMODEM variant, exactly as Redis Cluster uses it (redis src/crc16.c):
// polynomial 0x1021, initial value 0x0000, no input or output reflection, no final xor.
// Spec: https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#appendix-a-crc16-reference-implementation-in-ansi-c
// One algorithm over three inputs: bytes, byte strings (one byte per char) and text encoded as UTF-8 on the fly.
// Pure: no I/O, no allocation per call.

/** `TABLE[x]`: the CRC register after shifting the byte `x` through it (Redis's `crc16tab`). */
const TABLE: Uint16Array = buildTable();
/**
 * `TABLE2[x]`: the same for `x` followed by a zero byte, so two bytes can be folded in one step ("slicing by 2"):
 * because the CRC is linear over xor, `crc(b0, b1) = TABLE2[(crc >> 8) ^ b0] ^ TABLE[(crc & 0xff) ^ b1]`.
 * That halves the chain of dependent table lookups, which is what limits a byte-at-a-time CRC.
 */
const TABLE2: Uint16Array = TABLE.map((entry) => (TABLE[entry >>> 8] as number) ^ ((entry & 0xff) << 8));

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

/** Folds one byte (0..255) into a running CRC. */
export function crc16Step(crc: number, byte: number): number {
  return ((crc << 8) & 0xff00) ^ (TABLE[(crc >>> 8) ^ byte] as number);
}

/**
 * CRC16/XMODEM of `bytes[start, end)`; `"123456789"` gives 0x31C3.
 * `crc` is the CRC of whatever came before `start`, to continue a running CRC (0 starts fresh).
 */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) {
    crc =
      (TABLE2[(crc >>> 8) ^ (bytes[i] as number)] as number) ^
      (TABLE[(crc & 0xff) ^ (bytes[i + 1] as number)] as number);
  }
  return i < end ? crc16Step(crc, bytes[i] as number) : crc;
}

/**
 * CRC16/XMODEM of the byte string `text[start, end)`: each char is one byte (its code & 0xff, i.e. latin1),
 * so the result equals `crc16(Buffer.from(text, 'latin1'))` without allocating the Buffer.
 */
export function crc16ByteString(text: string, start = 0, end = text.length, crc = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) {
    crc =
      (TABLE2[(crc >>> 8) ^ (text.charCodeAt(i) & 0xff)] as number) ^
      (TABLE[(crc & 0xff) ^ (text.charCodeAt(i + 1) & 0xff)] as number);
  }
  return i < end ? crc16Step(crc, text.charCodeAt(i) & 0xff) : crc;
}

/**
 * CRC16/XMODEM of the UTF-8 encoding of `text[start, end)`, encoded on the fly: equals
 * `crc16(Buffer.from(text.slice(start, end), 'utf8'))`. A lone surrogate counts as U+FFFD, as in `TextEncoder`.
 */
export function crc16Utf8(text: string, start = 0, end = text.length, crc = 0): number {
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      crc = crc16Step(crc, code);
    } else if (code < 0x800) {
      crc = crc16Step(crc16Step(crc, 0xc0 | (code >> 6)), 0x80 | (code & 0x3f));
    } else if (isHighSurrogate(code) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      code = 0x10000 + ((code & 0x3ff) << 10) + (text.charCodeAt(++i) & 0x3ff);
      crc = crc16Step(crc16Step(crc, 0xf0 | (code >> 18)), 0x80 | ((code >> 12) & 0x3f));
      crc = crc16Step(crc16Step(crc, 0x80 | ((code >> 6) & 0x3f)), 0x80 | (code & 0x3f));
    } else {
      if (isHighSurrogate(code) || isLowSurrogate(code)) code = 0xfffd; // lone surrogate
      crc = crc16Step(crc16Step(crc, 0xe0 | (code >> 12)), 0x80 | ((code >> 6) & 0x3f));
      crc = crc16Step(crc, 0x80 | (code & 0x3f));
    }
  }
  return crc;
}

const isHighSurrogate = (code: number): boolean => (code & 0xfc00) === 0xd800;
const isLowSurrogate = (code: number): boolean => (code & 0xfc00) === 0xdc00;
