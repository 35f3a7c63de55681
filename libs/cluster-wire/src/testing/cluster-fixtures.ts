// Test support: readable model states and a deterministic environment for the converter tests. A state is
// written as the CLUSTER NODES text of the node that holds it (parsed by the model's own clusterStateFromNodes),
// then patched where CLUSTER NODES has no column (failure reports, offsets, health). Not built, not published.
import {
  clusterStateFromNodes,
  type ClusterNode,
  type ClusterOptions,
  type ClusterState,
  type ModelEnv,
  type NodeId,
} from '@tessera/cluster-model';

/** The fake "now" of every test, ms. */
export const NOW = 1_700_000_000_000;

/** Readable fixed ids: `id('a')` is 40 chars of `a`. */
export function id(letter: string): NodeId {
  return letter.repeat(40);
}

/** A state from CLUSTER NODES lines; the `myself` line says whose state it is. */
export function stateOf(
  lines: readonly string[],
  options: Partial<ClusterOptions> = {},
  currentEpoch?: bigint,
): ClusterState {
  return clusterStateFromNodes(`${lines.join('\n')}\n`, {
    options,
    ...(currentEpoch === undefined ? {} : { currentEpoch }),
  });
}

/** `state` with the fields of node `nodeId` changed. */
export function withNode(state: ClusterState, nodeId: NodeId, patch: Partial<ClusterNode>): ClusterState {
  const node = state.nodes.get(nodeId);
  if (!node) throw new Error(`no node ${nodeId}`);
  const nodes = new Map(state.nodes);
  nodes.set(nodeId, { ...node, ...patch });
  return { ...state, nodes };
}

/** A clock stopped at `now` and a seeded random source (mulberry32): transitions replay exactly. */
export function fixedEnv(seed = 1, now = NOW): ModelEnv {
  let current = seed >>> 0;
  return {
    clock: { now: () => now },
    random: {
      uint32: () => {
        current = (current + 0x6d2b79f5) >>> 0;
        let t = current;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
      },
    },
  };
}

/**
 * Six nodes seen by master `a` (announced as 10.0.0.1, hostname node-a): three masters covering every slot,
 * one replica each (e in PFAIL, f FAIL and disconnected), `a` migrating slot 100 to c and importing 5461 from b.
 */
export const SIX_NODES: readonly string[] = [
  `${id('a')} 10.0.0.1:7000@17000,node-a myself,master - 0 0 1 connected 0-5460 [100->-${id('c')}] [5461-<-${id('b')}]`,
  `${id('b')} 10.0.0.2:7001@17001 master - ${NOW - 500} ${NOW - 400} 2 connected 5461-10922`,
  `${id('c')} 10.0.0.3:7002@17002,node-c master - 0 ${NOW - 300} 3 connected 10923-16383`,
  `${id('d')} 10.0.0.4:7003@17003 slave ${id('a')} 0 ${NOW - 200} 1 connected`,
  `${id('e')} 10.0.0.5:7004@17004 slave,fail? ${id('b')} ${NOW - 9000} ${NOW - 20000} 2 connected`,
  `${id('f')} 10.0.0.6:7005@17005 slave,fail ${id('c')} ${NOW - 9000} ${NOW - 60000} 3 disconnected`,
];

/** {@link SIX_NODES} as node `letter` (a healthy one) sees it, without migrations: the receiver of a bus test. */
export function sixNodesSeenBy(letter: string): readonly string[] {
  return SIX_NODES.map((line) => {
    const plain = line.replace('myself,', '').replace(/ \[[^\]]*\]/g, '');
    return plain.startsWith(id(letter)) ? plain.replace(/ (master|slave)/, ' myself,$1') : plain;
  });
}
