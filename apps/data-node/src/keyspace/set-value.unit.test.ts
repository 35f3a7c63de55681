import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SetValue } from './set-value.js';
import type { EncodingLimits } from './values.js';

const limits = (setMaxIntsetEntries: number): EncodingLimits => ({
  hashMaxListpackEntries: 128,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
});

type Op =
  { kind: 'add'; member: string } | { kind: 'delete'; member: string } | { kind: 'removeAt'; at: number };

const member = fc.constantFrom('a', 'b', 'c', '1', '2', '-3', '', '\u0000', '\u00ff');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), member }),
  fc.record({ kind: fc.constant('delete' as const), member }),
  fc.record({ kind: fc.constant('removeAt' as const), at: fc.nat() }),
);

describe('SetValue', () => {
  it('behaves like a Set and keeps its members at indexes 0..size-1 under any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const set = new SetValue();
        const model = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'add') {
            const isNew = !model.has(o.member);
            model.add(o.member);
            expect(set.add(o.member)).toBe(isNew);
          } else if (o.kind === 'delete') expect(set.delete(o.member)).toBe(model.delete(o.member));
          else if (model.size > 0) expect(model.delete(set.removeAt(o.at % set.size))).toBe(true);
        }
        expect(set.size).toBe(model.size);
        const byIndex = Array.from({ length: set.size }, (_, i) => set.at(i));
        expect(new Set(byIndex)).toEqual(model);
        expect(byIndex.length).toBe(model.size);
        for (const m of model) expect(set.has(m)).toBe(true);
        expect([...set.view()]).toEqual(byIndex);
      }),
    );
  });

  it('moves only the last member into the index a removal frees', () => {
    const set = SetValue.fromParts(['a', 'b', 'c', 'd']) as SetValue;
    set.delete('b');
    expect([...set.view()]).toEqual(['a', 'd', 'c']);
    set.removeAt(2);
    expect([...set.view()]).toEqual(['a', 'd']);
  });

  it('is an intset while every member ever added is an int64 and it never outgrew the limit', () => {
    const set = SetValue.fromParts(['1', '-2', '9223372036854775807', '-9223372036854775808']) as SetValue;
    expect(set.encoding(limits(512))).toBe('intset');
    expect(set.encoding(limits(3))).toBe('hashtable');
    for (const notInteger of ['01', '+1', '-0', '1.0', ' 1', '9223372036854775808']) {
      const other = SetValue.fromParts(['1', notInteger]) as SetValue;
      expect(other.encoding(limits(512)), notInteger).toBe('hashtable');
      other.delete(notInteger);
      expect(other.encoding(limits(512)), `${notInteger} removed`).toBe('hashtable');
    }
  });

  it('forgets its encoding history when asked, as SPOP rebuilding a set does', () => {
    const set = SetValue.fromParts(['a', ...Array.from({ length: 10 }, (_, i) => String(i))]) as SetValue;
    set.delete('a');
    expect(set.encoding(limits(512))).toBe('hashtable');
    set.resetEncodingHistory();
    expect(set.encoding(limits(512))).toBe('intset');
    expect(set.encoding(limits(9))).toBe('hashtable');
  });

  it('counts its bytes and gives them back when members leave', () => {
    const set = SetValue.fromParts(['a', 'b']) as SetValue;
    const before = set.bytes;
    set.add('x'.repeat(100));
    expect(set.bytes).toBeGreaterThanOrEqual(before + 100);
    set.delete('x'.repeat(100));
    expect(set.bytes).toBe(before);
  });

  it('clones deeply and round-trips through toParts and fromParts', () => {
    const set = SetValue.fromParts(['a', 'b', 'a']) as SetValue;
    expect(set.size).toBe(2);
    const copy = set.clone();
    copy.add('c');
    copy.delete('a');
    expect([...set.view()].sort()).toEqual(['a', 'b']);
    expect(SetValue.fromParts(set.toParts())?.toParts().sort()).toEqual(['a', 'b']);
    expect(SetValue.fromParts([])).toBeNull();
  });
});
