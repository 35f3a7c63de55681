// The sorted set value: a member -> score Map for O(1) score lookups plus an order-statistic tree
// (zset-tree.ts) for everything ordered, like Redis's dict + skiplist pair (redis src/t_zset.c). Members are
// byte strings (latin1); scores are doubles, never NaN. It also tracks which encoding Redis 7.0 would use
// for the same history of commands, because that is visible: OBJECT ENCODING, ZSCAN's single page, and a
// listpack stores -0 as 0 while a skiplist keeps the sign. No keyspace logic here: commands delete a key
// whose sorted set became empty.
import { formatDouble17g } from '@tessera/resp';
import { parseDouble } from '../util/parse-double.js';
import { ValueKind, type CollectionValue, type EncodingLimits } from './values.js';
import { ZsetTree } from './zset-tree.js';
import type { ZsetCursor, ZsetLeaf } from './zset-tree-nodes.js';

/** The two settings that decide a sorted set's encoding. */
export type ZsetLimits = Pick<EncodingLimits, 'zsetMaxListpackEntries' | 'zsetMaxListpackValue'>;

/** Redis's defaults (zset-max-listpack-entries 128, zset-max-listpack-value 64). */
export const DEFAULT_ZSET_LIMITS: ZsetLimits = { zsetMaxListpackEntries: 128, zsetMaxListpackValue: 64 };

/** Fixed cost of a sorted set: the value, its Map and the tree's root. */
const ZSET_BASE_BYTES = 160;
/** Per-member cost on top of its bytes: a Map entry, two array slots and the string header. */
const ELEMENT_OVERHEAD_BYTES = 64;

export class ZsetValue implements CollectionValue {
  readonly kind = ValueKind.zset;
  accountedBytes = 0;
  private readonly dict = new Map<string, number>();
  private readonly tree = new ZsetTree();
  private byteCount = ZSET_BASE_BYTES;
  /**
   * Whether Redis would hold this set as a listpack. It becomes false for good when an insert exceeds the
   * limits (Redis converts to a skiplist and never back), except through `compactIfSmall` (*STORE results).
   */
  private listpack: boolean;

  /** An empty sorted set; `listpack: false` starts it as a skiplist (zset-max-listpack-entries 0...). */
  constructor(listpack = true) {
    this.listpack = listpack;
  }

  /**
   * Rebuilds a sorted set from `member, score, member, score...` (toParts); null when the parts are malformed
   * (odd count, a score that is not a number, a member twice) or empty.
   */
  static fromParts(parts: readonly string[], limits: ZsetLimits = DEFAULT_ZSET_LIMITS): ZsetValue | null {
    if (parts.length === 0 || parts.length % 2 !== 0) return null;
    const zset = new ZsetValue(false);
    for (let i = 0; i < parts.length; i += 2) {
      const member = parts[i] as string;
      const score = parseDouble(parts[i + 1] as string);
      if (score === null || zset.dict.has(member)) return null;
      zset.add(member, score, limits);
    }
    zset.compactIfSmall(limits);
    return zset;
  }

