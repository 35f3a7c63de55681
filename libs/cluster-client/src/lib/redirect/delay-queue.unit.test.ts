import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DelayQueue } from './delay-queue.js';

describe('DelayQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('releases items of one bucket and delay together, after the delay', () => {
    const released: string[] = [];
    const queue = new DelayQueue<string>((item) => released.push(item));
    queue.push('tryagain', 100, 'a');
    vi.advanceTimersByTime(50);
    queue.push('tryagain', 100, 'b');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(49);
    expect(released).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(released).toEqual(['a', 'b']);
    expect(queue.size).toBe(0);
  });

  it('keeps buckets and delays apart', () => {
    const released: string[] = [];
    const queue = new DelayQueue<string>((item) => released.push(item));
    queue.push('tryagain', 100, 't1');
    queue.push('tryagain', 200, 't2');
    queue.push('clusterdown', 100, 'c1');
    expect(queue.size).toBe(3);
    vi.advanceTimersByTime(100);
    expect(released).toEqual(['t1', 'c1']);
    vi.advanceTimersByTime(100);
    expect(released).toEqual(['t1', 'c1', 't2']);
  });

  it('hands back the waiting items on clear and releases nothing after', () => {
    const released: string[] = [];
    const queue = new DelayQueue<string>((item) => released.push(item));
    queue.push('connection', 100, 'x');
    queue.push('clusterdown', 300, 'y');
    expect(queue.clear().sort()).toEqual(['x', 'y']);
    vi.advanceTimersByTime(1000);
    expect(released).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
