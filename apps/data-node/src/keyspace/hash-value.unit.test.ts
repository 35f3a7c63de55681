import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashValue } from './hash-value.js';
import type { EncodingLimits } from './values.js';

const DEFAULTS: EncodingLimits = {
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
};

type Op =
  | { kind: 'set'; field: string; value: string }
  | { kind: 'delete'; field: string }
  | { kind: 'fill'; count: number };

// Fields include bytes that also serve as lengths and tags inside the packed string, and a long one.
const field = fc.constantFrom(
  'a',
  'b',
  'f1',
  'f2',
  '',
  '\u0000',
  '\u0003ab',
  '\u00ff\u00fe',
  'x'.repeat(300),
);
const value = fc.oneof(
  fc.constantFrom('', '1', 'v', '\u0000\u0001\u0002', 'y'.repeat(255)),
  fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), field, value }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), field }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fill' as const), count: fc.nat({ max: 520 }) }) },
);

function apply(hash: HashValue, model: Map<string, string>, o: Op): void {
  if (o.kind === 'set') {
    expect(hash.set(o.field, o.value)).toBe(!model.has(o.field));
    model.set(o.field, o.value);
  } else if (o.kind === 'delete') {
    expect(hash.delete(o.field)).toBe(model.delete(o.field));
  } else {
    for (let i = 0; i < o.count; i++) {
      hash.set(`fill${i}`, `${i}`);
      model.set(`fill${i}`, `${i}`);
    }
  }
}

function entries(hash: HashValue): [string, string][] {
  const out: [string, string][] = [];
  for (let p = hash.first(); p !== -1; p = hash.next(p)) out.push([hash.fieldAt(p), hash.valueAt(p)]);
  return out;
}

describe('HashValue', () => {
  it('behaves like a Map under any sequence of sets and deletes, packed or dense', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const hash = new HashValue();
        const model = new Map<string, string>();
        for (const o of ops) apply(hash, model, o);
        expect(hash.size).toBe(model.size);
        for (const [f, v] of model) {
          expect(hash.get(f)).toBe(v);
          expect(hash.has(f)).toBe(true);
        }
        expect(hash.get('never-set')).toBeUndefined();
        const walked = entries(hash);
        if (hash.isPacked) expect(walked).toEqual([...model]);
        else expect(new Map(walked)).toEqual(model);
        expect(walked.length).toBe(model.size);
        const byIndex = Array.from({ length: hash.size }, (_, i) => hash.fieldAt(hash.positionOf(i)));
        expect(new Set(byIndex)).toEqual(new Set(model.keys()));
      }),
    );
  });

  it('keeps insertion order while packed, updates in place and deletes without reordering', () => {
    const hash = new HashValue();
    hash.set('c', '1');
    hash.set('a', '2');
    hash.set('b', '3');
    hash.set('a', 'updated');
    hash.delete('c');
    hash.set('c', '4');
    expect(hash.isPacked).toBe(true);
    expect(hash.toParts()).toEqual(['a', 'updated', 'b', '3', 'c', '4']);
  });

  it('becomes dense past 512 fields or with a field or value longer than 255 bytes, and stays dense', () => {
    const many = new HashValue();
    for (let i = 0; i < 512; i++) many.set(`f${i}`, 'v');
    expect(many.isPacked).toBe(true);
    many.set('one-more', 'v');
    expect(many.isPacked).toBe(false);
    many.delete('one-more');
    expect(many.isPacked).toBe(false);
    expect(many.size).toBe(512);

    const long = new HashValue();
    long.set('short', 'v'.repeat(255));
    expect(long.isPacked).toBe(true);
    long.set('long', 'v'.repeat(256));
    expect(long.isPacked).toBe(false);
    expect(long.get('short')).toBe('v'.repeat(255));
    expect(long.get('long')).toBe('v'.repeat(256));
  });

  it('reports listpack until it ever exceeds hash-max-listpack-entries or -value, then hashtable for good', () => {
    const hash = new HashValue();
    hash.set('f', 'v'.repeat(64));
    expect(hash.encoding(DEFAULTS)).toBe('listpack');
    hash.set('g', 'v'.repeat(65));
    expect(hash.encoding(DEFAULTS)).toBe('hashtable');
    hash.delete('g');
    expect(hash.encoding(DEFAULTS)).toBe('hashtable');

    const wide = new HashValue();
    for (let i = 0; i < 3; i++) wide.set(`f${i}`, 'v');
    expect(wide.encoding({ ...DEFAULTS, hashMaxListpackEntries: 3 })).toBe('listpack');
    expect(wide.encoding({ ...DEFAULTS, hashMaxListpackEntries: 2 })).toBe('hashtable');
  });

  it('counts its bytes: more content costs more, and removing it gives the bytes back', () => {
    for (const fields of [5, 600]) {
      const hash = new HashValue();
      for (let i = 0; i < fields; i++) hash.set(`f${i}`, 'v');
      const before = hash.bytes;
      hash.set('extra', 'x'.repeat(100));
      expect(hash.bytes).toBeGreaterThanOrEqual(before + 100);
      hash.delete('extra');
      expect(hash.bytes).toBe(before);
    }
  });

  it('clones deeply: changing the copy leaves the original alone', () => {
    for (const fields of [3, 600]) {
      const hash = new HashValue();
      for (let i = 0; i < fields; i++) hash.set(`f${i}`, `${i}`);
      const copy = hash.clone();
      copy.set('f0', 'changed');
      copy.delete('f1');
      copy.set('new', 'x');
      expect(hash.get('f0')).toBe('0');
      expect(hash.get('f1')).toBe('1');
      expect(hash.has('new')).toBe(false);
      expect(copy.size).toBe(fields);
      expect(copy.encoding(DEFAULTS)).toBe(hash.encoding(DEFAULTS));
    }
  });

  it('round-trips through toParts and fromParts, and refuses empty or odd parts', () => {
    const hash = HashValue.fromParts(['f', 'v', '\u0000', '\u00ff', 'g', '']) as HashValue;
    expect(HashValue.fromParts(hash.toParts())?.toParts()).toEqual(['f', 'v', '\u0000', '\u00ff', 'g', '']);
    expect([...hash.members()]).toEqual(['f', '\u0000', 'g']);
    expect(HashValue.fromParts([])).toBeNull();
    expect(HashValue.fromParts(['f'])).toBeNull();
  });
});
