// What a cluster bus must provide so the model can run a node (style rule 9: the model is state and policy,
// the bus is mechanism). The gossip-agent implements this over gRPC, converting protobuf <-> model messages;
// the model never calls it: the agent maps each effect to one call here and reports back through the
// transitions named in the comments. No I/O in this file, only the contract.
import type { ClusterNode } from './model/cluster-node.js';
import type { NodeId } from './model/node-id.js';
import type { FailMessage, MessageLink, PingMessage, UpdateMessage } from './transitions/messages.js';

export interface ClusterBus {
  /**
   * Open a link to `node` (effect `connect`). Report the result with `linkConnected` or `connectFailed`; a link
   * that breaks later with `linkLost`.
   */
  connect(node: ClusterNode): void;
  /** Close the link to `nodeId` (effect `free-link`). */
  closeLink(nodeId: NodeId): void;
  /**
   * Send a PING or MEET (effect `send-ping`, built by `buildPingMessage`). The PONG comes back through
   * `applyPingMessage` with `{ direction: 'outbound', nodeId }`.
   */
  sendPing(nodeId: NodeId, message: PingMessage): void;
  /** Answer the PING/MEET being processed (effect `reply-pong`). */
  replyPong(link: MessageLink, message: PingMessage): void;
  /** Send to every node with a link (effects `broadcast-pong`, `broadcast-fail`). */
  broadcast(message: PingMessage | FailMessage): void;
  /** Send an UPDATE to a node whose slot claim is stale (effect `send-update`, built by `buildUpdateMessage`). */
  sendUpdate(nodeId: NodeId, message: UpdateMessage): void;
}
