import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDouble } from '../../util/parse-double.js';
import { parseScore } from './parse-score.js';

describe('parseScore', () => {
  it('agrees with parseDouble on every input, integers or not', () => {
    const text = fc.oneof(
      fc.integer().map(String),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
      fc.double().map(String),
      fc.stringMatching(/^-?[0-9]{0,17}$/),
      fc.constantFrom('', '-', '-0', '007', '+5', ' 1', '1 ', 'inf', '-inf', 'nan', '0x10', '1e5'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const reference = parseDouble(t);
        if (reference === null) expect(parseScore(t)).toBeNull();
        else expect(Object.is(parseScore(t), reference)).toBe(true);
      }),
    );
  });
});
