// Applying a FAIL message (redis clusterProcessPacket, CLUSTERMSG_TYPE_FAIL): from a known sender, the named
// node is FAIL at once (PFAIL cleared, fail time now), unless it is myself or already FAIL. A FAIL from an
// unknown node is ignored (Redis logs "Ignoring FAIL message from unknown node"). Pure: no I/O.
import { isFailed } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { MessageOutcome } from '../model/effects.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { applyHeaderEpochs } from './header-epochs.js';
import type { FailMessage } from './messages.js';
import { validateFailMessage } from './validate-message.js';

export function applyFailMessage(state: ClusterState, message: FailMessage, env: ModelEnv): MessageOutcome {
  const invalid = validateFailMessage(message);
  if (invalid) return { ok: false, error: invalid };
  if (!state.nodes.has(message.sender) || message.sender === state.myselfId) {
    return {
      ok: false,
      error: new ClusterModelError(
        CLUSTER_MODEL_ERROR_CODES.SENDER_UNKNOWN,
        `ignoring FAIL message from unknown node ${message.sender} about ${message.failing}`,
      ),
    };
  }
  const draft = new StateDraft(state, env);
  applyHeaderEpochs(draft, message.sender, message);
  const failing = draft.get(message.failing);
  if (failing && failing.id !== draft.myselfId && !isFailed(failing)) {
    draft.log('info', 'FAIL message received', { sender: message.sender, nodeId: failing.id });
    draft.patch(failing.id, { failTime: draft.now });
    draft.setFlags(failing.id, ['fail'], ['pfail']);
    draft.event('fail', failing.id, { reportedBy: message.sender });
    draft.saveConfig();
    draft.updateState();
  }
  return { ok: true, ...draft.finish() };
}
