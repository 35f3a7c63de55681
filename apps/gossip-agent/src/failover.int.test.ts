// Failover with gossip-agents as real processes (stand-in data-nodes reporting the replication offsets a test
// chooses) and failover-coordinators as real processes: a killed master's replica is promoted exactly once
// with two coordinators at once; the replica with the larger offset wins; a nofailover replica is never
// promoted; CLUSTER FAILOVER (default, FORCE, TAKEOVER) on a replica; the auth-req/auth-ack counters move.
import { afterEach, describe, expect, it } from 'vitest';
import { startFailoverCoordinator, type RunningFailoverCoordinator } from '@tessera/testing';
import { NodeFlag } from '@tessera/proto';
import { AgentCluster, snapshotOf } from './testing/agent-cluster.js';
import { TEST_SECRET } from './testing/agent-process.js';
import { waitUntil } from './testing/wait-until.js';

const NODE_TIMEOUT = 1000;
const clusters: AgentCluster[] = [];
const coordinators: RunningFailoverCoordinator[] = [];

afterEach(async () => {
  await Promise.all(coordinators.splice(0).map((c) => c.stop()));
  await Promise.all(clusters.splice(0).map((c) => c.stop()));
});

async function cluster(shape: Parameters<typeof AgentCluster.start>[0]): Promise<AgentCluster> {
  const started = await AgentCluster.start({ nodeTimeout: NODE_TIMEOUT, ...shape });
  clusters.push(started);
  return started;
}

async function coordinator(agents: readonly string[]): Promise<RunningFailoverCoordinator> {
  const started = await startFailoverCoordinator({ agents, secret: TEST_SECRET, logLevel: 'warn' });
  coordinators.push(started);
  return started;
}

/** Waits until every running agent sees `winner` as the master serving slots and the cluster ok. */
async function promoted(c: AgentCluster, winner: number): Promise<void> {
  await waitUntil(
    `every running agent sees node ${winner} as a master with slots`,
    () => c.running.every((i) => c.isMasterWithSlots(i, winner)),
    15_000,
  );
  await c.waitConverged(15_000);
}

function authCounter(
  c: AgentCluster,
  i: number,
  type: 'auth-req' | 'auth-ack',
): { sent: bigint; received: bigint } {
  const counters = snapshotOf(c.node(i)).busStats.find((s) => s.type === type);
  return { sent: counters?.sent ?? 0n, received: counters?.received ?? 0n };
}

describe('failover with coordinators', () => {
  it('promotes a killed master replica exactly once with two coordinators running at once', async () => {
    // 0,1,2 masters; 3 replicates 2.
    const c = await cluster({ masters: 3, replicaOf: [2] });
    const one = await coordinator([c.busAddresses[0] as string]);
    const two = await coordinator(c.busAddresses);
    const oldMaster = c.id(2);
    const killedAt = Date.now();
    c.node(2).kill();
    await promoted(c, 3);
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThan(10_000);
    // Let any late election finish, then count promotions.
    await new Promise((resolve) => setTimeout(resolve, 2 * NODE_TIMEOUT));
    const elections = [...(await one.status()).elections, ...(await two.status()).elections];
    expect(elections.filter((e) => e.outcome === 'won')).toHaveLength(1);
    expect(
      elections.every((e) => e.candidateId?.value === c.id(3) && e.failedMasterId?.value === oldMaster),
    ).toBe(true);
    // The winner's configEpoch is the largest and every agent knows it.
    const epoch = c.entry(0, 3)?.configEpoch ?? 0n;
    for (const i of c.running) {
      expect(c.entry(i, 3)?.configEpoch).toBe(epoch);
      expect(snapshotOf(c.node(i)).currentEpoch).toBeGreaterThanOrEqual(epoch);
    }
    // The voters counted the coordinator's vote requests as auth-req and their votes as auth-ack.
    expect(authCounter(c, 0, 'auth-req').received + authCounter(c, 1, 'auth-req').received).toBeGreaterThan(
      0n,
    );
    expect(authCounter(c, 0, 'auth-ack').sent + authCounter(c, 1, 'auth-ack').sent).toBeGreaterThanOrEqual(
      2n,
    );

    // The old master comes back and is demoted to a replica of the winner.
    await c.node(2).restart();
    await waitUntil(
      'the old master follows the winner in every view',
      () => c.running.every((i) => c.masterOf(i, 2) === c.id(3)),
      15_000,
    );
    await c.waitConverged(15_000);
  });

  it('elects the replica with the larger replication offset; the stale sibling follows it', async () => {
    // 0,1,2 masters; 3 and 4 replicate 0.
    const c = await cluster({ masters: 3, replicaOf: [0, 0] });
    c.node(3).data.replicationOffset = 1_000n;
    c.node(4).data.replicationOffset = 5_000n;
    await coordinator(c.busAddresses);
    await new Promise((resolve) => setTimeout(resolve, 300)); // heartbeats carry the offsets
    c.node(0).kill();
    await promoted(c, 4);
    expect(c.isMasterWithSlots(1, 3)).toBe(false);
    await waitUntil('the stale replica replicates the winner', () => c.masterOf(3, 3) === c.id(4), 10_000);
  });

  it('never promotes a nofailover replica: the cluster stays down', async () => {
    const c = await cluster({
      masters: 3,
      replicaOf: [1],
      args: { 3: ['--cluster-replica-no-failover', 'yes'] },
    });
    expect(c.entry(0, 3)?.flags).toContain(NodeFlag.NODE_FLAG_NOFAILOVER);
    const coord = await coordinator(c.busAddresses);
    c.node(1).kill();
    await waitUntil(
      'the killed master is FAIL everywhere',
      () => [0, 2, 3].every((i) => c.entry(i, 1)?.flags.includes(NodeFlag.NODE_FLAG_FAIL) === true),
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3 * NODE_TIMEOUT));
    expect(c.isMasterWithSlots(0, 3)).toBe(false);
    expect(snapshotOf(c.node(0)).state).toBe(2);
    expect((await coord.status()).elections).toEqual([]);
  });
});

