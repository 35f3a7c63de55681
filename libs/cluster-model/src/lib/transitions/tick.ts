// The periodic duty cycle (redis `clusterCron`, called every 100 ms), minus the mechanism:
// - expired blacklist entries go; handshake nodes older than max(node-timeout, 1000 ms) are dropped;
// - nodes without a link get a `connect` effect (the agent opens it, then calls linkConnected/connectFailed);
// - a link older than node-timeout whose PING waits for more than node-timeout/2 with no data at all is
//   dropped (`free-link`) and reopened, so a node that comes back is pinged again;
// - a node whose PONG is older than node-timeout/2 with no PING pending gets a PING (`send-ping`);
// - once a second (`randomPing`), the least recently heard of five random nodes gets a PING;
// - a node with a PING pending and no data for longer than node-timeout becomes PFAIL (`fail?`); alone in a
//   one-master cluster, myself marks it FAIL directly;
// - replica migration: a spare replica moves to an orphaned master (failover/replica-migration.ts);
// - cluster_state is re-evaluated when something changed or while it is `fail`.
// Pure: no I/O.
import { inHandshake, isFailed, isMaster, isTimedOut, type ClusterNode } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { Transition } from '../model/effects.js';
import { randomBelow, type ModelEnv } from '../model/env.js';
import { hasFlag } from '../model/node-flags.js';
import { StateDraft } from '../model/state-draft.js';
import { handleReplicaMigration } from '../failover/replica-migration.js';
import { markNodeAsFailingIfNeeded } from './failure-detection.js';

/** Shortest handshake lifetime (redis clusterCron: `if (handshake_timeout < 1000) handshake_timeout = 1000`). */
export const MIN_HANDSHAKE_TIMEOUT_MS = 1_000;

export interface TickOptions {
  /**
   * Also PING the least recently heard of five random nodes (Redis does this every 10th cron run, once a second).
   * @default false
   */
  readonly randomPing?: boolean;
}

export function tick(state: ClusterState, env: ModelEnv, options: TickOptions = {}): Transition {
  const draft = new StateDraft(state, env);
  const timeout = draft.options.nodeTimeout;
  draft.cleanupBlacklist();

  const handshakeTimeout = Math.max(timeout, MIN_HANDSHAKE_TIMEOUT_MS);
  for (const node of draft.allNodes()) {
    if (node.id === draft.myselfId) continue;
    if (inHandshake(node) && draft.now - node.createdAt > handshakeTimeout) {
      draft.deleteNode(node.id);
      draft.event('node-removed', node.id, { reason: 'handshake timed out' });
      continue;
    }
    if (node.link === 'disconnected' && !hasFlag(node.flags, 'noaddr')) {
      draft.emit({ kind: 'connect', nodeId: node.id });
    }
  }

  if (options.randomPing) pingRandomNode(draft);

  let stateChanged = false;
  for (const node of draft.allNodes()) {
    if (node.id === draft.myselfId || hasFlag(node.flags, 'noaddr') || inHandshake(node)) continue;
    if (linkLooksDead(draft, node)) {
      // Connected but silent: maybe the connection is the problem. Reconnect (the pending PING keeps its time).
      draft.patch(node.id, { link: 'disconnected', linkSince: 0 });
      draft.emit({ kind: 'free-link', nodeId: node.id });
    }
    if (node.link === 'connected' && node.pingSent === 0 && draft.now - node.pongReceived > timeout / 2) {
      sendPing(draft, node);
      continue;
    }
    if (node.pingSent === 0) continue;
    // Any data from the node counts as liveness: under heavy bus traffic PONGs may be late.
    const delay = Math.min(draft.now - node.pingSent, draft.now - node.dataReceived);
    if (delay > timeout && !isTimedOut(node) && !isFailed(node)) {
      draft.setFlags(node.id, ['pfail']);
      draft.event('pfail', node.id, { silentForMs: delay });
      stateChanged = true;
      if (isMaster(draft.myself) && draft.size === 1) markNodeAsFailingIfNeeded(draft, node.id);
      else draft.log('debug', 'node possibly failing', { nodeId: node.id });
    }
  }
  handleReplicaMigration(draft);
  if (stateChanged || draft.health === 'fail') draft.updateState();
  return draft.finish();
}

/** Redis: a link older than node-timeout, a PING unanswered and no data at all for node-timeout/2. */
function linkLooksDead(draft: StateDraft, node: ClusterNode): boolean {
  const timeout = draft.options.nodeTimeout;
  return (
    node.link === 'connected' &&
    draft.now - node.linkSince > timeout &&
    node.pingSent !== 0 &&
    draft.now - node.pingSent > timeout / 2 &&
    draft.now - node.dataReceived > timeout / 2
  );
}

function sendPing(draft: StateDraft, node: ClusterNode): void {
  draft.patch(node.id, { pingSent: draft.now });
  draft.emit({ kind: 'send-ping', nodeId: node.id, meet: false });
}

function pingRandomNode(draft: StateDraft): void {
  const nodes = draft.allNodes();
  let target: ClusterNode | undefined;
  for (let draw = 0; draw < 5 && nodes.length > 0; draw++) {
    const node = nodes[randomBelow(draft.env.random, nodes.length)] as ClusterNode;
    if (node.link !== 'connected' || node.pingSent !== 0) continue;
    if (node.id === draft.myselfId || inHandshake(node)) continue;
    if (target === undefined || node.pongReceived < target.pongReceived) target = node;
  }
  if (target) sendPing(draft, target);
}
