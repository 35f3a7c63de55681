import { describe, expect, it } from 'vitest';
import { LatencyMonitor } from './latency-monitor.js';

describe('LatencyMonitor', () => {
  it('keeps one sample per second, the worst of that second', () => {
    const monitor = new LatencyMonitor();
    monitor.add('command', 100, 5);
    monitor.add('command', 100, 9);
    monitor.add('command', 100, 7);
    monitor.add('command', 101, 3);
    const event = monitor.events.get('command');
    expect(event?.history).toEqual([
      { time: 100, latency: 9 },
      { time: 101, latency: 3 },
    ]);
    expect(event?.latest).toEqual({ time: 101, latency: 3 });
    expect(event?.max).toBe(9);
  });

  it('keeps the last 160 samples', () => {
    const monitor = new LatencyMonitor();
    for (let t = 0; t < 200; t++) monitor.add('command', t, 1);
    const history = monitor.events.get('command')?.history ?? [];
    expect(history).toHaveLength(160);
    expect(history[0]?.time).toBe(40);
  });

  it('resets named events or all of them, counting those that existed', () => {
    const monitor = new LatencyMonitor();
    monitor.add('command', 1, 1);
    monitor.add('fast-command', 1, 1);
    expect(monitor.reset(['command', 'nosuch'])).toBe(1);
    expect(monitor.reset([])).toBe(1);
    expect(monitor.events.size).toBe(0);
  });
});
