// Test support for cluster mode: topologies written as the CLUSTER NODES text of the node that holds them (the
// cluster-model parses it), brought to `cluster_state:ok` the way a running node gets there (the model's own
// state evaluation, past the writable delay), and a harness wired in cluster mode. Production code never
// imports src/testing.
import {
  clusterStateFromNodes,
  updateClusterState,
  type ClusterState,
  type ModelEnv,
} from '@tessera/cluster-model';
import { CommandHarness } from './command-harness.js';
import { enableClusterMode, type ClusterMode } from '../cluster/enable-cluster-mode.js';

/** Readable fixed node ids: `nodeId('a')` is 40 `a`s. */
export function nodeId(letter: string): string {
  return letter.repeat(40);
}

export const A = nodeId('a');
export const B = nodeId('b');
export const C = nodeId('c');
/** A's replica. */
export const R = nodeId('d');

/** Ports of the three-master topology: A 7000, B 7001, C 7002, R 7003. */
export const PORT = { [A]: 7000, [B]: 7001, [C]: 7002, [R]: 7003 } as const;

export interface ThreeMastersOptions {
  /** Whose state it is. @default A */
  readonly myself?: string;
  /** Extra tokens on myself's line: `[5460->-<id>]` (migrating), `[5461-<-<id>]` (importing). */
  readonly migrations?: readonly string[];
  /** Extra flags of B (`fail`, `fail?`). */
  readonly bFlags?: readonly string[];
  /** Slot ranges of C. @default ['10923-16383'] */
  readonly cSlots?: readonly string[];
}

/**
 * Three masters splitting the slots as redis-cli --cluster create does (A 0-5460, B 5461-10922,
 * C 10923-16383) and R, a replica of A, on 127.0.0.1.
 */
export function threeMastersText(options: ThreeMastersOptions = {}): string {
  const me = options.myself ?? A;
  const flags = (id: string, role: string, extra: readonly string[] = []) =>
    [...(id === me ? ['myself'] : []), role, ...extra].join(',');
  const mine = (id: string) => (id === me ? (options.migrations ?? []) : []);
  const line = (
    id: string,
    role: string,
    master: string,
    epoch: number,
    slots: readonly string[],
    extra: readonly string[] = [],
  ) =>
    [
      id,
      `127.0.0.1:${PORT[id as keyof typeof PORT]}@${PORT[id as keyof typeof PORT] + 10_000}`,
      flags(id, role, extra),
      master,
      '0',
      '0',
      String(epoch),
      'connected',
      ...slots,
      ...mine(id),
    ].join(' ');
  return [
    line(A, 'master', '-', 1, ['0-5460']),
    line(B, 'master', '-', 2, ['5461-10922'], options.bFlags),
    line(C, 'master', '-', 3, options.cSlots ?? ['10923-16383']),
    line(R, 'slave', A, 1, []),
  ]
    .map((text) => `${text}\n`)
    .join('');
}

/** A clock and a counter-based random source for the model. */
export function modelEnv(start = 1_700_000_000_000): ModelEnv & { advance(ms: number): void } {
  let now = start;
  let seed = 1;
  return {
    clock: { now: () => now },
    random: { uint32: () => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) },
    advance(ms: number) {
      now += ms;
    },
  };
}

/**
 * `state` as a node that has been running for a while holds it: cluster_state evaluated by the model
 * (`ok` when every slot is covered by reachable masters), its writable delay long past.
 */
export function settled(state: ClusterState, start = 1_600_000_000_000): ClusterState {
  const env = modelEnv(start);
  const first = updateClusterState(state, env).state;
  env.advance(10_000);
  return updateClusterState(first, env).state;
}

/** The settled state of the three-master topology (see threeMastersText). */
export function threeMasters(options: ThreeMastersOptions = {}): ClusterState {
  return settled(clusterStateFromNodes(threeMastersText(options)));
}

/** A harness in cluster mode, its LocalAgentLink started from `initial` (a fresh node on port 7000 if absent). */
export function clusterHarness(
  initial?: ClusterState,
  config: Record<string, string> = {},
): { h: CommandHarness; mode: ClusterMode; env: ReturnType<typeof modelEnv> } {
  const h = new CommandHarness({ config: { 'cluster-enabled': 'yes', ...config } });
  const env = modelEnv(h.now);
  const mode = enableClusterMode(h.state, h.dispatcher, {
    port: 7000,
    env: { clock: { now: () => h.now }, random: env.random },
    ...(initial === undefined ? {} : { initial }),
  });
  mode.close(); // no timer in unit tests: they call mode.agent.evaluate() after moving the fake clock
  return { h, mode, env };
}
