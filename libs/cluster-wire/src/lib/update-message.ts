// UPDATE (bus.proto Update: the sender's Header, then "node_id serves slots under config_epoch") to and from the
// model's UpdateMessage. As for FAIL, the model message holds only the header's sender and epochs, so the
// encoder takes the rest of the Header from the sender's current PING header. Decoding checks the shape (ids,
// slot set, uint64s), then runs the model's validateUpdateMessage: only WireError comes out. Pure: no I/O.
import { validateUpdateMessage, type UpdateMessage } from '@tessera/cluster-model';
import type { Header, Update } from '@tessera/proto';
import { converting, throwIfRefused, WireError } from './errors.js';
import { decodeHeader, headerWith } from './header.js';
import { bitmapFromSlotSet, slotSetFromBitmap } from './slot-set.js';
import { nodeIdFromProto, nodeIdToProto, uint64FromProto, uint64ToProto } from './wire-scalars.js';

/**
 * The Update of a model UPDATE. `senderHeader` is the Header of the sender's current config (built for its
 * PINGs); its sender, current_epoch and config_epoch are replaced by the message's.
 */
export function encodeUpdateMessage(message: UpdateMessage, senderHeader: Header): Update {
  return converting('encoding an update message', () => ({
    header: headerWith(senderHeader, message),
    nodeId: nodeIdToProto(message.nodeId),
    configEpoch: uint64ToProto(message.nodeConfigEpoch, 'nodeConfigEpoch'),
    slots: slotSetFromBitmap(message.slots),
  }));
}

/** The model message of a received Update, validated by the model; throws only WireError. */
export function decodeUpdateMessage(proto: Update): UpdateMessage {
  return converting('decoding an Update', () => {
    if (proto === null || typeof proto !== 'object') throw new WireError('Update is not a message');
    const { sender, currentEpoch, configEpoch } = decodeHeader(proto.header, 'Update');
    const message: UpdateMessage = {
      sender,
      currentEpoch,
      configEpoch,
      nodeId: nodeIdFromProto(proto.nodeId, 'Update.node_id'),
      nodeConfigEpoch: uint64FromProto(proto.configEpoch, 'Update.config_epoch'),
      slots: bitmapFromSlotSet(proto.slots, 'Update.slots'),
    };
    throwIfRefused(validateUpdateMessage(message));
    return message;
  });
}
