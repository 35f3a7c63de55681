// Builds a ClusterState from parsed node lines (nodes.conf or CLUSTER NODES), with Redis's loader rules
// (redis `clusterLoadConfig`) and the consistency checks it lacks:
// - exactly one `myself` line, a master or a replica with a master id; no node twice; no slot twice;
// - migration tokens only on myself's line;
// - a master or migration peer that has no line of its own becomes an address-less placeholder node;
// - a replica's epoch column is its master's: the replica itself gets configEpoch 0;
// - shard ids come from `shard-id=`; replicas take their master's; a shard without one (files of Redis < 7.2,
//   CLUSTER NODES) is named after its master's node id, so the result is deterministic;
// - currentEpoch is at least the largest configEpoch.
// `loadedAt` gives the semantics of a restart: non-zero ping/pong times and FAIL times become that instant
// and links start disconnected. Without it the lines are taken verbatim (tools, tests, rendering back).
// Internal to the lib. Pure: no I/O.
import { bitmapFromRanges, countSlots, SLOT_COUNT } from '@tessera/slot';
import { resolveOptions, type ClusterOptions } from '../model/cluster-options.js';
import { createNode, type ClusterNode } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import { hasFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';
import type { ParsedNodeLine } from './node-line-parser.js';

export interface AssembleOptions {
  /** Cluster options of the resulting state; unset ones take Redis's defaults. */
  readonly options?: Partial<ClusterOptions>;
  /**
   * Load as a restarting node does at this time (ms): ping/pong/fail times become it, links disconnected.
   * @default undefined (take the lines verbatim)
   */
  readonly loadedAt?: number;
}

export interface NumberedLine {
  readonly lineNumber: number;
  readonly node: ParsedNodeLine;
}

export interface Vars {
  readonly currentEpoch: bigint;
  readonly lastVoteEpoch: bigint;
}

/** Throws through `fail(problem, lineNumber)` (the parser's typed error); `lastLine` names the end of input. */
export function assembleState(
  lines: readonly NumberedLine[],
  vars: Vars | null,
  settings: AssembleOptions,
  fail: (problem: string, lineNumber: number) => never,
  lastLine: number,
): ClusterState {
  const options = resolveOptions(settings.options);
  const loadedAt = settings.loadedAt;
  const now = loadedAt ?? 0;
  const byId = new Map<NodeId, NumberedLine>();
  let myselfLine: NumberedLine | undefined;
  for (const entry of lines) {
    const { node, lineNumber } = entry;
    if (byId.has(node.id)) fail(`node ${node.id} appears twice`, lineNumber);
    byId.set(node.id, entry);
    if (hasFlag(node.flags, 'myself')) {
      if (myselfLine) fail('more than one line has the myself flag', lineNumber);
      myselfLine = entry;
    } else if (node.migrating.length + node.importing.length > 0) {
      fail('migrating/importing slots may only appear on the myself line', lineNumber);
    }
  }
  if (!myselfLine) return fail('no line has the myself flag', lastLine);
  const me = myselfLine.node;
  if (!hasFlag(me.flags, 'master') && !hasFlag(me.flags, 'replica')) {
    fail('the myself line must have the master or slave flag', myselfLine.lineNumber);
  }
  if (hasFlag(me.flags, 'replica') && me.masterId === null) {
    fail('the myself line is a replica without a master id', myselfLine.lineNumber);
  }

  const nodes = new Map<NodeId, ClusterNode>();
  const placeholder = (id: NodeId): void => {
    if (!byId.has(id) && !nodes.has(id)) nodes.set(id, createNode({ id, shardId: id, createdAt: now }));
  };
  const owners: (NodeId | null)[] = new Array<NodeId | null>(SLOT_COUNT).fill(null);
  for (const { node, lineNumber } of lines) {
    const slots = bitmapFromRanges(node.slots);
    for (const { start, end } of node.slots) {
      for (let slot = start; slot <= end; slot++) {
        const owner = owners[slot];
        if (owner !== null && owner !== node.id)
          fail(`slot ${slot} is served by ${owner} and ${node.id}`, lineNumber);
        owners[slot] = node.id;
      }
    }
    const isReplicaLine = hasFlag(node.flags, 'replica') && node.masterId !== null;
    const base = createNode({
      id: node.id,
      shardId: node.shardId ?? node.id,
      createdAt: now,
      ip: node.ip,
      port: node.port,
      busPort: node.busPort,
      ...(node.hostname ? { hostname: node.hostname } : {}),
      flags: node.flags,
    });
    const isMyself = node.id === me.id;
    nodes.set(node.id, {
      ...base,
      masterId: node.masterId,
      pingSent: loadedAt !== undefined && node.pingSent !== 0 ? loadedAt : node.pingSent,
      pongReceived: loadedAt !== undefined && node.pongReceived !== 0 ? loadedAt : node.pongReceived,
      failTime: hasFlag(node.flags, 'fail') ? now : 0,
      configEpoch: isReplicaLine ? 0n : node.configEpoch,
      link: isMyself ? 'connected' : loadedAt !== undefined ? 'disconnected' : node.link,
      slots,
      slotCount: countSlots(slots),
    });
    if (node.masterId !== null) placeholder(node.masterId);
  }
  for (const { nodeId } of [...me.migrating, ...me.importing]) placeholder(nodeId);

  // Replicas belong to their master's shard; a shard without a persisted id is named after its master.
  for (const node of nodes.values()) {
    const master = node.masterId === null ? undefined : nodes.get(node.masterId);
    if (master && hasFlag(node.flags, 'replica')) nodes.set(node.id, { ...node, shardId: master.shardId });
  }

  let currentEpoch = vars?.currentEpoch ?? 0n;
  let size = 0;
  for (const node of nodes.values()) {
    if (node.configEpoch > currentEpoch) currentEpoch = node.configEpoch;
    if (hasFlag(node.flags, 'master') && node.slotCount > 0) size++;
  }
  return {
    options,
    myselfId: me.id,
    nodes,
    slotOwners: owners,
    currentEpoch,
    lastVoteEpoch: vars?.lastVoteEpoch ?? 0n,
    failoverVotes: new Map(),
    migratingTo: new Map(me.migrating.map(({ slot, nodeId }) => [slot, nodeId])),
    importingFrom: new Map(me.importing.map(({ slot, nodeId }) => [slot, nodeId])),
    health: 'fail',
    size,
    blacklist: new Map(),
    minoritySince: 0,
    firstEvaluationAt: 0,
  };
}
