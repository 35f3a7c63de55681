// WAIT numreplicas timeout (redis 7.0 src/replication.c waitCommand): blocks the client until `numreplicas`
// replicas acknowledged every write it made (the replication offset after its last command), or `timeout`
// ms pass (0 = forever); replies how many did. Answers at once when enough already did, inside MULTI, and
// when the node has no replicas to wait for but numreplicas <= 0. A replica refuses it. The wait is a client
// suspension (server/client-suspensions.ts) resolved by the replicas' acks (replica-hub.ts), which WAIT asks
// for at once (REPLCONF GETACK).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';

/** Redis's refusal on a replica, verbatim. */
export const WAIT_ON_REPLICA =
  'ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is ' +
  'configured to be writable (which is not the default) writes to replicas are just local and are not propagated.';

export const wait = {
  name: 'wait',
  arity: 3,
  flags: ['noscript'],
  categories: ['slow', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary:
      'Wait for the synchronous replication of all the write commands sent in the context of the current connection',
    since: '3.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const replication = ctx.server.replication;
    if (replication.role === 'replica') return ctx.error(WAIT_ON_REPLICA);
    const wanted = parseInt64(ctx.arg(1));
    if (wanted === null) return ctx.error(Err.notInteger);
    const timeout = parseInt64(ctx.arg(2));
    if (timeout === null) return ctx.error('ERR timeout is not an integer or out of range');
    if (timeout < 0) return ctx.error('ERR timeout is negative');
    const hub = replication.hub;
    const offset = ctx.client.replOffset;
    const acked = hub.countAcked(offset);
    if (acked >= wanted || ctx.inExec || ctx.retryingBlocked) return ctx.reply.integer(acked);
    const waiting = hub.waitForAcks(offset, wanted);
    ctx.suspend({
      promise: waiting.promise,
      timeoutMs: timeout === 0 ? Infinity : timeout,
      answer: (reply, outcome) => {
        waiting.cancel();
        reply.writer.integer(outcome.ok ? outcome.value : hub.countAcked(offset));
      },
    });
  },
} satisfies CommandSpec;
