// Applying an UPDATE message (redis clusterProcessPacket, CLUSTERMSG_TYPE_UPDATE): a known sender tells us
// that `nodeId` serves `slots` under a newer configEpoch. Ignored when the sender or the node is unknown or
// the epoch is not newer ("stale configEpoch UPDATE -> ignore"); otherwise the node becomes a master with
// that epoch and the slots are rebound. Pure: no I/O.
import { isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { MessageOutcome } from '../model/effects.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { applyHeaderEpochs } from './header-epochs.js';
import type { UpdateMessage } from './messages.js';
import { setNodeAsMaster } from './roles.js';
import { updateSlotsConfigWith } from './update-slots-config.js';
import { validateUpdateMessage } from './validate-message.js';

export function applyUpdateMessage(
  state: ClusterState,
  message: UpdateMessage,
  env: ModelEnv,
): MessageOutcome {
  const invalid = validateUpdateMessage(message);
  if (invalid) return { ok: false, error: invalid };
  if (!state.nodes.has(message.sender) || message.sender === state.myselfId) {
    return {
      ok: false,
      error: new ClusterModelError(
        CLUSTER_MODEL_ERROR_CODES.SENDER_UNKNOWN,
        `ignoring UPDATE message from unknown node ${message.sender}`,
      ),
    };
  }
  const draft = new StateDraft(state, env);
  applyHeaderEpochs(draft, message.sender, message);
  const node = draft.get(message.nodeId);
  if (!node || node.configEpoch >= message.nodeConfigEpoch) {
    draft.log('debug', 'UPDATE ignored: unknown node or nothing new', { nodeId: message.nodeId });
    return { ok: true, ...draft.finish() };
  }
  if (isReplica(node)) setNodeAsMaster(draft, node.id);
  draft.patch(node.id, { configEpoch: message.nodeConfigEpoch });
  draft.saveConfig(true);
  updateSlotsConfigWith(draft, node.id, message.nodeConfigEpoch, message.slots);
  return { ok: true, ...draft.finish() };
}
