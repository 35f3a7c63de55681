// The redirect table (style rule 8): what the client does with each kind of redirect or connection loss,
// as one pure function of the cause, the command's retry history and the policy. The executor performs
// the action (patch, refresh, delay, resend); nothing else in the client decides how to react to MOVED,
// ASK, TRYAGAIN, CLUSTERDOWN or a lost connection. No I/O, no timers here.
//
// | cause       | slot table              | topology            | resend to          | delay (bucket)           |
// |-------------|-------------------------|---------------------|--------------------|--------------------------|
// | MOVED       | patch slot -> target    | refresh (coalesced) | target             | none                     |
// | MOVED->self | -                       | refresh, then fail  | - (MovedToSelfError)                          |
// | ASK         | unchanged               | -                   | target + ASKING    | none                     |
// | TRYAGAIN    | unchanged               | -                   | slot owner         | backoff (`tryagain`)     |
// | CLUSTERDOWN | unchanged               | refresh (coalesced) | slot owner         | backoff (`clusterdown`)  |
// | connection  | unchanged               | refresh, then resend| slot owner         | backoff (`connection`)   |
// Every row counts one redirection; at `maxRedirections` the command fails with MaxRedirectionsError
// whose `cause` is the last redirect. A connection lost after the command may have been written is only
// retried for reads or when the caller allows it (`retryWrites`); otherwise its error is returned as is.
// Spec: https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#redirection-and-resharding
// (ioredis `handleError` and node-redis `_execute` behave alike; redis-compat.md 1.5, 1.6).
import { MaxRedirectionsError, MovedToSelfError } from '../errors.js';
import type { AskError } from './ask-error.js';
import type { ClusterDownError } from './cluster-down-error.js';
import type { MovedError } from './moved-error.js';
import type { Redirect } from './parse-redirect.js';
import type { TryAgainError } from './try-again-error.js';

/** A connection that failed under a command: never connected, timed out connecting, or dropped. */
export interface ConnectionLoss {
  readonly kind: 'connection';
  readonly error: Error;
  /** True when the command may have reached the node (it was written before the connection broke). */
  readonly sent: boolean;
}

/** Everything the table reacts to. */
export type RetryCause = Redirect | ConnectionLoss;

/** Named delay buckets: commands waiting in one bucket with the same delay are resent together. */
export const RETRY_BUCKETS = {
  /** TRYAGAIN: a multi-key command during a slot migration. */
  TRYAGAIN: 'tryagain',
  /** CLUSTERDOWN: the cluster (or this slot) is not served right now. */
  CLUSTERDOWN: 'clusterdown',
  /** The connection to the node failed. */
  CONNECTION: 'connection',
} as const;
export type RetryBucket = (typeof RETRY_BUCKETS)[keyof typeof RETRY_BUCKETS];

export interface RetryPolicy {
  readonly maxRedirections: number;
  readonly tryAgainDelayMs: number;
  readonly clusterDownDelayMs: number;
  readonly connectionRetryDelayMs: number;
  /** Cap of the doubling delays. */
  readonly maxRetryDelayMs: number;
}

/** A node endpoint as the table needs it. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export interface RedirectContext {
  /** Redirections and retries this command has already taken. */
  readonly redirections: number;
  /** Delayed retries already taken by this command for the same cause kind (the backoff exponent). */
  readonly kindRetries: number;
  /** The node the command was sent to. */
  readonly sentTo: Endpoint;
  /** The command is a read, or the caller allows resending writes. */
  readonly retrySafe: boolean;
}

/** `schedule`: start a coalesced refresh and go on; `await`: wait for a (coalesced) refresh before acting. */
export type RefreshMode = 'none' | 'schedule' | 'await';

export type RedirectAction =
  | {
      readonly kind: 'retry';
      /** Where to resend; null for "the slot owner in the (possibly refreshed) table". */
      readonly target: Endpoint | null;
      /** Send `ASKING` right before the command (one-shot). */
      readonly asking: boolean;
      /** Record `slot -> target` in the slot table before resending. */
      readonly patch: { readonly slot: number; readonly master: Endpoint } | null;
      readonly refresh: RefreshMode;
      readonly delay: { readonly bucket: RetryBucket; readonly ms: number } | null;
    }
  | { readonly kind: 'fail'; readonly error: Error; readonly refresh: RefreshMode };

type Handlers = {
  [K in RetryCause['kind']]: (
    cause: Extract<RetryCause, { kind: K }>,
    context: RedirectContext,
    policy: RetryPolicy,
  ) => RedirectAction;
};

const HANDLERS: Handlers = {
  moved(moved: MovedError, context) {
    const target = endpointOf(moved, context.sentTo);
    if (target.host === context.sentTo.host && target.port === context.sentTo.port) {
      const error = new MovedToSelfError(`${target.host}:${target.port}`, { cause: moved });
      return { kind: 'fail', error, refresh: 'await' };
    }
    const patch = { slot: moved.slot, master: target };
    return { kind: 'retry', target, asking: false, patch, refresh: 'schedule', delay: null };
  },
  ask(ask: AskError, context) {
    const target = endpointOf(ask, context.sentTo);
    return { kind: 'retry', target, asking: true, patch: null, refresh: 'none', delay: null };
  },
  tryagain(_cause: TryAgainError, context, policy) {
    const delay = backoff(RETRY_BUCKETS.TRYAGAIN, policy.tryAgainDelayMs, context, policy);
    return { kind: 'retry', target: null, asking: false, patch: null, refresh: 'none', delay };
  },
  clusterdown(_cause: ClusterDownError, context, policy) {
    const delay = backoff(RETRY_BUCKETS.CLUSTERDOWN, policy.clusterDownDelayMs, context, policy);
    return { kind: 'retry', target: null, asking: false, patch: null, refresh: 'schedule', delay };
  },
  connection(loss: ConnectionLoss, context, policy) {
    if (loss.sent && !context.retrySafe) return { kind: 'fail', error: loss.error, refresh: 'schedule' };
    const delay = backoff(RETRY_BUCKETS.CONNECTION, policy.connectionRetryDelayMs, context, policy);
    return { kind: 'retry', target: null, asking: false, patch: null, refresh: 'await', delay };
  },
};

/** What to do about `cause` for a command with the given history. */
export function decideRedirect(
  cause: RetryCause,
  context: RedirectContext,
  policy: RetryPolicy,
): RedirectAction {
  if (context.redirections >= policy.maxRedirections) {
    const last = cause.kind === 'connection' ? cause.error : cause;
    const error = new MaxRedirectionsError(context.redirections, { cause: last });
    return { kind: 'fail', error, refresh: 'none' };
  }
  const handler = HANDLERS[cause.kind] as (
    c: RetryCause,
    x: RedirectContext,
    p: RetryPolicy,
  ) => RedirectAction;
  return handler(cause, context, policy);
}

/** The delay of the n-th retry of one kind: base * 2^n, capped (deterministic, so buckets coalesce). */
export function retryDelayMs(baseMs: number, retries: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(retries, 30));
}

function backoff(bucket: RetryBucket, baseMs: number, context: RedirectContext, policy: RetryPolicy) {
  return { bucket, ms: retryDelayMs(baseMs, context.kindRetries, policy.maxRetryDelayMs) };
}

/** The redirect's endpoint; an empty host means the host of the node that replied (redis-cli does this). */
function endpointOf(redirect: MovedError | AskError, sentTo: Endpoint): Endpoint {
  return { host: redirect.host === '' ? sentTo.host : redirect.host, port: redirect.port };
}
