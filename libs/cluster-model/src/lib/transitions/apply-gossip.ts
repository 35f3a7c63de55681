// The gossip section and extensions of a PING/PONG/MEET (redis `clusterProcessGossipSection`,
// `clusterProcessPingExt`):
// - failure reports are taken only from masters: an entry flagged PFAIL/FAIL adds the sender's report (and may
//   turn the node FAIL), an entry without them withdraws it (redis-compat §3);
// - a node up from everyone's view gets the freshest pong time gossip reports (at most 500 ms in the future);
// - a PFAIL/FAIL node seen elsewhere at a new address gets that address (and its link is dropped);
// - an unknown node is added only when a known node vouches for it, it has an address, and it is not
//   blacklisted by FORGET;
// - extensions: announced hostname (absent clears it), shard id, forgotten nodes.
// Internal to the lib. Pure: no I/O.
import { GOSSIP_PONG_TOLERANCE_MS } from '../model/cluster-options.js';
import { createNode, isFailed, isMaster, isReplica, isTimedOut } from '../model/cluster-node.js';
import { normalizeIp } from '../model/ip-address.js';
import { changeFlags, hasFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';
import {
  addFailureReport,
  cleanupFailureReports,
  deleteFailureReport,
  markNodeAsFailingIfNeeded,
} from './failure-detection.js';
import type { GossipEntry, PingMessage } from './messages.js';
import { updateShardId } from './roles.js';

/** Applies the gossip entries; `senderId` is `null` for a MEET from a node we do not know yet. */
export function applyGossipSection(
  draft: StateDraft,
  gossip: readonly GossipEntry[],
  senderId: NodeId | null,
): void {
  const sender = senderId === null ? undefined : draft.get(senderId);
  for (const entry of gossip) {
    const node = draft.get(entry.id);
    const failing = hasFlag(entry.flags, 'pfail') || hasFlag(entry.flags, 'fail');
    if (node && node.id !== draft.myselfId) {
      if (sender && isMaster(sender)) {
        if (failing) {
          if (addFailureReport(draft, node.id, sender.id)) {
            draft.log('debug', 'node reported a node as not reachable', {
              reporter: sender.id,
              nodeId: node.id,
            });
          }
          markNodeAsFailingIfNeeded(draft, node.id);
        } else if (deleteFailureReport(draft, node.id, sender.id)) {
          draft.log('debug', 'node reported a node as back online', { reporter: sender.id, nodeId: node.id });
        }
      }
      takeGossipPongTime(draft, entry, failing);
      takeGossipAddress(draft, entry, failing);
    } else if (!node) {
      addGossipedNode(draft, entry, sender !== undefined);
    }
  }
}

/** Hostname, shard id and forgotten-node extensions of a known sender. */
export function applyPingExtensions(draft: StateDraft, message: PingMessage, senderId: NodeId): void {
  for (const forgotten of message.forgotten ?? []) {
    const node = draft.get(forgotten.id);
    const me = draft.myself;
    if (!node || node.id === me.id || (isReplica(me) && me.masterId === node.id)) continue;
    draft.blacklist.set(forgotten.id, draft.now + forgotten.ttlMs);
    draft.deleteNode(forgotten.id);
    draft.event('node-removed', forgotten.id, { reason: 'forgotten by a peer', by: senderId });
    draft.updateState();
    draft.saveConfig();
  }
  const sender = draft.get(senderId);
  if (!sender) return; // the sender itself was just forgotten
  if ((sender.hostname ?? '') !== (message.hostname ?? '')) {
    draft.patch(senderId, { hostname: message.hostname ?? '' });
    draft.saveConfig();
  }
  // Without the extension (a pre-7.2 sender) the shard id is its master's, as Redis assumes.
  const master = isReplica(sender) && sender.masterId !== null ? draft.get(sender.masterId) : undefined;
  updateShardId(draft, senderId, message.shardId ?? (master ?? sender).shardId);
}

function takeGossipPongTime(draft: StateDraft, entry: GossipEntry, failing: boolean): void {
  const node = draft.require(entry.id);
  if (failing || node.pingSent !== 0 || cleanupFailureReports(draft, node.id) !== 0) return;
  if (entry.pongReceived <= draft.now + GOSSIP_PONG_TOLERANCE_MS && entry.pongReceived > node.pongReceived) {
    draft.patch(node.id, { pongReceived: entry.pongReceived });
  }
}

function takeGossipAddress(draft: StateDraft, entry: GossipEntry, failing: boolean): void {
  const node = draft.require(entry.id);
  if (!(isTimedOut(node) || isFailed(node)) || failing || hasFlag(entry.flags, 'noaddr')) return;
  const ip = normalizeIp(entry.ip);
  if (ip === null) return;
  if (node.ip === ip && node.port === entry.port && node.busPort === entry.busPort) return;
  draft.emit({ kind: 'free-link', nodeId: node.id });
  draft.patch(node.id, { ip, port: entry.port, busPort: entry.busPort, link: 'disconnected', linkSince: 0 });
  draft.setFlags(node.id, [], ['noaddr']);
  draft.log('info', 'address updated from gossip', { nodeId: node.id, ip, port: entry.port });
}

function addGossipedNode(draft: StateDraft, entry: GossipEntry, vouched: boolean): void {
  if (!vouched || hasFlag(entry.flags, 'noaddr') || draft.isBlacklisted(entry.id)) return;
  const ip = normalizeIp(entry.ip) ?? '';
  draft.addNode(
    createNode({
      id: entry.id,
      shardId: draft.randomId(),
      createdAt: draft.now,
      ip,
      port: entry.port,
      busPort: entry.busPort,
      // The gossiper's view of the node's flags, as Redis takes them; never myself or handshake here.
      flags: changeFlags(entry.flags, [], ['myself', 'handshake']),
    }),
  );
  draft.event('node-added', entry.id, { via: 'gossip' });
}
