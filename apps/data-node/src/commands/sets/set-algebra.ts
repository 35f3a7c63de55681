// Intersection, union and difference of sets (redis 7.0 src/t_set.c sinterGenericCommand and
// sunionDiffGenericCommand), shared by SINTER, SINTERCARD, SUNION, SDIFF and their STORE forms. A missing key
// is an empty set; every key is type-checked before any work. Results that Redis builds as a temporary set
// (union, difference, and the STORE of an intersection) are built as a SetValue by the same sequence of adds
// and removals, so their encoding (intset or hashtable, hence their reply order) comes out as in Redis.
import type { CommandContext } from '../command-context.js';
import { SetValue } from '../../keyspace/set-value.js';
import { orderedMembers, replyMembers } from './set-order.js';
import { readSet, writeSet, WRONG_TYPE } from './set-lookup.js';

/** A set operation whose result Redis builds as a temporary set. */
type SetOperation = (sets: readonly (SetValue | undefined)[], ctx: CommandContext) => SetValue;

/** SUNION and SDIFF: `operation` over the sets at argv[1..], replied as a RESP3 set in Redis's order. */
export function replySetOperation(ctx: CommandContext, operation: SetOperation): void {
  const sets = loadSets(ctx, 1, ctx.argc, false);
  if (sets === WRONG_TYPE) return;
  replyMembers(ctx, orderedMembers(ctx, operation(sets, ctx)), true);
}

/** SUNIONSTORE, SDIFFSTORE and SINTERSTORE: `operation` over the sets at argv[2..], stored at argv[1]. */
export function storeSetOperation(ctx: CommandContext, operation: SetOperation): void {
  const sets = loadSets(ctx, 2, ctx.argc, true);
  if (sets === WRONG_TYPE) return;
  storeSet(ctx, ctx.arg(1), operation(sets, ctx));
}

/** The sets at argv[from..to), undefined for missing keys; WRONG_TYPE after replying with the error. */
export function loadSets(
  ctx: CommandContext,
  from: number,
  to: number,
  forWrite: boolean,
): (SetValue | undefined)[] | typeof WRONG_TYPE {
  const sets: (SetValue | undefined)[] = [];
  for (let i = from; i < to; i++) {
    const set = forWrite ? writeSet(ctx, ctx.arg(i)) : readSet(ctx, ctx.arg(i));
    if (set === WRONG_TYPE) return WRONG_TYPE;
    sets.push(set);
  }
  return sets;
}

/**
 * The members of every set, in the reply order of the smallest set (Redis iterates it); stops after `limit`
 * members when `limit` > 0. Empty when a set is missing.
 */
export function intersect(ctx: CommandContext, sets: readonly (SetValue | undefined)[], limit = 0): string[] {
  const result: string[] = [];
  const smallest = smallestSet(sets);
  if (smallest === undefined) return result;
  const candidates = orderedMembers(ctx, smallest);
  for (let i = 0; i < candidates.length; i++) {
    const member = candidates[i] as string;
    if (inEvery(sets, smallest, member)) {
      result.push(member);
      if (result.length === limit) break;
    }
  }
  return result;
}

/** The intersection as a new set (SINTERSTORE), added in intersect()'s order. */
export function intersection(sets: readonly (SetValue | undefined)[], ctx: CommandContext): SetValue {
  const result = new SetValue();
  for (const member of intersect(ctx, sets)) result.add(member);
  return result;
}

/** The size of the intersection, counting no further than `limit` when `limit` > 0 (SINTERCARD). */
export function intersectionSize(sets: readonly (SetValue | undefined)[], limit: number): number {
  const smallest = smallestSet(sets);
  if (smallest === undefined) return 0;
  const candidates = smallest.view();
  let size = 0;
  for (let i = 0; i < candidates.length && (limit === 0 || size < limit); i++) {
    if (inEvery(sets, smallest, candidates[i] as string)) size++;
  }
  return size;
}

/** Every member of any set, as a new set. */
export function union(sets: readonly (SetValue | undefined)[]): SetValue {
  const result = new SetValue();
  for (const set of sets) {
    if (set === undefined) continue;
    const members = set.view();
    for (let i = 0; i < members.length; i++) result.add(members[i] as string);
  }
  return result;
}

/**
 * The members of the first set that no other set has, as a new set. Redis picks one of two algorithms by
 * estimated work: test each member of the first set against the others (biggest first), or add the first set
 * and remove the others.
 */
export function difference(sets: readonly (SetValue | undefined)[]): SetValue {
  const result = new SetValue();
  const first = sets[0];
  if (first === undefined) return result;
  const others = sets.slice(1).filter((set): set is SetValue => set !== undefined);
  let testEach = first.size * (others.length + 1);
  let addAndRemove = first.size;
  for (const set of others) addAndRemove += set.size;
  testEach = Math.floor(testEach / 2);
  const members = first.view();
  if (testEach <= addAndRemove) {
    others.sort((a, b) => b.size - a.size);
    for (let i = 0; i < members.length; i++) {
      const member = members[i] as string;
      if (!inAnyOther(others, first, member)) result.add(member);
    }
    return result;
  }
  for (let i = 0; i < members.length; i++) result.add(members[i] as string);
  for (const set of others) {
    const removed = set.view();
    for (let i = 0; i < removed.length && result.size !== 0; i++) result.delete(removed[i] as string);
    if (result.size === 0) break;
  }
  return result;
}

/** Stores `result` at `key` (replacing any value and TTL) or deletes `key` when empty; replies with its size. */
function storeSet(ctx: CommandContext, key: string, result: SetValue): void {
  if (result.size > 0) {
    ctx.db.set(key, result);
  } else if (!ctx.db.delete(key)) {
    ctx.db.touched(key); // Redis signals the key as modified even when there was nothing to delete (WATCH)
  }
  ctx.reply.integer(result.size);
}

/** The first smallest set, or undefined when any set is missing (the intersection is then empty). */
function smallestSet(sets: readonly (SetValue | undefined)[]): SetValue | undefined {
  let smallest: SetValue | undefined;
  for (const set of sets) {
    if (set === undefined) return undefined;
    if (smallest === undefined || set.size < smallest.size) smallest = set;
  }
  return smallest;
}

/** Whether every set but `skip` (all present) has `member`. */
function inEvery(sets: readonly (SetValue | undefined)[], skip: SetValue, member: string): boolean {
  for (let j = 0; j < sets.length; j++) {
    const set = sets[j] as SetValue;
    if (set !== skip && !set.has(member)) return false;
  }
  return true;
}

/** Whether a set of `others` has `member`, `first` itself counting as having all of its members. */
function inAnyOther(others: readonly SetValue[], first: SetValue, member: string): boolean {
  for (let j = 0; j < others.length; j++) {
    const set = others[j] as SetValue;
    if (set === first || set.has(member)) return true;
  }
  return false;
}
