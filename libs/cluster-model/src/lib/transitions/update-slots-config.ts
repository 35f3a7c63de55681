// Rebinding slots from a newer claim (redis `clusterUpdateSlotsConfigWith`, 7.0 semantics). Called for a
// master's PING/PONG whose slots differ from our view, and for an UPDATE message:
// - each claimed slot moves to the claimant if it is unassigned or its owner's configEpoch is smaller,
//   unless myself is importing it (a manual migration closes it);
// - if myself (or my master) lost its last slot to the claimant, myself becomes its replica
//   (cluster-allow-replica-migration, or the claimant took exactly our slots);
// - if myself stays a master but lost slots, the data-node must drop their keys.
// Internal to the lib. Pure: no I/O.
import { SLOT_COUNT, type SlotBitmap } from '@tessera/slot';
import { isMaster } from '../model/cluster-node.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';
import { setMyMaster } from './roles.js';

export function updateSlotsConfigWith(
  draft: StateDraft,
  senderId: NodeId,
  senderConfigEpoch: bigint,
  slots: SlotBitmap,
): void {
  if (senderId === draft.myselfId) {
    draft.log('info', 'discarding UPDATE message about myself');
    return;
  }
  const me = draft.myself;
  const curMasterId = isMaster(me) ? me.id : me.masterId;
  const lostByMe: number[] = [];
  let newMaster: NodeId | null = null;
  let senderSlots = 0;
  let migratedOurSlots = 0;

  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (((slots[slot >> 3] as number) & (1 << (slot & 7))) === 0) continue;
    senderSlots++;
    const ownerId = draft.owner(slot);
    if (ownerId === senderId) continue;
    // A slot being imported is only closed by hand (redis-cli), never by gossip.
    if (draft.importingFrom.has(slot)) continue;
    const owner = ownerId === null ? undefined : draft.get(ownerId);
    if (owner && owner.configEpoch >= senderConfigEpoch) continue;
    if (ownerId === me.id) lostByMe.push(slot);
    if (ownerId !== null && ownerId === curMasterId) {
      newMaster = senderId;
      migratedOurSlots++;
    }
    draft.delSlot(slot);
    draft.addSlot(senderId, slot);
    draft.saveConfig(true);
    draft.updateState();
  }

  const curMaster = curMasterId === null ? undefined : draft.get(curMasterId);
  if (
    newMaster !== null &&
    curMaster !== undefined &&
    curMaster.slotCount === 0 &&
    (draft.options.allowReplicaMigration || senderSlots === migratedOurSlots)
  ) {
    draft.log('info', 'configuration change detected: reconfiguring myself as a replica', {
      masterId: senderId,
    });
    setMyMaster(draft, senderId);
    draft.saveConfig(true);
    draft.updateState();
    draft.broadcastPong();
  } else if (lostByMe.length > 0) {
    // Still a master: the keys of the slots we lost are now foreign (the data-node deletes them, if any).
    draft.emit({ kind: 'drop-slot-keys', slots: lostByMe });
  }
}
