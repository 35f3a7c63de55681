import { describe, expect, it } from 'vitest';
import { COLLECTION_FACTORIES } from '../../keyspace/collection-codecs.js';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

/** Commands that take the last elements of the list at 'k' (which holds a, a). */
const EMPTYING: string[][] = [
  ['RPOP', 'k', '2'],
  ['LPOP', 'k', '5'],
  ['LREM', 'k', '0', 'a'],
  ['LTRIM', 'k', '5', '10'],
  ['LMPOP', '1', 'k', 'RIGHT', 'COUNT', '2'],
  ['BLMPOP', '0', '1', 'k', 'LEFT', 'COUNT', '2'],
];

describe('list commands and the keyspace', () => {
  for (const command of EMPTYING) {
    it(`${command.join(' ')} deletes the key it empties and gives its memory back`, () => {
      const h = new CommandHarness();
      const before = h.state.db.usedBytes;
      h.run('RPUSH', 'k', 'a', 'a');
      expect(h.state.db.usedBytes).toBeGreaterThan(before);
      h.run(...command);
      expect(h.state.db.has('k')).toBe(false);
      expect(h.state.db.size).toBe(0);
      expect(h.state.db.usedBytes).toBe(before);
    });
  }

  it('moving the last element deletes the source and accounts the destination', () => {
    const h = new CommandHarness();
    const before = h.state.db.usedBytes;
    h.run('RPUSH', 'src', 'element');
    const oneList = h.state.db.usedBytes - before;
    expect(h.run('LMOVE', 'src', 'dst', 'LEFT', 'RIGHT')).toBe('element');
    expect(h.state.db.has('src')).toBe(false);
    expect(h.state.db.usedBytes - before).toBe(oneList - 'src'.length + 'dst'.length);
    h.run('RPOPLPUSH', 'dst', 'dst');
    expect(h.run('BRPOPLPUSH', 'dst', 'src', '0')).toBe('element');
    expect(h.state.db.usedBytes - before).toBe(oneList);
  });

  it('keeps the memory account in step with pushes, edits and pops', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'k', 'a');
    const small = h.state.db.usedBytes;
    h.run('LSET', 'k', '0', 'a'.repeat(1001));
    expect(h.state.db.usedBytes).toBe(small + 1000);
    h.run('LINSERT', 'k', 'BEFORE', 'a'.repeat(1001), 'b'.repeat(500));
    h.run('RPUSH', 'k', ...Array.from({ length: 100 }, () => 'c'));
    h.run('LREM', 'k', '0', 'c');
    h.run('LPOP', 'k');
    expect(h.state.db.usedBytes).toBe(small + 1000);
    h.run('LSET', 'k', '0', 'a');
    expect(h.state.db.usedBytes).toBe(small);
  });

  it('answers WRONGTYPE and leaves a string key untouched', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'value');
    const before = h.state.db.usedBytes;
    const wrongType = new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(h.run('LPUSH', 's', 'x')).toEqual(wrongType);
    expect(h.run('LMOVE', 's', 'd', 'LEFT', 'LEFT')).toEqual(wrongType);
    expect(h.run('GET', 's')).toBe('value');
    expect(h.state.db.usedBytes).toBe(before);
  });

  it('serves lists restored from their parts (the DUMP/RESTORE factory)', () => {
    const h = new CommandHarness();
    const list = COLLECTION_FACTORIES.list?.(['a', '', 'c']);
    expect(list).not.toBeNull();
    h.state.db.add('restored', list as NonNullable<typeof list>);
    expect(h.run('LRANGE', 'restored', '0', '-1')).toEqual(['a', '', 'c']);
    expect(COLLECTION_FACTORIES.list?.([])).toBeNull();
  });
});
