// The nodes of the sorted set B+ tree (zset-tree.ts) and the node-level operations that need no tree
// state: leaves with their pairs, inner nodes with child counts and separators, the walking cursor, the
// searches inside one node and the rebalancing of two inner siblings. No keyspace logic here.

export class ZsetLeaf {
  scores: number[] = [];
  members: string[] = [];
  prev: ZsetLeaf | null = null;
  next: ZsetLeaf | null = null;
}

export class ZsetInner {
  children: ZsetNode[] = [];
  /** Pairs under each child. */
  counts: number[] = [];
  /**
   * Separators: (sepScores[i], sepMembers[i]) is greater than every pair of children[i] and not greater
   * than any pair of children[i + 1]. Deletions leave them valid, so only splits and merges rewrite them.
   */
  sepScores: number[] = [];
  sepMembers: string[] = [];
  /** Pairs under this node. */
  size = 0;
}

export type ZsetNode = ZsetLeaf | ZsetInner;

/** A position in the tree for walking a range; `leaf` is null once it walked off either end. */
export class ZsetCursor {
  constructor(
    public leaf: ZsetLeaf | null,
    public index: number,
  ) {}

  get member(): string {
    return (this.leaf as ZsetLeaf).members[this.index] as string;
  }

  get score(): number {
    return (this.leaf as ZsetLeaf).scores[this.index] as number;
  }

  /** Moves to the next pair in order. */
  next(): void {
    const leaf = this.leaf as ZsetLeaf;
    if (++this.index < leaf.members.length) return;
    this.leaf = leaf.next;
    this.index = 0;
  }

  /** Moves to the previous pair in order. */
  prev(): void {
    if (--this.index >= 0) return;
    const leaf = (this.leaf as ZsetLeaf).prev;
    this.leaf = leaf;
    this.index = leaf === null ? 0 : leaf.members.length - 1;
  }
}

/** Merges inner node `b` into `a` when they fit in one (returns true), else evens them out. */
export function balanceInners(
  parent: ZsetInner,
  left: number,
  a: ZsetInner,
  b: ZsetInner,
  max: number,
): boolean {
  const sepScore = parent.sepScores[left] as number;
  const sepMember = parent.sepMembers[left] as string;
  const total = a.children.length + b.children.length;
  if (total <= max) {
    a.children.push(...b.children);
    a.counts.push(...b.counts);
    a.sepScores.push(sepScore, ...b.sepScores);
    a.sepMembers.push(sepMember, ...b.sepMembers);
    a.size += b.size;
    parent.counts[left] = a.size;
    return true;
  }
  const keep = total >>> 1;
  let moved = 0;
  if (a.children.length < keep) {
    const n = keep - a.children.length;
    const counts = b.counts.splice(0, n);
    for (const count of counts) moved += count;
    a.children.push(...b.children.splice(0, n));
    a.counts.push(...counts);
    a.sepScores.push(sepScore, ...b.sepScores.splice(0, n - 1));
    a.sepMembers.push(sepMember, ...b.sepMembers.splice(0, n - 1));
    parent.sepScores[left] = b.sepScores.shift() as number;
    parent.sepMembers[left] = b.sepMembers.shift() as string;
    a.size += moved;
    b.size -= moved;
  } else {
    const counts = a.counts.splice(keep);
    for (const count of counts) moved += count;
    b.children.unshift(...a.children.splice(keep));
    b.counts.unshift(...counts);
    b.sepScores.unshift(...a.sepScores.splice(keep), sepScore);
    b.sepMembers.unshift(...a.sepMembers.splice(keep), sepMember);
    parent.sepScores[left] = a.sepScores.pop() as number;
    parent.sepMembers[left] = a.sepMembers.pop() as string;
    a.size -= moved;
    b.size += moved;
  }
  parent.counts[left] = a.size;
  parent.counts[left + 1] = b.size;
  return false;
}

export function sizeOf(node: ZsetNode): number {
  return node instanceof ZsetLeaf ? node.members.length : node.size;
}

/** Index of the child of `node` whose range holds (score, member): the number of separators not above it. */
export function childIndex(node: ZsetInner, score: number, member: string): number {
  const scores = node.sepScores;
  const members = node.sepMembers;
  let lo = 0;
  let hi = scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = scores[mid] as number;
    if (s < score || (s === score && (members[mid] as string) <= member)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first pair of `leaf` not ordered before (score, member). */
export function lowerBound(leaf: ZsetLeaf, score: number, member: string): number {
  const scores = leaf.scores;
  const members = leaf.members;
  let lo = 0;
  let hi = scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = scores[mid] as number;
    if (s < score || (s === score && (members[mid] as string) < member)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
