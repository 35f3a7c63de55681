import { describe, expect, it } from 'vitest';
import { formatOutputLimits, mergeOutputLimits, parseOutputLimits } from './output-limits.js';

const DEFAULT = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

describe('client-output-buffer-limit', () => {
  it('parses every class with memory units and renders it like CONFIG GET', () => {
    const limits = parseOutputLimits('normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60');
    expect(limits.replica).toEqual({ hard: 268435456, soft: 67108864, softSeconds: 60 });
    expect(formatOutputLimits(limits)).toBe(DEFAULT);
  });

  it('changes only the classes named, the last one of a class winning', () => {
    expect(formatOutputLimits(mergeOutputLimits(DEFAULT, 'normal 1 2 3 normal 4 5 6'))).toBe(
      'normal 4 5 6 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
    );
  });

  it("refuses malformed values with Redis's reasons, changing nothing", () => {
    expect(() => parseOutputLimits('')).toThrow('Wrong number of arguments in buffer limit configuration.');
    expect(() => parseOutputLimits('normal 1 2')).toThrow(
      'Wrong number of arguments in buffer limit configuration.',
    );
    expect(() => parseOutputLimits('master 1 2 3')).toThrow(
      'Invalid client class specified in buffer limit configuration.',
    );
    expect(() => parseOutputLimits('normal 1mb x 3')).toThrow(
      'Error in hard, soft or soft_seconds setting in buffer limit configuration.',
    );
    expect(() => parseOutputLimits('normal 1 2 -3')).toThrow(
      'Error in hard, soft or soft_seconds setting in buffer limit configuration.',
    );
    expect(() => mergeOutputLimits(DEFAULT, 'pubsub 1 1 1 normal 1 1')).toThrow('Wrong number of arguments');
  });
});
