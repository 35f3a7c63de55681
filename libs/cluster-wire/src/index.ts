// Public entry of @tessera/cluster-wire: converters between @tessera/cluster-model values and the @tessera/proto
// cluster messages (bus PING/PONG/MEET/FAIL/UPDATE, slot sets, TopologySnapshot), for the gossip-agent and the
// data-node. Curated named exports only; nothing here does I/O.
export { WIRE_ERROR_CODES, WireError } from './lib/errors.js';
export type { WireErrorCode } from './lib/errors.js';
export { bitmapFromSlotSet, slotSetFromBitmap } from './lib/slot-set.js';
export { encodeHeader, headerHealth } from './lib/header.js';
export type { HeaderExtra, SenderConfig } from './lib/header.js';
export { decodePingMessage, encodePingMessage } from './lib/ping-message.js';
export type { DecodePingOptions } from './lib/ping-message.js';
export { decodeFailMessage, encodeFailMessage } from './lib/fail-message.js';
export { decodeUpdateMessage, encodeUpdateMessage } from './lib/update-message.js';
export { topologySnapshot } from './lib/topology-snapshot.js';
export type { SnapshotMeta } from './lib/topology-snapshot.js';
export { stateFromSnapshot } from './lib/state-from-snapshot.js';
export {
  agentViewFromProto,
  decodeFailoverAuthRequest,
  decodeRequestVote,
  decodeTakeOver,
  encodeFailoverAuthRequest,
  encodeRequestVote,
} from './lib/failover-messages.js';
