import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { canBind, freePortPair, pickPortPair, portPairRange } from './port-pair.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(port: number): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
}

describe('portPairRange', () => {
  it('keeps every bus port below the ephemeral range', () => {
    expect(portPairRange(10_000, 32_768)).toEqual({ min: 20_000, max: 22_767 });
  });

  it('falls back to 20000..45000 when the ephemeral range starts too low', () => {
    expect(portPairRange(10_000, 25_000)).toEqual({ min: 20_000, max: 45_000 });
  });
});

describe('pickPortPair', () => {
  it('skips ports whose bus port is taken, and ports already handed out', async () => {
    const busy = new Set([10_000 + 100, 101]);
    const reserved = new Set([102]);
    const pick = await pickPortPair({
      range: { min: 100, max: 104 },
      isFree: async (port) => !busy.has(port),
      reserved,
      random: () => 0,
      offset: 10_000,
    });
    expect([103, 104]).toContain(pick);
    expect(reserved.has(pick)).toBe(true);
  });

  it('visits every port of the band before giving up', async () => {
    const tried = new Set<number>();
    await expect(
      pickPortPair({
        range: { min: 1000, max: 1099 },
        isFree: async (port) => {
          if (port < 1100) tried.add(port);
          return false;
        },
        reserved: new Set(),
        random: () => 0.5,
      }),
    ).rejects.toThrow(/no free port pair \(p, p\+10000\) in 1000\.\.1099 after 100 tries/);
    expect(tried.size).toBe(100);
  });

  it('never returns the same port twice for one reserved set', async () => {
    const reserved = new Set<number>();
    const picks = [];
    for (let i = 0; i < 10; i++) {
      picks.push(
        await pickPortPair({
          range: { min: 1, max: 10 },
          isFree: async () => true,
          reserved,
          random: () => 0.3,
        }),
      );
    }
    expect(new Set(picks).size).toBe(10);
  });
});

describe('freePortPair', () => {
  it('returns a port that can be bound with its bus port, and not again', async () => {
    const port = await freePortPair();
    expect(port + 10_000).toBeLessThan(32_768);
    await listen(port);
    await listen(port + 10_000);
    expect(await canBind(port)).toBe(false);
    expect(await freePortPair()).not.toBe(port);
  });
});
