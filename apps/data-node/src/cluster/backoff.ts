// Exponential backoff with jitter, for reconnecting to the gossip-agent and restarting it. Pure.

export interface BackoffPolicy {
  /** First delay, in ms. */
  readonly initialMs: number;
  /** The delay doubles up to this, in ms. */
  readonly maxMs: number;
  /**
   * Share of the delay that is random, 0..1: the delay is drawn from [base x (1 - jitter), base], so many
   * nodes restarted together do not retry in step. @default 0
   */
  readonly jitter?: number;
}

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const jitter = Math.min(Math.max(policy.jitter ?? 0, 0), 1);
  return Math.round(base * (1 - jitter * random()));
}