  get size(): number {
    return this.dict.size;
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** The scores by member, read-only (set operations look members up in it). */
  get scores(): ReadonlyMap<string, number> {
    return this.dict;
  }

  score(member: string): number | undefined {
    return this.dict.get(member);
  }

  // ---------------------------------------------------------------- updates

  /**
   * Adds a member that is not in the set. Converts to a skiplist first when the set would exceed `limits`
   * (as zsetAdd does), so the member that crosses the limit already keeps a -0 score.
   */
  add(member: string, score: number, limits: ZsetLimits): void {
    if (
      this.listpack &&
      (this.dict.size + 1 > limits.zsetMaxListpackEntries || member.length > limits.zsetMaxListpackValue)
    ) {
      this.listpack = false;
    }
    const stored = this.listpack && score === 0 ? 0 : score; // a listpack prints -0 as "0" (d2string)
    this.dict.set(member, stored);
    this.tree.insert(stored, member);
    this.byteCount += member.length + ELEMENT_OVERHEAD_BYTES;
  }

  /** Changes the score of a member in the set from `previous` to `score`. */
  update(member: string, previous: number, score: number): void {
    const stored = this.listpack && score === 0 ? 0 : score;
    this.tree.remove(previous, member);
    this.tree.insert(stored, member);
    this.dict.set(member, stored);
  }

  /** Removes `member`; returns whether it was there. */
  remove(member: string): boolean {
    const score = this.dict.get(member);
    if (score === undefined) return false;
    this.dict.delete(member);
    this.tree.remove(score, member);
    this.byteCount -= member.length + ELEMENT_OVERHEAD_BYTES;
    return true;
  }

  /** Removes `count` members from 0-based `rank` on, in order. */
  removeRange(rank: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const at = this.tree.cursor(rank);
      this.remove(at.member);
    }
  }

  /**
   * A freshly built *STORE result takes the listpack encoding when small enough, as
   * zsetConvertToListpackIfNeeded does (which also turns -0 scores into 0).
   */
  compactIfSmall(limits: ZsetLimits): void {
    if (this.listpack || this.dict.size > limits.zsetMaxListpackEntries) return;
    for (const member of this.dict.keys()) if (member.length > limits.zsetMaxListpackValue) return;
    this.listpack = true;
    for (const [member, score] of this.dict) {
      if (score === 0 && Object.is(score, -0)) this.update(member, score, 0);
    }
  }

  // ---------------------------------------------------------------- ordered access

  /** 0-based rank of `member` by ascending score, or -1 when it is not in the set. */
  rank(member: string): number {
    const score = this.dict.get(member);
    return score === undefined ? -1 : this.tree.rank(score, member);
  }

  /** A cursor on the member of 0-based `rank` (0 <= rank < size), to walk with next()/prev(). */
  cursor(rank: number): ZsetCursor {
    return this.tree.cursor(rank);
  }

  /** Number of members with a score below `score` (or equal to it too, with `orEqual`). */
  countScoresBelow(score: number, orEqual: boolean): number {
    return this.tree.countScoresBelow(score, orEqual);
  }

  /** Number of members below `member` in byte order (or equal too, with `orEqual`); for equal scores. */
  countMembersBelow(member: string, orEqual: boolean): number {
    return this.tree.countMembersBelow(member, orEqual);
  }

  // ---------------------------------------------------------------- CollectionValue

  clone(): ZsetValue {
    const copy = new ZsetValue(this.listpack);
    for (let leaf: ZsetLeaf | null = this.tree.head; leaf !== null; leaf = leaf.next) {
      for (let i = 0; i < leaf.members.length; i++) {
        const member = leaf.members[i] as string;
        const score = leaf.scores[i] as number;
        copy.dict.set(member, score);
        copy.tree.insert(score, member);
      }
    }
    copy.byteCount = this.byteCount;
    return copy;
  }

  /** Decided by the history of inserts rather than `limits` now: Redis never converts a skiplist back. */
  encoding(_limits: EncodingLimits): string {
    return this.listpack ? 'listpack' : 'skiplist';
  }

  /** Whether Redis would hold this set as a listpack (ZSCAN answers it in one page then). */
  get isListpack(): boolean {
    return this.listpack;
  }

  toParts(): string[] {
    const parts: string[] = [];
    for (let leaf: ZsetLeaf | null = this.tree.head; leaf !== null; leaf = leaf.next) {
      for (let i = 0; i < leaf.members.length; i++) {
        parts.push(leaf.members[i] as string, formatDouble17g(leaf.scores[i] as number));
      }
    }
    return parts;
  }

  *members(): IterableIterator<string> {
    for (let leaf: ZsetLeaf | null = this.tree.head; leaf !== null; leaf = leaf.next) {
      yield* leaf.members;
    }
  }
}
