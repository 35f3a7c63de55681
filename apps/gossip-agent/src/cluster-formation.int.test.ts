// Gossip-agents as real processes on real sockets, each with a stand-in data-node on its Attach stream:
// MEET handshakes, slot gossip, convergence, nodes.conf across restarts, failure detection and recovery.
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFlag, type TopologySnapshot } from '@tessera/proto';
import { AgentProcess } from './testing/agent-process.js';
import { waitUntil } from './testing/wait-until.js';

const agents: AgentProcess[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.stop()));
});

async function startAgents(count: number, nodeTimeout = 1000): Promise<AgentProcess[]> {
  const started = await Promise.all(Array.from({ length: count }, () => AgentProcess.start({ nodeTimeout })));
  agents.push(...started);
  return started;
}

function snapshotOf(agent: AgentProcess): TopologySnapshot {
  const snapshot = agent.data.snapshot;
  if (snapshot === null) throw new Error(`agent ${agent.port} sent no snapshot yet`);
  return snapshot;
}

/** `port:flags:slot ranges` per node, sorted: what two agents must agree on. */
function view(agent: AgentProcess): string[] {
  return snapshotOf(agent)
    .nodes.map((node) => {
      const flags = node.flags.filter(
        (flag) => flag === NodeFlag.NODE_FLAG_MASTER || flag === NodeFlag.NODE_FLAG_FAIL,
      );
      const ranges = node.slots?.encoding?.$case === 'ranges' ? node.slots.encoding.value.ranges : [];
      return `${node.address?.port}:${flags.join('+')}:${ranges.map((r) => `${r.start}-${r.end}`).join(',')}`;
    })
    .sort();
}

function flagsOf(observer: AgentProcess, port: number): NodeFlag[] {
  return snapshotOf(observer).nodes.find((node) => node.address?.port === port)?.flags ?? [];
}

async function formCluster(nodes: AgentProcess[]): Promise<void> {
  const first = nodes[0] as AgentProcess;
  for (const other of nodes.slice(1)) {
    expect(await first.data.command('MEET', '127.0.0.1', String(other.port), String(other.busPort))).toBe(
      'OK',
    );
  }
  const per = Math.ceil(16384 / nodes.length);
  for (const [i, node] of nodes.entries()) {
    const end = Math.min(16383, (i + 1) * per - 1);
    expect(await node.data.command('ADDSLOTSRANGE', String(i * per), String(end))).toBe('OK');
  }
  await waitUntil('every agent sees every node with its slots and cluster_state ok', () => {
    const views = nodes.map((node) => (node.data.snapshot === null ? '' : JSON.stringify(view(node))));
    return (
      nodes.every(
        (node) => node.data.snapshot?.nodes.length === nodes.length && node.data.snapshot.state === 1,
      ) && views.every((v) => v === views[0])
    );
  });
}

describe('gossip-agent cluster formation', () => {
  it('three agents joined by MEET agree on masters, slots and cluster_state ok', async () => {
    const nodes = await startAgents(3);
    await formCluster(nodes);
    expect(view(nodes[0] as AgentProcess)).toEqual(
      [
        `${nodes[0]?.port}:1:0-5461`,
        `${nodes[1]?.port}:1:5462-10923`,
        `${nodes[2]?.port}:1:10924-16383`,
      ].sort(),
    );
  });

  it('a restarted cluster keeps its node ids, slots and epochs from nodes.conf', async () => {
    const nodes = await startAgents(3);
    await formCluster(nodes);
    const before = nodes.map((node) => {
      const snapshot = snapshotOf(node);
      return { id: snapshot.myselfId?.value, epoch: snapshot.currentEpoch, view: view(node) };
    });
    for (const node of nodes) node.kill('SIGKILL');
    await Promise.all(nodes.map((node) => node.process?.stop()));
    await Promise.all(nodes.map((node) => node.restart()));
    await waitUntil('the restarted agents agree again with cluster_state ok', () =>
      nodes.every((node) => node.data.snapshot?.state === 1 && node.data.snapshot.nodes.length === 3),
    );
    const after = nodes.map((node) => {
      const snapshot = snapshotOf(node);
      return { id: snapshot.myselfId?.value, epoch: snapshot.currentEpoch, view: view(node) };
    });
    expect(after).toEqual(before);
  });

  it('a killed master is flagged fail? then fail by the others within twice the node timeout, and comes back', async () => {
    const nodeTimeout = 1000;
    const nodes = await startAgents(3, nodeTimeout);
    await formCluster(nodes);
    const [a, b, victim] = nodes as [AgentProcess, AgentProcess, AgentProcess];
    const killedAt = Date.now();
    victim.kill('SIGKILL');
    await waitUntil('both survivors flag the victim fail', () =>
      [a, b].every((node) => flagsOf(node, victim.port).includes(NodeFlag.NODE_FLAG_FAIL)),
    );
    expect(Date.now() - killedAt).toBeLessThan(2 * nodeTimeout + 1500); // + snapshot and poll granularity
    await waitUntil('cluster_state fail on the survivors', () =>
      [a, b].every((node) => snapshotOf(node).state === 2),
    );
    await victim.restart();
    await waitUntil('the victim is cleared and cluster_state is ok everywhere', () =>
      nodes.every(
        (node) =>
          node.data.snapshot?.state === 1 &&
          node.data.snapshot.nodes.every((entry) => !entry.flags.includes(NodeFlag.NODE_FLAG_FAIL)),
      ),
    );
  });
});
