import fc from 'fast-check';
import { keySlot, keySlotUtf8 } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { normalizeArgs } from './normalize-args.js';

describe('normalizeArgs', () => {
  it('returns the same array when nothing needs converting', () => {
    const args = ['SET', 'key', Buffer.from('v')];
    expect(normalizeArgs(args, 'utf8')).toBe(args);
  });

  it('turns numbers into decimal text and non-ASCII text into UTF-8 Buffers', () => {
    expect(normalizeArgs(['EXPIRE', 'k', 10, 5n], 'utf8')).toEqual(['EXPIRE', 'k', '10', '5']);
    expect(normalizeArgs(['SET', 'ключ', 'é'], 'utf8')).toEqual([
      'SET',
      Buffer.from('ключ'),
      Buffer.from('é'),
    ]);
  });

  it('keeps byte strings as they are in latin1 mode', () => {
    expect(normalizeArgs(['SET', '\u00e9'], 'latin1')).toEqual(['SET', '\u00e9']);
  });

  it('hashes any text to the slot Redis computes from its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const [key] = normalizeArgs([text], 'utf8') as [string | Buffer];
        expect(keySlot(key)).toBe(keySlotUtf8(text));
      }),
    );
  });
});
