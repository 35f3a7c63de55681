// Where the gossip-agent listens and how the data-node starts it, from the data-node's own directives: the bus
// port, the attach address, the agent's redis-style command line (optional directives only when set), the
// cluster secret's sources, and the backoff between retries.
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../config/config-store.js';
import { agentAddressOf, agentArguments, busPortOf, firstBindAddress } from './agent-command-line.js';
import { backoffDelay } from './backoff.js';
import { DEV_CLUSTER_SECRET, resolveClusterSecret } from './cluster-secret.js';

function config(directives: Record<string, string> = {}): ConfigStore {
  const store = new ConfigStore();
  for (const [name, value] of Object.entries(directives)) store.set(name, value, true);
  return store;
}

describe('the bus port and the attach address', () => {
  it('is cluster-port, else the client port + 10000, and refuses a bus port above 65535', () => {
    expect(busPortOf(config(), 7000)).toBe(17000);
    expect(busPortOf(config({ 'cluster-port': '24000' }), 7000)).toBe(24000);
    expect(() => busPortOf(config(), 60000)).toThrow(/cluster-port: the bus port would be 70000/);
  });

  it('attaches to cluster-agent-address, else to the bus port on loopback or on the one address bound', () => {
    expect(agentAddressOf(config({ 'cluster-agent-address': '10.0.0.9:19000' }), 60000)).toBe(
      '10.0.0.9:19000',
    );
    expect(agentAddressOf(config(), 7000)).toBe('127.0.0.1:17000');
    expect(agentAddressOf(config({ bind: '10.0.0.5 127.0.0.1' }), 7000)).toBe('10.0.0.5:17000');
    expect(agentAddressOf(config({ bind: '::1' }), 7000)).toBe('[::1]:17000');
    expect(agentAddressOf(config({ bind: '10.0.0.5', 'cluster-agent': 'external' }), 7000)).toBe(
      '127.0.0.1:17000',
    );
  });

  it('passes the first bind address as the agent can listen on it', () => {
    expect(firstBindAddress(config())).toBe('0.0.0.0');
    expect(firstBindAddress(config({ bind: '-::* 127.0.0.1' }))).toBe('::');
    expect(firstBindAddress(config({ bind: '-192.168.1.4' }))).toBe('192.168.1.4');
  });
});

describe("the agent's command line", () => {
  it('always has the port, bus port, bind, dir, config file and node timeout', () => {
    expect(agentArguments(config({ dir: '/var/lib/tessera' }), 7001)).toEqual([
      '--port',
      '7001',
      '--cluster-port',
      '17001',
      '--bind',
      '0.0.0.0',
      '--dir',
      '/var/lib/tessera',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      '15000',
    ]);
  });

  it('announces cluster-announce-port as its port and adds the optional directives that are set', () => {
    const args = agentArguments(
      config({
        dir: '/d',
        'cluster-announce-port': '30001',
        'cluster-announce-bus-port': '40001',
        'cluster-announce-hostname': 'node-1.example',
        'cluster-allow-replica-migration': 'yes',
        'cluster-replica-no-failover': 'yes',
        loglevel: 'warning',
        logfile: '/var/log/agent.log',
        'cluster-node-timeout': '0',
      }),
      7001,
    );
    expect(args.slice(0, 2)).toEqual(['--port', '30001']);
    expect(args.slice(10)).toEqual([
      '--cluster-node-timeout',
      '15000',
      '--cluster-announce-port',
      '30001',
      '--cluster-announce-bus-port',
      '40001',
      '--cluster-announce-hostname',
      'node-1.example',
      '--cluster-allow-replica-migration',
      'yes',
      '--cluster-replica-no-failover',
      'yes',
      '--loglevel',
      'warning',
      '--logfile',
      '/var/log/agent.log',
    ]);
    expect(args.join(' ')).not.toMatch(/secret/);
  });
});

describe('the cluster secret', () => {
  it('is cluster-bus-secret, else the trimmed file, else the development secret marked insecure', () => {
    expect(resolveClusterSecret(config({ 'cluster-bus-secret': 'a secret of enough bytes' }))).toEqual({
      secret: 'a secret of enough bytes',
      insecure: false,
    });
    const files = { '/run/secret': '  from the file, long enough\n' };
    const read = (path: string) => {
      const text = files[path as keyof typeof files];
      if (text === undefined) throw new Error('ENOENT: no such file');
      return text;
    };
    expect(resolveClusterSecret(config({ 'cluster-bus-secret-file': '/run/secret' }), read)).toEqual({
      secret: 'from the file, long enough',
      insecure: false,
    });
    expect(resolveClusterSecret(config())).toEqual({ secret: DEV_CLUSTER_SECRET, insecure: true });
  });

  it('refuses a missing or empty file and a secret shorter than 16 bytes, naming the directive', () => {
    const read = (path: string) => {
      if (path === '/empty') return ' \n';
      throw new Error('ENOENT: no such file');
    };
    expect(() => resolveClusterSecret(config({ 'cluster-bus-secret-file': '/nope' }), read)).toThrow(
      /^cluster-bus-secret-file: cannot read \/nope: ENOENT/,
    );
    expect(() => resolveClusterSecret(config({ 'cluster-bus-secret-file': '/empty' }), read)).toThrow(
      'cluster-bus-secret-file: /empty is empty',
    );
    expect(() => resolveClusterSecret(config({ 'cluster-bus-secret': 'short' }))).toThrow(
      /^cluster-bus-secret: the cluster secret must have at least 16 bytes/,
    );
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the maximum, jitter taking up to its share off', () => {
    const policy = { initialMs: 100, maxMs: 2_000 };
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(policy, attempt))).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000,
    ]);
    const jittered = { ...policy, jitter: 0.5 };
    expect(backoffDelay(jittered, 3, () => 0)).toBe(800);
    expect(backoffDelay(jittered, 3, () => 1)).toBe(400);
  });
});
