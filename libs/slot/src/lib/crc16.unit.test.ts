import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { crc16, crc16ByteString, crc16Step, crc16Utf8 } from './crc16.js';

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

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 })])(
    'continues a running CRC: crc16(a + b) = crc16(b) started from crc16(a)',
    (a, b) => {
      const joined = Buffer.concat([a, b]);
      expect(crc16(b, 0, b.length, crc16(a))).toBe(crc16(joined));
      expect(crc16(b, 0, b.length, crc16(a))).toBe(referenceCrc16(joined));
    },
  );
});

describe('crc16Step', () => {
  test.prop([fc.uint8Array({ maxLength: 32 })])('folds bytes one at a time into the same CRC', (bytes) => {
    expect(bytes.reduce<number>((crc, byte) => crc16Step(crc, byte), 0)).toBe(referenceCrc16(bytes));
  });
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

describe('crc16Utf8', () => {
  test.prop([fc.string({ unit: 'grapheme', maxLength: 30 })])(
    'equals crc16 of the UTF-8 bytes of any text',
    (text) => {
      expect(crc16Utf8(text)).toBe(referenceCrc16(Buffer.from(text, 'utf8')));
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 30 })])(
    'encodes lone surrogates as U+FFFD (EF BF BD), like Buffer.from(text, "utf8")',
    (text) => {
      expect(crc16Utf8(text)).toBe(referenceCrc16(Buffer.from(text, 'utf8')));
    },
  );

  it('encodes every UTF-8 length: 1, 2, 3 and 4 bytes', () => {
    for (const text of ['a', 'é', '€', '😀', 'a\u00e9\u20ac\ud83d\ude00', '\ud83d', '\ude00x']) {
      expect(crc16Utf8(text)).toBe(referenceCrc16(Buffer.from(text, 'utf8')));
    }
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), fc.nat()])(
    'hashes only the [start, end) window it is given',
    (text, a, b) => {
      const start = Math.min(a, b) % (text.length + 1);
      const end = Math.max(start, Math.max(a, b) % (text.length + 1));
      expect(crc16Utf8(text, start, end)).toBe(referenceCrc16(Buffer.from(text.slice(start, end), 'utf8')));
    },
  );
});
