/**
 * Properties over generated fault schedules on Filebeat → Logstash (persisted queue) →
 * Elasticsearch (SEMANTICS §1, §2, §5): loss, duplication, reordering, delay, partitions
 * and crashes with restart.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { run, beatsLogstashEs } from '../unit/collectors/helpers.js';

const node = fc.constantFrom('filebeat', 'logstash', 'es');
const link = fc.constantFrom('filebeat->logstash', 'logstash->es');

const linkFault = fc
  .record({
    link,
    loss: fc.constantFrom(0, 0.05, 0.2),
    duplicate: fc.constantFrom(0, 0.1),
    reorder: fc.constantFrom(0, 0.3),
    delay: fc.integer({ min: 1, max: 50 }),
    from: fc.integer({ min: 0, max: 8000 }),
    length: fc.integer({ min: 500, max: 8000 }),
  })
  .map((f) => `{ link: ${f.link}, loss: ${f.loss}, duplicate: ${f.duplicate}, reorder: ${f.reorder}, delay: ${f.delay}ms, from: ${f.from}ms, to: ${f.from + f.length}ms }`);

const crash = fc
  .record({ node, at: fc.integer({ min: 500, max: 9500 }), down: fc.integer({ min: 100, max: 5000 }) })
  .map((c) => `{ crash: ${c.node}, at: ${c.at}ms, restart-after: ${c.down}ms }`);

const partition = fc
  .record({ node, from: fc.integer({ min: 0, max: 9000 }), length: fc.integer({ min: 100, max: 20_000 }) })
  .map((p) => `{ partition: [${p.node}], from: ${p.from}ms, to: ${p.from + p.length}ms }`);

const schedule = fc.array(fc.oneof(linkFault, crash, partition), { minLength: 1, maxLength: 4 });

describe('Filebeat → persisted-queue Logstash → Elasticsearch under faults', () => {
  it('loses nothing (queue.checkpoint.writes: 1)', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 1, max: 1000 }), (faults, seed) => {
        const es = run(beatsLogstashEs({ faults }), seed).result.outputs['es']!;
        expect(es.lost).toBe(0);
        expect(es.inFlight).toBe(0);
      }),
      { numRuns: 15 },
    );
  });

  // A content-and-origin id, not add_id: the schedules restart Filebeat, and add_id gives the lines
  // it reads again new ids (SEMANTICS-2 §3).
  it('with fingerprint and document_id also duplicates nothing', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 1, max: 1000 }), (faults, seed) => {
        const es = run(beatsLogstashEs({ faults, ids: 'fingerprint' }), seed).result.outputs['es']!;
        expect(es.lost).toBe(0);
        expect(es.inFlight).toBe(0);
        expect(es.duplicated).toBe(0);
        expect(es.exactlyOnce).toBe(es.generated);
      }),
      { numRuns: 15 },
    );
  });

  it('counter-test: with auto ids, lost ACKs leave duplicate documents', () => {
    fc.assert(
      fc.property(fc.constantFrom(0.3, 0.5), fc.integer({ min: 1, max: 1000 }), (loss, seed) => {
        // Small batches: many ACKs, so some are surely lost.
        const faults = [`{ link: filebeat->logstash, loss: ${loss}, to: 150s }`];
        const es = run(beatsLogstashEs({ faults, filebeat: '    bulk_max_size: 20' }), seed).result.outputs['es']!;
        expect(es.lost).toBe(0);
        expect(es.inFlight).toBe(0);
        expect(es.duplicated).toBeGreaterThan(0);
        expect(es['documents']).toBe(es.generated + es.extraCopies);
      }),
      { numRuns: 10 },
    );
  });

  it('a memory queue loses records on a Logstash crash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1500, max: 9000 }), fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 1, max: 1000 }), (at, down, seed) => {
        const faults = [`{ crash: logstash, at: ${at}ms, restart-after: ${down}ms }`];
        const logstash = '    pipeline.workers: 1\n    processing-time: 20ms';
        const es = run(beatsLogstashEs({ queue: 'memory', logstash, faults }), seed).result.outputs['es']!;
        expect(es.lost).toBeGreaterThan(0);
        expect(es.lostAt['logstash']).toBe(es.lost);
      }),
      { numRuns: 10 },
    );
  });
});
