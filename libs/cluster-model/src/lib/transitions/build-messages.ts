// Outgoing bus messages built from the state (redis `clusterSendPing`, `clusterSetGossipEntry`,
// `clusterSendFail`, `clusterSendUpdate`). The header always carries myself's view: currentEpoch, and as
// configEpoch and slots those of myself or, for a replica, of its master. The gossip section samples
// max(3, N/10) random nodes (skipping myself, handshake/noaddr nodes and disconnected slotless ones) and then
// adds every PFAIL node, so failure reports spread fast. Pure: randomness comes from the injected env.
import { createSlotBitmap } from '@tessera/slot';
import { inHandshake, isReplica, isTimedOut, type ClusterNode } from '../model/cluster-node.js';
import { myself, type ClusterState } from '../model/cluster-state.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import { randomBelow, type ModelEnv } from '../model/env.js';
import { hasFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';
import type { FailMessage, GossipEntry, MessageHeader, PingMessage, UpdateMessage } from './messages.js';

/** Header fields: myself's epochs, or its master's configEpoch when myself is a replica. */
export function buildHeader(state: ClusterState): MessageHeader {
  const leader = leaderOfMyself(state);
  return { sender: state.myselfId, currentEpoch: state.currentEpoch, configEpoch: leader.configEpoch };
}

/**
 * A PING, PONG or MEET carrying myself's config and a gossip section. `ip` is the announced address
 * (cluster-announce-ip) or empty: the receiving agent then uses the connection's peer address.
 */
export function buildPingMessage(state: ClusterState, type: PingMessage['type'], env: ModelEnv): PingMessage {
  const me = myself(state);
  const leader = leaderOfMyself(state);
  const forgotten = [...state.blacklist]
    .filter(([, expiresAt]) => expiresAt >= env.clock.now())
    .map(([id, expiresAt]) => ({ id, ttlMs: expiresAt - env.clock.now() }));
  return {
    type,
    ...buildHeader(state),
    masterId: isReplica(me) ? me.masterId : null,
    slots: leader === me ? me.slots : new Uint8Array(leader.slots),
    flags: me.flags,
    replicationOffset: me.replicationOffset,
    ip: state.options.announceIp ?? '',
    port: me.port,
    busPort: me.busPort,
    ...(me.hostname ? { hostname: me.hostname } : {}),
    shardId: me.shardId,
    gossip: pickGossip(state, env),
    ...(forgotten.length > 0 ? { forgotten } : {}),
  };
}

/** FAIL about `failingId`, to broadcast (effect `broadcast-fail`). */
export function buildFailMessage(state: ClusterState, failingId: NodeId): FailMessage {
  return { ...buildHeader(state), failing: failingId };
}

/** UPDATE about `aboutId`: its configEpoch and slots (effect `send-update`). */
export function buildUpdateMessage(state: ClusterState, aboutId: NodeId): UpdateMessage {
  const about = state.nodes.get(aboutId);
  if (!about) {
    throw new ClusterModelError(
      CLUSTER_MODEL_ERROR_CODES.NODE_UNKNOWN,
      `node ${aboutId} is not in the cluster state`,
    );
  }
  return {
    ...buildHeader(state),
    nodeId: about.id,
    nodeConfigEpoch: about.configEpoch,
    slots: about.slotCount > 0 ? new Uint8Array(about.slots) : createSlotBitmap(),
  };
}

function leaderOfMyself(state: ClusterState): ClusterNode {
  const me = myself(state);
  if (isReplica(me) && me.masterId !== null) {
    const master = state.nodes.get(me.masterId);
    if (master) return master;
  }
  return me;
}

function pickGossip(state: ClusterState, env: ModelEnv): GossipEntry[] {
  const nodes = [...state.nodes.values()];
  let fresh = nodes.length - 2;
  const wanted = Math.min(Math.max(3, Math.floor(nodes.length / 10)), fresh);
  const chosen = new Map<NodeId, ClusterNode>();
  for (let iterations = wanted * 3; fresh > 0 && chosen.size < wanted && iterations > 0; iterations--) {
    const node = nodes[randomBelow(env.random, nodes.length)] as ClusterNode;
    if (node.id === state.myselfId || isTimedOut(node)) continue;
    if (
      inHandshake(node) ||
      hasFlag(node.flags, 'noaddr') ||
      (node.link === 'disconnected' && node.slotCount === 0)
    ) {
      fresh--;
      continue;
    }
    if (chosen.has(node.id)) continue;
    chosen.set(node.id, node);
    fresh--;
  }
  for (const node of nodes) {
    if (isTimedOut(node) && !inHandshake(node) && !hasFlag(node.flags, 'noaddr')) chosen.set(node.id, node);
  }
  return [...chosen.values()].map((node) => ({
    id: node.id,
    ip: node.ip,
    port: node.port,
    busPort: node.busPort,
    flags: node.flags,
    pingSent: node.pingSent,
    pongReceived: node.pongReceived,
  }));
}
