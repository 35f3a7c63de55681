// The order in which set members are replied. Redis keeps an intset sorted, so SMEMBERS, SSCAN, SUNION,
// SDIFF, SINTER (iterating its smallest set) and the whole-set answers of SPOP and SRANDMEMBER list an intset
// in numeric order; clients and tests see that order, so it is reproduced here. A hashtable set has no
// meaningful order (Redis: bucket order); ours is the index order of SetValue.
import type { CommandContext } from '../command-context.js';
import type { SetValue } from '../../keyspace/set-value.js';
import { parseInt64 } from '../../util/int64.js';
import { maxIntsetEntries } from './set-limits.js';

/** The members of `set` in reply order: a sorted copy for an intset, else a live view (do not change `set` meanwhile). */
export function orderedMembers(ctx: CommandContext, set: SetValue): readonly string[] {
  if (!set.isIntset(maxIntsetEntries(ctx.server))) return set.view();
  return set.view().slice().sort(compareIntegers);
}

/**
 * The members of `set` in the order of a copy of it, which is how Redis answers SPOP and SRANDMEMBER when the
 * count covers the whole set (it replies a fresh union of the one set): sorted when the members are integers
 * that fit an intset now, whatever the set's own history.
 */
export function copyOrderedMembers(ctx: CommandContext, set: SetValue): readonly string[] {
  const members = set.view();
  const limit = maxIntsetEntries(ctx.server);
  if (set.isIntset(limit)) return members.slice().sort(compareIntegers);
  if (members.length > limit) return members;
  for (let i = 0; i < members.length; i++) if (parseInt64(members[i] as string) === null) return members;
  return members.slice().sort(compareIntegers);
}

/** Writes `members` as a RESP3 set (`asSet`) or an array of bulk strings. */
export function replyMembers(ctx: CommandContext, members: readonly string[], asSet: boolean): void {
  const reply = ctx.reply;
  if (asSet) reply.setHeader(members.length);
  else reply.arrayHeader(members.length);
  for (let i = 0; i < members.length; i++) reply.bulk(members[i] as string);
}

/**
 * Numeric order of two canonical int64 texts (no '+', no leading zeros) without parsing: the sign first, then
 * the number of digits, then the digits.
 */
function compareIntegers(a: string, b: string): number {
  const aNegative = a.charCodeAt(0) === 45; /* - */
  const bNegative = b.charCodeAt(0) === 45;
  if (aNegative !== bNegative) return aNegative ? -1 : 1;
  if (a === b) return 0;
  const aSmallerMagnitude = a.length !== b.length ? a.length < b.length : a < b;
  return aSmallerMagnitude !== aNegative ? -1 : 1;
}
