import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { crc16 } from './crc16.js';
import { keySlot, keySlotUtf8 } from './key-slot.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Slot of the whole key, ignoring hash tags. */
const wholeKeySlot = (key: string): number => crc16(latin1(key)) & 0x3fff;

/**
 * The hash-tag rule written a second, independent way (indexOf instead of loops), as the model for properties:
 * the bytes between the first `{` and the first `}` after it, if that is non-empty; else the whole key.
 */
function modelSlot(bytes: Buffer): number {
  const open = bytes.indexOf(0x7b);
  const close = open < 0 ? -1 : bytes.indexOf(0x7d, open + 1);
  const hashed = close > open + 1 ? bytes.subarray(open + 1, close) : bytes;
  return crc16(hashed) & 0x3fff;
}

/** Keys made mostly of braces, where the hash-tag rule has the most ways to go wrong. */
const braceHeavyKey = fc
  .array(fc.constantFrom('{', '}', '{}', 'a', 'b', '\x00', '\xff', '\r\n'), { maxLength: 16 })
  .map((parts) => parts.join(''));

describe('keySlot', () => {
  it.each([
    ['123456789', 12739],
    ['foo', 12182],
    ['bar', 5061],
    ['hello', 866],
    ['x', 16287],
    ['user1000', 3443],
    ['{user1000}.following', 3443],
  ])('maps the known vector %j to slot %i (redis-compat.md section 3)', (key, slot) => {
    expect(keySlot(key)).toBe(slot);
    expect(keySlot(latin1(key))).toBe(slot);
  });

  it('gives 0x31C3 & 16383 for the CRC16 check string "123456789"', () => {
    expect(keySlot('123456789')).toBe(0x31c3 & 0x3fff);
  });

  describe('hash tags', () => {
    it.each([
      ['{user1000}.following', 'user1000', 'hashes only the tag'],
      ['x{user1000}y', 'user1000', 'finds the tag anywhere in the key'],
      [
        'foo{}{bar}',
        'foo{}{bar}',
        'hashes the whole key when the first tag is empty, even if a later one is not',
      ],
      ['foo{{bar}}zap', '{bar', 'hashes from the first { to the first } after it'],
      ['foo{bar}{zap}', 'bar', 'uses only the first tag'],
      ['a{b}c{d}', 'b', 'uses only the first tag'],
      ['{}foo', '{}foo', 'hashes the whole key when it starts with an empty tag'],
      ['{a}', 'a', 'takes a one-byte tag'],
      ['{{}', '{', 'takes a { as a one-byte tag'],
      ['{{}}', '{', 'takes a { as a one-byte tag'],
      ['}{x}', 'x', 'ignores a } before the first {'],
      ['{}', '{}', 'hashes the whole key when there is no tag'],
      ['{', '{', 'hashes the whole key when there is no tag'],
      ['}', '}', 'hashes the whole key when there is no tag'],
      ['}{', '}{', 'hashes the whole key when there is no tag'],
      ['foo{bar', 'foo{bar', 'hashes the whole key when there is no tag'],
      ['foo}bar{', 'foo}bar{', 'hashes the whole key when there is no tag'],
    ])('maps %j like %j: it %s', (key, hashed) => {
      expect(keySlot(key)).toBe(wholeKeySlot(hashed));
      expect(keySlot(latin1(key))).toBe(wholeKeySlot(hashed));
    });

    it('puts keys that share a tag in the same slot', () => {
      expect(keySlot('{user1000}.followers')).toBe(keySlot('{user1000}.following'));
      expect(keySlot(latin1('{user1000}.followers'))).toBe(keySlot('user1000'));
    });

    it('gives the empty key slot 0, the CRC16 of no bytes', () => {
      expect(keySlot('')).toBe(0);
      expect(keySlot(new Uint8Array(0))).toBe(0);
    });
  });

  describe('binary keys', () => {
    it('hashes NUL, 0xff, CR and LF bytes like any other byte', () => {
      const key = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x00]);
      expect(keySlot(key)).toBe(crc16(key) & 0x3fff);
      expect(keySlot(key)).not.toBe(keySlot(Buffer.from([0x00, 0xff, 0x0d, 0x0a])));
    });

    it('finds { and } bytes among binary bytes', () => {
      const key = Buffer.from([0xff, 0x7b, 0x00, 0x01, 0x7d, 0xfe]);
      expect(keySlot(key)).toBe(keySlot(Buffer.from([0x00, 0x01])));
    });

    it('hashes only the view of a Buffer that is a slice of a larger one', () => {
      const pool = Buffer.from('garbage{user1000}.followinggarbage', 'latin1');
      expect(keySlot(pool.subarray(7, 27))).toBe(3443);
    });

    test.prop([fc.uint8Array({ maxLength: 64 })])('matches the hash-tag model on random bytes', (bytes) => {
      expect(keySlot(bytes)).toBe(modelSlot(Buffer.from(bytes)));
    });

    test.prop([braceHeavyKey])('matches the hash-tag model on brace-heavy keys', (key) => {
      expect(keySlot(latin1(key))).toBe(modelSlot(latin1(key)));
    });
  });

  describe('byte strings', () => {
    test.prop([fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) })])(
      'agrees with the Buffer form for latin1 byte strings',
      (key) => {
        expect(keySlot(key)).toBe(keySlot(latin1(key)));
      },
    );

    test.prop([braceHeavyKey])('agrees with the Buffer form for brace-heavy byte strings', (key) => {
      expect(keySlot(key)).toBe(keySlot(latin1(key)));
    });

    test.prop([fc.string({ unit: 'binary', maxLength: 40 })])(
      'treats a char above 0xff as its low byte, as Buffer.from(key, "latin1") does',
      (key) => {
        expect(keySlot(key)).toBe(keySlot(latin1(key)));
      },
    );

    test.prop([fc.oneof(fc.string({ unit: 'binary' }), braceHeavyKey)])(
      'always returns a slot in 0..16383',
      (key) => {
        const slot = keySlot(key);
        expect(Number.isInteger(slot) && slot >= 0 && slot <= 16383).toBe(true);
      },
    );
  });
});

describe('keySlotUtf8', () => {
  it.each(['héllo', '日本語', 'emoji😀', '{ключ}.x', 'a{é}b'])('hashes the UTF-8 bytes of %j', (text) => {
    expect(keySlotUtf8(text)).toBe(keySlot(Buffer.from(text, 'utf8')));
  });

  it('applies the hash-tag rule to UTF-8 bytes, so a unicode tag groups keys', () => {
    expect(keySlotUtf8('{ключ}.a')).toBe(keySlotUtf8('ключ'));
    expect(keySlotUtf8('{ключ}.a')).toBe(keySlotUtf8('{ключ}.b'));
  });

  it('gives the same slot as keySlot for ASCII text', () => {
    expect(keySlotUtf8('{user1000}.following')).toBe(3443);
    expect(keySlotUtf8('foo')).toBe(keySlot('foo'));
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 20 })])(
    'equals keySlot of the UTF-8 Buffer',
    (text) => {
      expect(keySlotUtf8(text)).toBe(keySlot(Buffer.from(text, 'utf8')));
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 20 })])(
    'encodes lone surrogates as U+FFFD, like Buffer.from(text, "utf8")',
    (text) => {
      expect(keySlotUtf8(text)).toBe(keySlot(Buffer.from(text, 'utf8')));
    },
  );
});