describe('CLUSTER FAILOVER on a replica', () => {
  it('default: the master pauses its writes, the replica catches up and is voted in, the master follows it', async () => {
    const c = await cluster({ masters: 3, replicaOf: [0] });
    c.node(0).data.replicationOffset = 777n;
    c.node(3).data.replicationOffset = 700n;
    expect(await c.node(3).data.command('FAILOVER')).toBe('OK');
    await waitUntil('the master paused its writes', () => c.node(0).data.writesPaused, 5_000);
    // The replica waits for offset 777; it is not promoted before it has it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(c.isMasterWithSlots(3, 3)).toBe(false);
    c.node(3).data.replicationOffset = 777n;
    await promoted(c, 3);
    await waitUntil(
      'the old master follows the new one and resumed its writes',
      () => c.masterOf(0, 0) === c.id(3) && !c.node(0).data.writesPaused,
    );
    const actions = c.node(0).data.adminRequests.map((r) => r.action?.$case);
    expect(actions).toEqual(expect.arrayContaining(['pauseWrites', 'resumeWrites']));
    // A manual failover is voted: the replica sent FAILOVER_AUTH_REQUESTs and got acks.
    expect(authCounter(c, 3, 'auth-req').sent).toBeGreaterThanOrEqual(3n);
    expect(authCounter(c, 3, 'auth-ack').received).toBeGreaterThanOrEqual(2n);
  });

  it('default refuses with Redis text when the master is down; FORCE still gets the votes', async () => {
    const c = await cluster({ masters: 3, replicaOf: [0] });
    c.node(0).kill();
    await waitUntil(
      'the replica sees its master fail',
      () => c.entry(3, 0)?.flags.includes(NodeFlag.NODE_FLAG_FAIL) === true,
      10_000,
    );
    expect(await c.node(3).data.command('FAILOVER')).toBe(
      'ERR Master is down or failed, please use CLUSTER FAILOVER FORCE',
    );
    expect(await c.node(3).data.command('FAILOVER', 'FORCE')).toBe('OK');
    await promoted(c, 3);
  });

  it('TAKEOVER works without a majority and its epoch spreads to every node', async () => {
    const c = await cluster({ masters: 3, replicaOf: [0] });
    c.node(1).kill();
    c.node(2).kill();
    const before = snapshotOf(c.node(3)).currentEpoch;
    expect(await c.node(3).data.command('FAILOVER', 'TAKEOVER')).toBe('OK');
    await waitUntil(
      'node 0 sees the replica as master with a new epoch',
      () => c.isMasterWithSlots(0, 3) && (c.entry(0, 3)?.configEpoch ?? 0n) > before,
      10_000,
    );
    const epoch = c.entry(3, 3)?.configEpoch ?? 0n;
    expect(epoch).toBe(before + 1n);
    // The killed masters come back and learn the epoch too.
    await c.node(1).restart();
    await c.node(2).restart();
    await waitUntil(
      'every node knows the takeover epoch',
      () =>
        c.running.every(
          (i) => c.entry(i, 3)?.configEpoch === epoch && snapshotOf(c.node(i)).currentEpoch >= epoch,
        ),
      15_000,
    );
    await c.waitConverged(15_000);
    expect(c.masterOf(0, 0)).toBe(c.id(3));
  });
});
