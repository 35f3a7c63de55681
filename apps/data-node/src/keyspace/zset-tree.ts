// The ordered half of a sorted set: an order-statistic B+ tree of (score, member) pairs, ordered by score,
// then by member bytes (latin1 strings compare by char code, which is memcmp order). Inner nodes keep the
// number of pairs under each child, so insert, delete, rank, access by rank and the score/lex bounds are
// all O(log n); leaves are linked both ways for range walks. Redis uses a skiplist with spans
// (redis src/t_zset.c); wide nodes are the better fit for a JS heap: a leaf holds up to 64 pairs in two
// flat arrays, so a sorted set costs a few objects per 64 elements instead of one node (and a level array)
// per element. The member -> score map lives in ZsetValue; this file knows nothing of the keyspace.
import {
  balanceInners,
  childIndex,
  lowerBound,
  sizeOf,
  ZsetCursor,
  ZsetInner,
  ZsetLeaf,
  type ZsetNode,
} from './zset-tree-nodes.js';

/** Most pairs a leaf holds, and most children an inner node holds; a fuller node splits in two. */
const NODE_MAX = 64;

export class ZsetTree {
  private root: ZsetNode;
  /**
   * The leftmost leaf: splits keep the left half in place and merges keep the left node, so it never changes.
   */
  readonly head: ZsetLeaf;
  /** The rightmost leaf. */
  private tail: ZsetLeaf;
  private length = 0;
  /** The separator a split hands to the parent (fields instead of a returned object: no allocation). */
  private splitScore = 0;
  private splitMember = '';
  /** A non-root node with fewer pairs (leaf) or children (inner) borrows from or merges with a sibling. */
  private readonly nodeMin: number;

  /**
   * An empty tree; `nodeMax` is the node width, small only in tests that want deep trees. It must be at
   * least 8 so that the minimum is 2: a non-root node then always has a sibling to rebalance with.
   */
  constructor(private readonly nodeMax = NODE_MAX) {
    if (nodeMax < 8) throw new RangeError(`ZsetTree node width must be at least 8, got ${nodeMax}`);
    this.nodeMin = nodeMax >>> 2;
    this.head = this.tail = new ZsetLeaf();
    this.root = this.head;
  }

  get size(): number {
    return this.length;
  }

  /** The smallest pair's leaf is `head` (index 0); the largest is at the end of this leaf. */
  get last(): ZsetLeaf {
    return this.tail;
  }

  // ---------------------------------------------------------------- updates

  /** Inserts a pair; the member must not be in the tree already. */
  insert(score: number, member: string): void {
    const right = this.insertInto(this.root, score, member);
    if (right !== null) {
      const root = new ZsetInner();
      root.children.push(this.root, right);
      root.counts.push(sizeOf(this.root), sizeOf(right));
      root.sepScores.push(this.splitScore);
      root.sepMembers.push(this.splitMember);
      root.size = this.length + 1;
      this.root = root;
    }
    this.length++;
  }

  /** Removes the pair; returns false when it is not in the tree. */
  remove(score: number, member: string): boolean {
    if (!this.removeFrom(this.root, score, member)) return false;
    this.length--;
    const root = this.root;
    if (root instanceof ZsetInner && root.children.length === 1) this.root = root.children[0] as ZsetNode;
    return true;
  }

  // ---------------------------------------------------------------- queries

  /** Number of pairs ordered before (score, member): the pair's 0-based rank when it is in the tree. */
  rank(score: number, member: string): number {
    let node = this.root;
    let rank = 0;
    while (node instanceof ZsetInner) {
      const child = childIndex(node, score, member);
      for (let i = 0; i < child; i++) rank += node.counts[i] as number;
      node = node.children[child] as ZsetNode;
    }
    return rank + lowerBound(node, score, member);
  }

