import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListValue } from './list-value.js';

/** Operations applied to both a ListValue and a plain array model. */
type Op =
  | { kind: 'pushHead' | 'pushTail'; value: string }
  | { kind: 'popHead' | 'popTail' }
  | { kind: 'fill'; count: number }
  | { kind: 'set' | 'insert'; at: number; value: string }
  | { kind: 'removeEqual'; value: string; limit: number; fromTail: boolean }
  | { kind: 'keepRange'; start: number; length: number };

const element = fc.constantFrom('a', 'b', 'c', '', 'long-element-xxxxxxxxxxxxxxxx', '\u0000\u00ff');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('pushHead', 'pushTail'), value: element }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('popHead', 'popTail') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fill'), count: fc.nat({ max: 300 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('set', 'insert'), at: fc.nat(), value: element }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('removeEqual'),
      value: element,
      limit: fc.nat({ max: 3 }),
      fromTail: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('keepRange'), start: fc.nat(), length: fc.nat() }) },
) as fc.Arbitrary<Op>;

/** Applies `o` to the list and to the model; both must return the same thing. */
function apply(list: ListValue, model: string[], o: Op): void {
  switch (o.kind) {
    case 'pushHead':
      list.pushHead(o.value);
      model.unshift(o.value);
      return;
    case 'pushTail':
      list.pushTail(o.value);
      model.push(o.value);
      return;
    case 'fill':
      for (let i = 0; i < o.count; i++) list.pushTail(`f${i % 3}`);
      for (let i = 0; i < o.count; i++) model.push(`f${i % 3}`);
      return;
    case 'popHead':
      expect(list.popHead()).toBe(model.shift());
      return;
    case 'popTail':
      expect(list.popTail()).toBe(model.pop());
      return;
    case 'set':
      if (model.length === 0) return;
      list.set(o.at % model.length, o.value);
      model[o.at % model.length] = o.value;
      return;
    case 'insert':
      list.insert(o.at % (model.length + 1), o.value);
      model.splice(o.at % (model.length + 1), 0, o.value);
      return;
    case 'removeEqual': {
      const removed = list.removeEqual(o.value, o.limit, o.fromTail);
      let expected = 0;
      const order = o.fromTail ? [...model.keys()].reverse() : [...model.keys()];
      const drop = new Set<number>();
      for (const i of order) {
        if (model[i] === o.value && (o.limit === 0 || expected < o.limit)) {
          drop.add(i);
          expected++;
        }
      }
      expect(removed).toBe(expected);
      const kept = model.filter((_, i) => !drop.has(i));
      model.splice(0, model.length, ...kept);
      return;
    }
    case 'keepRange': {
      if (model.length === 0) return;
      const start = o.start % model.length;
      const end = Math.min(model.length - 1, start + o.length);
      list.keepRange(start, end);
      model.splice(0, model.length, ...model.slice(start, end + 1));
      return;
    }
  }
}

function bytesOf(model: readonly string[]): number {
  return model.reduce((sum, e) => sum + e.length, 0);
}

describe('ListValue', () => {
  it('behaves like an array under any sequence of pushes, pops and edits', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const list = new ListValue();
        const model: string[] = [];
        for (const o of ops) {
          apply(list, model, o);
          expect(list.size).toBe(model.length);
        }
        expect(list.toParts()).toEqual(model);
        expect([...list.members()]).toEqual(model);
        for (let i = 0; i < model.length; i++) expect(list.at(i)).toBe(model[i]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its byte estimate in step with its content, whatever path led there', () => {
    const emptyBytes = new ListValue().bytes;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const list = new ListValue();
        const model: string[] = [];
        for (const o of ops) apply(list, model, o);
        expect(list.bytes).toBeGreaterThanOrEqual(emptyBytes + bytesOf(model) + 16 * model.length);
        // Every mutator accounted exactly what it added or removed: draining returns to an empty list's cost.
        while (list.size > 0) list.popTail();
        expect(list.bytes).toBe(emptyBytes);
      }),
      { numRuns: 200 },
    );
  });

  it('returns its unused memory when emptied', () => {
    const list = new ListValue();
    const empty = list.bytes;
    for (let i = 0; i < 10_000; i++) list.pushTail(`element-${i}`);
    const full = list.bytes;
    while (list.size > 0) list.popHead();
    expect(full).toBeGreaterThan(empty + 10_000 * 16);
    expect(list.bytes).toBe(empty);
  });

  it('releases its slots at once when a trim or LREM leaves few elements', () => {
    const trimmed = new ListValue();
    const removed = new ListValue();
    for (let i = 0; i < 5000; i++) trimmed.pushTail('x');
    for (let i = 0; i < 5000; i++) removed.pushTail(i === 100 ? 'keep' : 'x');
    trimmed.keepRange(10, 10);
    expect(removed.removeEqual('x', 0, false)).toBe(4999);
    expect(trimmed.bytes).toBe(ListValue.fromParts(['x'])?.bytes);
    expect(removed.bytes).toBe(ListValue.fromParts(['keep'])?.bytes);
    expect(removed.toParts()).toEqual(['keep']);
  });

  it('rebuilds from its parts, and refuses to build an empty list', () => {
    const list = ListValue.fromParts(['a', '', '\u0000b']);
    expect(list?.toParts()).toEqual(['a', '', '\u0000b']);
    expect(ListValue.fromParts([])).toBeNull();
  });

  it('clones deeply: changing the copy leaves the original alone', () => {
    const list = ListValue.fromParts(['a', 'b', 'c']) as ListValue;
    const copy = list.clone();
    copy.popHead();
    copy.pushTail('d');
    copy.set(0, 'x');
    expect(list.toParts()).toEqual(['a', 'b', 'c']);
    expect(copy.toParts()).toEqual(['x', 'c', 'd']);
    expect(copy.bytes).toBe(list.bytes);
  });

  it('reports the quicklist encoding of Redis 7.0 lists', () => {
    expect(new ListValue().encoding()).toBe('quicklist');
    expect(new ListValue().kind).toBe('list');
  });
});
