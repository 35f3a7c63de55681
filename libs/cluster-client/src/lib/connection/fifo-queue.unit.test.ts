import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoQueue } from './fifo-queue.js';

describe('FifoQueue', () => {
  it('behaves like an array used with push and shift, across compactions', () => {
    const op = fc.oneof(
      fc.integer().map((n) => ({ push: n })),
      fc.constant({ shift: true }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 5000 }), (ops) => {
        const queue = new FifoQueue<number>();
        const model: number[] = [];
        for (const o of ops) {
          if ('push' in o) {
            queue.push(o.push);
            model.push(o.push);
          } else {
            expect(queue.shift()).toBe(model.shift());
          }
          expect(queue.length).toBe(model.length);
          expect(queue.at(0)).toBe(model[0]);
        }
        expect(queue.drain()).toEqual(model);
        expect(queue.length).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('compacts a long-consumed prefix while keeping order', () => {
    const queue = new FifoQueue<number>();
    for (let i = 0; i < 3000; i++) queue.push(i);
    for (let i = 0; i < 2000; i++) expect(queue.shift()).toBe(i);
    expect(queue.at(0)).toBe(2000);
    expect(queue.length).toBe(1000);
  });
});
