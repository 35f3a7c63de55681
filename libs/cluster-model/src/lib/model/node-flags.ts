// Node flags as CLUSTER NODES and nodes.conf print them. The table is in Redis's print order
// (redis src/cluster.c `redisNodeFlagsTable`; valkey keeps `master`/`slave`), so formatting is a walk over it.
// A node's flags are held as a readonly array in table order without duplicates (see `normalizeFlags`).
// Spec: https://redis.io/docs/latest/commands/cluster-nodes/ . Pure: no I/O.

/** Flag name -> the word CLUSTER NODES prints, in print order. */
export const NODE_FLAGS = {
  /** `myself`: the node answering the command. */
  myself: 'myself',
  /** `master`: owns slots (or may own them) and accepts writes. */
  master: 'master',
  /** `slave`: replicates the node in the master-id column (Redis still prints `slave`). */
  replica: 'slave',
  /** `fail?`: PFAIL, no PONG within cluster-node-timeout from this node's point of view. */
  pfail: 'fail?',
  /** `fail`: FAIL, agreed by a majority of slot-owning masters (or forced by a FAIL message). */
  fail: 'fail',
  /** `handshake`: MEET sent or received, identity not confirmed by a PONG yet. */
  handshake: 'handshake',
  /** `noaddr`: address unknown (a PONG came from a different id on its link). */
  noaddr: 'noaddr',
  /** `nofailover`: a replica configured with cluster-replica-no-failover. */
  nofailover: 'nofailover',
} as const;

export type NodeFlag = keyof typeof NODE_FLAGS;

/** What CLUSTER NODES prints when a node has no flag at all. */
export const NO_FLAGS = 'noflags';

const FLAG_ORDER = Object.keys(NODE_FLAGS) as NodeFlag[];
const FLAG_BY_WORD: ReadonlyMap<string, NodeFlag> = new Map(
  FLAG_ORDER.map((flag) => [NODE_FLAGS[flag], flag] as const),
);

/** True when `flags` holds `flag`. */
export function hasFlag(flags: readonly NodeFlag[], flag: NodeFlag): boolean {
  return flags.includes(flag);
}

/** `flags` in table order without duplicates. */
export function normalizeFlags(flags: Iterable<NodeFlag>): NodeFlag[] {
  const set = new Set(flags);
  return FLAG_ORDER.filter((flag) => set.has(flag));
}

/** `flags` with `add` set and `remove` cleared, in table order. */
export function changeFlags(
  flags: readonly NodeFlag[],
  add: readonly NodeFlag[],
  remove: readonly NodeFlag[] = [],
): NodeFlag[] {
  const set = new Set(flags);
  for (const flag of remove) set.delete(flag);
  for (const flag of add) set.add(flag);
  return FLAG_ORDER.filter((flag) => set.has(flag));
}

/** The flags column of CLUSTER NODES: words comma-joined in table order, or `noflags`. */
export function formatFlags(flags: readonly NodeFlag[]): string {
  const words = normalizeFlags(flags).map((flag) => NODE_FLAGS[flag]);
  return words.length === 0 ? NO_FLAGS : words.join(',');
}

/**
 * Parses a flags column (`myself,master`, `slave,fail?`, `noflags`). Returns `null` for an unknown word or an
 * empty part; the caller raises its own typed error. Redis's loader compares words case-insensitively.
 */
export function parseFlags(text: string): NodeFlag[] | null {
  const flags: NodeFlag[] = [];
  for (const word of text.split(',')) {
    const lower = word.toLowerCase();
    if (lower === NO_FLAGS) continue;
    const flag = FLAG_BY_WORD.get(lower);
    if (flag === undefined) return null;
    flags.push(flag);
  }
  return normalizeFlags(flags);
}
