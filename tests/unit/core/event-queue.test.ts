import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../simulator/core/event-queue.js';

describe('EventQueue', () => {
  it('pops events in (time, insertion) order', () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(5, () => order.push('b'));
    q.push(1, () => order.push('a'));
    q.push(5, () => order.push('c'));
    q.push(10, () => order.push('e'));
    q.push(5, () => order.push('d'));
    while (q.size > 0) q.pop()!();
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('breaks ties by a numeric sequence, so the 10th event does not sort before the 9th', () => {
    const q = new EventQueue();
    const order: number[] = [];
    for (let i = 0; i < 20; i++) q.push(0, () => order.push(i));
    while (q.size > 0) q.pop()!();
    expect(order).toEqual([...Array(20).keys()]);
  });

  it('matches a stable sort for any sequence of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = new EventQueue();
        const model: { t: number; seq: number }[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op >= 0) {
            const s = seq++;
            q.push(op, () => s);
            model.push({ t: op, seq: s });
          } else if (model.length > 0) {
            model.sort((a, b) => a.t - b.t || a.seq - b.seq);
            const expected = model.shift()!;
            expect(q.peekTime()).toBe(expected.t);
            expect((q.pop()! as () => number)()).toBe(expected.seq);
          }
        }
        expect(q.size).toBe(model.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reports Infinity for the next time of an empty queue', () => {
    expect(new EventQueue().peekTime()).toBe(Infinity);
    expect(new EventQueue().pop()).toBeUndefined();
  });
});
