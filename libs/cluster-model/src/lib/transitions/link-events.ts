// What the mechanism reports about bus links, turned into model state (redis `clusterNodeCronHandleReconnect`,
// `handleLinkIOError`):
// - `linkConnected`: the link is up; the first message is a MEET for a node met by CLUSTER MEET, else a PING;
// - `connectFailed`: the connection attempt failed; a PING counts as pending so the node can time out (PFAIL);
// - `linkLost`: an established link broke; the tick reconnects.
// Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import type { Transition } from '../model/effects.js';
import type { ModelEnv } from '../model/env.js';
import type { NodeId } from '../model/node-id.js';
import { StateDraft } from '../model/state-draft.js';

export function linkConnected(state: ClusterState, nodeId: NodeId, env: ModelEnv): Transition {
  const draft = new StateDraft(state, env);
  const node = draft.require(nodeId);
  const meet = node.meetPending;
  // A pending PING keeps its time: reconnecting must not hide a node that stopped answering.
  draft.patch(nodeId, {
    link: 'connected',
    linkSince: draft.now,
    meetPending: false,
    pingSent: meet || node.pingSent !== 0 ? node.pingSent : draft.now,
  });
  draft.emit({ kind: 'send-ping', nodeId, meet });
  return draft.finish();
}

export function connectFailed(state: ClusterState, nodeId: NodeId, env: ModelEnv): Transition {
  const draft = new StateDraft(state, env);
  const node = draft.require(nodeId);
  draft.patch(nodeId, {
    link: 'disconnected',
    linkSince: 0,
    pingSent: node.pingSent === 0 ? draft.now : node.pingSent,
  });
  draft.log('debug', 'connecting to node failed', { nodeId });
  return draft.finish();
}

export function linkLost(state: ClusterState, nodeId: NodeId, env: ModelEnv): Transition {
  const draft = new StateDraft(state, env);
  draft.require(nodeId);
  draft.patch(nodeId, { link: 'disconnected', linkSince: 0 });
  return draft.finish();
}
