// The master side of ReplicationService.Sync as a grpc-js handler: validate, then apply, then count (style
// rule 11). The first frame must be a Psync within 5 s; it is checked (replication-frames.ts), this node must
// be a master and the one the replica names, then the ReplicaHub decides full or partial sync and a
// ReplicaSession streams. Later frames must be acks, each checked by the session. Anything else ends the
// stream with INVALID_ARGUMENT; no frame, however malformed, throws out of here. Authentication happens
// before (authenticatedService), so an unauthenticated peer never reaches this code.
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type {
  AuthenticatedImplementation,
  ReplicationServiceService,
  SyncRequest,
  SyncResponse,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { ReplicaHub } from './replica-hub.js';
import type { ReplicaChannel, ReplicaSession } from './replica-session.js';
import { checkPsync, offsetOf, peerIpOf } from './replication-frames.js';

/** Time a replica has to send its Psync after opening the stream. */
export const PSYNC_TIMEOUT_MS = 5000;

/** Frames and refusals, by kind (INFO does not show them; tests and logs do). */
export interface ReplicationServiceCounters {
  psync: number;
  ack: number;
  refused: number;
}

export interface ReplicationServiceDeps {
  readonly hub: ReplicaHub;
  /**
   * Whether this node serves replicas of `masterNodeId` now: null when it is a master with that id, else the
   * reason (FAILED_PRECONDITION).
   */
  readonly canServe: (masterNodeId: string) => string | null;
  readonly log: Logger;
  readonly counters: ReplicationServiceCounters;
}

type SyncCall = ServerDuplexStream<SyncRequest, SyncResponse>;

export function replicationService(
  deps: ReplicationServiceDeps,
): AuthenticatedImplementation<typeof ReplicationServiceService> {
  return { sync: (call: SyncCall) => serveSync(call, deps) };
}

function serveSync(call: SyncCall, deps: ReplicationServiceDeps): void {
  const { hub, log, counters } = deps;
  const peer = call.getPeer();
  let session: ReplicaSession | null = null;
  let ended = false;
  const channel: ReplicaChannel = {
    send: (frame) => !ended && call.write(frame),
    close: (code, detail) => {
      if (ended) return;
      ended = true;
      clearTimeout(deadline);
      if (code === status.OK) call.end();
      else call.emit('error', { code, details: detail });
    },
  };
  const refuse = (code: status, detail: string): void => {
    counters.refused++;
    log.warn({ peer, code: status[code], detail }, 'replication stream refused');
    if (session !== null) session.close(code, detail);
    else channel.close(code, detail);
  };
  const deadline = setTimeout(() => {
    if (session === null) refuse(status.DEADLINE_EXCEEDED, `no Psync within ${PSYNC_TIMEOUT_MS} ms`);
  }, PSYNC_TIMEOUT_MS);
  deadline.unref();

  call.on('data', (request: SyncRequest) => {
    if (ended) return;
    try {
      const frame = request.frame;
      if (frame?.$case === 'psync') {
        if (session !== null) return refuse(status.INVALID_ARGUMENT, 'a second Psync on one stream');
        const checked = checkPsync(frame.value, peerIpOf(peer));
        if (!checked.ok) return refuse(status.INVALID_ARGUMENT, `Psync: ${checked.error}`);
        const refusal = deps.canServe(checked.value.masterNodeId);
        if (refusal !== null) return refuse(status.FAILED_PRECONDITION, refusal);
        counters.psync++;
        clearTimeout(deadline);
        session = hub.psync(checked.value, channel);
        return;
      }
      if (frame?.$case === 'ack') {
        if (session === null) return refuse(status.INVALID_ARGUMENT, 'an ack before the Psync');
        const offset = offsetOf(frame.value.offset);
        const problem = offset === null ? 'ack offset above 2^53' : session.ack(offset);
        if (problem !== null) return refuse(status.INVALID_ARGUMENT, `ack: ${problem}`);
        counters.ack++;
        return;
      }
      refuse(status.INVALID_ARGUMENT, 'a frame of no known kind');
    } catch (err) {
      log.error({ err, peer }, 'replication frame handling failed');
      refuse(status.INTERNAL, 'internal error');
    }
  });
  call.on('drain', () => session?.drained());
  const gone = (reason: string): void => {
    clearTimeout(deadline);
    if (ended) return;
    ended = true;
    session?.ended(reason);
  };
  call.on('end', () => {
    gone('the replica ended the stream');
    call.end();
  });
  call.on('error', (err: Error) => gone(`stream error: ${err.message}`));
  call.on('cancelled', () => gone('the replica went away'));
}
