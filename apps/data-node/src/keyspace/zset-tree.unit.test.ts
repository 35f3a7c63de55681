import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZsetTree } from './zset-tree.js';

interface Pair {
  score: number;
  member: string;
}

/** The naive model: an array kept sorted by score, then member bytes. */
function byScoreThenMember(a: Pair, b: Pair): number {
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

type Op =
  | { kind: 'insert'; score: number; member: string }
  | { kind: 'remove'; at: number }
  | { kind: 'removeAbsent'; member: string }
  | { kind: 'fill'; count: number; score: number; rising: boolean }
  | { kind: 'drain'; from: number; count: number };

const score = fc.oneof(
  fc.constantFrom(0, -0, 1, 2.5, -3, Infinity, -Infinity, 1e300, -1e-300),
  fc.double({ noNaN: true }),
  fc.integer({ min: -50, max: 50 }),
);
const member = fc.oneof(
  fc.string({ maxLength: 6 }).map((s) => Buffer.from(s).toString('latin1')),
  fc.constantFrom('', 'a', 'b', 'aa', '\u0000', '\u00ff', 'z'),
);

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), score, member }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeAbsent' as const), member }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fill' as const),
      count: fc.nat({ max: 5000 }),
      score: fc.integer({ min: -5, max: 5 }),
      rising: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('drain' as const),
      from: fc.nat(),
      count: fc.nat({ max: 5000 }),
    }),
  },
);

let fillSerial = 0;

/** Applies `o` to the tree and the model (removals must agree on what was there). */
function apply(tree: ZsetTree, model: Pair[], o: Op): void {
  switch (o.kind) {
    case 'insert':
      if (model.some((p) => p.member === o.member)) return; // the tree's caller guarantees absence
      tree.insert(o.score, o.member);
      model.push({ score: o.score, member: o.member });
      model.sort(byScoreThenMember);
      return;
    case 'remove': {
      if (model.length === 0) return;
      const [gone] = model.splice(o.at % model.length, 1) as [Pair];
      expect(tree.remove(gone.score, gone.member)).toBe(true);
      return;
    }
    case 'removeAbsent':
      if (model.some((p) => p.member === o.member)) return;
      expect(tree.remove(0, o.member)).toBe(false);
      return;
    case 'fill':
      // Many pairs at once: rising scores take the append path, equal scores pile up in one run.
      for (let i = 0; i < o.count; i++) {
        const pair = { score: o.rising ? o.score + i : o.score, member: `fill${fillSerial++}` };
        tree.insert(pair.score, pair.member);
        model.push(pair);
      }
      model.sort(byScoreThenMember);
      return;
    case 'drain': {
      if (model.length === 0) return;
      const start = o.from % model.length;
      for (const gone of model.splice(start, o.count)) {
        expect(tree.remove(gone.score, gone.member)).toBe(true);
      }
      return;
    }
  }
}

/** Everything the tree answers must agree with the sorted model. */
function expectSameAs(tree: ZsetTree, model: readonly Pair[]): void {
  expect(tree.size).toBe(model.length);
  const forward: Pair[] = [];
  if (model.length !== 0) {
    const cursor = tree.cursor(0);
    while (cursor.leaf !== null) {
      forward.push({ score: cursor.score, member: cursor.member });
      cursor.next();
    }
  }
  expect(forward).toEqual(model);
  const backward: Pair[] = [];
  if (model.length !== 0) {
    const cursor = tree.cursor(model.length - 1);
    while (cursor.leaf !== null) {
      backward.push({ score: cursor.score, member: cursor.member });
      cursor.prev();
    }
  }
  expect(backward).toEqual([...model].reverse());
  const step = Math.max(1, Math.floor(model.length / 200));
  for (let i = 0; i < model.length; i += step) {
    const pair = model[i] as Pair;
    expect(tree.rank(pair.score, pair.member)).toBe(i);
    const at = tree.cursor(i);
    expect([at.score, at.member]).toEqual([pair.score, pair.member]);
  }
  const probes = new Set<number>([-Infinity, Infinity, 0, 0.5]);
  for (let i = 0; i < model.length; i += step) probes.add((model[i] as Pair).score);
  for (const probe of probes) {
    expect(tree.countScoresBelow(probe, false)).toBe(model.filter((p) => p.score < probe).length);
    expect(tree.countScoresBelow(probe, true)).toBe(model.filter((p) => p.score <= probe).length);
  }
  if (model.length !== 0) {
    expect(tree.head.members[0]).toBe(model[0]?.member);
    expect(tree.last.members[tree.last.members.length - 1]).toBe(model[model.length - 1]?.member);
  }
}

describe.each([64, 8])('ZsetTree with nodes %i wide', (width) => {
  it('keeps pairs ordered by score then member bytes, with ranks, cursors and score bounds like a sorted array', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const tree = new ZsetTree(width);
        const model: Pair[] = [];
        for (const o of ops) apply(tree, model, o);
        expectSameAs(tree, model);
      }),
      { numRuns: width === 64 ? 100 : 60 },
    );
  });

  it('counts members below a bound in byte order when every score is equal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(member, { maxLength: 400 }), member, (members, probe) => {
        const tree = new ZsetTree(width);
        for (const m of members) tree.insert(0, m);
        expect(tree.countMembersBelow(probe, false)).toBe(members.filter((m) => m < probe).length);
        expect(tree.countMembersBelow(probe, true)).toBe(members.filter((m) => m <= probe).length);
      }),
    );
  });

  it('stays consistent through a deep tree grown and emptied from both ends', () => {
    const tree = new ZsetTree(width);
    const model: Pair[] = [];
    for (let i = 0; i < 20_000; i++) {
      const pair = { score: (i * 7919) % 10_007, member: `m${i}` };
      tree.insert(pair.score, pair.member);
      model.push(pair);
    }
    model.sort(byScoreThenMember);
    expectSameAs(tree, model);
    while (model.length > 3000) {
      const low = model.shift() as Pair;
      const high = model.pop() as Pair;
      expect(tree.remove(low.score, low.member)).toBe(true);
      expect(tree.remove(high.score, high.member)).toBe(true);
    }
    expectSameAs(tree, model);
    for (const pair of model.splice(0)) tree.remove(pair.score, pair.member);
    expectSameAs(tree, model);
    tree.insert(1, 'again');
    expectSameAs(tree, [{ score: 1, member: 'again' }]);
  });

  it('orders -0 and 0 as equal scores, by member', () => {
    const tree = new ZsetTree(width);
    tree.insert(0, 'b');
    tree.insert(-0, 'a');
    tree.insert(0, 'c');
    expect(tree.rank(0, 'a')).toBe(0);
    expect(tree.rank(-0, 'c')).toBe(2);
    expect(Object.is(tree.cursor(0).score, -0)).toBe(true);
    expect(tree.countScoresBelow(0, false)).toBe(0);
    expect(tree.countScoresBelow(-0, true)).toBe(3);
    expect(tree.remove(0, 'a')).toBe(true);
  });
});
