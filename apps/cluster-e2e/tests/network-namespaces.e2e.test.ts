// Three cluster nodes on three "hosts" (network namespaces on one bridge, each with its own address and the same
// port 7000), formed by redis-cli --cluster create run from a fourth host, serving an ioredis Cluster client
// that runs on that fourth host too. Proves that nodes learn their addresses from each other (MEET), that the
// bus and the data-node's link to its agent work on non-loopback addresses, and that clients are redirected
// to the hosts' real addresses. Needs root, iproute2 and iptables (CI runs as root; tools/bootstrap installs them).
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostNetwork, DATA_NODE_MAIN, type HostNetwork, type NetworkHost } from '@tessera/testing';

const PORT = 7000;
const SECRET = 'network namespaces e2e secret, 0123456789';
const WORKSPACE = join(import.meta.dirname, '../../..');

let network: HostNetwork;
let dir: string;
const processes: ChildProcess[] = [];

function cli(host: NetworkHost, args: string[], timeoutMs = 60_000): string {
  return network.execIn(host, 'redis-cli', args, timeoutMs);
}

async function eventually(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a cluster across three network namespaces', () => {
  let nodes: NetworkHost[];
  let client: NetworkHost;

  beforeAll(async () => {
    network = createHostNetwork(4);
    nodes = network.hosts.slice(0, 3);
    client = network.hosts[3] as NetworkHost;
    dir = mkdtempSync(join(tmpdir(), 'tessera-netns-'));
    for (const [i, host] of nodes.entries()) {
      const log = createWriteStream(join(dir, `node-${i}.log`));
      const child = network.spawnIn(
        host,
        process.execPath,
        [
          DATA_NODE_MAIN,
          '--port',
          String(PORT),
          '--bind',
          host.ip,
          '--protected-mode',
          'no',
          '--dir',
          dir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${i}.conf`,
          '--cluster-node-timeout',
          '2000',
          '--cluster-bus-secret',
          SECRET,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
      processes.push(child);
    }
    await eventually('every node answers PING from the client host', () =>
      nodes.every((host) => cli(client, ['-h', host.ip, '-p', String(PORT), 'PING'], 2000).trim() === 'PONG'),
    );
  }, 60_000);

  afterAll(() => {
    for (const child of processes) child.kill('SIGKILL');
    network?.close();
    // A spawned agent may still be saving nodes.conf as it exits: retry while the folder empties.
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  it('forms with redis-cli --cluster create and every node knows the others by their own addresses', async () => {
    const create = cli(client, [
      '--cluster',
      'create',
      ...nodes.map((host) => `${host.ip}:${PORT}`),
      '--cluster-yes',
    ]);
    expect(create).toContain('[OK] All 16384 slots covered.');
    await eventually('cluster_state:ok on every node', () =>
      nodes.every((host) =>
        cli(client, ['-h', host.ip, '-p', String(PORT), 'CLUSTER', 'INFO'], 2000).includes(
          'cluster_state:ok',
        ),
      ),
    );
    for (const host of nodes) {
      const lines = cli(client, ['-h', host.ip, '-p', String(PORT), 'CLUSTER', 'NODES'])
        .trim()
        .split('\n');
      const addresses = lines.map((line) => line.split(' ')[1]).sort();
      expect(addresses).toEqual(nodes.map((node) => `${node.ip}:${PORT}@${PORT + 10000}`).sort());
      expect(lines.find((line) => line.includes('myself'))).toContain(`${host.ip}:${PORT}@`);
    }
  }, 120_000);

  it('serves an ioredis Cluster client running on another host', async () => {
    const script = `
      import { Cluster } from 'ioredis';
      const cluster = new Cluster([{ host: ${JSON.stringify(nodes[0]?.ip)}, port: ${PORT} }]);
      let ok = 0;
      for (let i = 0; i < 1000; i++) {
        await cluster.set('netns:' + i, 'v' + i);
        if ((await cluster.get('netns:' + i)) === 'v' + i) ok++;
      }
      const masters = cluster.nodes('master').map((node) => node.options.host).sort();
      console.log(JSON.stringify({ ok, masters }));
      cluster.disconnect();
    `;
    const output = await new Promise<string>((resolve, reject) => {
      const child = network.spawnIn(client, process.execPath, ['--input-type=module', '-e', script], {
        cwd: WORKSPACE,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(stdout);
        else reject(new Error(`client script failed (${code}): ${stderr}\nnode logs: ${nodeLogs()}`));
      });
    });
    const result = JSON.parse(output.trim().split('\n').pop() as string) as { ok: number; masters: string[] };
    expect(result.ok).toBe(1000);
    expect(result.masters).toEqual(nodes.map((host) => host.ip).sort());
  }, 120_000);
});

function nodeLogs(): string {
  return [0, 1, 2].map((i) => readFileSync(join(dir, `node-${i}.log`), 'utf8').slice(-2000)).join('\n---\n');
}
