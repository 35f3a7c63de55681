import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandHarness, type HarnessClient } from '../testing/command-harness.js';
import { BlockingManager, type BlockedCommandRunner } from './blocking-manager.js';
import type { ClientState } from './client-state.js';

/** A runner that serves a client when `canServe` says so, recording who ran for which key. */
class RecordingRunner implements BlockedCommandRunner {
  readonly runs: string[] = [];
  canServe: (client: ClientState, key: string | null) => boolean = () => true;
  constructor(private readonly manager: BlockingManager) {}
  rerunBlocked(client: ClientState): boolean {
    const key = this.manager.servingKey;
    this.runs.push(`${client.id}@${key}`);
    return this.canServe(client, key);
  }
}

/** A manager of its own, with a recording runner, over clients of a harness (a real transport). */
function setup(now: () => number = () => 0) {
  const manager = new BlockingManager(now);
  const runner = new RecordingRunner(manager);
  manager.attach(runner);
  const h = new CommandHarness();
  const harnessClients = new Map<ClientState, HarnessClient>();
  const client = (): ClientState => {
    const c = h.newClient();
    harnessClients.set(c.state, c);
    return c.state;
  };
  const reading = (c: ClientState) => harnessClients.get(c)?.reading;
  return { manager, runner, client, reading };
}

const block = (m: BlockingManager, c: ClientState, keys: string[], timeoutMs = 0) =>
  m.block(c, [Buffer.from('BLPOP')], { keys, timeoutMs });

afterEach(() => {
  vi.useRealTimers();
});

describe('BlockingManager', () => {
  it('re-runs the clients of a changed key in blocking order, telling them which key changed', () => {
    const { manager, runner, client } = setup();
    const [a, b] = [client(), client()];
    block(manager, a, ['x', 'k']);
    block(manager, b, ['k']);
    manager.keyModified('k');
    manager.keyModified('unrelated');
    expect(manager.hasReady).toBe(true);
    manager.serveReady();
    expect(runner.runs).toEqual([`${a.id}@k`, `${b.id}@k`]);
    expect(manager.blockedClients).toBe(0);
    expect(manager.blockingKeys).toBe(0);
    expect(manager.servingKey).toBeNull();
  });

  it('keeps a client that could not complete in its place for the next change', () => {
    const { manager, runner, client } = setup();
    const [a, b] = [client(), client()];
    block(manager, a, ['k']);
    block(manager, b, ['k']);
    runner.canServe = (c) => c === b;
    manager.keyModified('k');
    manager.serveReady();
    runner.canServe = () => true;
    manager.keyModified('k');
    manager.serveReady();
    expect(runner.runs).toEqual([`${a.id}@k`, `${b.id}@k`, `${a.id}@k`]);
    expect(a.blocked).toBeNull();
  });

  it('stops the round of a key once a re-run reports the key gone', () => {
    const { manager, runner, client } = setup();
    const clients = [client(), client(), client()];
    for (const c of clients) block(manager, c, ['k']);
    runner.canServe = () => {
      manager.servingKeyDrained();
      return false;
    };
    manager.keyModified('k');
    manager.serveReady();
    expect(runner.runs).toEqual([`${clients[0]?.id}@k`]);
    expect(manager.blockedClients).toBe(3);
  });

  it('serves keys made ready while serving in a later pass of the same call', () => {
    const { manager, runner, client } = setup();
    const [mover, popper] = [client(), client()];
    block(manager, mover, ['src']);
    block(manager, popper, ['dst']);
    runner.canServe = (c) => {
      if (c === mover) manager.keyModified('dst');
      return true;
    };
    manager.keyModified('src');
    manager.serveReady();
    expect(runner.runs).toEqual([`${mover.id}@src`, `${popper.id}@dst`]);
  });

  it('lets served clients read again only after the whole round', () => {
    const { manager, runner, client, reading } = setup();
    const [a, b] = [client(), client()];
    block(manager, a, ['k']);
    block(manager, b, ['k']);
    expect([reading(a), reading(b)]).toEqual([false, false]);
    const seen: (boolean | undefined)[] = [];
    runner.canServe = () => {
      seen.push(reading(a));
      return true;
    };
    manager.keyModified('k');
    manager.serveReady();
    expect(seen).toEqual([false, false]);
    expect([reading(a), reading(b)]).toEqual([true, true]);
  });

  it('waits once on a key named twice', () => {
    const { manager, runner, client } = setup();
    const a = client();
    block(manager, a, ['k', 'k']);
    manager.keyModified('k');
    manager.serveReady();
    expect(runner.runs).toEqual([`${a.id}@k`]);
    expect(manager.blockingKeys).toBe(0);
  });

  it('forgets a client unblocked from outside (disconnect) in every queue', () => {
    const { manager, runner, client } = setup();
    const a = client();
    block(manager, a, ['x', 'y']);
    manager.unblock(a);
    manager.keyModified('x');
    manager.serveReady();
    expect(runner.runs).toEqual([]);
    expect(manager.blockingKeys).toBe(0);
    expect(manager.blockedClients).toBe(0);
  });

  it('times out due clients earliest deadline first when the clock moves', () => {
    let now = 1000;
    const { manager, client } = setup(() => now);
    const order: ClientState[] = [];
    const [a, b, c] = [client(), client(), client()];
    for (const [cl, ms] of [
      [a, 300],
      [b, 100],
      [c, 0],
    ] as const) {
      manager.block(cl, [], { keys: ['k'], timeoutMs: ms, onTimeout: (x) => order.push(x) });
    }
    now += 299;
    expect(manager.expireTimeouts()).toBe(1);
    now += 1;
    expect(manager.expireTimeouts()).toBe(1);
    expect(order).toEqual([b, a]);
    expect(c.blocked).not.toBeNull();
  });

  it('waits the whole timeout even beyond what one Node timer can hold', () => {
    vi.useFakeTimers();
    const { manager, client } = setup(() => Date.now());
    const a = client();
    let timedOut = false;
    const thirtyDays = 30 * 24 * 3600 * 1000;
    manager.block(a, [], { keys: ['k'], timeoutMs: thirtyDays, onTimeout: () => (timedOut = true) });
    vi.advanceTimersByTime(2 ** 31);
    expect(timedOut).toBe(false);
    vi.advanceTimersByTime(thirtyDays - 2 ** 31 - 1);
    expect(timedOut).toBe(false);
    vi.advanceTimersByTime(1);
    expect(timedOut).toBe(true);
    expect(manager.blockedClients).toBe(0);
  });

  it('answers the timeout reply or an error on cancel, once', () => {
    const { manager, client } = setup();
    const [a, b] = [client(), client()];
    block(manager, a, ['k']);
    block(manager, b, ['k']);
    expect(manager.cancel(a)).toBe(true);
    expect(manager.cancel(b, 'UNBLOCKED client unblocked via CLIENT UNBLOCK')).toBe(true);
    expect(manager.cancel(a)).toBe(false);
    expect(a.writer.take()?.toString('latin1')).toBe('*-1\r\n');
    expect(b.writer.take()?.toString('latin1')).toBe('-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
  });
});
