// The Header every bus message carries (proto/tessera/cluster/v1/bus.proto, Redis's clusterMsg fixed part):
// built from the sender's own config as the model's PingMessage holds it, and read back into those fields.
// Header fields the model has no place for (human_nodename, manual_failover_paused, state) come in through
// `HeaderExtra` when encoding; when decoding, `state` is read with `headerHealth` and the other two are
// dropped. Pure: no I/O.
import type { ClusterHealth, MessageHeader, PingMessage } from '@tessera/cluster-model';
import type { Header } from '@tessera/proto';
import { WireError } from './errors.js';
import { flagsFromProto, flagsToProto } from './node-flags.js';
import { bitmapFromSlotSet, slotSetFromBitmap } from './slot-set.js';
import {
  healthFromProto,
  healthToProto,
  nodeIdFromProto,
  nodeIdToProto,
  optionalNodeIdFromProto,
  portFromProto,
  shardIdFromProto,
  uint64FromProto,
  uint64ToProto,
} from './wire-scalars.js';

/** The sender's own config: what a Header carries in model terms (a PingMessage without its type and gossip). */
export type SenderConfig = Omit<PingMessage, 'type' | 'gossip' | 'forgotten'>;

/** Header fields the model's messages do not hold. */
export interface HeaderExtra {
  /** The sender's cluster_state (`Header.state`): `ok` -> CLUSTER_STATE_OK, `fail` -> CLUSTER_STATE_FAIL. */
  readonly health: ClusterHealth;
  /**
   * `Header.manual_failover_paused` (CLUSTERMSG_FLAG0_PAUSED): the sender is a master paused for a manual failover.
   * @default false
   */
  readonly manualFailoverPaused?: boolean;
  /**
   * `Header.human_nodename` (cluster-announce-human-nodename).
   * @default '' (none)
   */
  readonly humanNodename?: string;
}

/** The Header of a sender whose config is `sender`; `myself` is not a wire flag and is left out. */
export function encodeHeader(sender: SenderConfig, extra: HeaderExtra): Header {
  return {
    sender: nodeIdToProto(sender.sender),
    currentEpoch: uint64ToProto(sender.currentEpoch, 'currentEpoch'),
    configEpoch: uint64ToProto(sender.configEpoch, 'configEpoch'),
    replicationOffset: uint64ToProto(sender.replicationOffset, 'replicationOffset'),
    flags: flagsToProto(sender.flags),
    masterId: sender.masterId === null ? undefined : nodeIdToProto(sender.masterId),
    slots: slotSetFromBitmap(sender.slots),
    address: { ip: sender.ip, port: sender.port, busPort: sender.busPort, hostname: sender.hostname ?? '' },
    shardId: sender.shardId ?? '',
    humanNodename: extra.humanNodename ?? '',
    state: healthToProto(extra.health),
    manualFailoverPaused: extra.manualFailoverPaused ?? false,
  };
}

/**
 * `senderHeader` with the sender, currentEpoch and configEpoch of `message`: the Header of a FAIL or UPDATE,
 * whose model form carries only those three fields (the rest comes from the sender's current PING header).
 */
export function headerWith(senderHeader: Header, message: MessageHeader): Header {
  return {
    ...senderHeader,
    sender: nodeIdToProto(message.sender),
    currentEpoch: uint64ToProto(message.currentEpoch, 'currentEpoch'),
    configEpoch: uint64ToProto(message.configEpoch, 'configEpoch'),
  };
}

/**
 * The sender's config from a Header, every field checked for shape (ids, slot set, uint64s, ports). `what`
 * names the message in errors (`Ping`, `Fail`, ...). An empty `address.ip` becomes `peerIp` when given (the
 * receiver fills in the connection's peer address, as Redis fills myip). Unknown flags are dropped, an empty
 * hostname or shard id is left out. The model's own validators check the rest (ip text, hostname charset).
 */
export function decodeHeader(header: Header | undefined, what: string, peerIp?: string): SenderConfig {
  if (header === undefined || header === null) throw new WireError(`${what}.header is missing`);
  const path = `${what}.header`;
  if (!Array.isArray(header.flags)) throw new WireError(`${path}.flags must be a list`);
  const address = header.address ?? { ip: '', port: 0, busPort: 0, hostname: '' };
  if (typeof address.ip !== 'string' || typeof address.hostname !== 'string') {
    throw new WireError(`${path}.address ip and hostname must be strings`);
  }
  const shardId = shardIdFromProto(header.shardId, `${path}.shard_id`);
  return {
    sender: nodeIdFromProto(header.sender, `${path}.sender`),
    currentEpoch: uint64FromProto(header.currentEpoch, `${path}.current_epoch`),
    configEpoch: uint64FromProto(header.configEpoch, `${path}.config_epoch`),
    masterId: optionalNodeIdFromProto(header.masterId, `${path}.master_id`),
    slots: bitmapFromSlotSet(header.slots, `${path}.slots`),
    flags: flagsFromProto(header.flags),
    replicationOffset: uint64FromProto(header.replicationOffset, `${path}.replication_offset`),
    ip: address.ip === '' && peerIp !== undefined ? peerIp : address.ip,
    port: portFromProto(address.port, `${path}.address.port`),
    busPort: portFromProto(address.busPort, `${path}.address.bus_port`),
    ...(address.hostname === '' ? {} : { hostname: address.hostname }),
    ...(shardId === undefined ? {} : { shardId }),
  };
}

/** The sender's cluster_state from its Header; `null` when unspecified or unknown to this build. */
export function headerHealth(header: Header): ClusterHealth | null {
  return healthFromProto(header.state);
}
