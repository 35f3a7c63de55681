// The header rules every message from a known sender obeys (redis clusterProcessPacket, before the type
// switch): currentEpoch takes the max seen, the sender's configEpoch only grows, and any message counts as
// data received (liveness). Internal to the lib. Pure: no I/O.
import { inHandshake } from '../model/cluster-node.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';
import type { MessageHeader } from './messages.js';

export function applyHeaderEpochs(draft: StateDraft, senderId: NodeId, header: MessageHeader): void {
  const sender = draft.patch(senderId, { dataReceived: draft.now });
  if (inHandshake(sender)) return;
  if (header.currentEpoch > draft.currentEpoch) draft.currentEpoch = header.currentEpoch;
  if (header.configEpoch > sender.configEpoch) {
    draft.patch(senderId, { configEpoch: header.configEpoch });
    draft.saveConfig(true);
  }
}
