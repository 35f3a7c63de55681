import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_EPOCH, epochFromDecimal, epochToDecimal } from './epoch-decimal.js';
import { InvalidEpochError } from './errors.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('epochFromDecimal / epochToDecimal', () => {
  it('parses the decimal text Redis prints for epochs', () => {
    expect(epochFromDecimal('0')).toEqual({ value: 0n });
    expect(epochFromDecimal('42')).toEqual({ value: 42n });
    expect(epochFromDecimal('18446744073709551615')).toEqual({ value: MAX_EPOCH });
  });

  it('prints an epoch above 2^53 exactly', () => {
    expect(epochToDecimal({ value: 2n ** 53n + 1n })).toBe('9007199254740993');
  });

  test.prop([fc.bigInt({ min: 0n, max: MAX_EPOCH })])(
    'round-trips every uint64 through its text',
    (value) => {
      expect(epochFromDecimal(epochToDecimal({ value })).value).toBe(value);
    },
  );

  it.each(['', '-1', '+1', ' 1', '1 ', '01', '0x10', '1e3', '1.0', 'epoch', '18446744073709551616'])(
    'rejects %j with InvalidEpochError and code RC_ERR_PROTO_EPOCH_INVALID',
    (text) => {
      const error = thrownBy(() => epochFromDecimal(text));
      expect(error).toBeInstanceOf(InvalidEpochError);
      expect(error).toMatchObject({ name: 'InvalidEpochError', code: 'RC_ERR_PROTO_EPOCH_INVALID' });
    },
  );

  it('rejects a very long digit string without converting it and quotes only its start', () => {
    const text = '9'.repeat(1_000_000);
    expect(() => epochFromDecimal(text)).toThrow(/^epoch "9{32}" is not a decimal/);
  });
});
