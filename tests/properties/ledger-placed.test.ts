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
});

type Reader = { kind: 'consumer'; commit: string; processing: string; instances: number; documentId: boolean } | { kind: 'flink'; window: string; lateness: string; lateData: string; mode: string; documentId: boolean };

const fault = fc.oneof(
  fc.record({ crash: fc.constantFrom('logstash', 'reader', 'kafka/broker-1'), at: fc.integer({ min: 500, max: 9_000 }), 'restart-after': fc.integer({ min: 200, max: 6_000 }) }),
  fc.record({ link: fc.constantFrom('logstash->kafka', 'reader->es'), loss: fc.constantFrom(0.05, 0.2), from: fc.constant('1s'), to: fc.integer({ min: 3, max: 9 }).map((s) => `${s}s`) }),
);

function readerYaml(r: Reader): string {
  if (r.kind === 'consumer') {
    return `  reader:
    type: consumer
    source: { node: kafka, topic: logs, enable.auto.commit: ${r.commit === 'auto'}, auto.offset.reset: earliest, session.timeout.ms: 6s }
    commit: ${r.commit}
    processing: ${r.processing}
    instances: ${r.instances}
    processing-time: 2ms
    output: { elasticsearch: { node: es, index: logs${r.documentId ? ', document_id: "%{[@metadata][_id]}"' : ''} } }`;
  }
  return `  reader:
    type: flink
    source: { node: kafka, topic: logs, idleness: 2s }
    execution.checkpointing.interval: 2s
    execution.checkpointing.mode: ${r.mode}
    job: { key-by: status, window: ${r.window}, watermark: { max-out-of-orderness: 500ms }, allowed-lateness: ${r.lateness}, late-data: ${r.lateData} }
    sink: { elasticsearch: { node: es, index: counts${r.documentId ? ', document-id: "{key}-{window.start}"' : ''} } }`;
}

function pipeline(r: Reader, faults: readonly object[]): string {
  return `duration: 10s
drain: 60s
workload: { generator: access-log, rate: 50/s, files: 2, key: status, late: { fraction: 0.1, max: 6s } }
nodes:
  filebeat: { type: beats, output: logstash, processors: [add_id] }
  logstash:
    type: logstash
    queue.type: persisted
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all } }
  kafka: { type: kafka, brokers: 3, min.insync.replicas: 2, topics: { logs: { partitions: 3, replication.factor: 3 } } }
${readerYaml(r)}
  es: { type: elasticsearch }
faults:
${faults.map((f) => `  - ${JSON.stringify(f)}`).join('\n') || '  []'}
`.replace('faults:\n  []', 'faults: []');
}

describe('every loss and every copy has a place', () => {
  it('no output reports "unknown", and each lost or duplicated record is counted at one place', () => {
    fc.assert(
      fc.property(fc.oneof(consumer, flink), fc.array(fault, { maxLength: 3 }), fc.integer({ min: 1, max: 1000 }), (reader, faults, seed) => {
        // Known gap, kept out here and pinned by an expected failure in tests/scenarios/ledger-fidelity.test.ts:
        // a Flink Elasticsearch sink with generated ids whose bulk response is lost fails the job, and the
        // restored windows write their records again with no note (the copy is at "unknown").
        const lostResponses = reader.kind === 'flink' && !reader.documentId;
        const applied = lostResponses ? faults.filter((f) => !('link' in f && f.link === 'reader->es')) : faults;
        const h = runSync(specOf(pipeline(reader, applied)), { seed });
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
      { numRuns: 30 },
    );
  });
});