  /** Number of pairs whose score is below `score` (or equal to it too, with `orEqual`). */
  countScoresBelow(score: number, orEqual: boolean): number {
    let node = this.root;
    let count = 0;
    while (node instanceof ZsetInner) {
      const seps = node.sepScores;
      let child = 0;
      while (
        child < seps.length &&
        (orEqual ? (seps[child] as number) <= score : (seps[child] as number) < score)
      ) {
        count += node.counts[child] as number;
        child++;
      }
      node = node.children[child] as ZsetNode;
    }
    const scores = node.scores;
    let lo = 0;
    let hi = scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = scores[mid] as number;
      if (orEqual ? s <= score : s < score) lo = mid + 1;
      else hi = mid;
    }
    return count + lo;
  }

  /**
   * Number of pairs whose member is below `member` (or equal to it too, with `orEqual`), comparing members
   * only: meaningful when every score is equal, the case lex commands are made for.
   */
  countMembersBelow(member: string, orEqual: boolean): number {
    let node = this.root;
    let count = 0;
    while (node instanceof ZsetInner) {
      const seps = node.sepMembers;
      let child = 0;
      while (
        child < seps.length &&
        (orEqual ? (seps[child] as string) <= member : (seps[child] as string) < member)
      ) {
        count += node.counts[child] as number;
        child++;
      }
      node = node.children[child] as ZsetNode;
    }
    const members = node.members;
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = members[mid] as string;
      if (orEqual ? m <= member : m < member) lo = mid + 1;
      else hi = mid;
    }
    return count + lo;
  }

  /** A cursor on the pair of 0-based `rank` (0 <= rank < size). */
  cursor(rank: number): ZsetCursor {
    let node = this.root;
    let rest = rank;
    while (node instanceof ZsetInner) {
      let child = 0;
      while (rest >= (node.counts[child] as number)) rest -= node.counts[child++] as number;
      node = node.children[child] as ZsetNode;
    }
    return new ZsetCursor(node, rest);
  }

  // ---------------------------------------------------------------- internals

  /**
   * Inserts below `node`; returns the new right sibling when `node` split (separator in splitScore/Member).
   */
  private insertInto(node: ZsetNode, score: number, member: string): ZsetNode | null {
    if (node instanceof ZsetLeaf) {
      const at = lowerBound(node, score, member);
      node.scores.splice(at, 0, score);
      node.members.splice(at, 0, member);
      const max = this.nodeMax;
      if (node.members.length <= max) return null;
      // Appending in order (rising scores) leaves full leaves behind instead of half-empty ones.
      return this.splitLeaf(node, node === this.tail && at === max ? max : max >>> 1);
    }
    const child = childIndex(node, score, member);
    const target = node.children[child] as ZsetNode;
    const right = this.insertInto(target, score, member);
    node.size++;
    if (right === null) {
      node.counts[child]++;
      return null;
    }
    node.counts[child] = sizeOf(target);
    node.children.splice(child + 1, 0, right);
    node.counts.splice(child + 1, 0, sizeOf(right));
    node.sepScores.splice(child, 0, this.splitScore);
    node.sepMembers.splice(child, 0, this.splitMember);
    return node.children.length > this.nodeMax ? this.splitInner(node) : null;
  }

  private splitLeaf(leaf: ZsetLeaf, keep: number): ZsetLeaf {
    const right = new ZsetLeaf();
    right.scores = leaf.scores.splice(keep);
    right.members = leaf.members.splice(keep);
    right.next = leaf.next;
    right.prev = leaf;
    if (leaf.next !== null) leaf.next.prev = right;
    else this.tail = right;
    leaf.next = right;
    this.splitScore = right.scores[0] as number;
    this.splitMember = right.members[0] as string;
    return right;
  }

  private splitInner(node: ZsetInner): ZsetInner {
    const keep = node.children.length >>> 1;
    const right = new ZsetInner();
    right.children = node.children.splice(keep);
    right.counts = node.counts.splice(keep);
    right.sepScores = node.sepScores.splice(keep);
    right.sepMembers = node.sepMembers.splice(keep);
    // The separator between the halves moves up to the parent.
    this.splitScore = node.sepScores.pop() as number;
    this.splitMember = node.sepMembers.pop() as string;
    for (const count of right.counts) right.size += count;
    node.size -= right.size;
    return right;
  }

  private removeFrom(node: ZsetNode, score: number, member: string): boolean {
    if (node instanceof ZsetLeaf) {
      const at = lowerBound(node, score, member);
      if (at === node.members.length || node.members[at] !== member || node.scores[at] !== score)
        return false;
      node.scores.splice(at, 1);
      node.members.splice(at, 1);
      return true;
    }
    const child = childIndex(node, score, member);
    const target = node.children[child] as ZsetNode;
    if (!this.removeFrom(target, score, member)) return false;
    node.counts[child]--;
    node.size--;
    if ((target instanceof ZsetLeaf ? target.members.length : target.children.length) < this.nodeMin) {
      this.rebalance(node, child);
    }
    return true;
  }

  /** Refills the underfull children[child] of `parent` from a sibling, or merges the two. */
  private rebalance(parent: ZsetInner, child: number): void {
    const left = child > 0 ? child - 1 : child;
    if (left + 1 >= parent.children.length) return; // an only child: the caller collapses the root
    const a = parent.children[left] as ZsetNode;
    const b = parent.children[left + 1] as ZsetNode;
    const merged =
      a instanceof ZsetLeaf
        ? this.balanceLeaves(parent, left, a, b as ZsetLeaf)
        : balanceInners(parent, left, a, b as ZsetInner, this.nodeMax);
    if (!merged) return;
    parent.children.splice(left + 1, 1);
    parent.counts.splice(left + 1, 1);
    parent.sepScores.splice(left, 1);
    parent.sepMembers.splice(left, 1);
  }

  /** Merges leaf `b` into `a` when they fit in one (returns true), else evens them out. */
  private balanceLeaves(parent: ZsetInner, left: number, a: ZsetLeaf, b: ZsetLeaf): boolean {
    const total = a.members.length + b.members.length;
    if (total <= this.nodeMax) {
      for (let i = 0; i < b.members.length; i++) {
        a.scores.push(b.scores[i] as number);
        a.members.push(b.members[i] as string);
      }
      a.next = b.next;
      if (b.next !== null) b.next.prev = a;
      else this.tail = a;
      parent.counts[left] = total;
      return true;
    }
    const keep = total >>> 1;
    if (a.members.length < keep) {
      const moved = keep - a.members.length;
      a.scores.push(...b.scores.splice(0, moved));
      a.members.push(...b.members.splice(0, moved));
    } else {
      b.scores.unshift(...a.scores.splice(keep));
      b.members.unshift(...a.members.splice(keep));
    }
    parent.counts[left] = keep;
    parent.counts[left + 1] = total - keep;
    parent.sepScores[left] = b.scores[0] as number;
    parent.sepMembers[left] = b.members[0] as string;
    return false;
  }
}
