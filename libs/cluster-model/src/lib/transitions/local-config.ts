// Local configuration changes (CONFIG SET of cluster-* directives, data-node heartbeats) applied to the state:
// - `withOptions`: new options; myself's `nofailover` flag follows cluster-replica-no-failover
//   (redis clusterUpdateMyselfFlags);
// - `announceMyself`: myself's announced address, ports and hostname (redis clusterUpdateMyselfAnnounced*);
// - `setMyReplicationOffset`: the offset the data-node reports, advertised in PINGs and CLUSTER SHARDS.
// Pure: no I/O.
import { resolveOptions, type ClusterOptions } from '../model/cluster-options.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { Transition } from '../model/effects.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import type { ModelEnv } from '../model/env.js';
import { normalizeIp } from '../model/ip-address.js';
import { hasFlag } from '../model/node-flags.js';
import { StateDraft } from '../model/state-draft.js';
import { isValidHostname } from './validate-message.js';

export function withOptions(
  state: ClusterState,
  changes: Partial<ClusterOptions>,
  env: ModelEnv,
): Transition {
  const next = { ...state, options: resolveOptions(changes, state.options) };
  const draft = new StateDraft(next, env);
  const want = next.options.replicaNoFailover;
  if (hasFlag(draft.myself.flags, 'nofailover') !== want) {
    draft.setFlags(draft.myselfId, want ? ['nofailover'] : [], want ? [] : ['nofailover']);
    draft.saveConfig();
    draft.updateState();
  }
  return draft.finish();
}

export interface Announcement {
  readonly ip?: string;
  readonly port?: number;
  readonly busPort?: number;
  /** `''` clears the hostname. */
  readonly hostname?: string;
}

export function announceMyself(state: ClusterState, announcement: Announcement, env: ModelEnv): Transition {
  const draft = new StateDraft(state, env);
  const me = draft.myself;
  const ip = announcement.ip === undefined ? me.ip : normalizeIp(announcement.ip);
  if (ip === null) throw optionError(`ip must be an IPv4 or IPv6 address, got ${announcement.ip}`);
  for (const port of [announcement.port, announcement.busPort]) {
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw optionError(`ports must be in 1..65535, got ${port}`);
    }
  }
  if (announcement.hostname !== undefined && !isValidHostname(announcement.hostname)) {
    throw optionError('hostname may only contain letters, digits, hyphens and dots');
  }
  const hostname = announcement.hostname ?? me.hostname ?? '';
  const port = announcement.port ?? me.port;
  const busPort = announcement.busPort ?? me.busPort;
  if (ip !== me.ip || port !== me.port || busPort !== me.busPort || hostname !== (me.hostname ?? '')) {
    draft.patch(me.id, { ip, port, busPort, hostname });
    draft.saveConfig();
  }
  return draft.finish();
}

export function setMyReplicationOffset(state: ClusterState, offset: bigint, env: ModelEnv): Transition {
  if (typeof offset !== 'bigint' || offset < 0n)
    throw optionError('replication offset must be a non-negative bigint');
  const draft = new StateDraft(state, env);
  draft.patch(draft.myselfId, { replicationOffset: offset });
  return draft.finish();
}

function optionError(message: string): ClusterModelError {
  return new ClusterModelError(CLUSTER_MODEL_ERROR_CODES.OPTION_INVALID, message);
}
