import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

describe('LATENCY', () => {
  it('records command spikes at or above latency-monitor-threshold', () => {
    const h = new CommandHarness({ config: { 'latency-monitor-threshold': '1' } });
    h.run('DEBUG', 'SLEEP', '0.003');
    const [[event, time, latest, max]] = h.run('LATENCY', 'LATEST') as [[string, number, number, number]];
    expect(event).toBe('command');
    expect(time).toBe(Math.floor(h.now / 1000));
    expect(latest).toBeGreaterThanOrEqual(3);
    expect(max).toBe(latest);
    expect(h.run('LATENCY', 'HISTORY', 'command')).toEqual([[time, latest]]);
    expect(h.run('LATENCY', 'HISTORY', 'fast-command')).toEqual([]);
  });

  it('records nothing while the monitor is disabled (threshold 0)', () => {
    const h = new CommandHarness();
    h.run('DEBUG', 'SLEEP', '0.002');
    expect(h.run('LATENCY', 'LATEST')).toEqual([]);
    expect(h.run('LATENCY', 'DOCTOR')).toMatch(
      /^I'm sorry, Dave, I can't do that\. Latency monitoring is disabled/,
    );
  });

  it('resets named events, or all, answering how many existed', () => {
    const h = new CommandHarness({ config: { 'latency-monitor-threshold': '1' } });
    h.run('DEBUG', 'SLEEP', '0.002');
    expect(h.run('LATENCY', 'RESET', 'nosuch')).toBe(0);
    expect(h.run('LATENCY', 'RESET')).toBe(1);
    expect(h.run('LATENCY', 'LATEST')).toEqual([]);
  });

  it('summarizes spikes in LATENCY DOCTOR', () => {
    const h = new CommandHarness({ config: { 'latency-monitor-threshold': '1' } });
    expect(h.run('LATENCY', 'DOCTOR')).toMatch(/^Dave, no latency spike was observed/);
    h.run('DEBUG', 'SLEEP', '0.002');
    expect(h.run('LATENCY', 'DOCTOR')).toMatch(/1\. command: 1 latency spikes/);
  });

  it('answers per-command cumulative histograms, a container covering its subcommands', () => {
    const h = new CommandHarness();
    h.run('PING');
    h.run('PING');
    h.run('CONFIG', 'GET', 'hz');
    h.run('HELLO', '3');
    const all = h.run('LATENCY', 'HISTOGRAM', 'ping', 'config', 'nosuch') as Map<
      string,
      Map<string, unknown>
    >;
    expect([...all.keys()]).toEqual(['ping', 'config|get']);
    const ping = all.get('ping') as Map<string, unknown>;
    expect(ping.get('calls')).toBe(2);
    const buckets = [...(ping.get('histogram_usec') as Map<number, number>)];
    expect(buckets.at(-1)?.[1]).toBe(2);
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i]?.[0]).toBeGreaterThan(buckets[i - 1]?.[0] as number);
      expect(buckets[i]?.[1]).toBeGreaterThan(buckets[i - 1]?.[1] as number);
    }
  });
});
