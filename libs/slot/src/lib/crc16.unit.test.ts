import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { crc16, crc16ByteString } from './crc16.js';

/** Bit-at-a-time CRC16/XMODEM, straight from the cluster spec's appendix A: the model for the table version. */
function referenceCrc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

describe('crc16', () => {
  it('matches the XMODEM check value for "123456789"', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });

  it('is 0 for no bytes, the XMODEM initial value', () => {
    expect(crc16(new Uint8Array(0))).toBe(0);
    expect(crc16ByteString('')).toBe(0);
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])('agrees with the bitwise reference algorithm', (bytes) => {
    expect(crc16(bytes)).toBe(referenceCrc16(bytes));
  });

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.nat(), fc.nat()])(
    'hashes only the [start, end) window it is given',
    (bytes, a, b) => {
      const start = Math.min(a, b) % (bytes.length + 1);
      const end = Math.max(start, Math.max(a, b) % (bytes.length + 1));
      expect(crc16(bytes, start, end)).toBe(referenceCrc16(bytes.slice(start, end)));
    },
  );
});

describe('crc16ByteString', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 100 })])(
    'equals crc16 of the latin1 bytes of any string (each char counts as charCode & 0xff)',
    (text) => {
      expect(crc16ByteString(text)).toBe(crc16(Buffer.from(text, 'latin1')));
    },
  );

  it('hashes only the [start, end) window it is given', () => {
    expect(crc16ByteString('xx123456789yy', 2, 11)).toBe(0x31c3);
  });
});
