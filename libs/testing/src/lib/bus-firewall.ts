// Cuts one node off the cluster bus without touching its client port or its data-node <-> agent link, with
// iptables on the loopback interface. Ports alone cannot say which packets are the node's: its agent dials
// peers from ephemeral ports and its data-node attaches to its agent over the bus port like any peer. So each
// node runs in its own cgroup (v2), entered before the data-node creates a socket, and the rules match on it:
//   1. to this node's bus port, from any process outside its cgroup: DROP (peers cannot reach it);
//   2. from its cgroup to another node's bus port: DROP (it cannot reach peers).
// Both directions stall established connections too, as a pulled cable would. Needs root, iptables with the
// `cgroup` match and a cgroup2 mount; `BusFirewall.open()` says why when something is missing. Every rule
// carries a comment naming this process, so a leftover rule is recognisable, and close() removes them all.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const openFirewalls = new Set<BusFirewall>();
let exitHookInstalled = false;

const CGROUP2_MOUNTS = ['/sys/fs/cgroup/unified', '/sys/fs/cgroup'];
/** iptables multiport takes at most 15 ports per rule. */
const MULTIPORT_MAX = 15;

export class BusFirewall {
  readonly #cuts = new Map<number, string[][]>();
  readonly #cgroups = new Set<string>();
  readonly #tag = `tessera-harness-${process.pid}`;

  private constructor(
    private readonly iptables: string,
    private readonly cgroupRoot: string,
  ) {}

  /** A firewall for this test process, or an Error saying what this machine lacks. */
  static open(): BusFirewall | Error {
    if (process.getuid?.() !== 0) return new Error('cutting the bus needs root (iptables)');
    let iptables: string;
    try {
      iptables = execFileSync('sh', ['-c', 'command -v iptables'], { encoding: 'utf8' }).trim();
    } catch {
      return new Error('cutting the bus needs iptables: apt-get install iptables');
    }
    const cgroupRoot = CGROUP2_MOUNTS.find((path) => isCgroup2(path));
    if (cgroupRoot === undefined) return new Error('cutting the bus needs a cgroup2 mount (/sys/fs/cgroup)');
    const firewall = new BusFirewall(iptables, cgroupRoot);
    try {
      const probe = firewall.cgroupFor(0);
      const rule = ['OUTPUT', '-o', 'lo', '-p', 'tcp', '--dport', '1', '-m', 'cgroup', '--path', probe];
      firewall.run(['-A', ...rule, ...firewall.comment(), '-j', 'DROP']);
      firewall.run(['-D', ...rule, ...firewall.comment(), '-j', 'DROP']);
      firewall.close();
    } catch (error) {
      firewall.close();
      return new Error(`iptables refuses the cgroup match: ${(error as Error).message}`, { cause: error });
    }
    openFirewalls.add(firewall);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      // A test process that dies without disposing its cluster must not leave rules on the host.
      process.once('exit', () => {
        for (const open of openFirewalls) open.close();
      });
    }
    return firewall;
  }

  /**
   * Creates the cgroup of the node on `port` and returns its path relative to the cgroup2 root; the node's
   * processes join it with `cgroupWrapper`.
   */
  cgroupFor(port: number): string {
    const name = `${this.#tag}-${port}`;
    mkdirSync(join(this.cgroupRoot, name), { recursive: true });
    this.#cgroups.add(name);
    return name;
  }

  /** `command args...` run so that the process enters `cgroup` before it execs (same pid). */
  cgroupWrapper(cgroup: string, command: string, args: readonly string[]): [string, string[]] {
    const procs = join(this.cgroupRoot, cgroup, 'cgroup.procs');
    return ['sh', ['-c', `echo $$ > '${procs}' && exec "$@"`, 'sh', command, ...args]];
  }

  /** Drops bus traffic between the node (`busPort`, `cgroup`) and the peers' bus ports. Idempotent. */
  cut(busPort: number, cgroup: string, peerBusPorts: readonly number[]): void {
    if (this.#cuts.has(busPort)) return;
    const rules: string[][] = [
      ['OUTPUT', '-o', 'lo', '-p', 'tcp', '--dport', String(busPort), '-m', 'cgroup', '!', '--path', cgroup],
    ];
    for (let i = 0; i < peerBusPorts.length; i += MULTIPORT_MAX) {
      const ports = peerBusPorts.slice(i, i + MULTIPORT_MAX).join(',');
      rules.push([
        'OUTPUT',
        '-o',
        'lo',
        '-p',
        'tcp',
        '-m',
        'multiport',
        '--dports',
        ports,
        '-m',
        'cgroup',
        '--path',
        cgroup,
      ]);
    }
    const added: string[][] = [];
    try {
      for (const rule of rules) {
        this.run(['-I', ...rule, ...this.comment(), '-j', 'DROP']);
        added.push(rule);
      }
    } finally {
      this.#cuts.set(busPort, added);
    }
  }

  /** Removes the rules of `cut(busPort)`. */
  heal(busPort: number): void {
    for (const rule of this.#cuts.get(busPort) ?? []) {
      this.run(['-D', ...rule, ...this.comment(), '-j', 'DROP']);
    }
    this.#cuts.delete(busPort);
  }

  /** Heals every cut and removes the cgroups that are empty. Synchronous (also runs in the exit hook). */
  close(): void {
    openFirewalls.delete(this);
    for (const busPort of [...this.#cuts.keys()]) this.heal(busPort);
    for (const name of this.#cgroups) {
      try {
        rmdirSync(join(this.cgroupRoot, name));
        this.#cgroups.delete(name);
      } catch {
        // still populated by a process that is exiting: dispose() retries
      }
    }
  }

  /** close(), then waits (up to 5 s) for the killed nodes' cgroups to empty and removes them. */
  async dispose(): Promise<void> {
    this.close();
    const deadline = Date.now() + 5000;
    while (this.#cgroups.size > 0 && Date.now() < deadline) {
      await sleep(50);
      this.close();
    }
  }

  private comment(): string[] {
    return ['-m', 'comment', '--comment', this.#tag];
  }

  private run(args: string[]): void {
    execFileSync(this.iptables, ['-w', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

function isCgroup2(path: string): boolean {
  if (!existsSync(join(path, 'cgroup.procs')) || !existsSync(join(path, 'cgroup.controllers'))) return false;
  try {
    const mounts = readFileSync('/proc/self/mounts', 'utf8');
    return mounts.split('\n').some((line) => {
      const [, mountPoint, type] = line.split(' ');
      return mountPoint === path && type === 'cgroup2';
    });
  } catch {
    return false;
  }
}
