/**
 * The ledger's conservation law, for any fault schedule: every generated record is exactly
 * one of delivered once, duplicated, lost, filtered, late, late to the side output, dead-lettered
 * or in flight, in every output.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runSync } from '../../simulator/run/run.js';
import { specOf, beatsLogstashEs } from '../support/specs.js';

const fault = fc.oneof(
  fc.record({
    link: fc.constantFrom('filebeat->logstash', 'logstash->es'),
    loss: fc.constantFrom(0, 0.1, 0.3),
    duplicate: fc.constantFrom(0, 0.1),
    reorder: fc.constantFrom(0, 0.2),
    from: fc.integer({ min: 0, max: 9 }).map((s) => `${s}s`),
    to: fc.integer({ min: 10, max: 20 }).map((s) => `${s}s`),
  }),
  fc.record({ crash: fc.constantFrom('filebeat', 'logstash', 'es'), at: fc.integer({ min: 0, max: 9_000 }), 'restart-after': fc.integer({ min: 100, max: 10_000 }) }),
  fc.record({ partition: fc.constantFrom(['logstash'], ['es']), from: fc.integer({ min: 0, max: 9_000 }), to: fc.integer({ min: 9_001, max: 20_000 }) }),
);

describe('ledger conservation', () => {
  it('generated = exactlyOnce + duplicated + lost + filtered + late + lateSideOutput + deadLettered + inFlight, whatever the faults', () => {
    fc.assert(
      fc.property(fc.array(fault, { maxLength: 4 }), fc.constantFrom<'memory' | 'persisted'>('memory', 'persisted'), fc.integer({ min: 1, max: 1000 }), (faults, queue, seed) => {
        const text = beatsLogstashEs({ queue, faults: faults.map((f) => `  - ${JSON.stringify(f)}`).join('\n') || '  []' });
        const result = runSync(specOf(text), { seed }).result;
        expect(Object.keys(result.outputs).length).toBeGreaterThan(0);
        for (const o of Object.values(result.outputs)) {
          expect(o.generated).toBe(1000);
          expect(o.exactlyOnce + o.duplicated + o.lost + o.filtered + o.late + o.lateSideOutput + o.deadLettered + o.inFlight).toBe(o.generated);
          for (const k of ['exactlyOnce', 'duplicated', 'lost', 'filtered', 'late', 'lateSideOutput', 'deadLettered', 'inFlight', 'extraCopies'] as const) expect(o[k]).toBeGreaterThanOrEqual(0);
          expect(Object.values(o.lostAt).reduce((a, b) => a + b, 0)).toBe(o.lost);
          expect(Object.values(o.duplicatedAt).reduce((a, b) => a + b, 0)).toBe(o.duplicated);
        }
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
