/**
 * SEMANTICS §0: end to end is only as strong as its weakest hop unless a later hop
 * deduplicates. Over generated fault schedules on every hop, the chain Filebeat (fingerprint) →
 * Logstash (persisted queue) → Kafka (idempotent, acks all) → Flink EXACTLY_ONCE → ES with
 * `document-id: "{event_id}"` (Filebeat's id, copied out of @metadata by Logstash) ends with nothing lost and nothing duplicated once drained;
 * without the id-based dedupe the same chain shows duplicates.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseSpec } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';

interface Schedule {
  crashFilebeat: number;
  crashLogstash: number;
  crashFlink: number;
  crashBroker: number;
  loss: number;
}

const chain = (s: Schedule, documentId: boolean) => `
duration: 10s
drain: 120s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  # fingerprint, not add_id: the schedule restarts Filebeat, and add_id gives re-read lines new ids (SEMANTICS-2 §3).
  filebeat: { type: beats, output: logstash, processors: [fingerprint] }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    # @metadata never crosses Kafka: the id travels as a field, in the json codec's record.
    filter: [ { mutate: { add_field: { event_id: "%{[@metadata][_id]}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, codec: json } }
  kafka: { type: kafka, brokers: 3, min.insync.replicas: 2, topics: { logs: { partitions: 3, replication.factor: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, isolation.level: read_committed }
    execution.checkpointing.interval: 2s
    execution.checkpointing.mode: EXACTLY_ONCE
    sink: { elasticsearch: { node: es, index: logs, bulk.flush.interval: 200ms${documentId ? ', document-id: "{event_id}"' : ''} } }
  es: { type: elasticsearch }
faults:
  - { crash: filebeat, at: ${s.crashFilebeat}ms, restart-after: 1s }
  - { crash: logstash, at: ${s.crashLogstash}ms, restart-after: 1s }
  - { crash: kafka/broker-1, at: ${s.crashBroker}ms, restart-after: 3s }
  - { crash: flink, at: ${s.crashFlink}ms, restart-after: 1s }
  - { link: filebeat->logstash, loss: ${s.loss}, from: 0s, to: 10s }
  - { link: flink->es, loss: ${s.loss}, from: 0s, to: 10s }
`;

const schedule = fc.record({
  crashFilebeat: fc.integer({ min: 500, max: 9000 }),
  crashLogstash: fc.integer({ min: 500, max: 9000 }),
  crashFlink: fc.integer({ min: 500, max: 9000 }),
  crashBroker: fc.integer({ min: 500, max: 9000 }),
  loss: fc.constantFrom(0, 0.05, 0.1),
});

function run(yaml: string) {
  const r = parseSpec(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return runSync(r.spec).result;
}

describe('effectively-once end to end', () => {
  it('with document-id {event_id}: lost 0 and duplicated 0 once drained', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const result = run(chain(s, true));
        const es = result.outputs['es']!;
        expect(result.ended).toBe('drained');
        expect(es.lost).toBe(0);
        expect(es.duplicated).toBe(0);
        expect(es.exactlyOnce).toBe(es.generated);
      }),
      { numRuns: 12 },
    );
  });

  it('without id-based dedupe the same chain shows duplicates', () => {
    let duplicated = 0;
    fc.assert(
      fc.property(schedule, (s) => {
        const es = run(chain(s, false)).outputs['es']!;
        expect(es.lost).toBe(0);
        duplicated += es.duplicated;
      }),
      { numRuns: 8 },
    );
    expect(duplicated).toBeGreaterThan(0);
  });
});
