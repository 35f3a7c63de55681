// Applying a PING, PONG or MEET (redis cluster_legacy.c `clusterProcessPacket`, 7.0 semantics), in Redis's
// order:
//  1. resolve the sender from the link (a reply on our link to X is from X) or from the header id;
//  2. a known sender: currentEpoch takes the max, its configEpoch only grows, its replication offset is taken;
//  3. PING/MEET: a MEET may teach myself its address; a MEET from a stranger adds it as a handshake node;
//     every PING/MEET gets a PONG;
//  4. a PONG on our link to a handshake node completes the handshake (the node takes its real id), or drops
//     the duplicate when the id is already known; a PONG from another id than the link's marks it noaddr;
//  5. PONG on our link: pong time, PFAIL cleared, FAIL maybe cleared; nofailover copied; address updates;
//  6. role: master, or replica of the announced master (a master turning replica loses its slots);
//  7. slots: a master's newer claim rebinds slots; a stale claim gets an UPDATE about the newer owner;
//  8. equal configEpochs of two masters: the smaller id bumps (collision resolution);
//  9. the gossip section and the extensions.
// Pure: no I/O; returns the new state and the effects.
import { SLOT_BITMAP_BYTES, SLOT_COUNT, type SlotBitmap } from '@tessera/slot';
import {
  createNode,
  inHandshake,
  isFailed,
  isMaster,
  isTimedOut,
  type ClusterNode,
} from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { MessageOutcome } from '../model/effects.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import type { ModelEnv } from '../model/env.js';
import { normalizeIp } from '../model/ip-address.js';
import { hasFlag, type NodeFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';
import { StateDraft } from '../model/state-draft.js';
import { applyGossipSection, applyPingExtensions } from './apply-gossip.js';
import { handleConfigEpochCollision } from './config-epoch.js';
import { clearNodeFailureIfNeeded } from './failure-detection.js';
import { applyHeaderEpochs } from './header-epochs.js';
import type { MessageLink, PingMessage } from './messages.js';
import { setNodeAsMaster, updateShardId } from './roles.js';
import { updateSlotsConfigWith } from './update-slots-config.js';
import { validatePingMessage } from './validate-message.js';

/** Validates, then applies a PING/PONG/MEET received on `link`. */
export function applyPingMessage(
  state: ClusterState,
  message: PingMessage,
  link: MessageLink,
  env: ModelEnv,
): MessageOutcome {
  const invalid = validatePingMessage(message);
  if (invalid) return { ok: false, error: invalid };
  const draft = new StateDraft(state, env);
  const linkNode = link.direction === 'outbound' ? draft.get(link.nodeId) : undefined;
  if (link.direction === 'outbound' && !linkNode) {
    return rejected(
      CLUSTER_MODEL_ERROR_CODES.SENDER_UNKNOWN,
      `reply on a link to unknown node ${link.nodeId}`,
    );
  }
  if (message.sender === draft.myselfId) {
    if (linkNode && inHandshake(linkNode)) {
      // CLUSTER MEET to our own address: drop the handshake node.
      draft.deleteNode(linkNode.id);
      draft.event('node-removed', linkNode.id, { reason: 'handshake with myself' });
      return { ok: true, ...draft.finish() };
    }
    return rejected(CLUSTER_MODEL_ERROR_CODES.MESSAGE_INVALID, 'message claims to come from myself');
  }

  // 1. The sender: our link's node, unless it is still a handshake node (random name, not truly known).
  let senderId: NodeId | null;
  if (linkNode && !inHandshake(linkNode)) {
    if (linkNode.id !== message.sender) {
      markLinkMismatch(draft, linkNode);
      return { ok: true, ...draft.finish() };
    }
    senderId = linkNode.id;
  } else {
    senderId = draft.get(message.sender) ? message.sender : null;
  }

  // 2. Epochs and offset of a known sender.
  if (senderId !== null) {
    applyHeaderEpochs(draft, senderId, message);
    if (!inHandshake(draft.require(senderId))) {
      draft.patch(senderId, { replicationOffset: message.replicationOffset });
    }
  }

  // 3. PING and MEET.
  if (message.type === 'ping' || message.type === 'meet') {
    learnMyAddress(draft, message, link);
    if (senderId === null && message.type === 'meet') {
      addHandshakeNodeFromMeet(draft, message);
      applyGossipSection(draft, message.gossip, null);
    }
    draft.emit({ kind: 'reply-pong' });
    if (senderId === null && message.type === 'ping') {
      draft.log('debug', 'PING from unknown node answered', { sender: message.sender });
    }
  }

  // 4. Handshake completion on our link.
  let linkNodeId = linkNode?.id ?? null;
  if (linkNode && inHandshake(linkNode)) {
    if (senderId !== null) {
      // We already know this node: take the address we reached it at, and drop the duplicate.
      if (updateAddressIfNeeded(draft, senderId, message)) {
        draft.saveConfig();
        draft.updateState();
      }
      draft.deleteNode(linkNode.id);
      draft.event('node-removed', linkNode.id, { reason: 'handshake with a known node', knownAs: senderId });
      return { ok: true, ...draft.finish() };
    }
    draft.renameNode(linkNode.id, message.sender);
    const roles = message.flags.filter((flag): flag is NodeFlag => flag === 'master' || flag === 'replica');
    draft.setFlags(message.sender, roles, ['handshake']);
    draft.saveConfig();
    draft.event('handshake-completed', message.sender, { temporaryId: linkNode.id });
    draft.log('debug', 'handshake completed', { nodeId: message.sender });
    linkNodeId = message.sender;
    // As in Redis, the rest of this first reply is not trusted as config: the next PING/PONG brings it.
  }

  // 5. Liveness, nofailover, address.
  if (senderId !== null) {
    const nofailover = hasFlag(message.flags, 'nofailover');
    draft.setFlags(senderId, nofailover ? ['nofailover'] : [], nofailover ? [] : ['nofailover']);
    const sender = draft.require(senderId);
    if (message.type === 'ping' && link.direction === 'inbound' && !inHandshake(sender)) {
      if (updateAddressIfNeeded(draft, senderId, message)) {
        draft.saveConfig();
        draft.updateState();
      }
    }
  }
  if (linkNodeId !== null && message.type === 'pong') notePong(draft, linkNodeId);

  if (senderId === null) return { ok: true, ...draft.finish() };

  // 6. Role. 7. Slots. 8. Epoch collision. 9. Gossip.
  applyRole(draft, senderId, message.masterId);
  applySlotClaim(draft, senderId, message.configEpoch, message.slots);
  const sender = draft.require(senderId);
  if (isMaster(draft.myself) && isMaster(sender) && message.configEpoch === draft.myself.configEpoch) {
    handleConfigEpochCollision(draft, senderId);
  }
  applyGossipSection(draft, message.gossip, senderId);
  applyPingExtensions(draft, message, senderId);
  return { ok: true, ...draft.finish() };
}

function rejected(code: ClusterModelError['code'], message: string): MessageOutcome {
  return { ok: false, error: new ClusterModelError(code, message) };
}

/** A PONG on our link to X came from another id: X's address is wrong (redis: flags it noaddr). */
function markLinkMismatch(draft: StateDraft, node: ClusterNode): void {
  draft.patch(node.id, { ip: '', port: 0, busPort: 0, link: 'disconnected', linkSince: 0 });
  draft.setFlags(node.id, ['noaddr']);
  draft.emit({ kind: 'free-link', nodeId: node.id });
  draft.saveConfig();
  draft.log('debug', 'PONG contains mismatching sender id', { nodeId: node.id });
}

/** MEET (or any PING while myself has no address) tells myself the address peers reach it at. */
function learnMyAddress(draft: StateDraft, message: PingMessage, link: MessageLink): void {
  const me = draft.myself;
  if (link.direction !== 'inbound' || link.localIp === undefined || draft.options.announceIp !== null) return;
  if (message.type !== 'meet' && me.ip !== '') return;
  const ip = normalizeIp(link.localIp);
  if (ip === null || ip === me.ip) return;
  draft.patch(me.id, { ip });
  draft.saveConfig();
  draft.log('info', 'IP address for this node updated', { ip });
}

function addHandshakeNodeFromMeet(draft: StateDraft, message: PingMessage): void {
  const id = draft.randomId();
  draft.addNode(
    createNode({
      id,
      shardId: draft.randomId(),
      createdAt: draft.now,
      ip: normalizeIp(message.ip) ?? '',
      port: message.port,
      busPort: message.busPort,
      flags: ['handshake'],
    }),
  );
  draft.saveConfig();
  draft.event('node-added', id, { via: 'meet', handshake: true });
}

/** Redis `nodeUpdateAddressIfNeeded`: take the announced address; the old link goes. */
function updateAddressIfNeeded(draft: StateDraft, nodeId: NodeId, message: PingMessage): boolean {
  const node = draft.require(nodeId);
  const ip = normalizeIp(message.ip) ?? '';
  if (node.ip === ip && node.port === message.port && node.busPort === message.busPort) return false;
  draft.patch(nodeId, {
    ip,
    port: message.port,
    busPort: message.busPort,
    link: 'disconnected',
    linkSince: 0,
  });
  draft.setFlags(nodeId, [], ['noaddr']);
  draft.emit({ kind: 'free-link', nodeId });
  draft.log('info', 'address updated for node', { nodeId, ip, port: message.port });
  return true;
}

/** A PONG on our link: the node is alive; PFAIL goes at once, FAIL by Redis's rules. */
function notePong(draft: StateDraft, nodeId: NodeId): void {
  const node = draft.patch(nodeId, { pongReceived: draft.now, pingSent: 0 });
  if (isTimedOut(node)) {
    draft.setFlags(nodeId, [], ['pfail']);
    draft.event('pfail-cleared', nodeId);
    draft.saveConfig();
    draft.updateState();
  } else if (isFailed(node)) {
    clearNodeFailureIfNeeded(draft, nodeId);
  }
}

function applyRole(draft: StateDraft, senderId: NodeId, masterId: NodeId | null): void {
  if (masterId === null) {
    setNodeAsMaster(draft, senderId);
    return;
  }
  const master = draft.get(masterId);
  if (isMaster(draft.require(senderId))) {
    // A master turned into a replica: it no longer serves slots (7.0: clusterDelNodeSlots).
    for (const slot of draft.slotsOf(senderId)) draft.delSlot(slot);
    draft.setFlags(senderId, ['replica'], ['master']);
    draft.event('role-changed', senderId, { role: 'replica' });
    draft.saveConfig();
    draft.updateState();
  }
  if (master && draft.require(senderId).masterId !== master.id) {
    draft.patch(senderId, { masterId: master.id });
    updateShardId(draft, senderId, master.shardId);
    draft.event('role-changed', senderId, { role: 'replica', masterId: master.id });
    draft.saveConfig();
  }
}

function applySlotClaim(draft: StateDraft, senderId: NodeId, configEpoch: bigint, slots: SlotBitmap): void {
  const sender = draft.require(senderId);
  const leader = isMaster(sender)
    ? sender
    : sender.masterId === null
      ? undefined
      : draft.get(sender.masterId);
  if (!leader || sameSlots(leader.slots, slots)) return;
  if (isMaster(sender)) updateSlotsConfigWith(draft, senderId, configEpoch, slots);
  // The reverse case: the sender claims slots that a node with a newer configEpoch serves. Tell it.
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (((slots[slot >> 3] as number) & (1 << (slot & 7))) === 0) continue;
    const ownerId = draft.owner(slot);
    if (ownerId === null || ownerId === senderId) continue;
    if (draft.require(ownerId).configEpoch > configEpoch) {
      draft.emit({ kind: 'send-update', toId: senderId, aboutId: ownerId });
      draft.log('debug', 'node has an old slots configuration: sending UPDATE', {
        nodeId: senderId,
        aboutId: ownerId,
      });
      break;
    }
  }
}

function sameSlots(a: SlotBitmap, b: SlotBitmap): boolean {
  for (let i = 0; i < SLOT_BITMAP_BYTES; i++) if (a[i] !== b[i]) return false;
  return true;
}
