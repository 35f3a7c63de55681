// The set value (SADD, SPOP...): members are byte strings (latin1). One Map from member to index into a dense
// array of members, and no object per member. A removal moves the last member into the freed index, so the
// array stays 0..size-1 and every operation is O(1): add, remove, membership, and a uniform random member
// (SPOP, SRANDMEMBER) is one array read, where a bare Set<string> would have to walk up to n entries per pick.
// The same invariant lets SSCAN page by index without missing members (see sscan.ts).
// OBJECT ENCODING follows Redis 7.0: `intset` while every member ever added is a canonical int64 and the set
// never grew past set-max-intset-entries, `hashtable` for good after that; in Redis an intset is kept sorted,
// so the commands reply with an intset's members in numeric order (set-order.ts). No keyspace logic here.
import { parseInt64 } from '../util/int64.js';
import { ValueKind, type CollectionValue, type EncodingLimits } from './values.js';

/** Fixed cost of a set: the object, its Map and its array. */
const SET_BASE_BYTES = 96;
/** Per-member cost besides its bytes: Map entry, array slot and string header. */
const MEMBER_OVERHEAD_BYTES = 56;

export class SetValue implements CollectionValue {
  accountedBytes = 0;
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private contentBytes = 0;
  /** Whether every member ever added was a canonical int64 (an intset in Redis). */
  private allIntegers = true;
  /** Largest size the set ever had (an intset converts for good once it grows too large). */
  private peakSize = 0;

  /** A set of `members` (duplicates collapse); null when there are none. */
  static fromParts(members: readonly string[]): SetValue | null {
    if (members.length === 0) return null;
    const set = new SetValue();
    for (const member of members) set.add(member);
    return set;
  }

  get kind(): typeof ValueKind.set {
    return ValueKind.set;
  }

  get size(): number {
    return this.list.length;
  }

  get bytes(): number {
    return SET_BASE_BYTES + this.list.length * MEMBER_OVERHEAD_BYTES + this.contentBytes;
  }

  has(member: string): boolean {
    return this.index.has(member);
  }

  /** Adds `member`; true when it is new. */
  add(member: string): boolean {
    const index = this.index;
    if (index.has(member)) return false;
    const list = this.list;
    index.set(member, list.length);
    list.push(member);
    this.contentBytes += member.length;
    if (this.allIntegers && parseInt64(member) === null) this.allIntegers = false;
    if (list.length > this.peakSize) this.peakSize = list.length;
    return true;
  }

  /** Removes `member`; true when it was there. */
  delete(member: string): boolean {
    const i = this.index.get(member);
    if (i === undefined) return false;
    this.removeAt(i);
    return true;
  }

  /**
   * The member at index `i` (0 <= i < size). Members never move except the last one, which a removal moves
   * into the freed index.
   */
  at(i: number): string {
    return this.list[i] as string;
  }

  /** Removes and returns the member at index `i` (0 <= i < size): the last member takes its index. */
  removeAt(i: number): string {
    const list = this.list;
    const member = list[i] as string;
    const last = list.pop() as string;
    if (i !== list.length) {
      list[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(member);
    this.contentBytes -= member.length;
    return member;
  }

  /** Whether Redis 7.0 would hold this set as an intset under `maxIntsetEntries`. */
  isIntset(maxIntsetEntries: number): boolean {
    return this.allIntegers && this.peakSize <= maxIntsetEntries;
  }

  /**
   * Forgets the encoding history: the set now counts as if built from its current members. SPOP uses it where
   * Redis rebuilds the set from the members that remain.
   */
  resetEncodingHistory(): void {
    this.peakSize = this.list.length;
    this.allIntegers = true;
    for (const member of this.list) {
      if (parseInt64(member) === null) {
        this.allIntegers = false;
        break;
      }
    }
  }

  /** The members in index order; a live view that the caller must not change. */
  view(): readonly string[] {
    return this.list;
  }

  // ------------------------------------------------------------------ CollectionValue

  encoding(limits: EncodingLimits): string {
    return this.isIntset(limits.setMaxIntsetEntries) ? 'intset' : 'hashtable';
  }

  clone(): SetValue {
    const copy = new SetValue();
    for (const member of this.list) copy.add(member);
    copy.allIntegers = this.allIntegers;
    copy.peakSize = this.peakSize;
    return copy;
  }

  toParts(): string[] {
    return this.list.slice();
  }

  members(): Iterable<string> {
    return this.list.slice();
  }
}
