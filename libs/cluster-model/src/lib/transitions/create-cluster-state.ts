// A fresh cluster state: a new node that knows only itself (redis clusterInit with no nodes.conf): a random
// node id and shard id, flags `myself,master`, epochs 0, no slots, cluster_state `fail`.
// Pure: randomness and time come from the injected env.
import { SLOT_COUNT } from '@tessera/slot';
import { resolveOptions, type ClusterOptions } from '../model/cluster-options.js';
import { createNode } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { generateNodeId } from '../model/node-id.js';
import type { NodeFlag } from '../model/node-flags.js';
import { isValidHostname } from './validate-message.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';

export interface NewClusterState {
  /** Client (RESP) port of this node. */
  readonly port: number;
  /** Cluster bus port; Redis's default is port + 10000. */
  readonly busPort: number;
  /**
   * This node's address when known in advance (cluster-announce-ip); otherwise peers teach it with MEET.
   * @default ''
   */
  readonly ip?: string;
  /**
   * cluster-announce-hostname.
   * @default undefined (none)
   */
  readonly hostname?: string;
  /** Cluster options; unset ones take Redis's defaults (see ClusterOptions). */
  readonly options?: Partial<ClusterOptions>;
}

export function createClusterState(init: NewClusterState, env: ModelEnv): ClusterState {
  const options = resolveOptions(init.options);
  for (const [what, port] of [
    ['port', init.port],
    ['busPort', init.busPort],
  ] as const) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new ClusterModelError(
        CLUSTER_MODEL_ERROR_CODES.OPTION_INVALID,
        `${what} must be in 1..65535, got ${port}`,
      );
    }
  }
  if (init.hostname !== undefined && !isValidHostname(init.hostname)) {
    throw new ClusterModelError(
      CLUSTER_MODEL_ERROR_CODES.OPTION_INVALID,
      'hostname (cluster-announce-hostname) may only contain letters, digits, hyphens and dots',
    );
  }
  const now = env.clock.now();
  const flags: NodeFlag[] = options.replicaNoFailover
    ? ['myself', 'master', 'nofailover']
    : ['myself', 'master'];
  const me = {
    ...createNode({
      id: generateNodeId(env.random),
      shardId: generateNodeId(env.random),
      createdAt: now,
      ip: options.announceIp ?? init.ip ?? '',
      port: init.port,
      busPort: init.busPort,
      ...(init.hostname ? { hostname: init.hostname } : {}),
      flags,
    }),
    link: 'connected' as const,
  };
  return {
    options,
    myselfId: me.id,
    nodes: new Map([[me.id, me]]),
    slotOwners: new Array<null>(SLOT_COUNT).fill(null),
    currentEpoch: 0n,
    lastVoteEpoch: 0n,
    failoverVotes: new Map(),
    migratingTo: new Map(),
    importingFrom: new Map(),
    health: 'fail',
    size: 0,
    blacklist: new Map(),
    minoritySince: 0,
    firstEvaluationAt: 0,
  };
}
