/**
 * Every loss and every extra copy has a place (issue #20): over generated pipelines (a consumer
 * application or a windowed Flink job behind Kafka, in their different commit, window and sink
 * settings) and generated fault schedules, no output reports anything at "unknown", and each lost
 * or duplicated record is counted at exactly one place.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runSync } from '../../simulator/run/run.js';
import { specOf } from '../support/specs.js';
import { pipeline } from '../support/reader-pipelines.js';

const consumer = fc.record({
  kind: fc.constant('consumer' as const),
  commit: fc.constantFrom('before-processing', 'after-processing', 'auto'),
  processing: fc.constantFrom('in-poll-loop', 'worker'),
  instances: fc.constantFrom(1, 2),
  documentId: fc.boolean(),
});

const flink = fc.record({
  kind: fc.constant('flink' as const),
  window: fc.constantFrom('{ type: tumbling, size: 2s }', '{ type: sliding, size: 4s, slide: 2s }', '{ type: session, gap: 400ms }'),
  lateness: fc.constantFrom('0s', '5s'),
  lateData: fc.constantFrom('drop', 'side-output'),
  mode: fc.constantFrom('EXACTLY_ONCE', 'AT_LEAST_ONCE'),
  documentId: fc.boolean(),
  // Bulk requests at every barrier only (the default), or one per result: then results are written
  // between checkpoints, and a failure before the next one has the restored windows write them again.
  maxActions: fc.constantFrom(1000, 1),
});

const fault = fc.oneof(
  fc.record({ crash: fc.constantFrom('logstash', 'reader', 'kafka/broker-1'), at: fc.integer({ min: 500, max: 9_000 }), 'restart-after': fc.integer({ min: 200, max: 6_000 }) }),
  fc.record({ link: fc.constantFrom('logstash->kafka', 'reader->es'), loss: fc.constantFrom(0.05, 0.2), from: fc.constant('1s'), to: fc.integer({ min: 3, max: 9 }).map((s) => `${s}s`) }),
);

const runs = Number(process.env['FC_RUNS'] ?? 100);

describe('every loss and every copy has a place', () => {
  it('no output reports "unknown", and each lost or duplicated record is counted at one place', () => {
    fc.assert(
      fc.property(fc.oneof(consumer, flink), fc.array(fault, { maxLength: 3 }), fc.integer({ min: 1, max: 1000 }), (reader, faults, seed) => {
        const h = runSync(specOf(pipeline(reader, faults)), { seed });
        const outputs = Object.entries(h.result.outputs);
        expect(outputs.length).toBeGreaterThan(0);
        // Copies noted anywhere: every extra copy an output holds was made by some noted mechanism.
        let noted = 0;
        for (const c of h.sim.ledger.notesAt.values()) noted += c.duplicated;
        for (const [id, o] of outputs) {
          expect({ id, lost: o.lostAt['unknown'], duplicated: o.duplicatedAt['unknown'] }).toEqual({ id, lost: undefined, duplicated: undefined });
          expect(Object.values(o.lostAt).reduce((a, b) => a + b, 0)).toBe(o.lost);
          expect(Object.values(o.duplicatedAt).reduce((a, b) => a + b, 0)).toBe(o.duplicated);
          expect(o.extraCopies).toBeLessThanOrEqual(noted);
        }
      }),
      // 100, not 30: at the fixed seed the first restore whose windows repeat an earlier write is run 74.
      // Explore further with FC_RUNS=1000 (and FC_SEED=<n>) without editing the test.
      { numRuns: runs },
    );
    // A run takes about 0.1–0.3 s: more runs need more time than the default 30 s.
  }, Math.max(30_000, runs * 600));
});
