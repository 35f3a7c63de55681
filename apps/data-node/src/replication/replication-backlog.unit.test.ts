import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ReplicationBacklog } from './replication-backlog.js';

const text = (parts: Buffer[]): string => Buffer.concat(parts).toString('latin1');

describe('ReplicationBacklog', () => {
  it('starts empty at the offset it is created at', () => {
    const backlog = new ReplicationBacklog(8, 100);
    expect([backlog.start, backlog.end, backlog.length, backlog.size]).toEqual([100, 100, 0, 8]);
    expect(backlog.covers(100)).toBe(true);
    expect(backlog.covers(99)).toBe(false);
    expect(backlog.read(100)).toEqual([]);
  });

  it('keeps the last size bytes and moves its start as older bytes fall out', () => {
    const backlog = new ReplicationBacklog(8, 0);
    backlog.append(Buffer.from('abcde'));
    backlog.append(Buffer.from('fghij'));
    expect([backlog.start, backlog.end, backlog.length]).toEqual([2, 10, 8]);
    expect(text(backlog.read(2))).toBe('cdefghij');
    expect(text(backlog.read(5, 8))).toBe('fgh');
  });

  it('answers a range that wraps around the ring as two views in order', () => {
    const backlog = new ReplicationBacklog(8, 0);
    backlog.append(Buffer.from('abcdefg'));
    backlog.append(Buffer.from('hijk'));
    const parts = backlog.read(4);
    expect(parts).toHaveLength(2);
    expect(text(parts)).toBe('efghijk');
  });

  it('holds only the tail of an append larger than itself', () => {
    const backlog = new ReplicationBacklog(4, 10);
    backlog.append(Buffer.from('0123456789'));
    expect([backlog.start, backlog.end]).toEqual([16, 20]);
    expect(text(backlog.read(16))).toBe('6789');
  });

  it('covers an offset only when every byte from it to the end is held (partial resync range)', () => {
    const backlog = new ReplicationBacklog(8, 0);
    backlog.append(Buffer.alloc(20));
    expect(backlog.covers(11)).toBe(false);
    expect(backlog.covers(12)).toBe(true);
    expect(backlog.covers(20)).toBe(true);
    expect(backlog.covers(21)).toBe(false);
    expect(() => backlog.read(11)).toThrow(RangeError);
  });

  it('keeps the newest bytes when resized smaller or larger', () => {
    const backlog = new ReplicationBacklog(8, 0);
    backlog.append(Buffer.from('abcdefghij'));
    backlog.resize(4);
    expect([backlog.start, backlog.end, backlog.size]).toEqual([6, 10, 4]);
    expect(text(backlog.read(6))).toBe('ghij');
    backlog.resize(16);
    backlog.append(Buffer.from('klm'));
    expect(text(backlog.read(6))).toBe('ghijklm');
  });

  test.prop([
    fc.integer({ min: 1, max: 64 }),
    fc.integer({ min: 0, max: 1_000 }),
    fc.array(fc.uint8Array({ maxLength: 100 }), { maxLength: 40 }),
  ])('reads back exactly the stream bytes it still holds, whatever the appends', (size, first, chunks) => {
    const backlog = new ReplicationBacklog(size, first);
    const stream = Buffer.concat(chunks.map((c) => Buffer.from(c)));
    for (const chunk of chunks) backlog.append(chunk);
    const held = Math.min(size, stream.length);
    expect(backlog.end).toBe(first + stream.length);
    expect(backlog.start).toBe(first + stream.length - held);
    for (let from = backlog.start; from <= backlog.end; from += 7) {
      expect(Buffer.concat(backlog.read(from)).equals(stream.subarray(from - first))).toBe(true);
    }
  });
});
