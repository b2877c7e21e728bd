/** Filebeat's queue of lines not yet batched: rids and reads in, the same events out as a list of events would give. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Workload } from '../../../simulator/workload/workload.js';
import { workloadSchema } from '../../../simulator/spec/schema/workload.js';
import { PendingLines } from '../../../simulator/nodes/beats/pending-lines.js';
import { ShippedLine, type ReadStamp } from '../../../simulator/nodes/beats/shipped-line.js';

const workload = new Workload(workloadSchema.parse({ generator: 'access-log', rate: 2000, files: 2 }), 3, 40_000);
const reads: ReadStamp[] = [0, 1, 2, 3].map((i) => ({ source: { workload, processors: ['add_id'] }, stamp: `2026-01-01T00:00:0${i}.000Z`, incarnation: i % 2 }));

describe('Filebeat pending lines', () => {
  it('cut batches of the events a plain list would hold, across reads and compactions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 2500 })), { minLength: 1, maxLength: 12 }), (steps) => {
        const pending = new PendingLines();
        const model: ShippedLine[] = [];
        let next = 0;
        for (const [read, lines, take] of steps) {
          for (let i = 0; i < lines && next < workload.total; i++, next++) {
            pending.push(next, reads[read]!);
            model.push(new ShippedLine(next, workload.eventTimeMs(next), reads[read]!));
          }
          const n = Math.min(take, pending.available);
          const got = pending.take(n);
          const want = model.splice(0, n);
          expect([...got].map((e) => [e.rid, e.eventTimeMs, (e as ShippedLine).read])).toEqual(want.map((e) => [e.rid, e.eventTimeMs, e.read]));
          const held: number[] = [];
          pending.visit((rid) => held.push(rid));
          expect(held).toEqual(model.map((e) => e.rid));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('forget everything on clear (a crash)', () => {
    const pending = new PendingLines();
    for (let i = 0; i < 10; i++) pending.push(i, reads[0]!);
    pending.clear();
    expect(pending.available).toBe(0);
    pending.push(42, reads[1]!);
    expect(pending.take(1).at(0)!.read).toBe(reads[1]);
  });
});
