// FAIL (bus.proto Fail: the sender's Header and the failing node's id) to and from the model's FailMessage.
// The model message holds only the header's sender and epochs; the encoder takes the rest of the Header from
// the sender's current PING header (`encodePingMessage(...).header` or `encodeHeader`). Decoding checks the
// whole Header's shape, then runs the model's validateFailMessage: only WireError comes out. Pure: no I/O.
import { validateFailMessage, type FailMessage } from '@tessera/cluster-model';
import type { Fail, Header } from '@tessera/proto';
import { converting, throwIfRefused, WireError } from './errors.js';
import { decodeHeader, headerWith } from './header.js';
import { nodeIdFromProto, nodeIdToProto } from './wire-scalars.js';

/**
 * The Fail of a model FAIL. `senderHeader` is the Header of the sender's current config (built for its PINGs);
 * its sender, current_epoch and config_epoch are replaced by the message's.
 */
export function encodeFailMessage(message: FailMessage, senderHeader: Header): Fail {
  return converting('encoding a fail message', () => ({
    header: headerWith(senderHeader, message),
    failingNodeId: nodeIdToProto(message.failing),
  }));
}

/** The model message of a received Fail, validated by the model; throws only WireError. */
export function decodeFailMessage(proto: Fail): FailMessage {
  return converting('decoding a Fail', () => {
    if (proto === null || typeof proto !== 'object') throw new WireError('Fail is not a message');
    const { sender, currentEpoch, configEpoch } = decodeHeader(proto.header, 'Fail');
    const message: FailMessage = {
      sender,
      currentEpoch,
      configEpoch,
      failing: nodeIdFromProto(proto.failingNodeId, 'Fail.failing_node_id'),
    };
    throwIfRefused(validateFailMessage(message));
    return message;
  });
}
