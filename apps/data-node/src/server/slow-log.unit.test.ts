import { describe, expect, it } from 'vitest';
import { SlowLog } from './slow-log.js';

const args = (...words: string[]) => words.map((w) => Buffer.from(w));

describe('SlowLog', () => {
  it('keeps the newest entries first with increasing ids', () => {
    const log = new SlowLog();
    log.push(args('GET', 'a'), 12, 100, '1.2.3.4:5', '');
    log.push(args('GET', 'b'), 13, 101, '1.2.3.4:5', 'app');
    const [newest, older] = log.latest(-1);
    expect(newest).toMatchObject({ id: 1, time: 101, usec: 13, addr: '1.2.3.4:5', name: 'app' });
    expect(older?.id).toBe(0);
    expect(log.latest(1)).toHaveLength(1);
  });

  it('copies arguments, so later changes to the request buffer do not show', () => {
    const log = new SlowLog();
    const request = args('SET', 'k', 'v');
    log.push(request, 1, 1, 'a', '');
    (request[2] as Buffer)[0] = 0x58;
    expect(log.latest(1)[0]?.args.map(String)).toEqual(['SET', 'k', 'v']);
  });

  it('drops the oldest entries beyond the maximum length, and records nothing at 0', () => {
    const log = new SlowLog();
    log.resize(2);
    for (let i = 0; i < 5; i++) log.push(args('PING'), 1, i, 'a', '');
    expect(log.latest(-1).map((e) => e.time)).toEqual([4, 3]);
    log.resize(0);
    log.push(args('PING'), 1, 9, 'a', '');
    expect(log.length).toBe(0);
  });

  it('continues ids after a reset', () => {
    const log = new SlowLog();
    log.push(args('PING'), 1, 1, 'a', '');
    log.reset();
    log.push(args('PING'), 1, 2, 'a', '');
    expect(log.latest(-1).map((e) => e.id)).toEqual([1]);
  });
});
