// Hosts for tests: Linux network namespaces joined by one bridge, each with its own address on a private
// /24, so processes started in them behave like programs on separate machines (their own loopback, their
// own address, the same ports). Built with `ip` (iproute2) as root; torn down by `close()` even after a
// failed test. Also cuts and heals one host's traffic with iptables inside its namespace (partitions).
// Needs root and iproute2 + iptables (tools/bootstrap installs them): `requireNetworkNamespaces()` says how
// when they are missing.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { requireProgram } from './require-program.js';

export class NetworkNamespacesUnavailableError extends Error {
  readonly code = 'RC_ERR_NETNS_UNAVAILABLE';
}

export interface NetworkHost {
  /** The namespace name (`ip netns exec <name> ...`). */
  readonly namespace: string;
  /** The host's address on the shared bridge. */
  readonly ip: string;
}

export interface HostNetwork {
  readonly hosts: readonly NetworkHost[];
  /** Starts `command args` inside a host's namespace. */
  spawnIn(host: NetworkHost, command: string, args: readonly string[], options?: SpawnOptions): ChildProcess;
  /** Runs `command args` inside a host's namespace and returns its stdout (throws on a non-zero exit). */
  execIn(host: NetworkHost, command: string, args: readonly string[], timeoutMs?: number): string;
  /** Drops every packet between `host` and the other hosts (both directions), as a partition does. */
  isolate(host: NetworkHost): void;
  /** Undoes isolate. */
  heal(host: NetworkHost): void;
  close(): void;
  [Symbol.dispose](): void;
}

/** Fails with how to get what namespaces need: root, `ip` and `iptables`. */
export function requireNetworkNamespaces(): void {
  requireProgram('ip');
  requireProgram('iptables');
  if (process.getuid?.() !== 0) {
    throw new NetworkNamespacesUnavailableError(
      'network namespace tests need root (ip netns add): run the tests as root, as CI does',
    );
  }
}

/** Creates `count` hosts on one bridge (10.<a>.<b>.1 .. count). */
export function createHostNetwork(count: number): HostNetwork {
  requireNetworkNamespaces();
  const tag = randomBytes(3).toString('hex');
  const subnet = `10.${200 + ((randomBytes(1)[0] as number) % 50)}.${(randomBytes(1)[0] as number) % 250}`;
  const bridgeNs = `tsbr-${tag}`;
  const created: string[] = [];
  const ip = (...args: string[]): void => {
    execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const hosts: NetworkHost[] = [];
  const close = (): void => {
    for (const namespace of created.reverse()) {
      try {
        execFileSync('ip', ['netns', 'del', namespace], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
    created.length = 0;
  };
  try {
    ip('netns', 'add', bridgeNs);
    created.push(bridgeNs);
    ip('-n', bridgeNs, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', bridgeNs, 'link', 'set', 'br0', 'up');
    for (let i = 0; i < count; i++) {
      const namespace = `tsh${i}-${tag}`;
      ip('netns', 'add', namespace);
      created.push(namespace);
      // veth names: at most 15 characters, unique on the machine while they are being created.
      const inside = `tv${i}${tag}`;
      const outside = `tp${i}${tag}`;
      ip(
        'link',
        'add',
        inside,
        'netns',
        namespace,
        'type',
        'veth',
        'peer',
        'name',
        outside,
        'netns',
        bridgeNs,
      );
      ip('-n', bridgeNs, 'link', 'set', outside, 'master', 'br0');
      ip('-n', bridgeNs, 'link', 'set', outside, 'up');
      const address = `${subnet}.${i + 1}`;
      ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', inside);
      ip('-n', namespace, 'link', 'set', inside, 'up');
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
      hosts.push({ namespace, ip: address });
    }
  } catch (error) {
    close();
    throw error;
  }
  const iptables = (host: NetworkHost, action: '-A' | '-D'): void => {
    for (const [chain, side] of [
      ['INPUT', '-s'],
      ['OUTPUT', '-d'],
    ] as const) {
      execFileSync(
        'ip',
        ['netns', 'exec', host.namespace, 'iptables', action, chain, side, `${subnet}.0/24`, '-j', 'DROP'],
        {
          stdio: 'ignore',
        },
      );
    }
  };
  return {
    hosts,
    spawnIn: (host, command, args, options = {}) =>
      spawn('ip', ['netns', 'exec', host.namespace, command, ...args], options),
    execIn: (host, command, args, timeoutMs = 60_000) =>
      execFileSync('ip', ['netns', 'exec', host.namespace, command, ...args], {
        encoding: 'utf8',
        timeout: timeoutMs,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    isolate: (host) => iptables(host, '-A'),
    heal: (host) => iptables(host, '-D'),
    close,
    [Symbol.dispose]: close,
  };
}
