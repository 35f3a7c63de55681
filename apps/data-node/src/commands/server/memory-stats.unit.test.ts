// MEMORY STATS/DOCTOR/MALLOC-STATS are served by the keys family's MEMORY container; these tests run the
// specs through a context of their own so they do not depend on that container listing them.
import { describe, expect, it } from 'vitest';
import { CommandContext } from '../command-context.js';
import type { CommandSpec } from '../command-spec.js';
import { CommandHarness, type Reply } from '../../testing/command-harness.js';
import { memoryDoctor } from './memory-doctor.js';
import { memoryMallocStats } from './memory-malloc-stats.js';
import { memoryStats } from './memory-stats.js';

function runSpec(h: CommandHarness, spec: CommandSpec, ...args: string[]): Reply {
  const ctx = new CommandContext(h.state);
  ctx.client = h.client.state;
  ctx.args = ['MEMORY', ...args].map((a) => Buffer.from(a, 'latin1'));
  ctx.spec = spec;
  spec.handler(ctx);
  const [reply] = h.client.replies();
  return reply as Reply;
}

describe('MEMORY STATS', () => {
  it("reports the memory model with Redis's field names, ratios as doubles", () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    h.run('SET', 'k', 'x'.repeat(100));
    const stats = runSpec(h, memoryStats, 'STATS') as Map<string, number>;
    expect(stats.get('keys.count')).toBe(1);
    expect(stats.get('dataset.bytes')).toBe(h.state.db.usedBytes);
    expect(stats.get('total.allocated')).toBe(
      (stats.get('startup.allocated') as number) +
        (stats.get('dataset.bytes') as number) +
        (stats.get('clients.normal') as number),
    );
    expect(typeof stats.get('fragmentation')).toBe('number');
    expect(stats.get('peak.allocated')).toBeGreaterThanOrEqual(stats.get('total.allocated') as number);
  });
});

describe('MEMORY DOCTOR and MALLOC-STATS', () => {
  it('declines to diagnose a nearly empty instance', () => {
    const h = new CommandHarness();
    expect(runSpec(h, memoryDoctor, 'DOCTOR')).toMatch(/^Hi Sam, this instance is empty/);
  });

  it('warns about a large dataset without maxmemory', () => {
    const h = new CommandHarness();
    for (let i = 0; i < 100; i++) h.run('SET', `k${i}`, 'x'.repeat(64 * 1024));
    expect(runSpec(h, memoryDoctor, 'DOCTOR')).toMatch(/No maxmemory/);
  });

  it("prints V8's heap statistics as the allocator report", () => {
    const h = new CommandHarness();
    expect(runSpec(h, memoryMallocStats, 'MALLOC-STATS')).toMatch(/used_heap_size: \d+/);
  });
});
