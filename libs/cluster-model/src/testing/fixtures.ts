// Test support: hand-made states and messages. A state is written as the CLUSTER NODES text of the node that
// holds it (readable, and exactly what Redis would show), and a PING is built from the sender's entry in the
// receiver's state, so the message agrees with what the receiver knows unless a test overrides a field.
// Not built, not published.
import { createSlotBitmap } from '@tessera/slot';
import { clusterStateFromNodes } from '../lib/codec/cluster-nodes-parser.js';
import type { ClusterOptions } from '../lib/model/cluster-options.js';
import { isReplica, type ClusterNode } from '../lib/model/cluster-node.js';
import type { ClusterState } from '../lib/model/cluster-state.js';
import type { NodeId } from '../lib/model/node-id.js';
import type { GossipEntry, PingMessage } from '../lib/transitions/messages.js';

/** Readable fixed ids: `id('a')` is 40 chars of `a`; ids compare like their letters. */
export function id(letter: string): NodeId {
  return letter.repeat(40);
}

/** A state from CLUSTER NODES lines (joined with `\n`); the `myself` line says whose state it is. */
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

/** A PING from `sender` as `receiver` knows it; `overrides` change any field. */
export function pingFrom(
  receiver: ClusterState,
  sender: NodeId,
  overrides: Partial<PingMessage> = {},
): PingMessage {
  const node = receiver.nodes.get(sender);
  if (!node) throw new Error(`receiver does not know ${sender}`);
  const master = isReplica(node) && node.masterId ? receiver.nodes.get(node.masterId) : undefined;
  return {
    type: 'ping',
    sender,
    currentEpoch: receiver.currentEpoch,
    configEpoch: (master ?? node).configEpoch,
    masterId: isReplica(node) ? node.masterId : null,
    slots: new Uint8Array((master ?? node).slots ?? createSlotBitmap()),
    flags: node.flags.filter((flag) => flag !== 'myself'),
    replicationOffset: 0n,
    ip: node.ip || '127.0.0.1',
    port: node.port,
    busPort: node.busPort,
    ...(node.hostname ? { hostname: node.hostname } : {}),
    shardId: node.shardId,
    gossip: [],
    ...overrides,
  };
}

/** A gossip entry about `about` as `state` knows it, with the given flags. */
export function gossipAbout(
  state: ClusterState,
  about: NodeId,
  flags: GossipEntry['flags'] = [],
): GossipEntry {
  const node = state.nodes.get(about);
  if (!node) throw new Error(`state does not know ${about}`);
  return {
    id: about,
    ip: node.ip,
    port: node.port,
    busPort: node.busPort,
    flags,
    pingSent: 0,
    pongReceived: 0,
  };
}

/** A slot bitmap holding `start..end` ranges. */
export function slotsOf(...ranges: [number, number][]): Uint8Array {
  const bits = createSlotBitmap();
  for (const [start, end] of ranges) {
    for (let slot = start; slot <= end; slot++)
      bits[slot >> 3] = (bits[slot >> 3] as number) | (1 << (slot & 7));
  }
  return bits;
}

/** The node `nodeId` of `state`; throws (failing the test) when it is missing. */
export function nodeOf(state: ClusterState, nodeId: NodeId): ClusterNode {
  const node = state.nodes.get(nodeId);
  if (!node) throw new Error(`state does not know ${nodeId}`);
  return node;
}
