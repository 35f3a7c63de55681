import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockingManager, type BlockedCommandRunner } from './blocking-manager.js';
import { ClientState, type ClientTransport } from './client-state.js';

/** A client whose transport records reading switches. */
function fakeClient(id: number, log: string[]): ClientState {
  const transport: ClientTransport = {
    requestFlush: () => undefined,
    closeAfterReply: () => undefined,
    kill: () => undefined,
    setReading: (_c, reading) => log.push(`${id}:${reading ? 'read' : 'pause'}`),
  };
  return new ClientState(id, `127.0.0.1:${id}`, '127.0.0.1:6379', transport, { authenticated: true, now: 0 });
}

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

function setup(now: () => number = () => 0) {
  const manager = new BlockingManager(now);
  const runner = new RecordingRunner(manager);
  manager.attach(runner);
  const log: string[] = [];
  return { manager, runner, log, client: (id: number) => fakeClient(id, log) };
}

const block = (m: BlockingManager, c: ClientState, keys: string[], timeoutMs = 0) =>
  m.block(c, [Buffer.from('BLPOP')], { keys, timeoutMs });

afterEach(() => {
  vi.useRealTimers();
});

describe('BlockingManager', () => {
  it('re-runs the clients of a changed key in blocking order, telling them which key changed', () => {
    const { manager, runner, client } = setup();
    const [a, b] = [client(1), client(2)];
    block(manager, a, ['x', 'k']);
    block(manager, b, ['k']);
    manager.keyModified('k');
    manager.keyModified('unrelated');
    expect(manager.hasReady).toBe(true);
    manager.serveReady();
    expect(runner.runs).toEqual(['1@k', '2@k']);
    expect(manager.blockedClients).toBe(0);
    expect(manager.blockingKeys).toBe(0);
    expect(manager.servingKey).toBeNull();
  });

  it('keeps a client that could not complete in its place for the next change', () => {
    const { manager, runner, client } = setup();
    const [a, b] = [client(1), client(2)];
    block(manager, a, ['k']);
    block(manager, b, ['k']);
    runner.canServe = (c) => c.id === 2;
    manager.keyModified('k');
    manager.serveReady();
    runner.canServe = () => true;
    manager.keyModified('k');
    manager.serveReady();
    expect(runner.runs).toEqual(['1@k', '2@k', '1@k']);
    expect(a.blocked).toBeNull();
  });

  it('stops the round of a key once a re-run reports the key gone', () => {
    const { manager, runner, client } = setup();
    for (const id of [1, 2, 3]) block(manager, client(id), ['k']);
    runner.canServe = () => {
      manager.servingKeyDrained();
      return false;
    };
    manager.keyModified('k');
    manager.serveReady();
    expect(runner.runs).toEqual(['1@k']);
    expect(manager.blockedClients).toBe(3);
  });

  it('serves keys made ready while serving in a later pass of the same call', () => {
    const { manager, runner, client } = setup();
    block(manager, client(1), ['src']);
    block(manager, client(2), ['dst']);
    runner.canServe = (c) => {
      if (c.id === 1) manager.keyModified('dst');
      return true;
    };
    manager.keyModified('src');
    manager.serveReady();
    expect(runner.runs).toEqual(['1@src', '2@dst']);
  });

  it('lets served clients read again only after the whole round', () => {
    const { manager, runner, log, client } = setup();
    block(manager, client(1), ['k']);
    block(manager, client(2), ['k']);
    runner.canServe = (c) => {
      log.push(`${c.id}:served`);
      return true;
    };
    manager.keyModified('k');
    manager.serveReady();
    expect(log).toEqual(['1:pause', '2:pause', '1:served', '2:served', '1:read', '2:read']);
  });

  it('waits once on a key named twice', () => {
    const { manager, runner, client } = setup();
    block(manager, client(1), ['k', 'k']);
    manager.keyModified('k');
    manager.serveReady();
    expect(runner.runs).toEqual(['1@k']);
    expect(manager.blockingKeys).toBe(0);
  });

  it('forgets a client unblocked from outside (disconnect) in every queue', () => {
    const { manager, runner, client } = setup();
    const a = client(1);
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
    const order: number[] = [];
    const [a, b, c] = [client(1), client(2), client(3)];
    for (const [cl, ms] of [
      [a, 300],
      [b, 100],
      [c, 0],
    ] as const) {
      manager.block(cl, [], { keys: ['k'], timeoutMs: ms, onTimeout: (x) => order.push(x.id) });
    }
    now += 299;
    expect(manager.expireTimeouts()).toBe(1);
    now += 1;
    expect(manager.expireTimeouts()).toBe(1);
    expect(order).toEqual([2, 1]);
    expect(c.blocked).not.toBeNull();
  });

  it('waits the whole timeout even beyond what one Node timer can hold', () => {
    vi.useFakeTimers();
    const { manager, client } = setup(() => Date.now());
    const a = client(1);
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
    const [a, b] = [client(1), client(2)];
    block(manager, a, ['k']);
    block(manager, b, ['k']);
    expect(manager.cancel(a)).toBe(true);
    expect(manager.cancel(b, 'UNBLOCKED client unblocked via CLIENT UNBLOCK')).toBe(true);
    expect(manager.cancel(a)).toBe(false);
    expect(a.writer.take()?.toString('latin1')).toBe('*-1\r\n');
    expect(b.writer.take()?.toString('latin1')).toBe('-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
  });
});
