// Forwarded CLUSTER subcommands waiting for their topology: the agent names (agent instance, version) in its
// ClusterCommandResponse, and the client is answered only once the data-node has applied a snapshot of that
// instance with at least that version (attach.proto), so its next command is routed by the new configuration.
// Versions compare only within one agent instance. No I/O here besides the deadline timers.

/** The snapshot the data-node routes by: which agent process built it, and its version. */
export interface AppliedTopology {
  readonly agentInstanceId: string;
  readonly version: bigint;
}

interface Waiter extends AppliedTopology {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The wait ended without the topology (deadline passed, or the link was closed). The client sees
 * `Err.agentTimeout`, hence the RESP code.
 */
export class TopologyWaitError extends Error {
  override readonly name = 'TopologyWaitError';
  readonly code = 'ERR';
}

export class TopologyWaiters {
  private readonly waiters = new Set<Waiter>();
  private current: AppliedTopology | null = null;

  /** The last applied snapshot, or null before the first one. */
  get last(): AppliedTopology | null {
    return this.current;
  }

  /** Number of waits in progress. */
  get size(): number {
    return this.waiters.size;
  }

  /** Resolves once `target` (or a later version of its instance) is applied, rejects after `timeoutMs`. */
  wait(target: AppliedTopology, timeoutMs: number): Promise<void> {
    if (covers(this.current, target)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        ...target,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new TopologyWaitError(`topology ${target.agentInstanceId}/${target.version} not applied in time`),
          );
        }, timeoutMs),
      };
      waiter.timer.unref();
      this.waiters.add(waiter);
    });
  }

  /** A snapshot is now the router's view: releases the waits it covers. */
  applied(topology: AppliedTopology): void {
    this.current = topology;
    for (const waiter of this.waiters) {
      if (!covers(topology, waiter)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  /** Fails every wait (the link is closing). */
  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new TopologyWaitError(reason));
    }
    this.waiters.clear();
  }
}

function covers(applied: AppliedTopology | null, target: AppliedTopology): boolean {
  return (
    applied !== null &&
    applied.agentInstanceId === target.agentInstanceId &&
    applied.version >= target.version
  );
}
