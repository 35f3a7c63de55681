import { describe, expect, it } from 'vitest';
import { COMMAND_KEY_SPECS, commandName, isReadOnlyCommand, keyPositions } from './command-keys.js';

describe('command key table', () => {
  it('finds the key positions of fixed, open-ended and stepped specs', () => {
    expect(keyPositions('get', ['GET', 'k'])).toEqual([1]);
    expect(keyPositions('del', ['DEL', 'a', 'b', 'c'])).toEqual([1, 2, 3]);
    expect(keyPositions('mset', ['MSET', 'a', '1', 'b', '2'])).toEqual([1, 3]);
    expect(keyPositions('lmove', ['LMOVE', 'a', 'b', 'LEFT', 'RIGHT'])).toEqual([1, 2]);
  });

  it('ignores caller positions that point at the name or past the end', () => {
    expect(keyPositions('x', ['X', 'a'], [0, 1, 5, 1.5])).toEqual([1]);
  });

  it('marks reads as read-only and writes or unknown commands as not', () => {
    expect(isReadOnlyCommand('get')).toBe(true);
    expect(isReadOnlyCommand('mget')).toBe(true);
    expect(isReadOnlyCommand('eval_ro')).toBe(true);
    expect(isReadOnlyCommand('set')).toBe(false);
    expect(isReadOnlyCommand('eval')).toBe(false);
    expect(isReadOnlyCommand('flushall')).toBe(false);
  });

  it('has well-formed specs only', () => {
    for (const [name, spec] of Object.entries(COMMAND_KEY_SPECS)) {
      expect(name).toBe(name.toLowerCase());
      expect(spec.first).toBeGreaterThanOrEqual(1);
      expect(spec.step).toBeGreaterThanOrEqual(1);
      expect(spec.last === -1 || spec.last >= spec.first).toBe(true);
    }
  });

  it('lowercases names given as text or bytes', () => {
    expect(commandName(['GeT'])).toBe('get');
    expect(commandName([Buffer.from('HGETALL')])).toBe('hgetall');
    expect(commandName([])).toBe('');
  });
});
